using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace AepFlow.Http;

/// <summary>A successful Platform answer, fully read: status, the headers the client uses, and the JSON body.</summary>
public sealed class AepResponse
{
    private readonly AepRequest? _request;
    private readonly string? _etagHeader;
    private readonly bool _isJson;
    private StrongBox<JsonElement>? _json;

    internal AepResponse(HttpStatusCode statusCode, ReadOnlyMemory<byte> body, string? requestId, string? etagHeader, Uri? location, bool isJson, AepRequest? request = null)
    {
        _request = request;
        _etagHeader = etagHeader;
        _isJson = isJson && !body.IsEmpty;
        StatusCode = statusCode;
        Body = body;
        RequestId = requestId;
        Location = location;
    }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The raw body (UTF-8).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>
    /// The parsed body; <see cref="JsonValueKind.Undefined"/> when it is empty or not JSON. Parsed on first use: the typed
    /// services read the body without keeping a parsed copy. A body that is not valid JSON throws
    /// <see cref="AepInvalidResponseException"/> naming the call and its request id.
    /// </summary>
    public JsonElement Json
    {
        get
        {
            if (!_isJson)
            {
                return default;
            }

            // One reference write publishes the element whole, so concurrent readers never see half of it.
            return (_json ??= new StrongBox<JsonElement>(Read(static r =>
            {
                var reader = new Utf8JsonReader(r.Body.Span);
                return JsonElement.ParseValue(ref reader);
            }))).Value;
        }
    }

    /// <summary>The resource's etag: the <c>ETag</c> header, else the body's <c>etag</c> member.</summary>
    public string? Etag => _etagHeader ?? (_isJson ? ReadJson(0, static (root, _, _) => Resources.JsonRead.String(root, "etag"u8)) : null);

    /// <summary>The <c>x-request-id</c> header.</summary>
    public string? RequestId { get; }

    /// <summary>The <c>Location</c> header, when present.</summary>
    public Uri? Location { get; }

    /// <summary>The call's method, e.g. <c>GET</c>.</summary>
    public string? Method => _request?.Method.Method;

    /// <summary>The call's path without the query.</summary>
    public string? Path => _request is null ? null : _request.BasePath + _request.Path;

    /// <summary>The <c>ETag</c> header alone.</summary>
    internal string? EtagHeader => _etagHeader;

    /// <summary>
    /// Deserializes the body through source-generated metadata (no reflection). A body that does not fit throws
    /// <see cref="AepInvalidResponseException"/> naming the call and its request id.
    /// </summary>
    public T? Deserialize<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return Body.IsEmpty ? default : Read(response => JsonSerializer.Deserialize(response.Body.Span, typeInfo));
    }

    /// <summary>
    /// Runs <paramref name="read"/> over the parsed body (<see langword="default"/> when there is none) and the body's bytes,
    /// without keeping a parsed copy: the document is pooled and returned when <paramref name="read"/> ends, so whatever it
    /// returns must not hold elements of it (keep <see cref="Resources.KeptJson"/> slices of the body instead).
    /// </summary>
    internal T ReadJson<TState, T>(TState state, Func<JsonElement, ReadOnlyMemory<byte>, TState, T> read)
    {
        try
        {
            if (!_isJson || _json is not null)
            {
                return read(_json?.Value ?? default, Body, state);
            }

            using var document = JsonDocument.Parse(Body);
            return read(document.RootElement, Body, state);
        }
        catch (JsonException ex) when (ex is not AepInvalidResponseException)
        {
            throw Unreadable(ex);
        }
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
            throw Unreadable(ex);
        }
    }

    private AepInvalidResponseException Unreadable(JsonException ex) => new(
        $"{Method} {Path} answered {(int)StatusCode} with a body the client cannot read: {ex.Message}{(RequestId is null ? "" : $" x-request-id: {RequestId}.")}",
        Method, Path, RequestId, ex);
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

    /// <summary>Pairs a value read from <paramref name="response"/> with it; the etag is the header's, else <paramref name="resourceEtag"/>.</summary>
    internal AepResponse(T value, AepResponse response, string? resourceEtag)
        : this(value, response.StatusCode, response.RequestId, response.EtagHeader ?? resourceEtag)
    {
    }

    /// <summary>The value read from the body.</summary>
    public T Value { get; }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>x-request-id</c> header.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// The etag to send as <c>if-match</c> next: the <c>ETag</c> header, else the resource's own (a Flow Service GET carries
    /// it in the item, a create or patch in the body).
    /// </summary>
    public string? Etag { get; }

    /// <summary>Pairs another value (read from the same response) with this response's details.</summary>
    internal AepResponse<TOther> With<TOther>(TOther value) => new(value, StatusCode, RequestId, Etag);

    /// <summary>The value.</summary>
    public static implicit operator T(AepResponse<T> response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Value;
    }
}
