using System.Globalization;
using AepFlow.Emulator.Errors;
using Microsoft.AspNetCore.WebUtilities;

namespace AepFlow.Emulator.Faults;

/// <summary>Applies the first matching queued fault to an API request before it reaches its endpoint.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultInjector faults, IHostApplicationLifetime lifetime, ILogger<FaultMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var rule = faults.TryTake(context.Request.Method, context.Request.Path.Value ?? "/");
        if (rule is null)
        {
            await next(context);
            return;
        }

        if (context.Items[RequestLog.RecordItemKey] is RecordedRequest recorded)
        {
            recorded.Fault = Describe(rule);
        }

        if (rule.LatencyMs > 0)
        {
            // A long delay must not hold up shutdown, nor outlive a client that gave up.
            using var delay = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            try
            {
                await Task.Delay(rule.LatencyMs, delay.Token);
            }
            catch (OperationCanceledException)
            {
                context.Abort();
                return;
            }
        }

        if (rule.DropConnection)
        {
            logger.LogInformation("Fault: dropping the connection of {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Abort();
            return;
        }

        if (rule.Status is not int status)
        {
            await next(context);
            return;
        }

        logger.LogInformation("Fault: answering {Method} {Path} with {Status}", context.Request.Method, context.Request.Path, status);
        if (rule.RetryAfterSeconds is int seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        var reason = ReasonPhrases.GetReasonPhrase(status);
        var result = status == StatusCodes.Status429TooManyRequests
            ? AepErrors.Gateway(status, "429050", "Too many requests; slow down and retry after the Retry-After interval.")
            : AepErrors.Service(status, "EMULATOR-9000", reason.Length > 0 ? reason : "Injected fault", "This response was injected by the emulator's fault switches.");
        await result.ExecuteAsync(context);
    }

    private static string Describe(FaultRule rule) =>
        rule.DropConnection ? "drop"
        : rule.Status is int status ? status.ToString(CultureInfo.InvariantCulture)
        : $"latency {rule.LatencyMs} ms";
}
