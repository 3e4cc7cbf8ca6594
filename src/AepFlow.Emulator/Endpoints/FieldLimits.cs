using System.Text.Json.Nodes;
using AepFlow.Validation;

namespace AepFlow.Emulator.Endpoints;

/// <summary>Length bounds on the free-text members every service takes, as Platform bounds them (a name is at most 256 characters).</summary>
internal static class FieldLimits
{
    /// <summary>Adds an error when the string at <paramref name="member"/> is longer than <see cref="RequestLimits.MaxNameLength"/>.</summary>
    public static void CheckName(JsonObject body, List<ValidationError> errors, string member = "name")
    {
        if (JsonRead.String(body, member) is { Length: > RequestLimits.MaxNameLength } value)
        {
            errors.Add(new(
                "/" + member,
                "maxLength",
                $"{member} is {value.Length} characters long; at most {RequestLimits.MaxNameLength} are allowed."));
        }
    }
}
