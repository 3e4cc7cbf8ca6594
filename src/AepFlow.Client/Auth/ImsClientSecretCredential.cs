using System.Net;
using System.Text.Json;
using AepFlow.Diagnostics;
using AepFlow.Http;
using AepFlow.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AepFlow.Auth;

/// <summary>
/// Adobe IMS OAuth server-to-server: the client credentials grant against <see cref="AepClientOptions.TokenEndpoint"/>. The
/// token is cached and replaced <see cref="AepClientOptions.TokenRefreshMargin"/> before it expires; concurrent callers
/// share one refresh. The token request has the client's timeouts and retries and never follows a redirect (it carries
/// the client secret).
/// </summary>
public sealed class ImsClientSecretCredential : AepCredential, IDisposable
{
    private readonly Func<HttpClient> _http;
    private readonly HttpClient? _ownedHttp;
    private readonly AepClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Redactor _redactor;
    private readonly object _gate = new();
    private volatile CachedToken? _current;
    private Task<CachedToken>? _refreshing;

    /// <summary>
    /// A credential for <paramref name="options"/>' <c>ClientId</c>, <c>ClientSecret</c>, <c>TokenEndpoint</c> and <c>Scopes</c>,
    /// with its own connection pool (or <paramref name="primaryHandler"/>) behind the client's resilience pipeline.
    /// </summary>
    public ImsClientSecretCredential(AepClientOptions options, HttpMessageHandler? primaryHandler = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Clone();
        if (string.IsNullOrWhiteSpace(_options.ClientId) || string.IsNullOrWhiteSpace(_options.ClientSecret) || _options.TokenEndpoint is null)
        {
            throw new InvalidOperationException("ImsClientSecretCredential needs ClientId, ClientSecret and TokenEndpoint.");
        }

        _ownedHttp = new HttpClient(AepResilience.CreateHandler(_options, primaryHandler), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        var http = _ownedHttp;
        _http = () => http;
        _time = TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(AepClientDiagnostics.LoggerCategory);
        _redactor = new Redactor(_options.ClientSecret);
    }

    internal ImsClientSecretCredential(Func<HttpClient> http, AepClientOptions options, TimeProvider time, ILogger logger, Redactor redactor)
    {
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
        _redactor = redactor;
    }

    /// <inheritdoc />
    public override async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_current is { } cached && cached.IsFresh(_time.GetUtcNow()))
        {
            return cached.Value;
        }

        // Single flight: every caller waits on the same token request and gets its token or its failure; the request is
        // bounded by the client's timeouts, and a caller's own cancellation only stops that caller's wait.
        Task<CachedToken> refresh;
        lock (_gate)
        {
            if (_current is { } refreshed && refreshed.IsFresh(_time.GetUtcNow()))
            {
                return refreshed.Value;
            }

            refresh = _refreshing ??= RefreshAsync();
            if (refresh.IsCompleted)
            {
                _refreshing = null;
            }
        }

        return (await refresh.WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
    }

    private async Task<CachedToken> RefreshAsync()
    {
        try
        {
            var token = await RequestTokenAsync(CancellationToken.None).ConfigureAwait(false);
            _current = token;
            return token;
        }
        finally
        {
            lock (_gate)
            {
                _refreshing = null;
            }
        }
    }

    /// <inheritdoc />
    public override bool CanRefresh => true;

    /// <inheritdoc />
    public override void Invalidate(string token)
    {
        var current = _current;
        if (current is not null && current.Value == token)
        {
            _current = null;
        }
    }

    /// <summary>Releases the connection pool the credential created, if any.</summary>
    public void Dispose()
    {
        _ownedHttp?.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(ImsClientSecretCredential)} {{ ClientId = {_options.ClientId}, ClientSecret = {Redaction.Mask}, TokenEndpoint = {_options.TokenEndpoint} }}";

    private async Task<CachedToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var form = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", _options.ClientId ?? ""),
            new("client_secret", _options.ClientSecret ?? ""),
            new("scope", _options.Scopes),
        ]);
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.TokenEndpoint) { Content = form };

        // Asking for a token again has no side effect, so the resilience pipeline may retry it.
        request.Options.Set(AepHttpOptions.IsIdempotent, true);
        var endpoint = _options.TokenEndpoint.GetLeftPart(UriPartial.Path);
        var path = _options.TokenEndpoint.AbsolutePath;
        HttpResponseMessage response;
        try
        {
            response = await _http().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (AepTransport.TranslateFailure(ex, request, "POST", path, _options, cancellationToken) is { } translated)
        {
            Log.TransportFailed(_logger, "POST", endpoint, translated.Message);
            throw translated;
        }

        using var _ = response;
        var body = await AepTransport.ReadBodyAsync(response, request, "POST", path, _options, cancellationToken).ConfigureAwait(false);
        var requestId = AepTransport.RequestIdOf(response);

        if (!response.IsSuccessStatusCode)
        {
            // IMS error bodies may echo what was posted; the secret never reaches a log line or exception.
            var error = _redactor.Scrub(AepError.Parse(body.Span));
            Log.TokenFailed(_logger, endpoint, (int)response.StatusCode, error.Code);
            var redirect = (int)response.StatusCode is >= 300 and < 400 ? " (redirects are not followed: the request carries the client secret)" : "";
            throw new AepApiException(
                _redactor.Scrub($"The token endpoint {endpoint} refused the client credentials with {(int)response.StatusCode} {response.StatusCode}" +
                (error.Shape == AepErrorShape.Unknown ? "" : $": {error}") + redirect + ".")!,
                response.StatusCode, error, requestId) { Method = "POST", RequestPath = path };
        }

        var (token, expiresIn) = Parse(body.Span, endpoint, response.StatusCode, requestId, path);
        Log.TokenObtained(_logger, endpoint, expiresIn);
        var margin = _options.TokenRefreshMargin;
        var lifetime = TimeSpan.FromSeconds(expiresIn);

        // A token shorter-lived than the margin is still used once rather than refreshed on every call.
        var refreshAt = _time.GetUtcNow() + (lifetime > margin * 2 ? lifetime - margin : lifetime / 2);
        return new CachedToken(token, refreshAt);
    }

    private static (string Token, long ExpiresIn) Parse(ReadOnlySpan<byte> body, string endpoint, HttpStatusCode status, string? requestId, string path)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object &&
                root.TryGetProperty("access_token", out var token) && token.ValueKind == JsonValueKind.String &&
                token.GetString() is { Length: > 0 } value)
            {
                var expiresIn = root.TryGetProperty("expires_in", out var e) && e.TryGetInt64(out var seconds) ? seconds : 3600;
                return (value, expiresIn);
            }
        }
        catch (JsonException)
        {
        }

        throw new AepApiException(
            $"The token endpoint {endpoint} answered without an access_token.", status, AepError.None, requestId) { Method = "POST", RequestPath = path };
    }

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt)
    {
        public bool IsFresh(DateTimeOffset now) => now < RefreshAt;

        // Keep the token out of any accidental ToString (debugger displays, logs of the record).
        public override string ToString() => $"token refreshing at {RefreshAt:O}";
    }
}
