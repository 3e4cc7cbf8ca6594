using AepFlow.Emulator.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace AepFlow.Emulator;

/// <summary>
/// Request limits answered in Platform's service error shape instead of Kestrel's empty bodies: a request target over
/// 8 KiB is 414, headers over 32 KiB are 431 (Kestrel's own limits are set higher so these requests reach the emulator),
/// and bodies Kestrel refuses while they are read — over 30 MB (413) or arriving too slowly (408) — are mapped from
/// Kestrel's exception. Requests beyond Kestrel's raised limits still get its empty 414/431.
/// </summary>
internal static class RequestLimits
{
    public const int MaxRequestTargetBytes = 8 * 1024;
    public const int MaxHeaderBytes = 32 * 1024;
    public const long MaxBodyBytes = 30_000_000;

    /// <summary>The longest name Platform accepts for a connection, flow, dataset or mapping set.</summary>
    public const int MaxNameLength = 256;

    public static void ConfigureKestrel(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerLimits limits)
    {
        limits.MaxRequestLineSize = MaxRequestTargetBytes * 8;
        limits.MaxRequestHeadersTotalSize = MaxHeaderBytes * 4;
        limits.MaxRequestBodySize = MaxBodyBytes;
    }

    /// <summary>Answers 414, 431 or (by Content-Length) 413 before anything else runs.</summary>
    public static async Task CheckAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var target = request.PathBase.Value?.Length + request.Path.Value?.Length + request.QueryString.Value?.Length ?? 0;
        if (target > MaxRequestTargetBytes)
        {
            await Error(StatusCodes.Status414UriTooLong, "URI Too Long", $"The request target is longer than {MaxRequestTargetBytes} bytes; send filters in fewer or shorter parameters.")
                .ExecuteAsync(context);
            return;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            // Refused before anything reads the body; Kestrel would refuse it at the first read anyway.
            await Error(StatusCodes.Status413PayloadTooLarge, "Payload Too Large", $"The request body is larger than {MaxBodyBytes} bytes.")
                .ExecuteAsync(context);
            return;
        }

        var headerBytes = 0;
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                headerBytes += name.Length + (value?.Length ?? 0) + 4;
            }
        }

        if (headerBytes > MaxHeaderBytes)
        {
            await Error(StatusCodes.Status431RequestHeaderFieldsTooLarge, "Request Header Fields Too Large", $"The request headers total more than {MaxHeaderBytes} bytes.")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    /// <summary>The answer to an exception no endpoint handled: Kestrel's refusals keep their status, anything else is 500.</summary>
    public static Task HandleExceptionAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var result = error switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                Error(StatusCodes.Status413PayloadTooLarge, "Payload Too Large", $"The request body is larger than {MaxBodyBytes} bytes."),
            BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } =>
                Error(StatusCodes.Status408RequestTimeout, "Request Timeout", "The request body arrived too slowly; send it at once."),
            BadHttpRequestException bad =>
                Error(bad.StatusCode, "Bad Request", "The request could not be read: " + bad.Message),
            _ => Error(StatusCodes.Status500InternalServerError, "Internal Server Error", "The emulator failed to handle this request; see its log."),
        };
        return result.ExecuteAsync(context);
    }

    /// <summary>415 for a JSON endpoint called without <c>application/json</c>.</summary>
    public static IResult UnsupportedMediaType(string? contentType) =>
        Error(
            StatusCodes.Status415UnsupportedMediaType,
            "Unsupported Media Type",
            $"Send the body as application/json (Content-Type: application/json), not '{(string.IsNullOrEmpty(contentType) ? "no content type" : contentType)}'.");

    private static IResult Error(int status, string title, string detail) =>
        AepErrors.Service(status, $"EMULATOR-1{status}", title, detail);
}
