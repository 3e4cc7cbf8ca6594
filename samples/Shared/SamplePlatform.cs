using AepFlow.Emulator;

namespace AepFlow.Samples;

/// <summary>
/// Where the sample runs: real Platform when the AEP_* variables are set, otherwise the in-process emulator.
/// </summary>
internal sealed class SamplePlatform : IAsyncDisposable
{
    private readonly AepEmulator? _emulator;

    private SamplePlatform(AepClient client, AepEmulator? emulator)
    {
        Client = client;
        _emulator = emulator;
    }

    public AepClient Client { get; }

    /// <summary>
    /// On the emulator, moves its simulated clock forward so a scheduled run happens without the wait; on Platform time
    /// passes by itself, so this does nothing.
    /// </summary>
    public void FastForward(TimeSpan by) => _emulator?.Clock.Advance(by);

    public static async Task<SamplePlatform> ConnectAsync(CancellationToken cancellationToken)
    {
        if (AepClientOptions.EnvironmentHasCredentials())
        {
            var options = AepClientOptions.FromEnvironment();
            Console.WriteLine($"Platform: {options.BaseAddress} (sandbox {options.SandboxName})");
            return new SamplePlatform(new AepClient(options), emulator: null);
        }

        var emulator = await AepEmulator.StartAsync(new EmulatorOptions { Port = 0 }, cancellationToken);
        Console.WriteLine($"Platform: AepFlow emulator at {emulator.BaseAddress} (set AEP_CLIENT_ID, AEP_CLIENT_SECRET, AEP_ORG_ID, AEP_SANDBOX for real Platform)");
        // The emulator is strict: the client uses the credentials it issued.
        return new SamplePlatform(emulator.CreateClient(), emulator);
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}

/// <summary>Prints one tutorial step and the id it produced.</summary>
internal static class Step
{
    private static int _number;

    public static void Print(string what, string id) =>
        Console.WriteLine($"{Interlocked.Increment(ref _number),2}. {what,-34} {id}");
}
