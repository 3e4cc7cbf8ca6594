using System.Text.Json.Nodes;
using AepFlow.Validation;

namespace AepFlow.Emulator.Validation;

/// <summary>Checks connection parameters against their connectionSpec's auth and source schemas.</summary>
internal interface IConnectionValidator
{
    /// <summary>
    /// Validates a base connection's <c>auth.params</c> for the authSpec <paramref name="specName"/>; paths are prefixed with
    /// <c>/auth/params</c>. Empty when valid or when no model exists for the pair.
    /// </summary>
    IReadOnlyList<ValidationError> ValidateAuth(string connectionSpecId, string specName, JsonObject parameters);

    /// <summary>Validates a source connection's <c>params</c>; paths are prefixed with <c>/params</c>.</summary>
    IReadOnlyList<ValidationError> ValidateSourceParams(string connectionSpecId, JsonObject parameters);
}
