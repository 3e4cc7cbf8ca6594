using Microsoft.Extensions.Logging;

namespace AepFlow.Diagnostics;

// Source-generated log methods. They take only methods, routes, statuses and ids: never headers, tokens or secrets.
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Sending {Method} {Route}")]
    public static partial void Sending(ILogger logger, string method, string route);

    [LoggerMessage(2, LogLevel.Information, "{Method} {Route} answered {StatusCode} in {ElapsedMilliseconds} ms (x-request-id {RequestId})")]
    public static partial void Received(ILogger logger, string method, string route, int statusCode, long elapsedMilliseconds, string? requestId);

    [LoggerMessage(3, LogLevel.Warning, "{Method} {Route} failed with {StatusCode} {ErrorCode} (x-request-id {RequestId})")]
    public static partial void Failed(ILogger logger, string method, string route, int statusCode, string? errorCode, string? requestId);

    [LoggerMessage(4, LogLevel.Warning, "{Method} {Route} was not sent: the request has {ErrorCount} validation errors")]
    public static partial void ValidationFailed(ILogger logger, string method, string route, int errorCount);

    [LoggerMessage(5, LogLevel.Information, "Obtained an access token from {TokenEndpoint}, valid for {ExpiresInSeconds} s")]
    public static partial void TokenObtained(ILogger logger, string tokenEndpoint, long expiresInSeconds);

    [LoggerMessage(6, LogLevel.Error, "The token endpoint {TokenEndpoint} refused the credentials with {StatusCode} {ErrorCode}")]
    public static partial void TokenFailed(ILogger logger, string tokenEndpoint, int statusCode, string? errorCode);

    [LoggerMessage(7, LogLevel.Warning, "{Method} {Route} could not be completed: {Reason}")]
    public static partial void TransportFailed(ILogger logger, string method, string route, string reason);

    [LoggerMessage(8, LogLevel.Debug, "Following the next page of {Route}")]
    public static partial void NextPage(ILogger logger, string route);

    [LoggerMessage(9, LogLevel.Information, "Platform refused the access token (401); it will be replaced on the next call")]
    public static partial void TokenRejected(ILogger logger);
}
