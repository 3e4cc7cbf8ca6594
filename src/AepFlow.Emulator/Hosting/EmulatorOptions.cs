namespace AepFlow.Emulator;

/// <summary>How an <see cref="AepEmulator"/> starts. The <c>aepflow emulator</c> command fills it from its options.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Loopback port to listen on; 0 picks a free port (read it back from <see cref="AepEmulator.BaseAddress"/>).</summary>
    public int Port { get; set; }

    /// <summary>
    /// Explicit addresses to listen on (<c>http://0.0.0.0:5080</c>…), as <c>--urls</c> gives them. When empty the emulator
    /// listens on 127.0.0.1 at <see cref="Port"/> only; <c>ASPNETCORE_URLS</c> and other ambient settings are ignored.
    /// </summary>
    public IReadOnlyList<string> Urls { get; set; } = [];

    /// <summary>Items per list page when the request has no <c>limit</c>.</summary>
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>Tenant id used in the ids of created schemas (<c>https://ns.adobe.com/&lt;tenant&gt;/schemas/…</c>).</summary>
    public string TenantId { get; set; } = "aepflowemulator";

    /// <summary>Faults queued at start, e.g. to make the first flow list answer 503.</summary>
    public List<FaultRule> Faults { get; set; } = [];

    /// <summary>How many received requests to keep for <see cref="AepEmulator.Requests"/>.</summary>
    public int MaxRecordedRequests { get; set; } = 2000;

    /// <summary>Request bodies up to this many bytes are recorded (redacted); larger ones are noted by size only.</summary>
    public int MaxRecordedBodyBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// Accept any bearer token, API key, org id and sandbox, for quick experiments with curl. Off by default: only tokens
    /// the emulator's IMS endpoint issued are accepted, and the API key, org id and sandbox must belong to the token's client.
    /// </summary>
    public bool AcceptAnyCredentials { get; set; }

    /// <summary>Lifetime of tokens issued by the IMS endpoint.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The client id (also the <c>x-api-key</c>) the IMS endpoint issues tokens for.</summary>
    public string ClientId { get; set; } = EmulatorCredentials.DefaultClientId;

    /// <summary>The client secret the IMS endpoint accepts; <see langword="null"/> generates one at start (see <see cref="AepEmulator.Credentials"/>).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The IMS organization the client belongs to (<c>x-gw-ims-org-id</c>).</summary>
    public string OrgId { get; set; } = EmulatorCredentials.DefaultOrgId;

    /// <summary>Sandboxes that exist; requests naming another sandbox are refused. The first one is the default.</summary>
    public IReadOnlyList<string> Sandboxes { get; set; } = ["prod", "dev"];

    /// <summary>Key for the <c>/__emulator</c> admin endpoints and the dashboard; <see langword="null"/> generates one at start.</summary>
    public string? AdminKey { get; set; }

    /// <summary>
    /// Folders of <c>*.flowspec.json</c> / <c>*.connectionspec.json</c> files (as <c>aepflow specs pull</c> writes them) served on
    /// top of the bundled specs; a spec with the same id as a bundled one replaces it.
    /// </summary>
    public IReadOnlyList<string> SpecFolders { get; set; } = [];

    /// <summary>How long a scheduled run stays <c>pending</c> before it starts (simulated time).</summary>
    public TimeSpan RunStartDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a run stays <c>inProgress</c> (simulated time).</summary>
    public TimeSpan RunDuration { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Records a successful simulated run reads and writes (the emulator moves no data; these are its metrics).</summary>
    public int RecordsPerRun { get; set; } = 100;

    /// <summary>Lowest level logged; the in-process emulator is quiet by default.</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;

    /// <summary>Extra logging setup (for example a test's log sink); runs after the console logger is added.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>
    /// The real clock under the emulator's simulated clock (<see cref="AepEmulator.Clock"/>), for timestamps, token expiry
    /// and run schedules.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
