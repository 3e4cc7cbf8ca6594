using AepFlow.Emulator.Errors;

namespace AepFlow.Emulator.Gateway;

/// <summary>
/// The API gateway's checks: a bearer token (401 <c>401013</c> otherwise), an API key and an org id (403 otherwise).
/// Answers in the gateway's <c>{"error_code","message"}</c> shape; never logs the token.
/// </summary>
internal sealed class GatewayMiddleware(RequestDelegate next, TokenIssuer tokens, ILogger<GatewayMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        var authorization = headers.Authorization.ToString();
        const string bearer = "Bearer ";
        var token = authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? authorization[bearer.Length..].Trim() : string.Empty;
        if (token.Length == 0 || !tokens.IsAccepted(token))
        {
            logger.LogInformation("401 for {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, token.Length == 0 ? "no bearer token" : "token not accepted");
            await AepErrors.Gateway(StatusCodes.Status401Unauthorized, "401013", "Oauth token is not valid").ExecuteAsync(context);
            return;
        }

        if (string.IsNullOrWhiteSpace(headers["x-api-key"]))
        {
            await AepErrors.Gateway(StatusCodes.Status403Forbidden, "403003", "Api Key is invalid: send the x-api-key header.").ExecuteAsync(context);
            return;
        }

        if (string.IsNullOrWhiteSpace(headers["x-gw-ims-org-id"]))
        {
            await AepErrors.Gateway(StatusCodes.Status403Forbidden, "403025", "Profile is not valid: send the x-gw-ims-org-id header.").ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
