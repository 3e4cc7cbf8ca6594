using System.Net;
using System.Text.Json;
using AepFlow.Client.Tests.Infrastructure;
using AepFlow.Security;
using Microsoft.Extensions.Logging;

namespace AepFlow.Client.Tests;

/// <summary>No secret in any log line, exception property or ToString across the fault scenarios.</summary>
public sealed class SecretRedactionTests
{
    private const string Issued = "issued-token-0123456789";

    private static (AepClient Client, LogSink Logs) Create(FaultServer server)
    {
        var logs = new LogSink();
        var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        return (new AepClient(TransportFaultTests.Options(server.BaseAddress, ims: true, shortTimeouts: true), primaryHandler: null, factory), logs);
    }

    private static void AssertClean(string text)
    {
        Assert.DoesNotContain(TestClient.Secret, text);
        Assert.DoesNotContain(Issued, text);
        Assert.DoesNotContain("hunter2", text);
    }

    private static string Everything(Exception ex, LogSink logs)
    {
        var api = ex as AepApiException;
        return string.Join("\n", ex.ToString(), ex.Message, api?.Title, api?.Detail, api?.ErrorCode, api?.Report?.GetRawText(), logs.AllText);
    }

    [Fact]
    public async Task An_ims_error_echoing_the_secret_leaks_it_nowhere()
    {
        await using var server = new FaultServer((r, _, c) => c.RespondAsync(400,
            $$"""{"error":"invalid_client {{TestClient.Secret}}","error_description":"client_secret={{TestClient.Secret}} is wrong"}"""));
        var (client, logs) = Create(server);
        using var _ = client;

        var ex = await Assert.ThrowsAsync<AepApiException>(() => client.Flows.GetAsync("f1"));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Contains(Redaction.Mask, ex.Detail);
        AssertClean(Everything(ex, logs));
    }

    [Fact]
    public async Task An_api_error_echoing_the_token_and_a_password_leaks_neither()
    {
        await using var server = new FaultServer((r, _, c) => r.Path.EndsWith("/token/v3", StringComparison.Ordinal)
            ? c.RespondAsync(200, $$"""{"access_token":"{{Issued}}","expires_in":86400}""")
            : c.RespondAsync(400, $$$"""
                {"type":"bad {{{Issued}}}","title":"Bearer {{{Issued}}} rejected","status":400,"detail":"password: hunter2",
                 "report":{"password":"hunter2","auth":{"params":{"securityToken":"hunter2"}},"note":"token {{{Issued}}}"}}
                """));
        var (client, logs) = Create(server);
        using var _ = client;

        var ex = await Assert.ThrowsAsync<AepApiException>(() => client.Flows.GetAsync("f1"));

        AssertClean(Everything(ex, logs));
        Assert.Equal(Redaction.Mask, ex.Report!.Value.GetProperty("password").GetString());
        Assert.Equal("/data/foundation/flowservice/flows/f1", ex.RequestPath);
    }

    [Fact]
    public async Task A_gateway_error_code_echoing_the_token_is_not_logged()
    {
        await using var server = new FaultServer((r, _, c) => r.Path.EndsWith("/token/v3", StringComparison.Ordinal)
            ? c.RespondAsync(200, $$"""{"access_token":"{{Issued}}","expires_in":86400}""")
            : c.RespondAsync(403, $$"""{"error_code":"{{Issued}}","message":"nope"}"""));
        var (client, logs) = Create(server);
        using var _ = client;

        var ex = await Assert.ThrowsAsync<AepApiException>(() => client.Flows.GetAsync("f1"));

        Assert.Contains("failed with 403", logs.AllText);
        AssertClean(Everything(ex, logs));
    }

    [Fact]
    public async Task Timeouts_cuts_and_redirects_leak_nothing()
    {
        var scenario = 0;
        await using var server = new FaultServer((r, _, c) => r.Path.EndsWith("/token/v3", StringComparison.Ordinal)
            ? c.RespondAsync(200, $$"""{"access_token":"{{Issued}}","expires_in":86400}""")
            : scenario switch
            {
                0 => c.HeadersThenStallAsync("""{"items":[{"id":"f1"}]}"""),
                1 => c.HeadersThenCutAsync("""{"items":[{"id":"f1"}]}""", reset: true),
                _ => c.RespondAsync(307, "", ("Location", "http://127.0.0.1:1/x")),
            });
        var (client, logs) = Create(server);
        using var _ = client;

        for (scenario = 0; scenario < 3; scenario++)
        {
            var ex = await Assert.ThrowsAnyAsync<Exception>(() => client.Flows.GetAsync("f1"));
            Assert.IsAssignableFrom<IAepCallException>(ex);
            AssertClean(Everything(ex, logs));
        }
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("client_secret", true)]
    [InlineData("securityToken", true)]
    [InlineData("accessToken", true)]
    [InlineData("s3SecretKey", true)]
    [InlineData("sasToken", true)]
    [InlineData("connectionString", true)]
    [InlineData("sig", true)]
    [InlineData("signal", false)]
    [InlineData("continuationToken", false)]
    [InlineData("username", false)]
    [InlineData("accessKeyId", false)]
    [InlineData("environmentUrl", false)]
    public void Secret_names_are_recognised(string name, bool secret) => Assert.Equal(secret, Redaction.IsSecretName(name));

    [Fact]
    public void Credentials_print_without_their_secrets()
    {
        using var ims = new Auth.ImsClientSecretCredential(TransportFaultTests.Options(new Uri("http://127.0.0.1:9"), ims: true));
        var fixedToken = Auth.AepCredential.FromAccessToken(Issued);

        AssertClean(ims.ToString()!);
        AssertClean(fixedToken.ToString()!);
    }
}
