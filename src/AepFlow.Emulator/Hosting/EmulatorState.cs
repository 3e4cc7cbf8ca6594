using AepFlow.Emulator.Gateway;
using AepFlow.Emulator.Specs;
using AepFlow.Emulator.Storage;
using AepFlow.Emulator.Validation;

namespace AepFlow.Emulator;

/// <summary>Everything the endpoints share: the specs, the stored resources and the validator.</summary>
internal sealed class EmulatorState(
    EmulatorOptions options,
    SpecCatalog specs,
    ResourceStore store,
    IFlowValidator flowValidator,
    IConnectionValidator connectionValidator,
    TokenIssuer tokens)
{
    public EmulatorOptions Options { get; } = options;

    public SpecCatalog Specs { get; } = specs;

    public ResourceStore Store { get; } = store;

    public IFlowValidator FlowValidator { get; } = flowValidator;

    public IConnectionValidator ConnectionValidator { get; } = connectionValidator;

    public TokenIssuer Tokens { get; } = tokens;

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();
}
