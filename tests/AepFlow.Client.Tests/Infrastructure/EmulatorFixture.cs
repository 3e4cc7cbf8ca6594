using AepFlow.Emulator;

namespace AepFlow.Client.Tests.Infrastructure;

/// <summary>One emulator on a free loopback port per test class; tests reset it before use.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string ClientId = "loopback-client";
    public const string ClientSecret = "loopback-secret-never-logged";

    public AepEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Emulator = await AepEmulator.StartAsync(new EmulatorOptions
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            OrgId = "LOOPBACK@AdobeOrg",
            Sandboxes = ["loopback"],
        });

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    public AepClientOptions Options() => new()
    {
        BaseAddress = Emulator.BaseAddress,
        TokenEndpoint = Emulator.TokenEndpoint,
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        OrgId = "LOOPBACK@AdobeOrg",
        SandboxName = "loopback",
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(30),
    };
}
