using System.Text.Json;
using System.Text.Json.Serialization;
using AepFlow.Validation;

namespace AepFlow.Serialization;

/// <summary>
/// The base of every generated record's converter: writing is the model's own <see cref="IAepModel.WriteJson"/>, so each
/// generated converter only adds its reader (shared here rather than repeated in every generated type).
/// </summary>
/// <typeparam name="T">The generated record.</typeparam>
public abstract class AepModelJsonConverter<T> : JsonConverter<T>
    where T : IAepModel
{
    /// <inheritdoc />
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => value.WriteJson(writer);
}
