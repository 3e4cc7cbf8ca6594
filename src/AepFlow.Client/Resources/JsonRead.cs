using System.Text.Json;

namespace AepFlow.Resources;

// Tolerant readers for response bodies: Platform's responses vary by service and revision (numbers as strings, missing
// members), so a missing or differently typed member reads as null instead of failing the whole call.
internal static class JsonRead
{
    public static string? String(JsonElement obj, ReadOnlySpan<byte> name) => Text(Member(obj, name));

    public static string RequiredString(JsonElement obj, ReadOnlySpan<byte> name, string resource) => Required(Member(obj, name), name, resource);

    /// <summary>The text of a member's value (<see cref="Text"/>), or a <see cref="JsonException"/> naming the missing member.</summary>
    public static string Required(JsonElement value, ReadOnlySpan<byte> name, string resource) =>
        Text(value) ?? throw new JsonException($"The {resource} in the response has no '{System.Text.Encoding.UTF8.GetString(name)}'.");

    public static long? Int64(JsonElement obj, ReadOnlySpan<byte> name) => Int64(Member(obj, name));

    /// <summary>A number, or a string holding one; otherwise (missing included) <see langword="null"/>.</summary>
    public static long? Int64(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var number) => number,
        JsonValueKind.String when long.TryParse(value.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static IReadOnlyList<string> Strings(JsonElement obj, ReadOnlySpan<byte> name) => Strings(Member(obj, name));

    /// <summary>The texts of an array's items (items without one skipped); empty for anything but an array.</summary>
    public static IReadOnlyList<string> Strings(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
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

    /// <summary>
    /// Reads the members called <paramref name="names"/> in one pass over <paramref name="obj"/>: <c>values[i]</c> is the
    /// value of <c>names[i]</c>, <see langword="default"/> (undefined) when missing, the last one when a name repeats (as
    /// <see cref="JsonElement.TryGetProperty(ReadOnlySpan{byte}, out JsonElement)"/> answers). For results with many
    /// members: each <c>TryGetProperty</c> scans the whole object again.
    /// </summary>
    public static void Members(JsonElement obj, byte[][] names, Span<JsonElement> values)
    {
        values[..names.Length].Clear();
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var member in obj.EnumerateObject())
        {
#if NET9_0_OR_GREATER
            // The raw name is compared as is unless it holds an escape ("\u0069d" is "id"), which NameEquals decodes.
            var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(member);
            var plain = raw.IndexOf((byte)'\\') < 0;
#endif
            for (var i = 0; i < names.Length; i++)
            {
#if NET9_0_OR_GREATER
                if (plain ? raw.SequenceEqual(names[i]) : member.NameEquals(names[i]))
#else
                if (member.NameEquals(names[i]))
#endif
                {
                    values[i] = member.Value;
                    break;
                }
            }
        }
    }

    public static JsonElement Object(JsonElement obj, ReadOnlySpan<byte> name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    public static ResourceRef? Ref(JsonElement obj, ReadOnlySpan<byte> name) => Ref(Object(obj, name));

    /// <summary>An <c>{"id","version"}</c> reference; <see langword="null"/> without an id.</summary>
    public static ResourceRef? Ref(JsonElement value) =>
        String(value, "id"u8) is { } id ? new ResourceRef(id, String(value, "version"u8)) : null;

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

    /// <summary>A member's value, or <see langword="default"/> (undefined) when <paramref name="obj"/> is no object or lacks it.</summary>
    private static JsonElement Member(JsonElement obj, ReadOnlySpan<byte> name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) ? value : default;

    /// <summary>A string, or a number or boolean as written; otherwise (missing included) <see langword="null"/>.</summary>
    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };
}

/// <summary>Room for the members <see cref="JsonRead.Members"/> reads, on the stack.</summary>
[System.Runtime.CompilerServices.InlineArray(16)]
internal struct JsonMembers
{
    private JsonElement _first;
}
