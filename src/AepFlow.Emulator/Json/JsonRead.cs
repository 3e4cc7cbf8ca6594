using System.Text.Json;
using System.Text.Json.Nodes;

namespace AepFlow.Emulator;

/// <summary>Small typed reads from request and resource JSON.</summary>
internal static class JsonRead
{
    /// <summary>The string at <paramref name="name"/>, or null when missing or not a string.</summary>
    public static string? String(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;

    /// <summary>The strings of the array at <paramref name="name"/>, or null when it is not an array of strings.</summary>
    public static IReadOnlyList<string>? StringArray(JsonNode? node, string name)
    {
        if (node is not JsonObject obj || obj[name] is not JsonArray array)
        {
            return null;
        }

        var result = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                return null;
            }

            result.Add(value.GetValue<string>());
        }

        return result;
    }
}
