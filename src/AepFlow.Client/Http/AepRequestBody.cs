using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AepFlow.Validation;

namespace AepFlow.Http;

/// <summary>The JSON body of an <see cref="AepRequest"/>. Create one through <see cref="AepRequest.WithBody(IAepModel)"/> and its overloads.</summary>
public abstract class AepRequestBody
{
    // The body goes to an API, not into HTML: '+' in content types and non-ASCII names stay readable instead of \uXXXX.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private AepRequestBody()
    {
    }

    /// <summary>The generated model behind the body, validated by the client before sending; <see langword="null"/> for other bodies.</summary>
    public virtual IAepModel? AepModel => null;

    /// <summary>Writes the body as UTF-8 JSON.</summary>
    public abstract void WriteTo(Utf8JsonWriter writer);

    /// <summary>The body as UTF-8 JSON bytes.</summary>
    public virtual ReadOnlyMemory<byte> ToUtf8Json()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteTo(writer);
        }

        return buffer.WrittenMemory;
    }

    internal sealed class Model(IAepModel model) : AepRequestBody
    {
        public override IAepModel AepModel => model;

        public override void WriteTo(Utf8JsonWriter writer) => model.WriteJson(writer);
    }

    internal sealed class Typed<T>(T value, JsonTypeInfo<T> typeInfo) : AepRequestBody
    {
        public override void WriteTo(Utf8JsonWriter writer) => JsonSerializer.Serialize(writer, value, typeInfo);
    }

    internal sealed class Raw(ReadOnlyMemory<byte> utf8Json) : AepRequestBody
    {
        public override void WriteTo(Utf8JsonWriter writer) => writer.WriteRawValue(utf8Json.Span, skipInputValidation: false);

        public override ReadOnlyMemory<byte> ToUtf8Json() => utf8Json;
    }
}
