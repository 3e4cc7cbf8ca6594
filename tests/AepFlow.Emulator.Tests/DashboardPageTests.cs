using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace AepFlow.Emulator.Tests;

/// <summary>
/// The dashboard's HTML as the server renders it (no browser): every secret a client sent, whatever its name and however it
/// was sent, shows as <c>***</c> and never as itself, in the page and in the content the page re-fetches.
/// </summary>
public sealed class DashboardPageTests
{
    private const string UserSpecId = "5e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";

    /// <summary>A pulled connectionSpec: a <c>format: password</c> field whose name says nothing about secrets.</summary>
    private const string UserConnectionSpec = $$"""
        { "id": "{{UserSpecId}}", "name": "Partner vault", "version": "1.0",
          "authSpec": [ { "name": "Partner key", "type": "PartnerKey", "spec": { "type": "object",
            "properties": { "region": { "type": "string" }, "enrolment": { "type": "string" } } } } ],
          "sourceSpec": { "spec": { "type": "object", "properties": {
            "table": { "type": "string" }, "pin": { "type": "string", "format": "password" } } } } }
        """;

    [Fact]
    public async Task No_secret_value_sent_appears_anywhere_in_the_page()
    {
        var specs = Directory.CreateTempSubdirectory("aepflow-dashboard-specs-");
        try
        {
            File.WriteAllText(Path.Combine(specs.FullName, "partner-vault-5e1f0a2b.connectionspec.json"), UserConnectionSpec);
            await using var env = await TestEmulator.StartAsync(new EmulatorOptions { SpecFolders = [specs.FullName] });
            var secrets = await SendSecretsAsync(env);

            var page = await PageAsync(env, "/");
            var content = await PageAsync(env, "__emulator/dashboard");

            foreach (var html in new[] { page, content })
            {
                var decoded = WebUtility.HtmlDecode(html);
                foreach (var secret in secrets)
                {
                    Assert.False(html.Contains(secret, StringComparison.Ordinal), $"'{secret}' is in the page");
                    Assert.False(decoded.Contains(secret, StringComparison.Ordinal), $"'{secret}' is in the page's text");
                }

                // What is not secret stays readable: the connections, the request log and its harmless parameters.
                Assert.Contains("Salesforce with every secret", decoded);
                Assert.Contains("Basic Authentication (username=***, password=***, securityToken=***)", decoded);
                Assert.Contains("limit=5", decoded);
                Assert.Contains("\"table\":\"accounts\"", decoded);
            }
        }
        finally
        {
            specs.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_page_needs_the_admin_key()
    {
        await using var env = await TestEmulator.StartAsync();

        using var anonymous = new HttpClient { BaseAddress = env.Emulator.BaseAddress };
        using var refused = await anonymous.GetAsync("/");
        using var wrongKey = await anonymous.GetAsync("/?adminKey=not-the-key");
        using var content = await anonymous.GetAsync("__emulator/dashboard");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, content.StatusCode);
    }

    /// <summary>Sends a secret down every path a client could, and returns the values that must never be shown.</summary>
    private static async Task<IReadOnlyList<string>> SendSecretsAsync(TestEmulator env)
    {
        // Auth params, by bundled (format: password) and plain names; accepted, so the connection is stored and listed too.
        var connection = await env.PostOkAsync($"{TestEmulator.FlowService}/connections", $$"""
            { "name": "Salesforce with every secret",
              "auth": { "specName": "Basic Authentication",
                        "params": { "username": "user-Ab12-secret", "password": "pw-Cd34-secret", "securityToken": "st-Ef56-secret" } },
              "connectionSpec": { "id": "{{TestEmulator.Salesforce}}", "version": "1.0" } }
            """);
        var id = connection["id"]!.GetValue<string>();
        var etag = connection["etag"]!.GetValue<string>();

        // Changed by JSON Patch: the values sit under "value", their place only in "path".
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"{TestEmulator.FlowService}/connections/{id}")
        {
            Content = TestEmulator.Json("""
                [ { "op": "replace", "path": "/auth/params/password", "value": "pw-Gh78-patched" },
                  { "op": "replace", "path": "/auth/params/username", "value": "user-Ij90-patched" } ]
                """),
        };
        patch.Headers.TryAddWithoutValidation("If-Match", etag);
        using (var patched = await env.Http.SendAsync(patch))
        {
            Assert.True(patched.IsSuccessStatusCode, await patched.Content.ReadAsStringAsync());
        }

        // The whole auth object replaced by a patch, and refused bodies (recorded all the same): params that are not an
        // object, members spelled with other cases, auth params under any name.
        await SendAsync(env, HttpMethod.Patch, $"connections/{id}", """
            [ { "op": "add", "path": "/auth", "value": { "specName": "Basic Authentication", "params": { "region": "region-Kl12-secret" } } },
              { "op": "add", "path": "/Auth/Params/anything", "value": "any-Mn34-secret" } ]
            """);
        await SendAsync(env, HttpMethod.Post, "connections", """
            { "name": "odd auth", "auth": { "specName": "x", "params": "params-as-text-Op56-secret" } }
            """);
        await SendAsync(env, HttpMethod.Post, "connections", """
            { "name": "odd case", "Auth": { "SpecName": "x", "Params": { "whatever": "case-Qr78-secret" } } }
            """);
        await SendAsync(env, HttpMethod.Post, "connections", $$"""
            { "name": "partner", "auth": { "specName": "Partner key", "params": { "region": "eu-St90-secret", "enrolment": ["list-Uv12-secret"] } },
              "connectionSpec": { "id": "{{UserSpecId}}", "version": "1.0" } }
            """);

        // A format: password field of a pulled spec outside auth, whose name says nothing about secrets.
        await SendAsync(env, HttpMethod.Post, "sourceConnections", $$"""
            { "name": "partner source", "params": { "table": "accounts", "pin": "pin-Wx34-secret" },
              "connectionSpec": { "id": "{{UserSpecId}}", "version": "1.0" } }
            """);

        // Secrets in query strings and in a form body; the token the client holds.
        using (await env.Http.GetAsync($"{TestEmulator.FlowService}/flows?limit=5&client_secret=qs-Yz56-secret&access_token=qs-Ab78-token&PASSWORD=qs-Cd90-secret"))
        {
        }

        using (await env.Http.PostAsync($"{TestEmulator.FlowService}/connections", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "form",
            ["password"] = "form-Ef12-secret",
        })))
        {
        }

        return
        [
            "user-Ab12-secret", "pw-Cd34-secret", "st-Ef56-secret", "pw-Gh78-patched", "user-Ij90-patched", "region-Kl12-secret",
            "any-Mn34-secret", "params-as-text-Op56-secret", "case-Qr78-secret", "eu-St90-secret", "list-Uv12-secret",
            "pin-Wx34-secret", "qs-Yz56-secret", "qs-Ab78-token", "qs-Cd90-secret", "form-Ef12-secret",
            env.Token, env.Emulator.Credentials.ClientSecret, env.Emulator.AdminKey,
        ];
    }

    private static async Task SendAsync(TestEmulator env, HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, $"{TestEmulator.FlowService}/{path}") { Content = TestEmulator.Json(json) };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        using var response = await env.Http.SendAsync(request);
    }

    private static async Task<string> PageAsync(TestEmulator env, string path)
    {
        using var response = await env.Admin.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return html;
    }
}
