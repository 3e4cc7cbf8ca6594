using System.Net;
using System.Text.Json;
using AepFlow.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AepFlow.Auth;

/// <summary>
/// Adobe IMS OAuth server-to-server: the client credentials grant against the configured token endpoint. The token is cached
/// and replaced <see cref="AepClientOptions.TokenRefreshMargin"/> before it expires; concurrent callers share one refresh.
/// </summary>
internal sealed class ImsAccessTokenProvider : AccessTokenProvider, IDisposable
{
    private readonly Func<HttpClient> _http;
    private readonly AepClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private volatile CachedToken? _current;

    public ImsAccessTokenProvider(Func<HttpClient> http, AepClientOptions options, TimeProvider time, ILogger logger)
    {
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public override async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_current is { } cached && cached.IsFresh(_time.GetUtcNow()))
        {
            return cached.Value;
        }

        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited.
            if (_current is { } refreshed && refreshed.IsFresh(_time.GetUtcNow()))
            {
                return refreshed.Value;
            }

            var token = await RequestTokenAsync(cancellationToken).ConfigureAwait(false);
            _current = token;
            return token.Value;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    public override bool CanRefresh => true;

    public override void Invalidate(string token)
    {
        var current = _current;
        if (current is not null && current.Value == token)
        {
            _current = null;
        }
    }

    public void Dispose() => _refreshLock.Dispose();

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
        using var response = await _http().SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var requestId = Http.AepTransport.RequestIdOf(response);

        if (!response.IsSuccessStatusCode)
        {
            var error = AepError.Parse(body);
            Log.TokenFailed(_logger, endpoint, (int)response.StatusCode, error.Code);
            throw new AepApiException(
                $"The token endpoint {endpoint} refused the client credentials with {(int)response.StatusCode} {response.StatusCode}" +
                (error.Shape == AepErrorShape.Unknown ? "." : $": {error}."),
                response.StatusCode, error, requestId);
        }

        var (token, expiresIn) = Parse(body, endpoint, response.StatusCode, requestId);
        Log.TokenObtained(_logger, endpoint, expiresIn);
        var margin = _options.TokenRefreshMargin;
        var lifetime = TimeSpan.FromSeconds(expiresIn);

        // A token shorter-lived than the margin is still used once rather than refreshed on every call.
        var refreshAt = _time.GetUtcNow() + (lifetime > margin * 2 ? lifetime - margin : lifetime / 2);
        return new CachedToken(token, refreshAt);
    }

    private static (string Token, long ExpiresIn) Parse(byte[] body, string endpoint, HttpStatusCode status, string? requestId)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
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
            $"The token endpoint {endpoint} answered without an access_token.", status, AepError.None, requestId);
    }

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt)
    {
        public bool IsFresh(DateTimeOffset now) => now < RefreshAt;

        // Keep the token out of any accidental ToString (debugger displays, logs of the record).
        public override string ToString() => $"token refreshing at {RefreshAt:O}";
    }
}
