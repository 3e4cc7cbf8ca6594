using System.Net;

namespace AepFlow.Http;

/// <summary>
/// Reads the whole response body inside the resilience pipeline (below the attempt timeout), so a body that stalls is cut by
/// the attempt and total timeouts and a body that is cut off is a failure the retry strategy sees (idempotent calls retry it).
/// The <c>x-request-id</c> of the headers is kept in the request's options, so the error can name it even though the
/// response never completed.
/// </summary>
internal sealed class BodyBufferingHandler : DelegatingHandler
{
    /// <summary>Creates the handler; <see cref="DelegatingHandler.InnerHandler"/> is set by the pipeline.</summary>
    public BodyBufferingHandler()
    {
    }

    internal BodyBufferingHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Content is null or BufferedContent)
        {
            return response;
        }

        try
        {
            // ReadAsByteArrayAsync reports a connection closed or reset mid-body as HttpRequestException, which the retry
            // strategy treats as transient for idempotent calls; cancellation here is the attempt timeout firing.
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

            // The drained content stays behind the buffer for its headers: copying them would cost more than the body read.
            response.Content = new BufferedContent(bytes, response.Content);
            return response;
        }
        catch when (AepTransport.KeepRequestId(request, response))
        {
            response.Dispose();
            throw;
        }
    }
}

/// <summary>
/// A response body already read into memory; the client reads it without another copy. Its own headers are empty: the
/// received ones (Content-Type…) stay on <see cref="Received"/>, the drained content it replaced.
/// </summary>
internal sealed class BufferedContent(byte[] bytes, HttpContent received) : HttpContent
{
    public ReadOnlyMemory<byte> Bytes => bytes;

    public HttpContent Received => received;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(bytes, cancellationToken).AsTask();

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new MemoryStream(bytes, writable: false));

    protected override bool TryComputeLength(out long length)
    {
        length = bytes.Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            received.Dispose();
        }

        base.Dispose(disposing);
    }
}
