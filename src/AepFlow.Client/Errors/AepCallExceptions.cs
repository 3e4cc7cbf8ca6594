using System.Text.Json;

namespace AepFlow;

/// <summary>
/// What every exception the client throws for a call it made carries: which call, and the <c>x-request-id</c> to quote to
/// Adobe support when the server sent one.
/// </summary>
public interface IAepCallException
{
    /// <summary>The HTTP method, e.g. <c>GET</c>.</summary>
    string? Method { get; }

    /// <summary>The request path without the query, e.g. <c>/data/foundation/flowservice/flows/{id}</c> with the id filled in.</summary>
    string? RequestPath { get; }

    /// <summary>The <c>x-request-id</c> the response carried, or <see langword="null"/> when none arrived.</summary>
    string? RequestId { get; }
}

/// <summary>
/// A call did not complete within <see cref="AepClientOptions.AttemptTimeout"/> / <see cref="AepClientOptions.TotalTimeout"/>,
/// reading the response body included. Idempotent calls were retried first.
/// </summary>
public sealed class AepTimeoutException : TimeoutException, IAepCallException
{
    /// <summary>Creates the exception.</summary>
    public AepTimeoutException(string message, string? method, string? path, string? requestId, Exception? innerException = null)
        : base(message, innerException)
    {
        Method = method;
        RequestPath = path;
        RequestId = requestId;
    }

    /// <inheritdoc />
    public string? Method { get; }

    /// <inheritdoc />
    public string? RequestPath { get; }

    /// <inheritdoc />
    public string? RequestId { get; }
}

/// <summary>
/// The connection failed: refused, reset, or closed before the whole response (headers or body) arrived. Idempotent calls
/// were retried first; others only when the connection could not be opened.
/// </summary>
public sealed class AepTransportException : HttpRequestException, IAepCallException
{
    /// <summary>Creates the exception.</summary>
    public AepTransportException(string message, HttpRequestError error, string? method, string? path, string? requestId, Exception? innerException = null)
        : base(error, message, innerException)
    {
        Method = method;
        RequestPath = path;
        RequestId = requestId;
    }

    /// <inheritdoc />
    public string? Method { get; }

    /// <inheritdoc />
    public string? RequestPath { get; }

    /// <inheritdoc />
    public string? RequestId { get; }
}

/// <summary>A success response whose body is not the JSON the call expects (truncated, not JSON, a member missing).</summary>
public sealed class AepInvalidResponseException : JsonException, IAepCallException
{
    /// <summary>Creates the exception.</summary>
    public AepInvalidResponseException(string message, string? method, string? path, string? requestId, Exception? innerException = null)
        : base(message, innerException)
    {
        Method = method;
        RequestPath = path;
        RequestId = requestId;
    }

    /// <inheritdoc />
    public string? Method { get; }

    /// <inheritdoc />
    public string? RequestPath { get; }

    /// <inheritdoc />
    public string? RequestId { get; }
}
