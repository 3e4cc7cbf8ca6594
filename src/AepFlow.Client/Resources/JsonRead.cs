using System.Text.Json;

namespace AepFlow.Resources;

// Tolerant readers for response bodies: Platform's responses vary by service and revision (numbers as strings, missing
// members), so a missing or differently typed member reads as null instead of failing the whole call.
internal static class JsonRead
{
    public static string? String(JsonElement obj, ReadOnlySpan<byte> name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) ? Text(value) : null;

    public static string RequiredString(JsonElement obj, ReadOnlySpan<byte> name, string resource) =>
        String(obj, name) ?? throw new JsonException($"The {resource} in the response has no '{System.Text.Encoding.UTF8.GetString(name)}'.");

    public static long? Int64(JsonElement obj, ReadOnlySpan<byte> name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    public static IReadOnlyList<string> Strings(JsonElement obj, ReadOnlySpan<byte> name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (Text(item) is { } text)
            {
                list.Add(text);
            }
        }

        return list;
    }

    public static JsonElement Object(JsonElement obj, ReadOnlySpan<byte> name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    public static ResourceRef? Ref(JsonElement obj, ReadOnlySpan<byte> name)
    {
        var value = Object(obj, name);
        return String(value, "id"u8) is { } id ? new ResourceRef(id, String(value, "version"u8)) : null;
    }

    /// <summary>A single-resource GET body: Flow Service wraps the resource in <c>{"items":[…]}</c>; others return it bare.</summary>
    public static JsonElement Single(JsonElement root, string resource)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items"u8, out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                return item;
            }

            throw new JsonException($"The response holds no {resource} (empty items).");
        }

        return root.ValueKind == JsonValueKind.Object ? root : throw new JsonException($"The response for the {resource} is not a JSON object.");
    }

    /// <summary>A generated model's wire JSON as an element (for JSON Patch values).</summary>
    public static JsonElement ToElement(Validation.IAepModel model)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            model.WriteJson(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };
}
