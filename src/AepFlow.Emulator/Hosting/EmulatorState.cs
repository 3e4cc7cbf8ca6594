using AepFlow.Emulator.Gateway;
using AepFlow.Emulator.Recording;
using AepFlow.Emulator.Runs;
using AepFlow.Emulator.Specs;
using AepFlow.Emulator.Storage;
using AepFlow.Emulator.Validation;

namespace AepFlow.Emulator;

/// <summary>Everything the endpoints share: the specs, the stored resources, the validators, credentials and the clock.</summary>
internal sealed class EmulatorState
{
    public EmulatorState(
        EmulatorOptions options,
        SpecCatalog specs,
        ResourceStore store,
        IFlowValidator flowValidator,
        IConnectionValidator connectionValidator)
    {
        Options = options;
        Specs = specs;
        Store = store;
        FlowValidator = flowValidator;
        ConnectionValidator = connectionValidator;
        Clock = new EmulatorClock(options.TimeProvider);
        Tokens = new TokenIssuer(options, options.TimeProvider);
        Credentials = new EmulatorCredentials(
            options.ClientId,
            options.ClientSecret ?? Secret(),
            options.OrgId,
            options.Sandboxes.Count > 0 ? [.. options.Sandboxes] : [RequestContext.DefaultSandbox]);
        AdminKey = options.AdminKey ?? Secret();
        Redactor = SecretRedactor.From(specs);
        Runs = new RunSimulator(this);
    }

    public EmulatorOptions Options { get; }

    public SpecCatalog Specs { get; }

    public ResourceStore Store { get; }

    public IFlowValidator FlowValidator { get; }

    public IConnectionValidator ConnectionValidator { get; }

    public TokenIssuer Tokens { get; }

    public EmulatorCredentials Credentials { get; }

    public string AdminKey { get; }

    public EmulatorClock Clock { get; }

    public SecretRedactor Redactor { get; }

    public RunSimulator Runs { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    private static string Secret() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
