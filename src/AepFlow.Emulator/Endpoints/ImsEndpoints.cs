using System.Text.Json.Nodes;
using AepFlow.Emulator.Gateway;

namespace AepFlow.Emulator.Endpoints;

/// <summary>
/// A stand-in for Adobe IMS's OAuth server-to-server token endpoint (<c>POST /ims/token/v3</c>, client credentials),
/// so a client's token acquisition and refresh can be exercised without Adobe.
/// </summary>
internal static class ImsEndpoints
{
    public const string TokenPath = "/ims/token/v3";

    public static void Map(IEndpointRouteBuilder app) => app.MapPost(TokenPath, IssueAsync);

    private static async Task<IResult> IssueAsync(HttpContext http, EmulatorState state)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        string Field(string name) => form?[name].ToString() is { Length: > 0 } value ? value : http.Request.Query[name].ToString();

        if (Field("grant_type") != "client_credentials")
        {
            return JsonResults.Json(
                new JsonObject { ["error"] = "unsupported_grant_type", ["error_description"] = "Only grant_type=client_credentials is supported." },
                StatusCodes.Status400BadRequest);
        }

        var clientId = Field("client_id");
        var clientSecret = Field("client_secret");
        var expected = state.Credentials;
        if (clientId.Length == 0 || clientSecret.Length == 0
            || (!state.Options.AcceptAnyCredentials && (clientId != expected.ClientId || clientSecret != expected.ClientSecret)))
        {
            return JsonResults.Json(
                new JsonObject { ["error"] = "invalid_client", ["error_description"] = "The client id or secret is not valid." },
                StatusCodes.Status401Unauthorized);
        }

        var (token, lifetime) = state.Tokens.Issue(clientId);
        return JsonResults.Json(new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "bearer",
            ["expires_in"] = (long)lifetime.TotalSeconds,
        });
    }
}
