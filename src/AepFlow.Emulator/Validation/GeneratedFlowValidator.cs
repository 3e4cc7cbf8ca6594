using AepFlow.FlowSpecs;
using AepFlow.Validation;

namespace AepFlow.Emulator.Validation;

/// <summary>
/// Validates flow bodies with the generated <see cref="FlowSpecCatalog"/>: the flowSpec is picked by <c>flowSpec.id</c>,
/// the body is read into that spec's typed <c>CreateFlowRequest</c> (a JSON type mismatch becomes a <c>type</c> error at its
/// pointer) and validated against the schedule and transformation schemas. The emulator holds no copy of those rules.
/// </summary>
internal sealed class GeneratedFlowValidator : IFlowValidator
{
    public ValidationResult Validate(string flowJson) => FlowSpecCatalog.ValidateFlowJson(flowJson);
}
