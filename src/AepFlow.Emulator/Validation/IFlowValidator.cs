using AepFlow.Validation;

namespace AepFlow.Emulator.Validation;

/// <summary>
/// Checks a flow body (<c>POST /flows</c>, or a flow after a PATCH) against its flowSpec's rules: transformation params,
/// schedule (frequency, interval minimums) and JSON types. The emulator adds the reference checks (does the flowSpec, each
/// connection, each mapping set exist) itself.
/// </summary>
internal interface IFlowValidator
{
    /// <summary>Validates the flow JSON; paths in the result are JSON Pointers into it.</summary>
    ValidationResult Validate(string flowJson);
}
