using System.Net;
using System.Runtime.CompilerServices;
using AepFlow.Auth;
using AepFlow.Client.Tests.Infrastructure;
using AepFlow.Http;
using AepFlow.Paging;
using AepFlow.Resources;
using AepFlow.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AepFlow.Client.Tests;

/// <summary>The Azure-SDK-style surface: mockable clients, credentials, typed responses, keyed clients, start-time validation.</summary>
public sealed class SurfaceTests
{
    // What a user's code under test looks like: it only sees AepClient.
    private static async Task<IReadOnlyList<string>> EnabledFlowNamesAsync(AepClient client)
    {
        var names = new List<string>();
        await foreach (var flow in client.Flows.ListAsync())
        {
            if (flow.State == "enabled")
            {
                names.Add(flow.Name!);
                await client.Flows.DisableAsync(flow.Id);
            }
        }

        return names;
    }

    private sealed class FakeFlows : FlowsClient
    {
        public List<string> Disabled { get; } = [];

        public override async IAsyncEnumerable<Flow> ListAsync(ListQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield return new Flow { Id = "f1", Name = "on", State = "enabled" };
            yield return new Flow { Id = "f2", Name = "off", State = "disabled" };
        }

        public override Task<CreatedResource> DisableAsync(string id, CancellationToken cancellationToken = default)
        {
            Disabled.Add(id);
            return Task.FromResult(new CreatedResource(id, "\"2\""));
        }
    }

    private sealed class FakeClient(FakeFlows flows) : AepClient
    {
        public override FlowsClient Flows => flows;
    }

    [Fact]
    public async Task AepClient_and_its_sub_clients_can_be_mocked_without_http()
    {
        var flows = new FakeFlows();
        using var client = new FakeClient(flows);

        var names = await EnabledFlowNamesAsync(client);

        Assert.Equal(["on"], names);
        Assert.Equal(["f1"], flows.Disabled);
    }

    private sealed class CountingCredential : AepCredential
    {
        public int Calls { get; private set; }

