using System.Net;
using System.Text.Json;

namespace AepFlow.Http;

/// <summary>A successful Platform answer, fully read: status, the headers the client uses, and the JSON body.</summary>
public sealed class AepResponse
{
    internal AepResponse(HttpStatusCode statusCode, ReadOnlyMemory<byte> body, string? requestId, string? etagHeader, Uri? location)
    {
        StatusCode = statusCode;
        Body = body;
        RequestId = requestId;
        Location = location;
        Json = ParseJson(body.Span);
        Etag = etagHeader ?? (Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("etag", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null);
    }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The raw body (UTF-8).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The parsed body; <see cref="JsonValueKind.Undefined"/> when it is empty or not JSON.</summary>
    public JsonElement Json { get; }

    /// <summary>The resource's etag: the <c>ETag</c> header, else the body's <c>etag</c> member.</summary>
    public string? Etag { get; }

    /// <summary>The <c>x-request-id</c> header.</summary>
    public string? RequestId { get; }

    /// <summary>The <c>Location</c> header, when present.</summary>
    public Uri? Location { get; }

    /// <summary>Deserializes the body through source-generated metadata (no reflection).</summary>
    public T? Deserialize<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        Body.IsEmpty ? default : JsonSerializer.Deserialize(Body.Span, typeInfo);

    private static JsonElement ParseJson(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return default;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
