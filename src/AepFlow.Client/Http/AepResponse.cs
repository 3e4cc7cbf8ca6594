using System.Net;
using System.Text.Json;

namespace AepFlow.Http;

/// <summary>A successful Platform answer, fully read: status, the headers the client uses, and the JSON body.</summary>
public sealed class AepResponse
{
    internal AepResponse(HttpStatusCode statusCode, ReadOnlyMemory<byte> body, string? requestId, string? etagHeader, Uri? location, JsonElement json, AepRequest? request = null)
    {
        _request = request;
        StatusCode = statusCode;
        Body = body;
        RequestId = requestId;
        Location = location;
        Json = json;
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

    private readonly AepRequest? _request;

    /// <summary>The call's method, e.g. <c>GET</c>.</summary>
    public string? Method => _request?.Method.Method;

    /// <summary>The call's path without the query.</summary>
    public string? Path => _request is null ? null : _request.BasePath + _request.Path;

    /// <summary>
    /// Deserializes the body through source-generated metadata (no reflection). A body that does not fit throws
    /// <see cref="AepInvalidResponseException"/> naming the call and its request id.
    /// </summary>
    public T? Deserialize<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return Body.IsEmpty ? default : Read(response => JsonSerializer.Deserialize(response.Body.Span, typeInfo));
    }

    /// <summary>Runs <paramref name="read"/> over the body; a <see cref="JsonException"/> becomes <see cref="AepInvalidResponseException"/> with the call's details.</summary>
    internal T Read<T>(Func<AepResponse, T> read)
    {
        try
        {
            return read(this);
        }
        catch (JsonException ex) when (ex is not AepInvalidResponseException)
        {
            throw new AepInvalidResponseException(
                $"{Method} {Path} answered {(int)StatusCode} with a body the client cannot read: {ex.Message}{(RequestId is null ? "" : $" x-request-id: {RequestId}.")}",
                Method, Path, RequestId, ex);
        }
    }
}

/// <summary>
/// A typed answer with what the response said about it: status, <c>x-request-id</c> and etag. Converts to its
/// <see cref="Value"/> implicitly.
/// </summary>
/// <typeparam name="T">The type of the value read from the body.</typeparam>
public sealed class AepResponse<T>
{
    /// <summary>Pairs <paramref name="value"/> with the response it was read from (test doubles pass one they build).</summary>
    public AepResponse(T value, HttpStatusCode statusCode, string? requestId = null, string? etag = null)
    {
        Value = value;
        StatusCode = statusCode;
        RequestId = requestId;
        Etag = etag;
    }

    internal AepResponse(T value, AepResponse response)
        : this(value, response.StatusCode, response.RequestId, response.Etag)
    {
    }

    /// <summary>The value read from the body.</summary>
    public T Value { get; }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>x-request-id</c> header.</summary>
    public string? RequestId { get; }

    /// <summary>The etag: the <c>ETag</c> header, else the body's <c>etag</c> member.</summary>
    public string? Etag { get; }

    /// <summary>The value.</summary>
    public static implicit operator T(AepResponse<T> response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Value;
    }
}
