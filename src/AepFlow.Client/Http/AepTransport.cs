using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AepFlow.Auth;
using AepFlow.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace AepFlow.Http;

/// <summary>
/// Sends <see cref="AepRequest"/>s: validates typed bodies, adds the Adobe headers, traces and logs each call, turns error
/// responses into <see cref="AepApiException"/>s and follows pages. Retries and timeouts live in the
/// <see cref="HttpClient"/>'s handler pipeline (<see cref="AepResilience"/>).
/// </summary>
internal sealed class AepTransport
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private readonly Func<HttpClient> _http;
    private readonly AepClientOptions _options;
    private readonly AccessTokenProvider _tokens;
    private readonly ILogger _logger;

    public AepTransport(Func<HttpClient> http, AepClientOptions options, AccessTokenProvider tokens, ILogger logger)
    {
        _http = http;
        _options = options;
        _tokens = tokens;
        _logger = logger;
    }

    public async Task<AepResponse> SendAsync(AepRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.Method.Method;
        var route = request.DisplayRoute;
        ValidateBody(request, method, route);

        using var activity = AepClientDiagnostics.ActivitySource.StartActivity(method + " " + route, ActivityKind.Client);
        activity?.SetTag("http.request.method", method);
        activity?.SetTag("url.template", route);
        activity?.SetTag("server.address", _options.BaseAddress.Host);
        Log.Sending(_logger, method, route);
        var started = Stopwatch.GetTimestamp();

        // A token Platform refuses (revoked, or expired early) is replaced once: the gateway answers 401 before the service
        // sees the request, so even a POST may be sent again.
        var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        var response = await SendOnceAsync(request, token, activity, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && _tokens.CanRefresh)
        {
            response.Dispose();
            _tokens.Invalidate(token);
            Log.TokenRejected(_logger);
            token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            response = await SendOnceAsync(request, token, activity, cancellationToken).ConfigureAwait(false);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var requestId = RequestIdOf(response);
            var status = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", status);
            if (requestId is not null)
            {
                activity?.SetTag("aep.request_id", requestId);
            }

            if (!response.IsSuccessStatusCode)
            {
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    _tokens.Invalidate(token);
                }

                var exception = CreateException(request, response.StatusCode, body, requestId, token);
                activity?.SetStatus(ActivityStatusCode.Error, exception.ErrorCode ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Log.Failed(_logger, method, route, status, exception.ErrorCode, requestId);
                throw exception;
            }

            Log.Received(_logger, method, route, status, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, requestId);
            return new AepResponse(response.StatusCode, body, requestId, EtagOf(response), response.Headers.Location);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(AepRequest request, string token, Activity? activity, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var route = request.DisplayRoute;
        using var message = CreateMessage(request, token);
        try
        {
            return await _http().SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            Fail(activity, method, route, "timed out");
            throw new TimeoutException($"{request} did not complete within the configured timeouts (attempt {_options.AttemptTimeout}, total {_options.TotalTimeout}).", ex);
        }
        catch (HttpRequestException ex)
        {
            Fail(activity, method, route, ex.HttpRequestError.ToString());
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Fail(activity, method, route, "cancelled");
            throw;
        }
    }

    /// <summary>Sends <paramref name="request"/> and every following page, yielding the items <paramref name="items"/> picks from each.</summary>
    public async IAsyncEnumerable<T> PageAsync<T>(
        AepRequest request,
        Func<JsonElement, IEnumerable<JsonElement>> items,
        Func<JsonElement, T> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var current = request;
        while (true)
        {
            visited.Add(current.ToRelativeUri());
            var response = await SendAsync(current, cancellationToken).ConfigureAwait(false);
            foreach (var item in items(response.Json))
            {
                yield return read(item);
            }

            var next = NextPage(request, response.Json);

            // A server that hands back a link already followed would otherwise loop forever.
            if (next is null || visited.Contains(next.ToRelativeUri()))
            {
                yield break;
            }

            Log.NextPage(_logger, request.DisplayRoute);
            current = next;
        }
    }

    /// <summary>The items of a list body in any of the services' shapes: a bare array, or <c>items</c>, <c>results</c>, <c>data</c>.</summary>
    public static IEnumerable<JsonElement> ListItems(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root.EnumerateArray();
        }

        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in (ReadOnlySpan<string>)["items", "results", "data", "children"])
            {
                if (root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    return list.EnumerateArray();
                }
            }
        }

        return [];
    }

    internal static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-request-id", out var values) ? values.FirstOrDefault() : null;

    /// <summary>The request for the page after <paramref name="body"/>, or <see langword="null"/> on the last page.</summary>
    internal static AepRequest? NextPage(AepRequest first, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? href = null;
        if (body.TryGetProperty("_links", out var links) && links.ValueKind == JsonValueKind.Object &&
            links.TryGetProperty("next", out var next))
        {
            href = next.ValueKind switch
            {
                JsonValueKind.Object when next.TryGetProperty("href", out var h) && h.ValueKind == JsonValueKind.String => h.GetString(),
                JsonValueKind.String => next.GetString(),
                _ => null,
            };
        }

        if (string.IsNullOrWhiteSpace(href))
        {
            // Some list bodies carry the token alone.
            return body.TryGetProperty("continuationToken", out var bare) && bare.ValueKind == JsonValueKind.String &&
                   bare.GetString() is { Length: > 0 } token
                ? first.WithQueryValue("continuationToken", token)
                : null;
        }

        var (path, query) = SplitHref(href);
        foreach (var (name, value) in query)
        {
            if (name == "continuationToken" && value.Length > 0)
            {
                // Re-issue the original call with the new token: keeps its filters, base path and headers intact.
                return first.WithQueryValue("continuationToken", value);
            }
        }

        // A link without a token: follow its path and query on the configured base address (never another host).
        var servicePath = path.StartsWith(first.BasePath + "/", StringComparison.Ordinal) ? path[first.BasePath.Length..] : path;
        var follow = new AepRequest(HttpMethod.Get, first.BasePath, servicePath) { Pages = true, Route = first.Route ?? first.Path };
        foreach (var (name, value) in query)
        {
            follow.AddQuery(name, value);
        }

        foreach (var (name, value) in first.Headers)
        {
            follow.AddHeader(name, value);
        }

        return follow;
    }

    private static (string Path, List<KeyValuePair<string, string>> Query) SplitHref(string href)
    {
        var text = href;
        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            text = absolute.PathAndQuery;
        }

        var question = text.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? text : text[..question];
        var query = new List<KeyValuePair<string, string>>();
        if (question >= 0)
        {
            foreach (var part in text[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? part : part[..equals];
                var value = equals < 0 ? "" : part[(equals + 1)..];
                query.Add(new(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value.Replace('+', ' '))));
            }
        }

        return (path, query);
    }

    private void ValidateBody(AepRequest request, string method, string route)
    {
        if (request.Body?.AepModel is not { } model)
        {
            return;
        }

        var result = model.Validate();
        if (!result.IsValid)
        {
            Log.ValidationFailed(_logger, method, route, result.Errors.Count);
            throw new AepValidationException(request.ToString(), result.Errors);
        }
    }

    private HttpRequestMessage CreateMessage(AepRequest request, string token)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(_options.BaseAddress, request.ToRelativeUri()));
        message.Options.Set(AepHttpOptions.IsIdempotent, request.IsIdempotent);
        var headers = message.Headers;
        headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        headers.TryAddWithoutValidation("x-api-key", _options.ClientId);
        headers.TryAddWithoutValidation("x-gw-ims-org-id", _options.OrgId);
        headers.TryAddWithoutValidation("x-sandbox-name", _options.SandboxName);

        var hasAccept = false;
        foreach (var (name, value) in request.Headers)
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            hasAccept |= string.Equals(name, "Accept", StringComparison.OrdinalIgnoreCase);
            headers.TryAddWithoutValidation(name, value);
        }

        if (!hasAccept)
        {
            headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        if (request.Body is { } body)
        {
            // Adobe takes JSON Patch arrays as application/json too, so every body is sent with that type.
            message.Content = new ReadOnlyMemoryContent(body.ToUtf8Json());
            message.Content.Headers.ContentType = JsonMediaType;
        }

        return message;
    }

    private AepApiException CreateException(AepRequest request, HttpStatusCode status, byte[] body, string? requestId, string token)
    {
        var error = AepError.Parse(body);
        var text = $"{request} failed with {(int)status} {status}" + (error.Shape == AepErrorShape.Unknown ? "" : ": " + error);
        text = text.TrimEnd('.') + (requestId is null ? "." : $". x-request-id: {requestId}.");
        text = Redact(text, token);
        var sentEtag = request.Headers.FirstOrDefault(static h => string.Equals(h.Key, "if-match", StringComparison.OrdinalIgnoreCase)).Value;
        var isEtagConflict = status == HttpStatusCode.PreconditionFailed ||
                             status == HttpStatusCode.Conflict && (error.Shape == AepErrorShape.EtagConflict || sentEtag is not null);
        return isEtagConflict
            ? new AepConcurrencyException(text, status, error, requestId, sentEtag)
            : new AepApiException(text, status, error, requestId);
    }

    // Error bodies are written by servers; should one ever echo a credential, it is cut out before it reaches a message or log.
    private string Redact(string text, string token)
    {
        if (token.Length > 0)
        {
            text = text.Replace(token, "[redacted]", StringComparison.Ordinal);
        }

        if (_options.ClientSecret is { Length: > 0 } secret)
        {
            text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
        }

        return text;
    }

    private void Fail(Activity? activity, string method, string route, string reason)
    {
        activity?.SetStatus(ActivityStatusCode.Error, reason);
        Log.TransportFailed(_logger, method, route, reason);
    }

    private static string? EtagOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("ETag", out var values) ? values.FirstOrDefault() : null;
}
