using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AepFlow.Auth;
using AepFlow.Diagnostics;
using AepFlow.Security;
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
    private static readonly object Idempotent = true;
    private static readonly object NotIdempotent = false;
    private readonly Func<HttpClient> _http;
    private readonly AepClientOptions _options;
    private readonly AepCredential _credential;
    private readonly ILogger _logger;
    private readonly Redactor _redactor;
    private readonly string _origin;
    private BearerHeader? _bearer;

    public AepTransport(Func<HttpClient> http, AepClientOptions options, AepCredential credential, ILogger logger, Redactor redactor)
    {
        _http = http;
        _options = options;
        _credential = credential;
        _logger = logger;
        _redactor = redactor;
        _origin = options.BaseAddress.GetLeftPart(UriPartial.Authority);
    }

    public AepClientOptions Options => _options;

    public async ValueTask<AepResponse> SendAsync(AepRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.Method.Method;
        ValidateBody(request, method);

        // The route string is built only when someone listens (a trace listener or an enabled logger): it is the hot path.
        var route = AepClientDiagnostics.ActivitySource.HasListeners() || _logger.IsEnabled(LogLevel.Warning) ? request.DisplayRoute : null;
        using var activity = route is null ? null : AepClientDiagnostics.ActivitySource.StartActivity(method + " " + route, ActivityKind.Client);
        activity?.SetTag("http.request.method", method);
        activity?.SetTag("url.template", route);
        activity?.SetTag("server.address", _options.BaseAddress.Host);
        if (route is not null)
        {
            Log.Sending(_logger, method, route);
        }

        var started = route is null ? 0 : Stopwatch.GetTimestamp();

        // One method for the call and its one resend: a token Platform refuses (revoked, or expired early) is replaced once;
        // the gateway answers 401 before the service sees the request, so even a POST may be sent again.
        HttpResponseMessage response;
        ReadOnlyMemory<byte> body;
        string token;
        var resent = false;
        while (true)
        {
            token = await _credential.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            using (var message = CreateMessage(request, token))
            {
                try
                {
                    // Headers only: the body has already been read inside the resilience pipeline (BodyBufferingHandler),
                    // under the attempt and total timeouts; ReadBodyAsync bounds the read for pipelines without that handler.
                    response = await _http().SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (TranslateFailure(ex, message, method, request.BasePath + request.Path, _options, cancellationToken) is { } translated)
                {
                    Fail(activity, method, request.DisplayRoute, translated is AepTimeoutException ? "timed out" : ((HttpRequestException)translated).HttpRequestError.ToString());
                    throw translated;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    Fail(activity, method, request.DisplayRoute, "cancelled");
                    throw;
                }

                try
                {
                    body = response.Content is BufferedContent buffered
                        ? buffered.Bytes
                        : await ReadBodyAsync(response, message, method, request.BasePath + request.Path, _options, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    response.Dispose();
                    Fail(activity, method, request.DisplayRoute, "body not read");
                    throw;
                }
            }

            if (resent || response.StatusCode != HttpStatusCode.Unauthorized || !_credential.CanRefresh)
            {
                break;
            }

            response.Dispose();
            _credential.Invalidate(token);
            Log.TokenRejected(_logger);
            resent = true;
        }

        using (response)
        {
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
                    _credential.Invalidate(token);
                }

                var exception = CreateException(request, response, body.Span, requestId, token);
                activity?.SetStatus(ActivityStatusCode.Error, exception.ErrorCode ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Log.Failed(_logger, method, route ?? request.DisplayRoute, status, exception.ErrorCode, requestId);
                throw exception;
            }

            if (route is not null)
            {
                Log.Received(_logger, method, route, status, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, requestId);
            }

            return new AepResponse(response.StatusCode, body, requestId, HeaderOf(response, "ETag"), response.Headers.Location, IsJson(response), request);
        }
    }

    /// <summary>
    /// Turns what the pipeline throws into the client's exceptions, naming the call and the request id of any headers that
    /// arrived; <see langword="null"/> for the caller's own cancellation and anything not from the transport.
    /// </summary>
    internal static Exception? TranslateFailure(Exception exception, HttpRequestMessage message, string method, string path, AepClientOptions options, CancellationToken cancellationToken)
    {
        message.Options.TryGetValue(AepHttpOptions.ResponseRequestId, out var requestId);
        var suffix = requestId is null ? "." : $". x-request-id: {requestId}.";
        return exception switch
        {
            _ when cancellationToken.IsCancellationRequested => null,
            TimeoutRejectedException or OperationCanceledException or TimeoutException => new AepTimeoutException(
                $"{method} {path} did not complete within the configured timeouts (attempt {options.AttemptTimeout}, total {options.TotalTimeout}), response body included{suffix}",
                method, path, requestId, exception),
            HttpRequestException http => new AepTransportException(
                $"{method} {path} failed: {http.Message}{suffix}", http.HttpRequestError, method, path, requestId, exception),
            _ => null,
        };
    }

    /// <summary>The body, already in memory when the pipeline buffered it; otherwise read within the total timeout.</summary>
    internal static async ValueTask<ReadOnlyMemory<byte>> ReadBodyAsync(HttpResponseMessage response, HttpRequestMessage message, string method, string path, AepClientOptions options, CancellationToken cancellationToken)
    {
        if (response.Content is BufferedContent buffered)
        {
            return buffered.Bytes;
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(options.TotalTimeout);
        try
        {
            return await response.Content.ReadAsByteArrayAsync(bounded.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (KeepRequestId(message, response) && TranslateFailure(ex, message, method, path, options, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    // Parsed later, by whoever reads the body (see AepResponse.ReadJson); a body without a Content-Type is tried as JSON.
    private static bool IsJson(HttpResponseMessage response)
    {
        if (!(response.Content is BufferedContent buffered ? buffered.Received : response.Content).Headers.NonValidated.TryGetValues("Content-Type", out var values))
        {
            return true;
        }

        var type = values.ToString();
        return type.StartsWith("application/json", StringComparison.Ordinal) || type.Contains("json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Sends <paramref name="request"/> and every following page, yielding the items <paramref name="items"/> picks from each.</summary>
    public async IAsyncEnumerable<T> PageAsync<T>(
        AepRequest request,
        Func<JsonElement, IEnumerable<JsonElement>> items,
        Func<JsonElement, ReadOnlyMemory<byte>, T> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var current = request;
        while (true)
        {
            visited.Add(current.ToRelativeUri());
            var response = await SendAsync(current, cancellationToken).ConfigureAwait(false);

            // The page is read in one go (its parsed document goes back to the pool); the items keep slices of the body.
            var (page, next, refused) = response.ReadJson((items, read, request, _options.BaseAddress), static (root, body, s) =>
            {
                var page = new List<T>();
                foreach (var item in s.items(root))
                {
                    page.Add(s.read(item, body));
                }

                try
                {
                    return (page, NextPage(s.request, root, s.BaseAddress), (AepInvalidResponseException?)null);
                }
                catch (AepInvalidResponseException ex)
                {
                    return (page, null, ex);
                }
            });
            foreach (var item in page)
            {
                yield return item;
            }

            // A link off the configured host is refused after the items the page did carry.
            if (refused is not null)
            {
                throw refused;
            }

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

    internal static string? RequestIdOf(HttpResponseMessage response) => HeaderOf(response, "x-request-id");

    /// <summary>Keeps the headers' <c>x-request-id</c> with the request, for the error of a body that failed; always true.</summary>
    internal static bool KeepRequestId(HttpRequestMessage message, HttpResponseMessage response)
    {
        if (RequestIdOf(response) is { } requestId)
        {
            message.Options.Set(AepHttpOptions.ResponseRequestId, requestId);
        }

        return true;
    }

    // Read without parsing or allocating a value array (the typed header collections parse on every read).
    private static string? HeaderOf(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) && values.Count > 0 ? values.ToString() : null;

    /// <summary>
    /// The request for the page after <paramref name="body"/>, or <see langword="null"/> on the last page. A link to another
    /// scheme, host or port than <paramref name="baseAddress"/> is refused: following it would send the token there.
    /// </summary>
    internal static AepRequest? NextPage(AepRequest first, JsonElement body, Uri baseAddress)
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

        var (path, query) = SplitHref(href, first, baseAddress);
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

    private static (string Path, List<KeyValuePair<string, string>> Query) SplitHref(string href, AepRequest first, Uri baseAddress)
    {
        // Resolve against the base address exactly as a request would be, so "//other-host/…" and absolute links are
        // judged by where they really lead.
        if (!Uri.TryCreate(baseAddress, href, out var target) || !IsSameOrigin(target, baseAddress))
        {
            throw new AepInvalidResponseException(
                $"{first} answered with a next-page link to another host ({(Uri.TryCreate(baseAddress, href, out var other) ? other.GetLeftPart(UriPartial.Authority) : "an invalid URI")}); it is not followed.",
                first.Method.Method, first.BasePath + first.Path, null);
        }

        var text = href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) ? href : target.PathAndQuery;

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

    private void ValidateBody(AepRequest request, string method)
    {
        if (request.Body?.AepModel is not { } model)
        {
            return;
        }

        var result = model.Validate();
        if (!result.IsValid)
        {
            Log.ValidationFailed(_logger, method, request.DisplayRoute, result.Errors.Count);
            throw new AepValidationException(request.ToString(), result.Errors);
        }
    }

    private HttpRequestMessage CreateMessage(AepRequest request, string token)
    {
        // A rooted path ("/…", not "//…") cannot leave the base address's host: the URI is written out whole, which costs
        // far less than resolving a relative one. Anything else is resolved and must land on the configured origin.
        Uri uri;
        if (request.BasePath.Length > 0 ? IsRooted(request.BasePath) : IsRooted(request.Path))
        {
            uri = new Uri(request.BuildUri(_origin));
        }
        else
        {
            uri = new Uri(_options.BaseAddress, request.ToRelativeUri());
            if (!IsSameOrigin(uri, _options.BaseAddress))
            {
                // A path like "//host/x" resolves to another host; credentials only ever go to the configured one.
                throw new ArgumentException($"{request} does not resolve to the configured base address {_origin}.", nameof(request));
            }
        }

        var message = new HttpRequestMessage(request.Method, uri);

        // Set through the dictionary with a shared box: Options.Set would box the flag on every call.
        ((IDictionary<string, object?>)message.Options)[AepHttpOptions.IsIdempotent.Key] = request.IsIdempotent ? Idempotent : NotIdempotent;
        var headers = message.Headers;

        // Headers go in as text (they are valid by construction); the "Bearer …" value is kept while the token lasts.
        var bearer = _bearer;
        if (bearer is null || !ReferenceEquals(bearer.Token, token))
        {
            _bearer = bearer = new BearerHeader(token, "Bearer " + token);
        }

        headers.TryAddWithoutValidation("Authorization", bearer.Value);
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
            headers.TryAddWithoutValidation("Accept", "application/json");
        }

        if (request.Body is { } body)
        {
            // Adobe takes JSON Patch arrays as application/json too, so every body is sent with that type.
            message.Content = new ReadOnlyMemoryContent(body.ToUtf8Json());
            message.Content.Headers.ContentType = JsonMediaType;
        }

        return message;
    }

    private AepApiException CreateException(AepRequest request, HttpResponseMessage response, ReadOnlySpan<byte> body, string? requestId, string token)
    {
        var status = response.StatusCode;
        var error = _redactor.Scrub(AepError.Parse(body), token);
        var text = $"{request} failed with {(int)status} {status}" + (error.Shape == AepErrorShape.Unknown ? "" : ": " + error);
        if ((int)status is >= 300 and < 400)
        {
            text += " (redirects are not followed: they would carry the token, the gateway headers and the body to "
                    + (response.Headers.Location?.IsAbsoluteUri == true ? response.Headers.Location.GetLeftPart(UriPartial.Authority) : "another location") + ")";
        }

        text = text.TrimEnd('.') + (requestId is null ? "." : $". x-request-id: {requestId}.");
        text = _redactor.Scrub(text, token)!;
        var sentEtag = request.Headers.FirstOrDefault(static h => string.Equals(h.Key, "if-match", StringComparison.OrdinalIgnoreCase)).Value;
        var isEtagConflict = status == HttpStatusCode.PreconditionFailed ||
                             status == HttpStatusCode.Conflict && (error.Shape == AepErrorShape.EtagConflict || sentEtag is not null);
        var path = request.BasePath + request.Path;
        return isEtagConflict
            ? new AepConcurrencyException(text, status, error, requestId, sentEtag) { Method = request.Method.Method, RequestPath = path }
            : new AepApiException(text, status, error, requestId) { Method = request.Method.Method, RequestPath = path };
    }

    private static bool IsRooted(string path) => path.Length >= 2 && path[0] == '/' && path[1] != '/' && path[1] != '\\';

    internal static bool IsSameOrigin(Uri uri, Uri baseAddress) =>
        uri.IsAbsoluteUri && string.Equals(uri.Scheme, baseAddress.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(uri.IdnHost, baseAddress.IdnHost, StringComparison.OrdinalIgnoreCase) && uri.Port == baseAddress.Port;

    private void Fail(Activity? activity, string method, string route, string reason)
    {
        activity?.SetStatus(ActivityStatusCode.Error, reason);
        Log.TransportFailed(_logger, method, route, reason);
    }

    /// <summary>
    /// A token and its <c>Authorization</c> value, replaced together so no call pairs one token with another's value. Not a
    /// record: its <c>ToString()</c> must not print the token.
    /// </summary>
    private sealed class BearerHeader(string token, string value)
    {
        public string Token => token;

        public string Value => value;
    }
}
