namespace AepFlow;

/// <summary>
/// Keys the client puts into <see cref="HttpRequestMessage.Options"/> so handlers in the pipeline (its resilience strategy,
/// or your own) can tell how a request may be treated.
/// </summary>
public static class AepHttpOptions
{
    /// <summary>
    /// <see langword="true"/> when sending the request again cannot change the outcome (GET, PUT, DELETE, HEAD). Requests
    /// without it are never retried once they may have reached the server.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> IsIdempotent = new("AepFlow.IsIdempotent");

    /// <summary>The <c>x-request-id</c> of the last response headers received for the request, kept even when its body failed.</summary>
    public static readonly HttpRequestOptionsKey<string> ResponseRequestId = new("AepFlow.ResponseRequestId");
}
