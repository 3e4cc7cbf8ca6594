using System.Net;
using System.Net.Http.Headers;

namespace AepFlow.Emulator.Tests;

public sealed class GatewayTests
{
    [Fact]
    public async Task Missing_bearer_token_is_401_in_the_gateway_shape()
    {
        await using var env = await TestEmulator.StartAsync();
        using var client = env.CreateClient("prod", authorization: false);

        using var response = await client.GetAsync($"{TestEmulator.FlowService}/flowSpecs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await TestEmulator.ReadAsync(response);
        Assert.Equal("401013", body["error_code"]!.GetValue<string>());
        Assert.Equal("Oauth token is not valid", body["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_non_bearer_authorization_is_401()
    {
        await using var env = await TestEmulator.StartAsync();
        using var client = env.CreateClient("prod", authorization: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");

        using var response = await client.GetAsync($"{TestEmulator.FlowService}/flows");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task Missing_api_key_or_org_is_403(bool apiKey, bool orgId)
    {
        await using var env = await TestEmulator.StartAsync();
        using var client = env.CreateClient("prod", apiKey: apiKey, orgId: orgId);

        using var response = await client.GetAsync($"{TestEmulator.FlowService}/flows");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await TestEmulator.ReadAsync(response);
        Assert.StartsWith("403", body["error_code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Recorded_requests_keep_headers_but_never_the_token()
    {
        await using var env = await TestEmulator.StartAsync();

        await env.GetOkAsync($"{TestEmulator.FlowService}/flowSpecs?limit=1");
        var recorded = Assert.Single(env.Emulator.Requests.Snapshot());
        var overHttp = await env.GetOkAsync("__emulator/requests", env.Admin);

        Assert.Equal("GET", recorded.Method);
        Assert.Equal("/data/foundation/flowservice/flowSpecs", recorded.Path);
        Assert.Equal("?limit=1", recorded.Query);
        Assert.Equal(200, recorded.StatusCode);
        Assert.Equal(env.Emulator.Credentials.ClientId, recorded.Headers["x-api-key"]);
        Assert.Equal("Bearer [redacted]", recorded.Headers["Authorization"]);
        Assert.DoesNotContain(env.Token, overHttp.ToJsonString());
        Assert.Equal("Bearer [redacted]", overHttp[0]!["headers"]!["Authorization"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ims_endpoint_issues_tokens_that_the_gateway_accepts_when_required()
    {
        await using var env = await TestEmulator.StartAsync(new EmulatorOptions { ClientId = "id", ClientSecret = "secret" });
        using var anonymous = new HttpClient();
        using var foreign = env.CreateClient("prod", authorization: false);
        foreign.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "test-token-123");
        using var refused = await foreign.GetAsync($"{TestEmulator.FlowService}/flows");

        using var wrongSecret = await anonymous.PostAsync(env.Emulator.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "id", ["client_secret"] = "nope",
        }));
        using var tokenResponse = await anonymous.PostAsync(env.Emulator.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "id", ["client_secret"] = "secret", ["scope"] = "openid",
        }));
        var token = (await TestEmulator.ReadAsync(tokenResponse))["access_token"]!.GetValue<string>();
        using var client = env.CreateClient("prod", authorization: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var accepted = await client.GetAsync($"{TestEmulator.FlowService}/flows");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(2, env.Emulator.IssuedTokenCount); // TestEmulator's own and this one
        Assert.DoesNotContain(env.Emulator.Requests.Snapshot(), r => r.Body?.Contains("secret", StringComparison.Ordinal) == true);
    }
}
