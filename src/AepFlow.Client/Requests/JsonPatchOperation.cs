using System.Text.Json;
using AepFlow.Validation;

namespace AepFlow.Requests;

/// <summary>One RFC 6902 JSON Patch operation, as Flow Service's PATCH endpoints take them.</summary>
public sealed class JsonPatchOperation
{
    private static readonly HashSet<string> Operations = ["add", "remove", "replace", "move", "copy", "test"];

    private JsonPatchOperation(string op, string path, JsonElement? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path[0] != '/')
        {
            throw new ArgumentException($"A JSON Patch path is a JSON Pointer starting with '/', got '{path}'.", nameof(path));
        }

        Op = op;
        Path = path;
        Value = value;
    }

    /// <summary>The operation: <c>add</c>, <c>remove</c>, <c>replace</c>…</summary>
    public string Op { get; }

    /// <summary>The JSON Pointer it applies to, e.g. <c>/scheduleParams/frequency</c>.</summary>
    public string Path { get; }

    /// <summary>The value, for operations that take one.</summary>
    public JsonElement? Value { get; }

    /// <summary>Replaces the value at <paramref name="path"/> with a string.</summary>
    public static JsonPatchOperation Replace(string path, string value) => new("replace", path, Element(w => w.WriteStringValue(value)));

    /// <summary>Replaces the value at <paramref name="path"/> with a number.</summary>
    public static JsonPatchOperation Replace(string path, long value) => new("replace", path, Element(w => w.WriteNumberValue(value)));

    /// <summary>Replaces the value at <paramref name="path"/> with any JSON value.</summary>
    public static JsonPatchOperation Replace(string path, JsonElement value) => new("replace", path, value.Clone());

    /// <summary>Adds <paramref name="value"/> at <paramref name="path"/>.</summary>
    public static JsonPatchOperation Add(string path, JsonElement value) => new("add", path, value.Clone());

    /// <summary>Adds a string at <paramref name="path"/>.</summary>
    public static JsonPatchOperation Add(string path, string value) => new("add", path, Element(w => w.WriteStringValue(value)));

    /// <summary>Removes the value at <paramref name="path"/>.</summary>
    public static JsonPatchOperation Remove(string path) => new("remove", path, null);

    /// <summary>Writes the operations as a JSON Patch array.</summary>
    internal static IAepModel ToBody(IReadOnlyList<JsonPatchOperation> operations) => new Document(operations);

    /// <summary>The generated Flow Service model of this operation.</summary>
    internal Models.FlowService.PatchInstruction ToInstruction() => new() { Op = Op, Path = Path, Value = Value };

    internal void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("op", Op);
        writer.WriteString("path", Path);
        if (Value is { } value)
        {
            writer.WritePropertyName("value");
            value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Op} {Path}";

    private static JsonElement Element(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.Clone();
    }

    private sealed class Document(IReadOnlyList<JsonPatchOperation> operations) : IAepModel
    {
        public ValidationResult Validate()
        {
            var collector = new ValidationCollector();
            ValidateInto(ref collector);
            return collector.ToResult();
        }

        public void ValidateInto(ref ValidationCollector collector)
        {
            if (operations.Count == 0)
            {
                collector.Add("minItems", "A JSON Patch needs at least one operation.");
            }

            for (var i = 0; i < operations.Count; i++)
            {
                var operation = operations[i];
                collector.Enter(i);
                if (!Operations.Contains(operation.Op))
                {
                    collector.Add("op", "enum", $"'{operation.Op}' is not a JSON Patch operation.");
                }
                else if (operation.Op is "add" or "replace" or "test" && operation.Value is null)
                {
                    collector.Add("value", "required", $"'{operation.Op}' needs a value.");
                }

                collector.Exit();
            }
        }

        public void WriteJson(Utf8JsonWriter writer)
        {
            writer.WriteStartArray();
            foreach (var operation in operations)
            {
                operation.Write(writer);
            }

            writer.WriteEndArray();
        }
    }
}
