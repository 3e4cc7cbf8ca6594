using System.Net;
using System.Text.Json;

namespace AepFlow;

/// <summary>
/// Platform answered with a non-success status. The Adobe error body is parsed from whichever of its three shapes it came in:
/// the gateway's <c>{"error_code","message"}</c>, a service's <c>{"type","title","status","detail","report"}</c>, or an
/// etag conflict's <c>{"errorMessage"}</c>.
/// </summary>
public class AepApiException : Exception, IAepCallException
{
    /// <summary>Creates the exception from the parts of an error response.</summary>
    public AepApiException(string message, HttpStatusCode statusCode, AepError error, string? requestId, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = error.Code;
        Title = error.Title;
        Detail = error.Detail;
        Report = error.Report;
        RequestId = requestId;
    }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// Adobe's error code: the gateway's <c>error_code</c> (e.g. <c>403025</c>), the service's <c>type</c> URI
    /// (e.g. <c>http://ns.adobe.com/aep/errors/XDM-1010-404</c>), or an OAuth <c>error</c> from IMS.
    /// </summary>
    public string? ErrorCode { get; }

    /// <summary>The short description: the service's <c>title</c>, or the gateway's <c>message</c>.</summary>
    public string? Title { get; }

    /// <summary>The long description: the service's <c>detail</c>, or the etag conflict's <c>errorMessage</c>.</summary>
    public string? Detail { get; }

    /// <summary>The service's <c>report</c> object (per-field errors), when present.</summary>
    public JsonElement? Report { get; }

    /// <summary>The <c>x-request-id</c> response header, to quote to Adobe support.</summary>
    public string? RequestId { get; }

    /// <inheritdoc />
    public string? Method { get; init; }

    /// <inheritdoc />
    public string? RequestPath { get; init; }
}

/// <summary>
/// The resource changed since its etag was read: the <c>if-match</c> sent did not match (HTTP 412, or 409 with an etag
/// conflict body). Read the resource again and reapply the change.
/// </summary>
public sealed class AepConcurrencyException : AepApiException
{
    /// <summary>Creates the exception from the parts of an error response.</summary>
    public AepConcurrencyException(string message, HttpStatusCode statusCode, AepError error, string? requestId, string? sentEtag)
        : base(message, statusCode, error, requestId)
    {
        SentEtag = sentEtag;
    }

    /// <summary>The etag the request sent in <c>if-match</c>, if any.</summary>
    public string? SentEtag { get; }
}
