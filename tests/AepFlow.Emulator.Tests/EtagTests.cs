using System.Net;
using System.Net.Http.Headers;

namespace AepFlow.Emulator.Tests;

public sealed class EtagTests
{
    private const string RenamePatch = """[ { "op": "replace", "path": "/name", "value": "renamed" } ]""";

    [Fact]
    public async Task Patch_with_the_current_etag_succeeds_and_issues_a_new_one()
    {
        await using var env = await TestEmulator.StartAsync();
        var created = await env.PostOkAsync($"{TestEmulator.FlowService}/connections", BaseConnection());
        var id = created["id"]!.GetValue<string>();
        var etag = created["etag"]!.GetValue<string>();

        using var patched = await PatchAsync(env, $"connections/{id}", RenamePatch, etag);
        var body = await TestEmulator.ReadAsync(patched);
        var current = Scenario.Single(await env.GetOkAsync($"{TestEmulator.FlowService}/connections/{id}"));

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.NotEqual(etag, body["etag"]!.GetValue<string>());
        Assert.Equal(body["etag"]!.GetValue<string>(), current["etag"]!.GetValue<string>());
        Assert.Equal("renamed", current["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_with_a_stale_etag_is_412_in_the_version_mismatch_shape()
    {
        await using var env = await TestEmulator.StartAsync();
        var created = await env.PostOkAsync($"{TestEmulator.FlowService}/connections", BaseConnection());
        var id = created["id"]!.GetValue<string>();
        var stale = created["etag"]!.GetValue<string>();
        using var first = await PatchAsync(env, $"connections/{id}", RenamePatch, stale);

        using var second = await PatchAsync(env, $"connections/{id}", """[ { "op": "replace", "path": "/name", "value": "lost update" } ]""", stale);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        var message = (await TestEmulator.ReadAsync(second))["errorMessage"]!.GetValue<string>();
        Assert.StartsWith($"Supplied version=[{stale}] does not match current version=[", message);
        Assert.Equal("renamed", Scenario.Single(await env.GetOkAsync($"{TestEmulator.FlowService}/connections/{id}"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_without_if_match_is_428()
    {
        await using var env = await TestEmulator.StartAsync();
        var id = (await env.PostOkAsync($"{TestEmulator.FlowService}/connections", BaseConnection()))["id"]!.GetValue<string>();

        using var response = await PatchAsync(env, $"connections/{id}", RenamePatch, etag: null);

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
    }

    [Fact]
    public async Task Patching_a_flow_to_minute_10_is_refused_and_changes_nothing()
    {
        await using var env = await TestEmulator.StartAsync();
        var (source, target, mapping) = await Scenario.PrepareFlowAsync(env);
        var created = await env.PostOkAsync($"{TestEmulator.FlowService}/flows", Scenario.FlowJson(source, target, mapping, "hour", "1"));
        var id = created["id"]!.GetValue<string>();
        var etag = created["etag"]!.GetValue<string>();

        using var refused = await PatchAsync(env, $"flows/{id}", """[ { "op": "replace", "path": "/scheduleParams/frequency", "value": "minute" }, { "op": "replace", "path": "/scheduleParams/interval", "value": 10 } ]""", etag);
        using var accepted = await PatchAsync(env, $"flows/{id}", """[ { "op": "replace", "path": "/scheduleParams/frequency", "value": "day" } ]""", etag);
        var flow = Scenario.Single(await env.GetOkAsync($"{TestEmulator.FlowService}/flows/{id}"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("interval", (await TestEmulator.ReadAsync(refused)).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("day", flow["scheduleParams"]!["frequency"]!.GetValue<string>());
    }

    [Fact]
    public async Task Read_only_members_cannot_be_patched()
    {
        await using var env = await TestEmulator.StartAsync();
        var created = await env.PostOkAsync($"{TestEmulator.FlowService}/connections", BaseConnection());

        using var response = await PatchAsync(env, $"connections/{created["id"]}", """[ { "op": "replace", "path": "/id", "value": "mine" } ]""", created["etag"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string BaseConnection() => $$"""
        { "name": "original", "auth": { "specName": "Basic Authentication", "params": { "username": "u", "password": "p", "securityToken": "t" } },
          "connectionSpec": { "id": "{{TestEmulator.Salesforce}}", "version": "1.0" } }
        """;

    private static async Task<HttpResponseMessage> PatchAsync(TestEmulator env, string path, string patch, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{TestEmulator.FlowService}/{path}") { Content = TestEmulator.Json(patch) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("if-match", etag);
        }

        return await env.Http.SendAsync(request);
    }
}
