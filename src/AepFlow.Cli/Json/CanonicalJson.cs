using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AepFlow.Cli.Json;

/// <summary>
/// Writes JSON in one canonical form so a spec pulled twice is byte-identical and a changed spec diffs to the lines that changed:
/// object keys sorted (ordinal), arrays kept in order (JSON Schema gives them meaning: <c>enum</c>, <c>required</c>, <c>allOf</c>…),
/// 2-space indentation, LF line ends, a trailing newline, numbers exactly as received.
/// </summary>
internal static class CanonicalJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // The files are read by people and tools, never embedded in HTML: keep quotes, '<' and non-ASCII text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The canonical UTF-8 text of <paramref name="value"/>. In objects <paramref name="leadingKeysDepth"/> containers deep
    /// (0 = the value itself), the keys listed in <paramref name="leadingKeys"/> come first, in that order.
    /// </summary>
    public static byte[] ToUtf8(JsonElement value, IReadOnlyList<string>? leadingKeys = null, int leadingKeysDepth = 0)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, value, leadingKeys ?? [], leadingKeysDepth, 0);
        }

        var bytes = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(bytes);
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    /// <summary>The canonical text of <paramref name="value"/>.</summary>
    public static string ToText(JsonElement value) => Encoding.UTF8.GetString(ToUtf8(value));

    /// <summary>The canonical form on one line, for comparing values and quoting them in messages.</summary>
    public static string ToCompactText(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = WriterOptions.Encoder }))
        {
            Write(writer, value, [], -1, 0);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// An object's members with duplicates resolved the way most JSON readers do (the last one wins), in canonical order.
    /// Platform has served specs with duplicate keys; keeping both would make the file unreadable for the generator.
    /// </summary>
    public static List<KeyValuePair<string, JsonElement>> Members(JsonElement value, IReadOnlyList<string>? leadingKeys = null)
    {
        var byName = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            byName[property.Name] = property.Value;
        }

        var lead = leadingKeys ?? [];
        return byName
            .OrderBy(p => Rank(lead, p.Key))
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static int Rank(IReadOnlyList<string> leadingKeys, string key)
    {
        for (var i = 0; i < leadingKeys.Count; i++)
        {
            if (string.Equals(leadingKeys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return leadingKeys.Count;
    }

    private static void Write(Utf8JsonWriter writer, JsonElement value, IReadOnlyList<string> leadingKeys, int leadingKeysDepth, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var (name, member) in Members(value, depth == leadingKeysDepth ? leadingKeys : null))
                {
                    writer.WritePropertyName(name);
                    Write(writer, member, leadingKeys, leadingKeysDepth, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item, leadingKeys, leadingKeysDepth, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
