using AepFlow.Emulator.Errors;

namespace AepFlow.Emulator.Gateway;

/// <summary>
/// The API gateway's checks, in Platform's order: a bearer token (401 <c>401013</c> otherwise), an API key and an org id
/// (403 otherwise). Unless <see cref="EmulatorOptions.AcceptAnyCredentials"/> is set, the token must be one the emulator
/// issued and the API key, org id and sandbox must belong to its client. Answers in the gateway's
/// <c>{"error_code","message"}</c> shape; never logs the token.
/// </summary>
internal sealed class GatewayMiddleware(RequestDelegate next, EmulatorState state, ILogger<GatewayMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (Refusal(context) is { } refusal)
        {
            logger.LogInformation("{Status} for {Method} {Path}: {Reason}", refusal.Status, context.Request.Method, context.Request.Path, refusal.Reason);
            await AepErrors.Gateway(refusal.Status, refusal.Code, refusal.Message).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private Refused? Refusal(HttpContext context)
    {
        var headers = context.Request.Headers;
        var authorization = headers.Authorization.ToString();
        const string bearer = "Bearer ";
        var token = authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? authorization[bearer.Length..].Trim() : string.Empty;
        if (token.Length == 0)
        {
            return new(StatusCodes.Status401Unauthorized, "401013", "Oauth token is not valid", "no bearer token");
        }

        var strict = !state.Options.AcceptAnyCredentials;
        var client = strict ? state.Tokens.ClientOf(token) : null;
        if (strict && client is null)
        {
            return new(StatusCodes.Status401Unauthorized, "401013", "Oauth token is not valid", "a token this emulator did not issue, or an expired one");
        }

        var apiKey = headers["x-api-key"].ToString();
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            return new(StatusCodes.Status403Forbidden, "403003", "Api Key is invalid: send the x-api-key header.", "no x-api-key");
        }

        if (strict && !string.Equals(apiKey, client, StringComparison.Ordinal))
        {
            return new(StatusCodes.Status403Forbidden, "403003", "Api Key is invalid: x-api-key must be the client id the token was issued to.", "x-api-key of another client");
        }

        var orgId = headers["x-gw-ims-org-id"].ToString();
        if (string.IsNullOrWhiteSpace(orgId))
        {
            return new(StatusCodes.Status403Forbidden, "403025", "Profile is not valid: send the x-gw-ims-org-id header.", "no x-gw-ims-org-id");
        }

        if (strict && !string.Equals(orgId, state.Credentials.OrgId, StringComparison.Ordinal))
        {
            return new(StatusCodes.Status403Forbidden, "403025", "Profile is not valid: x-gw-ims-org-id is not the organization of this client.", "org id of another organization");
        }

        var sandbox = RequestContext.From(context, state.Credentials.DefaultSandbox).Sandbox;
        if (strict && !state.Credentials.HasSandbox(sandbox))
        {
            return new(
                StatusCodes.Status403Forbidden,
                "403027",
                $"Sandbox '{sandbox}' does not exist in this organization; known sandboxes: {string.Join(", ", state.Credentials.Sandboxes)}.",
                "unknown sandbox");
        }

        return null;
    }

    private sealed record Refused(int Status, string Code, string Message, string Reason);
}
