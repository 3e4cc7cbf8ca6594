using AepFlow.Validation;

namespace AepFlow.Emulator.Validation;

/// <summary>
/// INTERIM: the generator does not emit <c>AepFlow.FlowSpecs.FlowSpecCatalog</c> yet, so this only accepts the body.
/// Replaced by a call to <c>FlowSpecCatalog.ValidateFlowJson</c> as soon as it exists (no hand-written schedule rules here).
/// </summary>
internal sealed class GeneratedFlowValidator : IFlowValidator
{
    public ValidationResult Validate(string flowJson) => ValidationResult.Valid;
}
