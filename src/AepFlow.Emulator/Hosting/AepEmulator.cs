using AepFlow.Emulator.Endpoints;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AepFlow.Emulator;

/// <summary>
/// The emulator running inside the current process, for tests and samples:
/// <code>
/// await using var aep = await AepEmulator.StartAsync();
/// using var client = aep.CreateClient();              // an AepClient holding the emulator's credentials
/// </code>
/// </summary>
public sealed class AepEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;

    private AepEmulator(WebApplication app, IReadOnlyList<Uri> addresses)
    {
        _app = app;
        Addresses = addresses;
        BaseAddress = addresses[0];
        _state = app.Services.GetRequiredService<EmulatorState>();
        Faults = app.Services.GetRequiredService<FaultInjector>();
        Requests = app.Services.GetRequiredService<RequestLog>();
    }

    /// <summary>Root address, e.g. <c>http://127.0.0.1:54321/</c>; Platform paths go below it (<c>data/foundation/flowservice/…</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every address listened on (one unless <see cref="EmulatorOptions.Urls"/> named several).</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>The port actually bound (useful when <see cref="EmulatorOptions.Port"/> was 0).</summary>
    public int Port => BaseAddress.Port;

    /// <summary>The IMS token endpoint, <c>{BaseAddress}ims/token/v3</c>.</summary>
    public Uri TokenEndpoint => new(BaseAddress, ImsEndpoints.TokenPath.TrimStart('/'));

    /// <summary>The dashboard's address with the admin key, for a browser: <c>{BaseAddress}?adminKey=…</c>.</summary>
    public Uri DashboardAddress => new(BaseAddress, "?" + Gateway.AdminKeyMiddleware.QueryName + "=" + Uri.EscapeDataString(AdminKey));

    /// <summary>The credential the IMS endpoint accepts, and the org and sandboxes that belong to it.</summary>
    public EmulatorCredentials Credentials => _state.Credentials;

    /// <summary>The key the <c>/__emulator</c> endpoints and the dashboard need (header <c>x-emulator-admin-key</c>).</summary>
    public string AdminKey => _state.AdminKey;

    /// <summary>The simulated clock runs are scheduled on: real time until a test freezes or advances it.</summary>
    public EmulatorClock Clock => _state.Clock;

    /// <summary>Fault switches: what the next matching requests suffer.</summary>
    public FaultInjector Faults { get; }

    /// <summary>The API requests received so far, secrets masked.</summary>
    public RequestLog Requests { get; }

    /// <summary>The shared state, for this assembly's tests (seeding thousands of resources without HTTP).</summary>
    internal EmulatorState State => _state;

    /// <summary>How many tokens the IMS endpoint has issued since start or the last <see cref="Reset"/>.</summary>
    public int IssuedTokenCount => _state.Tokens.IssuedCount;

    /// <summary>Starts an emulator (on 127.0.0.1 unless <see cref="EmulatorOptions.Urls"/> says otherwise) and returns once it accepts connections.</summary>
    public static async Task<AepEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var app = EmulatorApplication.Build(options ?? new EmulatorOptions());
        try
        {
            await app.StartAsync(cancellationToken);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                .Select(address => new Uri(address.TrimEnd('/') + "/"))
                .ToArray();
            if (addresses is not { Length: > 0 })
            {
                throw new InvalidOperationException("Kestrel reported no listening address.");
            }

            return new AepEmulator(app, addresses);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Client options that talk to this emulator with its credentials: base address, token endpoint, client id and secret,
    /// org and the default sandbox (or <paramref name="sandbox"/>).
    /// </summary>
    public AepClientOptions CreateClientOptions(string? sandbox = null) => new()
    {
        BaseAddress = BaseAddress,
        TokenEndpoint = TokenEndpoint,
        ClientId = Credentials.ClientId,
        ClientSecret = Credentials.ClientSecret,
        OrgId = Credentials.OrgId,
        SandboxName = sandbox ?? Credentials.DefaultSandbox,
    };

    /// <summary>An <see cref="AepClient"/> for this emulator (see <see cref="CreateClientOptions"/>); dispose it before the emulator.</summary>
    public AepClient CreateClient(string? sandbox = null) => new(CreateClientOptions(sandbox));

    /// <summary>Makes the next matching runs fail with <paramref name="rule"/>'s error; returns the id it is queued under.</summary>
    public long InjectRunFault(RunFaultRule rule) => _state.Runs.AddFault(rule);

    /// <summary>
    /// Forgets every created resource in every sandbox, run schedule, queued fault and recorded request, and restarts
    /// <see cref="IssuedTokenCount"/>; tokens already issued stay valid and the clock keeps its time.
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
