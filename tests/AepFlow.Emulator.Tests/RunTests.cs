using System.Net;
using System.Text.Json.Nodes;

namespace AepFlow.Emulator.Tests;

/// <summary>Runs made by the flow's schedule on the simulated clock, moving pending → inProgress → success/failed.</summary>
public sealed class RunTests
{
    private static readonly TimeSpan StartDelay = new EmulatorOptions().RunStartDelay;
    private static readonly TimeSpan Duration = new EmulatorOptions().RunDuration;

    [Fact]
    public async Task A_scheduled_run_appears_on_the_simulated_clock_and_succeeds_with_metrics()
    {
        await using var env = await TestEmulator.StartAsync();
        var clock = env.Emulator.Clock;
        clock.Freeze();
        var start = clock.GetUtcNow().AddMinutes(5);
        var flowId = await CreateFlowAsync(env, start.ToUnixTimeSeconds(), "minute", "15");

        Assert.Empty(await RunsAsync(env, flowId));

        clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(start.ToUnixTimeSeconds()));
        var pending = Assert.Single(await RunsAsync(env, flowId));
        clock.Advance(StartDelay);
        var running = Assert.Single(await RunsAsync(env, flowId));
        clock.Advance(Duration);
        var done = Assert.Single(await RunsAsync(env, flowId));
        var flow = Scenario.Single(await env.GetOkAsync($"{TestEmulator.FlowService}/flows/{flowId}"));

        Assert.Equal("pending", Status(pending));
        Assert.Equal("inProgress", Status(running));
        Assert.Equal("success", Status(done));
        Assert.Equal(pending["id"]!.GetValue<string>(), done["id"]!.GetValue<string>());
        Assert.Equal(start.ToUnixTimeSeconds() * 1000, done["createdAt"]!.GetValue<long>());
        var metrics = done["metrics"]!;
        Assert.Equal(100, metrics["recordSummary"]!["inputRecordCount"]!.GetValue<int>());
        Assert.Equal(100, metrics["recordSummary"]!["outputRecordCount"]!.GetValue<int>());
        Assert.Equal(0, metrics["recordSummary"]!["failedRecordCount"]!.GetValue<int>());
        var duration = metrics["durationSummary"]!;
        Assert.Equal((long)Duration.TotalMilliseconds, duration["completedAtUTC"]!.GetValue<long>() - duration["startedAtUTC"]!.GetValue<long>());
        Assert.Equal("success", flow["lastRunDetails"]!["state"]!.GetValue<string>());
        Assert.Equal(done["id"]!.GetValue<string>(), flow["lastRunDetails"]!["id"]!.GetValue<string>());

