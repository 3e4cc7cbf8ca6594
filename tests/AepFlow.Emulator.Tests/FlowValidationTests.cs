using System.Net;
using System.Text.Json.Nodes;

namespace AepFlow.Emulator.Tests;

public sealed class FlowValidationTests
{
    [Fact]
    public async Task Minute_frequency_with_interval_10_is_400_naming_interval()
    {
        await using var env = await TestEmulator.StartAsync();
        var (source, target, mapping) = await Scenario.PrepareFlowAsync(env);

        var error = await PostFlowExpecting400Async(env, Scenario.FlowJson(source, target, mapping, "minute", "10"));

        Assert.Equal("http://ns.adobe.com/aep/errors/FLOW-1004-400", error["type"]!.GetValue<string>());
        Assert.Equal(400, error["status"]!.GetValue<int>());
        Assert.Contains("interval", error["report"]!["detailed-message"]!.GetValue<string>());
        var detail = Assert.Single(error["report"]!["errors"]!.AsArray())!;
        Assert.Equal("/scheduleParams/interval", detail["path"]!.GetValue<string>());
        Assert.Equal("minimum", detail["keyword"]!.GetValue<string>());
        Assert.Empty(await FlowsAsync(env));
    }

    [Fact]
    public async Task Interval_sent_as_a_string_is_400_naming_interval()
    {
        await using var env = await TestEmulator.StartAsync();
        var (source, target, mapping) = await Scenario.PrepareFlowAsync(env);

        var error = await PostFlowExpecting400Async(env, Scenario.FlowJson(source, target, mapping, "minute", "\"30\""));

        var detail = Assert.Single(error["report"]!["errors"]!.AsArray())!;
        Assert.Equal("/scheduleParams/interval", detail["path"]!.GetValue<string>());
        Assert.Equal("type", detail["keyword"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hourly_interval_of_1_is_accepted()
    {
        await using var env = await TestEmulator.StartAsync();
        var (source, target, mapping) = await Scenario.PrepareFlowAsync(env);

        await env.PostOkAsync($"{TestEmulator.FlowService}/flows", Scenario.FlowJson(source, target, mapping, "hour", "1"));

        Assert.Single(await FlowsAsync(env));
    }

    [Fact]
    public async Task Source_whose_connectionSpec_the_flowSpec_does_not_list_is_400()
    {
        await using var env = await TestEmulator.StartAsync();
        var (source, target, mapping) = await Scenario.PrepareFlowAsync(env);

        // Salesforce is a CRM source: the cloud storage flowSpec does not accept it (a documented tutorial mistake).
        var error = await PostFlowExpecting400Async(env, Scenario.FlowJson(source, target, mapping, flowSpecId: TestEmulator.CloudStorageToAep)
            .Replace("""{ "name": "Copy", "params": { "deltaColumn": { "name": "LastModifiedDate", "dateFormat": "YYYY-MM-DD", "timezone": "UTC" } } },""", string.Empty, StringComparison.Ordinal));

        var detail = Assert.Single(error["report"]!["errors"]!.AsArray())!;
        Assert.Equal("/sourceConnectionIds/0", detail["path"]!.GetValue<string>());
        Assert.Contains("sourceConnectionSpecIds", detail["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Connections_and_mapping_sets_that_do_not_exist_are_400()
    {
        await using var env = await TestEmulator.StartAsync();
        var (_, target, _) = await Scenario.PrepareFlowAsync(env);

        var error = await PostFlowExpecting400Async(env, Scenario.FlowJson("11111111-1111-1111-1111-111111111111", target, "0123456789abcdef0123456789abcdef"));

        var paths = error["report"]!["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ToArray();
        Assert.Equal(["/sourceConnectionIds/0", "/transformations/1/params/mappingId"], paths);
    }

    [Fact]
    public async Task Unknown_flowSpec_is_400_at_flowSpec_id()
    {
        await using var env = await TestEmulator.StartAsync();
        var (source, target, mapping) = await Scenario.PrepareFlowAsync(env);

        var error = await PostFlowExpecting400Async(env, Scenario.FlowJson(source, target, mapping, flowSpecId: "22222222-2222-2222-2222-222222222222"));

        Assert.Equal("/flowSpec/id", error["report"]!["errors"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        await using var env = await TestEmulator.StartAsync();

        var error = await PostFlowExpecting400Async(env, """{ "name": "x", }""");

        Assert.Contains("not valid JSON", error["report"]!["detailed-message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Duplicate_keys_are_400_not_a_server_error()
    {
        await using var env = await TestEmulator.StartAsync();

        var error = await PostFlowExpecting400Async(env, """{ "name": "a", "name": "b" }""");

        Assert.Contains("not valid JSON", error["report"]!["detailed-message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_connection_with_an_unknown_connectionSpec_or_authSpec_is_400()
    {
        await using var env = await TestEmulator.StartAsync();

        using var unknownSpec = await env.Http.PostAsync($"{TestEmulator.FlowService}/connections", TestEmulator.Json("""
            { "name": "x", "auth": { "specName": "Basic Authentication", "params": {} }, "connectionSpec": { "id": "33333333-3333-3333-3333-333333333333", "version": "1.0" } }
            """));
        using var unknownAuth = await env.Http.PostAsync($"{TestEmulator.FlowService}/connections", TestEmulator.Json($$"""
            { "name": "x", "auth": { "specName": "OAuth Magic", "params": {} }, "connectionSpec": { "id": "{{TestEmulator.Salesforce}}", "version": "1.0" } }
            """));

        Assert.Equal(HttpStatusCode.BadRequest, unknownSpec.StatusCode);
        Assert.Equal("/connectionSpec/id", (await TestEmulator.ReadAsync(unknownSpec))["report"]!["errors"]![0]!["path"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, unknownAuth.StatusCode);
        Assert.Equal("/auth/specName", (await TestEmulator.ReadAsync(unknownAuth))["report"]!["errors"]![0]!["path"]!.GetValue<string>());
    }

    private static async Task<JsonNode> PostFlowExpecting400Async(TestEmulator env, string json)
    {
        using var response = await env.Http.PostAsync($"{TestEmulator.FlowService}/flows", TestEmulator.Json(json));
        var body = await TestEmulator.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    private static async Task<JsonArray> FlowsAsync(TestEmulator env) =>
        (await env.GetOkAsync($"{TestEmulator.FlowService}/flows"))["items"]!.AsArray();
}
