using System.Text;

namespace AepFlow.Emulator.Recording;

/// <summary>Records each API request before faults and auth run, so a dropped or refused request is still visible.</summary>
internal sealed class RecordingMiddleware(RequestDelegate next, RequestLog log, TimeProvider time)
{
    private const int MaxBodyChars = 1 << 20;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase)
                ? RedactAuthorization(values.ToString())
                : values.ToString();
        }

        string? body = null;
        if (request.Path.StartsWithSegments("/ims"))
        {
            // Token requests carry the client secret.
            body = "[redacted]";
        }
        else if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            var buffer = new char[MaxBodyChars];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), context.RequestAborted);
            body = new string(buffer, 0, read);
            request.Body.Position = 0;
        }

        // Platform tags every response with a request id (echoing the caller's), which clients surface in their errors.
        var requestId = request.Headers["x-request-id"].ToString();
        context.Response.Headers["x-request-id"] = requestId.Length > 0 ? requestId : Guid.NewGuid().ToString("N");

        var recorded = new RecordedRequest(time.GetUtcNow(), request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? string.Empty, headers, body);
        log.Add(recorded);
        context.Items[RequestLog.RecordItemKey] = recorded;

        // Set the status as headers go out, so a test that already has the response also sees it recorded.
        context.Response.OnStarting(
            static state =>
            {
                var (entry, httpContext) = ((RecordedRequest, HttpContext))state;
                entry.Complete(httpContext.Response.StatusCode);
                return Task.CompletedTask;
            },
            (recorded, context));
        await next(context);
    }

    /// <summary>Keeps the scheme so tests can see a bearer token was sent, never the token itself.</summary>
    private static string RedactAuthorization(string value)
    {
        var space = value.IndexOf(' ');
        return space > 0 ? value[..space] + " [redacted]" : "[redacted]";
    }
}
