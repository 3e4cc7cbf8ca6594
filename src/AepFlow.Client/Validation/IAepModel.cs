using System.Text.Json;

namespace AepFlow.Validation;

/// <summary>
/// Implemented by every generated request model. Lets the runtime validate and write any model
/// without reflection, so the client works the same under trimming and Native AOT.
/// </summary>
public interface IAepModel
{
    /// <summary>Checks the value against its spec's JSON Schema.</summary>
    ValidationResult Validate();

    /// <summary>Adds this value's errors to <paramref name="collector"/>, with paths below its current position.</summary>
    void ValidateInto(ref ValidationCollector collector);

    /// <summary>Writes the wire JSON of this value.</summary>
    void WriteJson(Utf8JsonWriter writer);
}

/// <summary>A generated <c>CreateFlowRequest</c>: a flow body bound to one flowSpec.</summary>
public interface IFlowRequest : IAepModel
{
    /// <summary>The id of the flowSpec this request is written for.</summary>
    string FlowSpecId { get; }

    /// <summary>The flowSpec version this request is written for.</summary>
    string FlowSpecVersion { get; }
}
