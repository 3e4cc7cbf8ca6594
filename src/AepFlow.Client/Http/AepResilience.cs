using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace AepFlow.Http;

/// <summary>
/// The client's resilience strategy, shared by <c>AddAepClient</c> and <c>new AepClient(options)</c>: a total timeout around
/// retries around a per-attempt timeout. Idempotent requests retry on 408/429/5xx, network errors and attempt timeouts,
/// honouring <c>Retry-After</c>. Other requests (POST, PATCH) retry only when the connection could not even be opened,
/// because once their bytes may have reached the server a repeat could create a second resource.
/// </summary>
internal static class AepResilience
{
    public const string PipelineName = "AepFlow";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, AepClientOptions options)
    {
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "AepFlow.TotalTimeout", Timeout = options.TotalTimeout });
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "AepFlow.Retry",
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options.TotalTimeout)),
            });
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "AepFlow.AttemptTimeout", Timeout = options.AttemptTimeout });
    }

    public static ResiliencePipeline<HttpResponseMessage> Build(AepClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = PipelineName };
        Configure(builder, options);
        return builder.Build();
    }

    /// <summary>
    /// The handler chain of a client built without dependency injection: resilience, then the body read (so the timeouts
    /// cover it), then <paramref name="primary"/> or a pooled handler that never follows redirects.
    /// </summary>
    public static HttpMessageHandler CreateHandler(AepClientOptions options, HttpMessageHandler? primary) =>
        new ResilienceHandler(Build(options)) { InnerHandler = new BodyBufferingHandler(primary ?? CreatePrimaryHandler()) };

    /// <summary>
    /// The connection handler: pooled connections renewed every 5 minutes (DNS changes), and no redirects: a redirect would
    /// carry the client secret, the token, the gateway headers and the body to whatever host it names.
    /// </summary>
    public static SocketsHttpHandler CreatePrimaryHandler() =>
        new() { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeSpan totalTimeout)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        // Waiting out a Retry-After longer than the whole call may take would only end in a timeout; report the 429/503 now.
        if (outcome.Result?.Headers.RetryAfter is { } retryAfter && RetryAfterDelay(retryAfter) > totalTimeout)
        {
            return false;
        }

        var request = context.GetRequestMessage();
        var idempotent = request is not null && request.Options.TryGetValue(AepHttpOptions.IsIdempotent, out var flag)
            ? flag
            : request?.Method == HttpMethod.Get || request?.Method == HttpMethod.Head;

        if (idempotent)
        {
            return outcome.Exception switch
            {
                null => outcome.Result is { } response && IsTransientStatus(response.StatusCode),
                TimeoutRejectedException => true,
                HttpRequestException => true,
                _ => false,
            };
        }

        // Safe for any method: the connection was never established, so the server cannot have seen the request.
        return outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };
    }

    private static TimeSpan RetryAfterDelay(System.Net.Http.Headers.RetryConditionHeaderValue retryAfter) =>
        retryAfter.Delta ?? (retryAfter.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.Zero);

    private static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500 && status != HttpStatusCode.NotImplemented;
}