        public override ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult("vault-token-" + Calls);
        }
    }

    [Fact]
    public async Task A_custom_credential_supplies_the_bearer_token()
    {
        var handler = new RecordingHandler { Respond = (_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, """{"items":[{"id":"f1"}]}""")) };
        var options = TestClient.Options();
        options.AccessToken = null;
        var credential = new CountingCredential();
        using var client = new AepClient(options, credential, handler);

        await client.Flows.GetAsync("f1");

        Assert.Equal("Bearer vault-token-1", handler.Requests[0].Header("Authorization"));
        Assert.Equal(0, handler.TokenRequests);
    }

    [Fact]
    public async Task Typed_responses_carry_status_request_id_and_etag()
    {
        var handler = new RecordingHandler
        {
            Respond = (_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, """{"id":"x","name":"n"}""", ("x-request-id", "rid-7"), ("ETag", "\"9\""))),
        };
        using var client = TestClient.Create(handler);

        var response = await client.SendAsync(new AepRequest(HttpMethod.Get, ServiceBasePaths.FlowService, "/flows/x"), TestJsonContext.Default.NamedThing);
        NamedThing value = response;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("rid-7", response.RequestId);
        Assert.Equal("\"9\"", response.Etag);
        Assert.Equal("n", value.Name);
    }

    [Fact]
    public async Task Typed_service_methods_return_status_request_id_and_etag_with_their_results()
    {
        var handler = new RecordingHandler
        {
            Respond = (r, _, _) => Task.FromResult(r.Method == HttpMethod.Get
                ? RecordingHandler.Json(HttpStatusCode.OK, """{"items":[{"id":"f1","name":"n","etag":"\"item-3\""}]}""", ("x-request-id", "rid-get"))
                : RecordingHandler.Json(HttpStatusCode.Created, """{"id":"f2","etag":"\"body-1\""}""", ("x-request-id", "rid-post"), ("ETag", "\"header-2\""))),
        };
        using var client = TestClient.Create(handler);

        var flow = await client.Flows.GetWithResponseAsync("f1");
        var created = await client.Flows.CreateWithResponseAsync(new FakeFlowRequest());
        Flow value = flow;

        // A Flow Service GET carries the etag in the item; a header, when sent, wins.
        Assert.Equal((HttpStatusCode.OK, "rid-get", "\"item-3\""), (flow.StatusCode, flow.RequestId, flow.Etag));
        Assert.Equal("n", value.Name);
        Assert.Equal((HttpStatusCode.Created, "rid-post", "\"header-2\""), (created.StatusCode, created.RequestId, created.Etag));
        Assert.Equal(new CreatedResource("f2", "\"header-2\""), created.Value);
        Assert.Equal("f1", (await client.Flows.GetAsync("f1")).Id);
    }

    private sealed class FlowsFromResponses : FlowsClient
    {
        public override Task<AepResponse<Flow>> GetWithResponseAsync(string id, CancellationToken cancellationToken = default) =>
            Task.FromResult(new AepResponse<Flow>(new Flow { Id = id, State = "enabled" }, HttpStatusCode.OK, "rid-fake", "\"7\""));
    }

    [Fact]
    public async Task A_double_overriding_the_with_response_method_also_serves_the_plain_one()
    {
        var flows = new FlowsFromResponses();

        var plain = await flows.GetAsync("f1");
        var full = await flows.GetWithResponseAsync("f1");

        Assert.Equal("enabled", plain.State);
        Assert.Equal("\"7\"", full.Etag);
    }

    [Fact]
    public async Task Keyed_clients_talk_to_their_own_sandboxes()
    {
        var handler = new RecordingHandler { Respond = (_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, """{"items":[{"id":"f1"}]}""")) };
        var services = new ServiceCollection();
        foreach (var sandbox in new[] { "prod", "dev" })
        {
            services.AddAepClient(sandbox, o =>
            {
                o.BaseAddress = new Uri("https://platform.test");
                o.ClientId = "id-" + sandbox;
                o.OrgId = "ORG@AdobeOrg";
                o.SandboxName = sandbox;
                o.AccessToken = "token-" + sandbox;
            }).ConfigurePrimaryHttpMessageHandler(() => handler);
        }

        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        await provider.GetRequiredKeyedService<AepClient>("prod").Flows.GetAsync("f1");
        await provider.GetRequiredKeyedService<AepClient>("dev").Flows.GetAsync("f1");

        Assert.Equal(["prod", "dev"], handler.Requests.Select(r => r.Header("x-sandbox-name")));
        Assert.Equal(["Bearer token-prod", "Bearer token-dev"], handler.Requests.Select(r => r.Header("Authorization")));
        Assert.NotSame(provider.GetRequiredKeyedService<AepClient>("prod"), provider.GetRequiredKeyedService<AepClient>("dev"));
    }

    [Fact]
    public async Task Incomplete_options_fail_when_the_host_starts_naming_what_is_missing()
    {
        var services = new ServiceCollection();
        services.AddAepClient("prod", o => o.BaseAddress = new Uri("https://platform.test"));
        await using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("ClientId is required", ex.Message);
        Assert.Contains("'prod'", ex.Message);
    }

    [Fact]
    public async Task A_registered_credential_replaces_the_secret_in_the_options()
    {
        var handler = new RecordingHandler { Respond = (_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, """{"items":[{"id":"f1"}]}""")) };
        var services = new ServiceCollection();
        services.AddKeyedSingleton<AepCredential>("prod", new CountingCredential());
        services.AddAepClient("prod", o =>
        {
            o.BaseAddress = new Uri("https://platform.test");
            o.ClientId = "id";
            o.OrgId = "ORG@AdobeOrg";
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        await provider.GetRequiredKeyedService<AepClient>("prod").Flows.GetAsync("f1");

        Assert.Equal("Bearer vault-token-1", handler.Requests[0].Header("Authorization"));
    }
}

public sealed record NamedThing(string Id, string Name);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(NamedThing))]
public sealed partial class TestJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
