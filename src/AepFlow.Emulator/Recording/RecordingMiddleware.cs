using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Text;
using AepFlow.Emulator.Gateway;

namespace AepFlow.Emulator.Recording;

/// <summary>
/// Records each API request before faults and auth run, so a dropped or refused request is still visible. Secrets never
/// reach the record (see <see cref="SecretRedactor"/>), and the body costs what it weighs: bodies up to
/// <see cref="EmulatorOptions.MaxRecordedBodyBytes"/> are read once into a pooled buffer, larger ones are noted by size.
/// </summary>
internal sealed class RecordingMiddleware(RequestDelegate next, RequestLog log, EmulatorState state)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var redactor = state.Redactor;
        var headers = new Dictionary<string, string>(request.Headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = IsCredentialHeader(name) ? RedactScheme(values.ToString())
                : redactor.IsSecretName(name) ? SecretRedactor.Mask // x-access-token, x-client-secret…
                : values.ToString();
        }

        var (body, failure) = request.Path.StartsWithSegments("/ims")
            ? ("[redacted]", null) // token requests carry the client secret
            : await ReadBodyAsync(request, state.Options.MaxRecordedBodyBytes, redactor, context.RequestAborted);

        // Platform tags every response with a request id (echoing the caller's), which clients surface in their errors.
        var requestId = request.Headers["x-request-id"].ToString();
        context.Response.Headers["x-request-id"] = requestId.Length > 0 ? requestId : Guid.NewGuid().ToString("N");

        var recorded = new RecordedRequest(
            state.Now,
            request.Method,
            request.Path.Value ?? "/",
            redactor.RedactQuery(request.QueryString.Value ?? string.Empty),
            headers,
            body);
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

        // A body Kestrel refused (too slow, too large) is recorded, then answered by the exception handler (408, 413).
        failure?.Throw();
        await next(context);
    }

    private static async Task<(string? Body, ExceptionDispatchInfo? Failure)> ReadBodyAsync(HttpRequest request, int limit, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        var length = request.ContentLength;
        if (length is null && request.Headers.TransferEncoding.Count == 0)
        {
            return (null, null);
        }

        if (length == 0)
        {
            return (string.Empty, null);
        }

        if (length > limit)
        {
            return ($"[{length} bytes; bodies over {limit} bytes are not recorded]", null);
        }

        // Bodies of unknown length are buffered so the endpoint can read them again; known small ones too.
        request.EnableBuffering(bufferThreshold: limit + 1);
        var buffer = ArrayPool<byte>.Shared.Rent(limit + 1);
        try
        {
            var read = 0;
            try
            {
                int n;
                while (read <= limit && (n = await request.Body.ReadAsync(buffer.AsMemory(read, limit + 1 - read), cancellationToken)) > 0)
                {
                    read += n;
                }
            }
            catch (BadHttpRequestException ex)
            {
                return ("[body not received]", ExceptionDispatchInfo.Capture(ex));
            }

            request.Body.Position = 0;
            return (read > limit
                ? $"[over {limit} bytes; bodies that large are not recorded]"
                : redactor.RedactBody(Encoding.UTF8.GetString(buffer, 0, read), request.ContentType), null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsCredentialHeader(string name) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
        || name.Equals(AdminKeyMiddleware.HeaderName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Keeps the scheme so tests can see a bearer token was sent, never the token itself.</summary>
    private static string RedactScheme(string value)
    {
        var space = value.IndexOf(' ');
        return space > 0 ? value[..space] + " [redacted]" : "[redacted]";
    }
}
