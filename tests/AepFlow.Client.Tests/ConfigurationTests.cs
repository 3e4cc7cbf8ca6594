using System.Diagnostics;
using System.Net;
using AepFlow.Client.Tests.Infrastructure;
using AepFlow.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AepFlow.Client.Tests;

public class ConfigurationTests
{
    [Fact]
    public async Task AddAepClient_binds_the_aep_section_and_sends_through_the_http_client_factory()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aep:BaseAddress"] = "https://emulator.test",
            ["Aep:ClientId"] = "cfg-client",
            ["Aep:OrgId"] = "CFG@AdobeOrg",
            ["Aep:SandboxName"] = "cfg-sandbox",
            ["Aep:AccessToken"] = "cfg-token",
            ["Aep:MaxRetries"] = "1",
            ["Aep:RetryBaseDelay"] = "00:00:00.010",
        }).Build();
        var handler = new RecordingHandler
        {
            Respond = (_, n, _) => Task.FromResult(n == 1
                ? RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}")
                : RecordingHandler.Json(HttpStatusCode.OK, """{"items":[{"id":"f1"}]}""")),
        };
        var services = new ServiceCollection();
        services.AddAepClient(configuration).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<AepClient>();
        var flow = await client.Flows.GetAsync("f1");

        Assert.Equal("f1", flow.Id);
        Assert.Equal(2, handler.Requests.Count);
        var sent = handler.Requests[^1];
        Assert.Equal("emulator.test", sent.Uri.Host);
        Assert.Equal("Bearer cfg-token", sent.Header("Authorization"));
        Assert.Equal("cfg-client", sent.Header("x-api-key"));
        Assert.Equal("CFG@AdobeOrg", sent.Header("x-gw-ims-org-id"));
        Assert.Equal("cfg-sandbox", sent.Header("x-sandbox-name"));
    }

    [Fact]
    public async Task AddAepClient_in_code_fetches_tokens_through_the_ims_http_client()
    {
        var handler = new RecordingHandler
        {
            Respond = (_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, """{"items":[{"id":"f1"}]}""")),
        };
        var services = new ServiceCollection();
        services.AddAepClient(o =>
        {
            o.BaseAddress = new Uri("https://platform.test");
            o.TokenEndpoint = new Uri("https://ims.test/ims/token/v3");
            o.ClientId = "code-client";
            o.ClientSecret = TestClient.Secret;
            o.OrgId = "CODE@AdobeOrg";
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        services.AddHttpClient(AepClientServiceCollectionExtensions.TokenHttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<AepClient>();
        await Task.WhenAll(client.Flows.GetAsync("f1"), client.Flows.GetAsync("f1"), client.Flows.GetAsync("f1"));

        Assert.Same(client, provider.GetRequiredService<AepClient>());
        Assert.Equal(1, handler.TokenRequests);
        Assert.All(handler.Requests, r => Assert.Equal("Bearer token-1", r.Header("Authorization")));
        Assert.All(handler.Requests, r => Assert.Equal("prod", r.Header("x-sandbox-name")));
    }

    [Fact]
    public void Incomplete_options_name_what_is_missing()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new AepClient(new AepClientOptions { ClientId = "x" }));

        Assert.Contains("OrgId", ex.Message);
        Assert.Contains("ClientSecret", ex.Message);
    }

    [Fact]
    public void Options_are_read_from_the_environment()
    {
        var names = new[] { "AEP_CLIENT_ID", "AEP_CLIENT_SECRET", "AEP_ORG_ID", "AEP_SANDBOX", "AEP_BASE_URL" };
        var saved = names.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable("AEP_CLIENT_ID", "env-client");
            Environment.SetEnvironmentVariable("AEP_CLIENT_SECRET", "env-secret");
            Environment.SetEnvironmentVariable("AEP_ORG_ID", "ENV@AdobeOrg");
            Environment.SetEnvironmentVariable("AEP_SANDBOX", "env-sandbox");
            Environment.SetEnvironmentVariable("AEP_BASE_URL", "http://127.0.0.1:5000");

            var options = AepClientOptions.FromEnvironment();

            Assert.True(AepClientOptions.EnvironmentHasCredentials());
            Assert.Equal("env-client", options.ClientId);
            Assert.Equal("env-secret", options.ClientSecret);
            Assert.Equal("ENV@AdobeOrg", options.OrgId);
            Assert.Equal("env-sandbox", options.SandboxName);
            Assert.Equal(new Uri("http://127.0.0.1:5000"), options.BaseAddress);
            options.EnsureValid();
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    [Fact]
    public async Task Each_call_is_traced_with_method_route_and_status()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AepClientDiagnostics.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (activities) { activities.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        var handler = new RecordingHandler
        {
            Respond = (_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, """{"items":[{"id":"trace-me"}]}""", ("x-request-id", "rid-7"))),
        };
        using var client = TestClient.Create(handler);

        await client.Flows.GetAsync("trace-me");

        Activity activity;
        lock (activities)
        {
            activity = Assert.Single(activities, a => a.DisplayName == "GET /data/foundation/flowservice/flows/{FLOW_ID}");
        }

        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("rid-7", activity.GetTagItem("aep.request_id"));
        Assert.Equal(ActivityKind.Client, activity.Kind);
    }

    [Fact]
    public async Task Keyed_clients_bound_from_configuration_sections_keep_their_own_settings_and_pipelines()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aep:Prod:BaseAddress"] = "https://prod.test",
            ["Aep:Prod:ClientId"] = "prod-client",
            ["Aep:Prod:OrgId"] = "PROD@AdobeOrg",
            ["Aep:Prod:SandboxName"] = "prod",
            ["Aep:Prod:AccessToken"] = "prod-token",
            ["Aep:Prod:MaxRetries"] = "2",
            ["Aep:Prod:RetryBaseDelay"] = "00:00:00.010",
            ["Aep:Dev:BaseAddress"] = "https://dev.test",
            ["Aep:Dev:ClientId"] = "dev-client",
            ["Aep:Dev:OrgId"] = "DEV@AdobeOrg",
            ["Aep:Dev:SandboxName"] = "dev",
            ["Aep:Dev:AccessToken"] = "dev-token",
            ["Aep:Dev:MaxRetries"] = "0",
        }).Build();

        // Every first call to a host answers 503: prod's pipeline retries it, dev's (MaxRetries 0) reports it.
        var attempts = new Dictionary<string, int>();
        var handler = new RecordingHandler();
        handler.Respond = (r, _, _) =>
        {
            lock (attempts)
            {
                attempts[r.Uri.Host] = attempts.GetValueOrDefault(r.Uri.Host) + 1;
                return Task.FromResult(attempts[r.Uri.Host] == 1
                    ? RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}")
                    : RecordingHandler.Json(HttpStatusCode.OK, """{"items":[{"id":"f1"}]}"""));
            }
        };
        var services = new ServiceCollection();
        services.AddAepClient("prod", configuration.GetSection("Aep:Prod")).ConfigurePrimaryHttpMessageHandler(() => handler);
        services.AddAepClient("dev", configuration.GetSection("Aep:Dev")).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();

        var prod = provider.GetRequiredKeyedService<AepClient>("prod");
        var dev = provider.GetRequiredKeyedService<AepClient>("dev");
        var flow = await prod.Flows.GetAsync("f1");
        var error = await Assert.ThrowsAsync<AepApiException>(() => dev.Flows.GetAsync("f1"));

        Assert.Equal("f1", flow.Id);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(2, attempts["prod.test"]);
        Assert.Equal(1, attempts["dev.test"]);
        var byHost = handler.Requests.GroupBy(r => r.Uri.Host).ToDictionary(g => g.Key, g => g.Last());
        Assert.Equal(("Bearer prod-token", "prod-client", "PROD@AdobeOrg", "prod"), Headers(byHost["prod.test"]));
        Assert.Equal(("Bearer dev-token", "dev-client", "DEV@AdobeOrg", "dev"), Headers(byHost["dev.test"]));
        Assert.Same(prod, provider.GetRequiredKeyedService<AepClient>("prod"));
        Assert.Null(provider.GetService<AepClient>());

        static (string?, string?, string?, string?) Headers(RecordedRequest r) =>
            (r.Header("Authorization"), r.Header("x-api-key"), r.Header("x-gw-ims-org-id"), r.Header("x-sandbox-name"));
    }

    [Fact]
    public async Task A_keyed_configuration_section_missing_settings_fails_at_start_naming_the_client_and_the_settings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aep:Prod:BaseAddress"] = "https://prod.test",
            ["Aep:Prod:SandboxName"] = "prod",
        }).Build();
        var services = new ServiceCollection();
        services.AddAepClient("prod", configuration.GetSection("Aep:Prod"));
        await using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());

        Assert.Contains("'prod'", ex.Message);
        Assert.Contains("ClientId", ex.Message);
        Assert.Contains("OrgId", ex.Message);
    }
}
