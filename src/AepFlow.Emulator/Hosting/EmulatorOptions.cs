namespace AepFlow.Emulator;

/// <summary>How an <see cref="AepEmulator"/> starts. Bound from the <c>Emulator</c> configuration section when run on its own.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Loopback port to listen on; 0 picks a free port (read it back from <see cref="AepEmulator.BaseAddress"/>).</summary>
    public int Port { get; set; }

    /// <summary>Items per list page when the request has no <c>limit</c>.</summary>
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>Tenant id used in the ids of created schemas (<c>https://ns.adobe.com/&lt;tenant&gt;/schemas/…</c>).</summary>
    public string TenantId { get; set; } = "aepflowemulator";

    /// <summary>Faults queued at start, e.g. to make the first flow list answer 503.</summary>
    public List<FaultRule> Faults { get; set; } = [];

    /// <summary>How many received requests to keep for <see cref="AepEmulator.Requests"/>.</summary>
    public int MaxRecordedRequests { get; set; } = 2000;

    /// <summary>
    /// When <see langword="true"/>, only bearer tokens issued by the emulator's IMS endpoint (<c>POST /ims/token/v3</c>) and not
    /// yet expired are accepted; otherwise any non-empty bearer token is.
    /// </summary>
    public bool RequireIssuedTokens { get; set; }

    /// <summary>Lifetime of tokens issued by the IMS endpoint.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Client id the IMS endpoint accepts; <see langword="null"/> accepts any.</summary>
    public string? ClientId { get; set; }

    /// <summary>Client secret the IMS endpoint accepts; <see langword="null"/> accepts any.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Lowest level logged; the in-process emulator is quiet by default.</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;

    /// <summary>Extra logging setup (for example a test's log sink); runs after the console logger is added.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>Clock for timestamps and token expiry.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