        // The next slot is 15 minutes after the first, not earlier.
        clock.Advance(TimeSpan.FromMinutes(15) - StartDelay - Duration - TimeSpan.FromSeconds(1));
        Assert.Single(await RunsAsync(env, flowId));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await RunsAsync(env, flowId)).Count);
    }

    [Fact]
    public async Task A_fault_injected_run_fails_with_errors_in_platforms_shape()
    {
        await using var env = await TestEmulator.StartAsync();
        env.Emulator.Clock.Freeze();
        env.Emulator.InjectRunFault(new RunFaultRule { Code = "CONNECTOR-2001-500", Message = "Salesforce refused the query.", RecordsRead = 7 });

        var flowId = await CreateFlowAsync(env, startTime: 1700000000, "day", "1");
        env.Emulator.Clock.Advance(StartDelay + Duration);
        var run = Assert.Single(await RunsAsync(env, flowId));

        Assert.Equal("failed", Status(run));
        var error = Assert.Single(run["metrics"]!["statusSummary"]!["errors"]!.AsArray())!;
        Assert.Equal("CONNECTOR-2001-500", error["code"]!.GetValue<string>());
        Assert.Equal("Salesforce refused the query.", error["message"]!.GetValue<string>());
        Assert.Equal(7, run["metrics"]!["recordSummary"]!["failedRecordCount"]!.GetValue<int>());
        Assert.Equal(0, run["metrics"]!["recordSummary"]!["outputRecordCount"]!.GetValue<int>());
        var activityError = Assert.Single(run["activities"]![0]!["statusSummary"]!["extensions"]!["errors"]!.AsArray())!;
        Assert.Equal("CONNECTOR-2001-500", activityError["code"]!.GetValue<string>());
        Assert.Empty(env.Emulator.State.Runs.Faults()); // count 1: used up
    }

    [Fact]
    public async Task Run_faults_and_the_clock_are_driven_over_the_admin_api()
    {
        await using var env = await TestEmulator.StartAsync();
        using var frozen = await env.Admin.PostAsync("__emulator/clock", TestEmulator.Json("""{ "frozen": true }"""));
        var before = (await TestEmulator.ReadAsync(frozen))["nowMillis"]!.GetValue<long>();

        // A whole hour a day ahead, so the hourly grid of a flow starting an hour earlier is known.
        var hour = DateTimeOffset.FromUnixTimeSeconds((before / 1000 / 3600 + 25) * 3600);
        using var set = await env.Admin.PostAsync("__emulator/clock", TestEmulator.Json($$"""{ "now": "{{hour:O}}" }"""));
        using var fault = await env.Admin.PostAsync("__emulator/runs/faults", TestEmulator.Json("""{ "code": "CONNECTOR-1001-500", "message": "down" }"""));
        using var typo = await env.Admin.PostAsync("__emulator/runs/faults", TestEmulator.Json("""{ "cod": "x" }"""));
        using var backwards = await env.Admin.PostAsync("__emulator/clock", TestEmulator.Json("""{ "now": "2001-01-01T00:00:00Z" }"""));

        var flowId = await CreateFlowAsync(env, startTime: hour.AddHours(-1).ToUnixTimeSeconds(), "hour", "1");
        using var advanced = await env.Admin.PostAsync("__emulator/clock", TestEmulator.Json("""{ "advanceSeconds": 3610 }"""));
        var clock = await TestEmulator.ReadAsync(advanced);
        var runs = await RunsAsync(env, flowId);

        Assert.Equal(HttpStatusCode.Created, fault.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.True(clock["frozen"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(hour.AddSeconds(3610).ToUnixTimeMilliseconds(), clock["nowMillis"]!.GetValue<long>());
        Assert.Equal(2, runs.Count); // at creation, and an hour later
        Assert.Equal(["failed", "success"], runs.OrderBy(r => r["createdAt"]!.GetValue<long>()).Select(Status));
    }

    [Fact]
    public async Task Disabled_flows_make_no_runs_and_enabled_ones_resume_on_their_grid()
    {
        await using var env = await TestEmulator.StartAsync();
        var clock = env.Emulator.Clock;
        clock.Freeze();
        var flowId = await CreateFlowAsync(env, clock.GetUtcNow().AddMinutes(1).ToUnixTimeSeconds(), "minute", "15");

        using var disabled = await env.Http.PostAsync($"{TestEmulator.FlowService}/flows/{flowId}/action?op=disable", content: null);
        clock.Advance(TimeSpan.FromHours(2));
        var whileDisabled = await RunsAsync(env, flowId);
        using var enabled = await env.Http.PostAsync($"{TestEmulator.FlowService}/flows/{flowId}/action?op=enable", content: null);
        var rightAfterEnable = await RunsAsync(env, flowId);
        clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Empty(whileDisabled);
        Assert.Empty(rightAfterEnable);
        Assert.Single(await RunsAsync(env, flowId));
    }

    [Fact]
    public async Task A_long_clock_jump_creates_only_the_latest_runs()
    {
        await using var env = await TestEmulator.StartAsync();
        env.Emulator.Clock.Freeze();
        var flowId = await CreateFlowAsync(env, startTime: 1700000000, "minute", "15");

        env.Emulator.Clock.Advance(TimeSpan.FromDays(365));
        using var count = await env.Http.GetAsync($"{TestEmulator.FlowService}/runs?property=flowId=={flowId}&count=true");

        Assert.Equal(1 + Runs.RunSimulator.MaxCatchUpRuns, (await TestEmulator.ReadAsync(count))["count"]!.GetValue<int>());
    }

    [Fact]
    public void Schedules_are_described_in_words()
    {
        var flow = JsonNode.Parse("""{ "scheduleParams": { "startTime": 1700000000, "frequency": "minute", "interval": 15 } }""")!.AsObject();
        var once = JsonNode.Parse("""{ "scheduleParams": { "startTime": 1700000000, "frequency": "once" } }""")!.AsObject();

        Assert.Equal("every 15 minutes from 2023-11-14 22:13 UTC", Runs.FlowSchedule.Of(flow)!.Value.Describe());
        Assert.Equal("once at 2023-11-14 22:13 UTC", Runs.FlowSchedule.Of(once)!.Value.Describe());
        Assert.Null(Runs.FlowSchedule.Of(new JsonObject()));
    }

    private static async Task<string> CreateFlowAsync(TestEmulator env, long startTime, string frequency, string interval)
    {
        var (source, target, mapping) = await Scenario.PrepareFlowAsync(env);
        var created = await env.PostOkAsync($"{TestEmulator.FlowService}/flows", Scenario.FlowJson(source, target, mapping, frequency, interval, startTime: startTime));
        return created["id"]!.GetValue<string>();
    }

    private static async Task<List<JsonObject>> RunsAsync(TestEmulator env, string flowId) =>
        (await env.GetOkAsync($"{TestEmulator.FlowService}/runs?property=flowId=={flowId}&limit=500"))["items"]!.AsArray().Cast<JsonObject>().ToList();

    private static string Status(JsonObject run) => run["metrics"]!["statusSummary"]!["status"]!.GetValue<string>();
}
