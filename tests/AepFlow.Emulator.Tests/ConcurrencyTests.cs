using System.Net;

namespace AepFlow.Emulator.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Concurrent_patches_with_the_same_etag_let_exactly_one_win()
    {
        await using var env = await TestEmulator.StartAsync();
        var created = await env.PostOkAsync($"{TestEmulator.FlowService}/connections", $$"""
            { "name": "start", "auth": { "specName": "Basic Authentication", "params": { "username": "u", "password": "p", "securityToken": "t" } },
              "connectionSpec": { "id": "{{TestEmulator.Salesforce}}", "version": "1.0" } }
            """);
        var id = created["id"]!.GetValue<string>();
        var etag = created["etag"]!.GetValue<string>();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Patch, $"{TestEmulator.FlowService}/connections/{id}")
            {
                Content = TestEmulator.Json($$"""[ { "op": "replace", "path": "/name", "value": "writer {{i}}" } ]"""),
            };
            request.Headers.TryAddWithoutValidation("if-match", etag);
            using var response = await env.Http.SendAsync(request);
            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(15, statuses.Count(s => s == HttpStatusCode.PreconditionFailed));
    }

    [Fact]
    public async Task Concurrent_creates_all_land()
    {
        await using var env = await TestEmulator.StartAsync();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Scenario.CreateBaseConnectionAsync(env, $"c{i}")));

        Assert.Equal(20, (await env.GetOkAsync($"{TestEmulator.FlowService}/connections?count=true"))["count"]!.GetValue<int>());
    }
}
