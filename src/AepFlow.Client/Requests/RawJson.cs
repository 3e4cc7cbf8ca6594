using System.Text.Json;
using AepFlow.Validation;

namespace AepFlow.Requests;

/// <summary>
/// A JSON value used where a typed model is expected (connection <c>params</c>, <c>auth.params</c>, a raw body) when no
/// generated type exists for it. It is sent unchanged and has no rules of its own to validate.
/// </summary>
public sealed class RawJson : IAepModel
{
    private readonly JsonElement _value;

    private RawJson(JsonElement value) => _value = value;

    /// <summary>The wrapped value.</summary>
    public JsonElement Value => _value;

    /// <summary>Wraps <paramref name="value"/> (copied, so the source document may be disposed).</summary>
    public static RawJson From(JsonElement value) => new(value.Clone());

    /// <summary>Parses <paramref name="json"/>; malformed JSON throws <see cref="JsonException"/> with its position.</summary>
    public static RawJson Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new(document.RootElement.Clone());
    }

    /// <summary>An object of string members, e.g. <c>RawJson.Object(("dataSetId", id))</c> gives <c>{"dataSetId":"…"}</c>.</summary>
    public static RawJson Object(params (string Name, string Value)[] members)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in members)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        using var document = JsonDocument.ParseValue(ref reader);
        return new(document.RootElement.Clone());
    }

    /// <inheritdoc />
    public ValidationResult Validate() => ValidationResult.Valid;

    /// <inheritdoc />
    public void ValidateInto(ref ValidationCollector collector)
    {
    }

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter writer) => _value.WriteTo(writer);

    /// <inheritdoc />
    public override string ToString() => _value.GetRawText();
}
