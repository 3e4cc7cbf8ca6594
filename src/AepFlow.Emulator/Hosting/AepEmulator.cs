using AepFlow.Emulator.Endpoints;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AepFlow.Emulator;

/// <summary>
/// The emulator running inside the current process, for tests and samples:
/// <code>
/// await using var emulator = await AepEmulator.StartAsync(new EmulatorOptions(), ct);
/// var client = new HttpClient { BaseAddress = emulator.BaseAddress };
/// </code>
/// </summary>
public sealed class AepEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;

    private AepEmulator(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        _state = app.Services.GetRequiredService<EmulatorState>();
        Faults = app.Services.GetRequiredService<FaultInjector>();
        Requests = app.Services.GetRequiredService<RequestLog>();
    }

    /// <summary>Root address, e.g. <c>http://127.0.0.1:54321/</c>; Platform paths go below it (<c>data/foundation/flowservice/…</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The port actually bound (useful when <see cref="EmulatorOptions.Port"/> was 0).</summary>
    public int Port => BaseAddress.Port;

    /// <summary>The IMS token endpoint, <c>{BaseAddress}ims/token/v3</c>.</summary>
    public Uri TokenEndpoint => new(BaseAddress, ImsEndpoints.TokenPath.TrimStart('/'));

    /// <summary>Fault switches: what the next matching requests suffer.</summary>
    public FaultInjector Faults { get; }

    /// <summary>The API requests received so far (the Authorization value is never kept).</summary>
    public RequestLog Requests { get; }

    /// <summary>How many tokens the IMS endpoint has issued since start or the last <see cref="Reset"/>.</summary>
    public int IssuedTokenCount => _state.Tokens.IssuedCount;

    /// <summary>Starts an emulator on 127.0.0.1 and returns once it accepts connections.</summary>
    public static async Task<AepEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var app = EmulatorApplication.Build([], options ?? new EmulatorOptions(), useConfiguredUrls: false);
        try
        {
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel reported no listening address.");
            return new AepEmulator(app, new Uri(address.TrimEnd('/') + "/"));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Forgets every created resource in every sandbox, queued fault and recorded request, and restarts
    /// <see cref="IssuedTokenCount"/>; tokens already issued stay valid.
    /// </summary>
    public void Reset() => AdminEndpoints.Reset(_state, Faults, Requests);

    /// <summary>Stops listening; in-flight requests get a short grace period.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
    }
}
