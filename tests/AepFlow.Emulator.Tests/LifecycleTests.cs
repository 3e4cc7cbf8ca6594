using System.Diagnostics;
using System.Net;

namespace AepFlow.Emulator.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task A_pending_latency_does_not_hold_up_shutdown()
    {
        var env = await TestEmulator.StartAsync();
        env.Emulator.Faults.AddLatency(TimeSpan.FromMinutes(5));
        var pending = env.Http.GetAsync($"{TestEmulator.FlowService}/flows");
        await WaitUntilAsync(() => env.Emulator.Requests.Snapshot().Count == 1);

        var watch = Stopwatch.StartNew();
        await env.DisposeAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"shutdown took {watch.Elapsed}");
        await Assert.ThrowsAnyAsync<Exception>(() => pending);
    }

    [Fact]
    public async Task Reset_keeps_issued_tokens_valid_and_restarts_their_count()
    {
        await using var env = await TestEmulator.StartAsync();

        env.Emulator.Reset();
        using var afterReset = await env.Http.GetAsync($"{TestEmulator.FlowService}/flows");

        Assert.Equal(HttpStatusCode.OK, afterReset.StatusCode);
        Assert.Equal(0, env.Emulator.IssuedTokenCount);
    }

    [Fact]
    public async Task Trailing_slash_paths_reach_the_same_resource()
    {
        await using var env = await TestEmulator.StartAsync();
        var id = await Scenario.CreateBaseConnectionAsync(env, "slash");
        var etag = Scenario.Single(await env.GetOkAsync($"{TestEmulator.FlowService}/connections/{id}"))["etag"]!.GetValue<string>();

        // Adobe's document puts PATCH and DELETE of base connections on /connections/{id}/.
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{TestEmulator.FlowService}/connections/{id}/")
        {
            Content = TestEmulator.Json("""[ { "op": "replace", "path": "/name", "value": "renamed" } ]"""),
        };
        request.Headers.TryAddWithoutValidation("if-match", etag);
        using var patched = await env.Http.SendAsync(request);
        using var deleted = await env.Http.DeleteAsync($"{TestEmulator.FlowService}/connections/{id}/");

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task Unknown_paths_are_404_in_the_service_shape()
    {
        await using var env = await TestEmulator.StartAsync();

        using var response = await env.Http.GetAsync($"{TestEmulator.FlowService}/nothingHere");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("nothingHere", (await TestEmulator.ReadAsync(response))["report"]!["detailed-message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_emulators_run_side_by_side_on_their_own_ports()
    {
        await using var first = await TestEmulator.StartAsync();
        await using var second = await TestEmulator.StartAsync();

        await Scenario.CreateBaseConnectionAsync(first);

        Assert.NotEqual(first.Emulator.Port, second.Emulator.Port);
        Assert.NotEqual(0, first.Emulator.Port);
        Assert.Empty((await second.GetOkAsync($"{TestEmulator.FlowService}/connections"))["items"]!.AsArray());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }
}

public sealed class FlowActionTests
{
    [Fact]
    public async Task Disable_and_enable_switch_state_and_etag()
    {
        await using var env = await TestEmulator.StartAsync();
        var (source, target, mapping) = await Scenario.PrepareFlowAsync(env);
        var created = await env.PostOkAsync($"{TestEmulator.FlowService}/flows", Scenario.FlowJson(source, target, mapping));
        var id = created["id"]!.GetValue<string>();

        var disabled = await env.PostOkAsync($"{TestEmulator.FlowService}/flows/{id}/action?op=disable", "{}");
        var flow = Scenario.Single(await env.GetOkAsync($"{TestEmulator.FlowService}/flows/{id}"));
        using var bad = await env.Http.PostAsync($"{TestEmulator.FlowService}/flows/{id}/action?op=explode", TestEmulator.Json("{}"));

        Assert.Equal("disabled", flow["state"]!.GetValue<string>());
        Assert.NotEqual(created["etag"]!.GetValue<string>(), disabled["etag"]!.GetValue<string>());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Responses_carry_a_request_id_echoing_the_callers()
    {
        await using var env = await TestEmulator.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{TestEmulator.FlowService}/flows");
        request.Headers.Add("x-request-id", "caller-chosen");

        using var echoed = await env.Http.SendAsync(request);
        using var fresh = await env.Http.GetAsync($"{TestEmulator.FlowService}/nothing");

        Assert.Equal("caller-chosen", echoed.Headers.GetValues("x-request-id").Single());
        Assert.Matches("^[0-9a-f]{32}$", fresh.Headers.GetValues("x-request-id").Single());
    }
}
