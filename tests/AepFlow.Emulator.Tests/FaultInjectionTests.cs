using System.Diagnostics;
using System.Net;

namespace AepFlow.Emulator.Tests;

public sealed class FaultInjectionTests
{
    private const string Flows = TestEmulator.FlowService + "/flows";

    [Fact]
    public async Task Status_429_with_retry_after_then_success()
    {
        await using var env = await TestEmulator.StartAsync();
        env.Emulator.Faults.InjectStatus(429, count: 1, pathPrefix: "/data/foundation/flowservice/flows", retryAfterSeconds: 1);

        using var throttled = await env.Http.GetAsync(Flows);
        using var next = await env.Http.GetAsync(Flows);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal("429050", (await TestEmulator.ReadAsync(throttled))["error_code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_503_storm_lasts_exactly_count_requests()
    {
        await using var env = await TestEmulator.StartAsync();
        env.Emulator.Faults.InjectStatus(503, count: 3, method: "GET");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await env.Http.GetAsync(Flows);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
        Assert.Equal(["503", "503", "503", null], env.Emulator.Requests.Snapshot().Select(r => r.Fault));
    }

    [Fact]
    public async Task Dropped_connection_fails_the_request_but_is_recorded()
    {
        await using var env = await TestEmulator.StartAsync();
        env.Emulator.Faults.DropConnections(count: 1, pathPrefix: "/data/foundation/flowservice/connections", method: "POST");

        await Assert.ThrowsAsync<HttpRequestException>(() => env.Http.PostAsync($"{TestEmulator.FlowService}/connections", TestEmulator.Json("{}")));
        using var after = await env.Http.GetAsync($"{TestEmulator.FlowService}/connections");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var dropped = env.Emulator.Requests.Snapshot()[0];
        Assert.Equal(("POST", "drop", "{}"), (dropped.Method, dropped.Fault, dropped.Body));
    }

    [Fact]
    public async Task Latency_delays_then_answers_normally()
    {
        await using var env = await TestEmulator.StartAsync();
        env.Emulator.Faults.AddLatency(TimeSpan.FromMilliseconds(300));

        var watch = Stopwatch.StartNew();
        using var response = await env.Http.GetAsync(Flows);
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.ElapsedMilliseconds >= 280, $"answered after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Faults_are_switched_on_over_http_and_only_hit_matching_requests()
    {
        await using var env = await TestEmulator.StartAsync();
        var admin = env.Admin;

        using var added = await admin.PostAsync("__emulator/faults", TestEmulator.Json("""
            { "status": 500, "count": 2, "pathPrefix": "/data/foundation/flowservice/flows", "method": "GET" }
            """));
        using var listed = await admin.GetAsync("__emulator/faults");
        using var otherPath = await env.Http.GetAsync($"{TestEmulator.FlowService}/connections");
        using var otherMethod = await env.Http.PostAsync(Flows, TestEmulator.Json("{"));
        using var hit = await env.Http.GetAsync(Flows);
        using var typo = await admin.PostAsync("__emulator/faults", TestEmulator.Json("""{ "stauts": 500 }"""));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(2, (await TestEmulator.ReadAsync(listed))[0]!["remaining"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, otherPath.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherMethod.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, hit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Single(env.Emulator.Faults.Snapshot(), f => f.Remaining == 1);
    }

    [Fact]
    public async Task Faults_configured_at_start_apply_and_reset_clears_everything()
    {
        await using var env = await TestEmulator.StartAsync(new EmulatorOptions
        {
            Faults = [new FaultRule { Status = 503, Count = 0, PathPrefix = "/data/foundation/catalog" }],
        });
        var admin = env.Admin;
        await Scenario.CreateBaseConnectionAsync(env);

        using var first = await env.Http.GetAsync("data/foundation/catalog/dataSets");
        using var second = await env.Http.GetAsync("data/foundation/catalog/dataSets");
        using var reset = await admin.PostAsync("__emulator/reset", content: null);
        using var afterReset = await env.Http.GetAsync("data/foundation/catalog/dataSets");
        var connections = await env.GetOkAsync($"{TestEmulator.FlowService}/connections");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterReset.StatusCode);
        Assert.Empty(connections["items"]!.AsArray());
    }

    [Fact]
    public async Task Invalid_rules_are_refused()
    {
        var faults = new FaultInjector();

        Assert.Throws<ArgumentException>(() => faults.Add(new FaultRule { Count = 1 }));
        Assert.Throws<ArgumentException>(() => faults.Add(new FaultRule { Status = 42 }));
        Assert.Throws<ArgumentException>(() => faults.Add(new FaultRule { Status = 503, Count = -1 }));
    }
}
