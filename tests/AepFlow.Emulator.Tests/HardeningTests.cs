using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace AepFlow.Emulator.Tests;

/// <summary>What keeps the emulator safe to leave running: admin key, strict credentials, redaction, loopback, request limits.</summary>
public sealed class HardeningTests
{
    [Theory]
    [InlineData("GET", "__emulator/requests")]
    [InlineData("POST", "__emulator/reset")]
    [InlineData("GET", "__emulator/faults")]
    [InlineData("GET", "__emulator/clock")]
    public async Task Admin_endpoints_without_the_admin_key_are_401(string method, string path)
    {
        await using var env = await TestEmulator.StartAsync();
        await Scenario.CreateBaseConnectionAsync(env);
        using var anonymous = new HttpClient { BaseAddress = env.Emulator.BaseAddress };
        using var wrongKey = new HttpClient { BaseAddress = env.Emulator.BaseAddress };
        wrongKey.DefaultRequestHeaders.Add("x-emulator-admin-key", "guess");

        using var withoutKey = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        using var withWrongKey = await wrongKey.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        using var withPlatformToken = await env.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var stillThere = (await env.GetOkAsync($"{TestEmulator.FlowService}/connections"))["items"]!.AsArray();
        using var withKey = await env.Admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        using var health = await anonymous.GetAsync("__emulator/health");

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal("401100", (await TestEmulator.ReadAsync(withoutKey))["error_code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, withWrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withPlatformToken.StatusCode);
        Assert.True(withKey.IsSuccessStatusCode, $"with the key: {(int)withKey.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Single(stillThere); // the refused calls reset nothing
    }

    [Fact]
    public async Task A_token_the_emulator_did_not_issue_is_401()
    {
        await using var env = await TestEmulator.StartAsync();
        using var foreign = env.CreateClient("prod", authorization: false);
        foreign.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "garbage");

        using var response = await foreign.GetAsync($"{TestEmulator.FlowService}/flows");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("401013", (await TestEmulator.ReadAsync(response))["error_code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_token_issued_by_another_emulator_is_401()
    {
        await using var env = await TestEmulator.StartAsync();
        await using var other = await TestEmulator.StartAsync();
        using var client = env.CreateClient("prod", authorization: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", other.Token);

        using var response = await client.GetAsync($"{TestEmulator.FlowService}/flows");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("x-api-key", "another-client", "403003")]
    [InlineData("x-gw-ims-org-id", "OTHER@AdobeOrg", "403025")]
    [InlineData("x-sandbox-name", "no-such-sandbox", "403027")]
    public async Task Api_key_org_and_sandbox_must_belong_to_the_tokens_client(string header, string value, string errorCode)
    {
        await using var env = await TestEmulator.StartAsync();
        using var client = env.CreateClient(sandbox: null, apiKey: header != "x-api-key", orgId: header != "x-gw-ims-org-id");
        client.DefaultRequestHeaders.Add(header, value);

        using var response = await client.GetAsync($"{TestEmulator.FlowService}/flows");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(errorCode, (await TestEmulator.ReadAsync(response))["error_code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Accept_any_credentials_relaxes_every_check_but_presence()
    {
        await using var env = await TestEmulator.StartAsync(new EmulatorOptions { AcceptAnyCredentials = true });
        using var client = new HttpClient { BaseAddress = env.Emulator.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "anything");
        client.DefaultRequestHeaders.Add("x-api-key", "any-key");
        client.DefaultRequestHeaders.Add("x-gw-ims-org-id", "ANY@AdobeOrg");
        client.DefaultRequestHeaders.Add("x-sandbox-name", "scratch");
        using var noToken = env.CreateClient("prod", authorization: false);

        using var accepted = await client.GetAsync($"{TestEmulator.FlowService}/flows");
        using var refused = await noToken.GetAsync($"{TestEmulator.FlowService}/flows");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task The_request_log_masks_auth_params_password_fields_tokens_and_secrets_in_query_strings()
    {
        await using var env = await TestEmulator.StartAsync();
        // A password-format field of a bundled connectionSpec, outside auth.params, and secret-named members.
        var created = await env.PostOkAsync($"{TestEmulator.FlowService}/connections", $$"""
            {
              "name": "Salesforce with secrets",
              "auth": { "specName": "Basic Authentication",
                        "params": { "username": "alice@example.com", "password": "p@ss-in-auth", "securityToken": "tok-in-auth" } },
              "connectionSpec": { "id": "{{TestEmulator.Salesforce}}", "version": "1.0" }
            }
            """);
        using var withQuery = await env.Http.GetAsync($"{TestEmulator.FlowService}/flows?client_secret=query-secret-1&access_token=query-token-2&sig=query-sas-sig-7&limit=5");
        using var withHeader = new HttpRequestMessage(HttpMethod.Get, $"{TestEmulator.FlowService}/flows");
        withHeader.Headers.Add("x-access-token", "header-token-6");
        using var headerSent = await env.Http.SendAsync(withHeader);
        using var bodySecret = await env.Http.PostAsync($"{TestEmulator.FlowService}/sourceConnections", TestEmulator.Json("""
            { "name": "x", "params": { "sasToken": "sas-secret-3", "nested": { "clientSecret": "nested-secret-4" } } }
            """));
        using var anonymous = new HttpClient();
        using var tokenInQuery = await anonymous.PostAsync(
            new Uri(env.Emulator.TokenEndpoint, "?grant_type=client_credentials&client_id=x&client_secret=ims-query-secret-5"),
            content: null);

        var recorded = string.Join("\n", env.Emulator.Requests.Snapshot().Select(r => $"{r.Query} {r.Body} {string.Join(",", r.Headers.Values)}"));
        var overHttp = (await env.GetOkAsync("__emulator/requests", env.Admin)).ToJsonString();
        foreach (var text in new[] { recorded, overHttp })
        {
            foreach (var secret in new[] { "p@ss-in-auth", "tok-in-auth", "query-secret-1", "query-token-2", "sas-secret-3", "nested-secret-4", "ims-query-secret-5", "header-token-6", "query-sas-sig-7", env.Token, env.Emulator.AdminKey })
            {
                Assert.DoesNotContain(secret, text);
            }

            Assert.Contains("***", text);
            Assert.Contains("limit=5", text); // what is not secret stays readable
        }

        Assert.NotNull(created["id"]);
    }

    [Fact]
    public async Task Ambient_ASPNETCORE_URLS_does_not_widen_the_loopback_default()
    {
        var previous = Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
        Environment.SetEnvironmentVariable("ASPNETCORE_URLS", "http://0.0.0.0:0");
        try
        {
            await using var loopback = await AepEmulator.StartAsync();
            Assert.All(loopback.Addresses, address => Assert.Equal("127.0.0.1", address.Host));
        }
        finally
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_URLS", previous);
        }

        await using var explicitUrls = await AepEmulator.StartAsync(new EmulatorOptions { Urls = ["http://0.0.0.0:0"] });
        Assert.Equal("0.0.0.0", Assert.Single(explicitUrls.Addresses).Host);
    }

    [Fact]
    public async Task A_31_MB_body_is_413_in_the_service_shape()
    {
        await using var env = await TestEmulator.StartAsync();

        // Raw TCP: the emulator answers before the body is sent, and closes, which HttpClient reports as a broken pipe.
        var response = await SendRawAsync(env, "Content-Length: 31000000", "{\"name\":\"");

        Assert.StartsWith("HTTP/1.1 413", response.Head);
        Assert.Equal(413, response.Json["status"]!.GetValue<int>());
        Assert.Contains("30000000 bytes", response.Json["report"]!["detailed-message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stalled_body_is_408_in_the_service_shape()
    {
        await using var env = await TestEmulator.StartAsync();

        // 10 of 1000 bytes, then nothing: Kestrel's minimum body data rate (240 bytes/s after a 5 s grace period) ends the wait.
        var response = await SendRawAsync(env, "Content-Length: 1000", "{\"name\":\"");

        Assert.StartsWith("HTTP/1.1 408", response.Head);
        Assert.Equal(408, response.Json["status"]!.GetValue<int>());
        Assert.Contains("slowly", response.Json["report"]!["detailed-message"]!.GetValue<string>());
        Assert.Contains(env.Emulator.Requests.Snapshot(), r => r.Path.EndsWith("/flows", StringComparison.Ordinal) && r.StatusCode == 408);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task A_json_endpoint_refuses_other_content_types_with_415(string? contentType)
    {
        await using var env = await TestEmulator.StartAsync();
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes("""{ "name": "x" }"""));
        if (contentType is not null)
        {
            body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using var response = await env.Http.PostAsync($"{TestEmulator.FlowService}/connections", body);

        await AssertServiceErrorAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Empty((await env.GetOkAsync($"{TestEmulator.FlowService}/connections"))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_request_target_over_8_KiB_is_414_and_headers_over_32_KiB_are_431_in_the_service_shape()
    {
        await using var env = await TestEmulator.StartAsync();
        using var longTarget = await env.Http.GetAsync($"{TestEmulator.FlowService}/flows?property=name=={new string('a', 9000)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{TestEmulator.FlowService}/flows");
        request.Headers.Add("x-padding", new string('b', 40_000));
        using var bigHeaders = await env.Http.SendAsync(request);

        await AssertServiceErrorAsync(longTarget, HttpStatusCode.RequestUriTooLong);
        await AssertServiceErrorAsync(bigHeaders, HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [Theory]
    [InlineData("connections")]
    [InlineData("flows")]
    public async Task A_name_over_256_characters_is_400_naming_the_limit(string collection)
    {
        await using var env = await TestEmulator.StartAsync();
        var name = new string('n', 257);

        using var response = await env.Http.PostAsync($"{TestEmulator.FlowService}/{collection}", TestEmulator.Json($$"""
            { "name": "{{name}}", "connectionSpec": { "id": "{{TestEmulator.Salesforce}}", "version": "1.0" },
              "flowSpec": { "id": "{{TestEmulator.CrmToAep}}", "version": "1.0" }, "sourceConnectionIds": [], "targetConnectionIds": [] }
            """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = (await TestEmulator.ReadAsync(response)).ToJsonString();
        Assert.Contains("at most 256", body);
    }

    private static async Task AssertServiceErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await TestEmulator.ReadAsync(response);
        Assert.Equal((int)status, body["status"]!.GetValue<int>());
        Assert.StartsWith("http://ns.adobe.com/aep/errors/", body["type"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["report"]?["detailed-message"]?.GetValue<string>()));
    }

    /// <summary>Sends a POST /flows head and the start of a body over a raw socket, then reads the whole answer.</summary>
    private static async Task<(string Head, JsonNode Json)> SendRawAsync(TestEmulator env, string lengthHeader, string bodyStart)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, env.Emulator.Port);
        var stream = tcp.GetStream();
        var head = $"POST /{TestEmulator.FlowService}/flows HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {env.Token}\r\n"
            + $"x-api-key: {env.Emulator.Credentials.ClientId}\r\nx-gw-ims-org-id: {env.Emulator.Credentials.OrgId}\r\n"
            + $"Content-Type: application/json\r\n{lengthHeader}\r\n\r\n{bodyStart}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
                if (Parse(Encoding.UTF8.GetString(received.ToArray())) is { } done)
                {
                    return done;
                }
            }
        }
        catch (IOException)
        {
            // The emulator closes the connection after answering; what arrived is parsed below.
        }

        return Parse(Encoding.UTF8.GetString(received.ToArray())) ?? throw new InvalidOperationException("Incomplete answer: " + Encoding.UTF8.GetString(received.ToArray()));
    }

    /// <summary>The head and JSON body of a complete HTTP/1.1 answer (Content-Length or chunked), or null while incomplete.</summary>
    private static (string Head, JsonNode Json)? Parse(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var head = text[..end];
        var rest = text[(end + 4)..];
        string body;
        if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            var builder = new StringBuilder();
            while (true)
            {
                var lineEnd = rest.IndexOf("\r\n", StringComparison.Ordinal);
                if (lineEnd < 0)
                {
                    return null;
                }

                var size = Convert.ToInt32(rest[..lineEnd], 16);
                if (size == 0)
                {
                    break;
                }

                if (rest.Length < lineEnd + 2 + size)
                {
                    return null;
                }

                builder.Append(rest, lineEnd + 2, size);
                rest = rest[(lineEnd + 2 + size)..].TrimStart('\r', '\n');
            }

            body = builder.ToString();
        }
        else
        {
            var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
            if (lengthLine is null || rest.Length < int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            {
                return null;
            }

            body = rest;
        }

        return (head, JsonNode.Parse(body)!);
    }
}
