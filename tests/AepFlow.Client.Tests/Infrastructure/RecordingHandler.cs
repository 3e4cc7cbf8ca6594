using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace AepFlow.Client.Tests.Infrastructure;

/// <summary>A request as it left the client: method, URI, headers and body, captured before the fake answers.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body, string? ContentType)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>
/// The fake network: records every request reaching it and answers through <see cref="Respond"/>. Token requests to the IMS
/// endpoint are answered separately and counted, so tests can see how often a token was fetched.
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _tokenRequests;

    public Func<RecordedRequest, int, CancellationToken, Task<HttpResponseMessage>> Respond { get; set; } =
        (_, _, _) => Task.FromResult(Json(HttpStatusCode.OK, "{}"));

    /// <summary>Answers IMS token requests; default issues <c>token-N</c> valid for a day.</summary>
    public Func<int, Task<HttpResponseMessage>> RespondToken { get; set; } =
        n => Task.FromResult(Json(HttpStatusCode.OK, $$"""{"access_token":"token-{{n}}","token_type":"bearer","expires_in":86400}"""));

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public List<string> TokenRequestBodies { get; } = [];

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        if (request.RequestUri!.AbsolutePath.EndsWith("/ims/token/v3", StringComparison.Ordinal))
        {
            lock (TokenRequestBodies)
            {
                TokenRequestBodies.Add(body ?? "");
            }

            return await RespondToken(Interlocked.Increment(ref _tokenRequests));
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        var recorded = new RecordedRequest(request.Method, request.RequestUri, headers, body, request.Content?.Headers.ContentType?.ToString());
        _requests.Enqueue(recorded);
        var response = await Respond(recorded, _requests.Count, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}
