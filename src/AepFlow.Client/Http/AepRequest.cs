using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AepFlow.Validation;

namespace AepFlow.Http;

/// <summary>
/// The description of one Platform call: method, service, path, query, extra headers and body. Generated operation builders
/// (<c>AepFlow.Operations.*Operations</c>) return it and the client's pipeline sends it, adding authentication, the standard
/// Adobe headers, validation, retries, error mapping and paging.
/// </summary>
/// <example>
/// <code>
/// var request = new AepRequest(HttpMethod.Get, ServiceBasePaths.FlowService, "/flows/" + AepRequest.Escape(id))
///     .AddQuery("property", "name==CRMToAEP");
/// </code>
/// </example>
public sealed class AepRequest
{
    private List<KeyValuePair<string, string>>? _query;
    private List<KeyValuePair<string, string>>? _headers;

    /// <summary>Describes a call to <paramref name="basePath"/> + <paramref name="path"/>.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="basePath">The service prefix, one of <see cref="ServiceBasePaths"/>.</param>
    /// <param name="path">The path below the service, starting with <c>/</c>, path parameters already escaped with <see cref="Escape"/>.</param>
    public AepRequest(HttpMethod method, string basePath, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(basePath);
        ArgumentNullException.ThrowIfNull(path);
        Method = method;
        BasePath = basePath.TrimEnd('/');
        Path = path.Length == 0 || path[0] == '/' ? path : "/" + path;
        IsIdempotent = IsIdempotentMethod(method);
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The service prefix, e.g. <see cref="ServiceBasePaths.FlowService"/>.</summary>
    public string BasePath { get; }

    /// <summary>The escaped path below <see cref="BasePath"/>.</summary>
    public string Path { get; }

    /// <summary>
    /// Whether sending the request twice has the same effect as sending it once, so that it may be retried after it could
    /// have reached the server. Defaults to <see langword="true"/> for GET, HEAD, PUT, DELETE and OPTIONS.
    /// </summary>
    public bool IsIdempotent { get; init; }

    /// <summary>Whether the response is one page of a list that continues through <c>_links.next.href</c>.</summary>
    public bool Pages { get; init; }

    /// <summary>
    /// The path template (e.g. <c>/flows/{id}</c>) used to name traces and log entries, so they do not carry ids;
    /// defaults to <see cref="Path"/>.
    /// </summary>
    public string? Route { get; init; }

    /// <summary>The query parameters in order; a name may repeat (Flow Service repeats <c>property</c> to AND filters).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query => (IReadOnlyList<KeyValuePair<string, string>>?)_query ?? [];

    /// <summary>Headers added to the standard ones (<c>if-match</c>, <c>Accept</c>…), names kept as given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? [];

    /// <summary>The body, or <see langword="null"/> for none.</summary>
    public AepRequestBody? Body { get; private set; }

    /// <summary>Escapes one path segment (an id, a name) for use inside <see cref="Path"/>.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Uri.EscapeDataString(value);
    }

    /// <summary>Adds a query parameter; a <see langword="null"/> value is skipped so generated callers can pass optionals through.</summary>
    public AepRequest AddQuery(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (value is not null)
        {
            (_query ??= []).Add(new(name, value));
        }

        return this;
    }

    /// <summary>Adds an integer query parameter unless it is <see langword="null"/>.</summary>
    public AepRequest AddQuery(string name, long? value) =>
        AddQuery(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean query parameter (<c>true</c>/<c>false</c>) unless it is <see langword="null"/>.</summary>
    public AepRequest AddQuery(string name, bool? value) =>
        AddQuery(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds the parameter once per value (nulls skipped), e.g. several <c>property</c> filters.</summary>
    public AepRequest AddQuery(string name, IEnumerable<string?>? values)
    {
        if (values is not null)
        {
            foreach (var value in values)
            {
                AddQuery(name, value);
            }
        }

        return this;
    }

    /// <summary>Adds a header; a <see langword="null"/> value is skipped.</summary>
    public AepRequest AddHeader(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (value is not null)
        {
            (_headers ??= []).Add(new(name, value));
        }

        return this;
    }

    /// <summary>Sets a generated model as the body; the client validates it before sending and writes it with <see cref="IAepModel.WriteJson"/>.</summary>
    public AepRequest WithBody(IAepModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Body = new AepRequestBody.Model(model);
        return this;
    }

    /// <summary>Sets a body serialized through source-generated System.Text.Json metadata (no reflection).</summary>
    public AepRequest WithBody<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        Body = new AepRequestBody.Typed<T>(value, typeInfo);
        return this;
    }

    /// <summary>Sets a body that is already UTF-8 JSON; it is sent unchanged.</summary>
    public AepRequest WithJsonBody(ReadOnlyMemory<byte> utf8Json)
    {
        Body = new AepRequestBody.Raw(utf8Json);
        return this;
    }

    /// <summary>Sets a body that is already JSON text; it is sent unchanged as UTF-8.</summary>
    public AepRequest WithJsonBody(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return WithJsonBody(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>The path and query relative to the base address, e.g. <c>/data/foundation/flowservice/flows?limit=10</c>.</summary>
    public string ToRelativeUri() => BuildUri(origin: "");

    /// <summary>The path and query after <paramref name="origin"/> (scheme, host and port, no trailing slash), in one string.</summary>
    internal string BuildUri(string origin)
    {
        if (_query is not { Count: > 0 })
        {
            return string.Concat(origin, BasePath, Path);
        }

        var builder = new StringBuilder(origin.Length + BasePath.Length + Path.Length + 16).Append(origin).Append(BasePath).Append(Path);
        var separator = '?';
        foreach (var (name, value) in _query)
        {
            builder.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(EscapeQueryValue(value));
            separator = '&';
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Method + " " + BasePath + Path;

    /// <summary>The route for traces and logs: the service prefix and <see cref="Route"/> or <see cref="Path"/>.</summary>
    internal string DisplayRoute => BasePath + (Route ?? Path);

    /// <summary>A GET for the next page: the same call with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    internal AepRequest WithQueryValue(string name, string value)
    {
        var next = new AepRequest(Method, BasePath, Path) { IsIdempotent = IsIdempotent, Pages = Pages, Route = Route };
        foreach (var (key, existing) in Query)
        {
            if (!string.Equals(key, name, StringComparison.Ordinal))
            {
                next.AddQuery(key, existing);
            }
        }

        next.AddQuery(name, value);
        next._headers = _headers;
        next.Body = Body;
        return next;
    }

    // Adobe's filter syntax (name==a,b) reads best unescaped; '=' and ',' are legal inside a query value, so only the
    // characters that would change the query's structure or are not allowed in a URI are escaped.
    internal static string EscapeQueryValue(string value)
    {
        var escaped = Uri.EscapeDataString(value);
        return escaped.Replace("%3D", "=", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal);
    }

    private static bool IsIdempotentMethod(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put ||
        method == HttpMethod.Delete || method == HttpMethod.Options;
}
