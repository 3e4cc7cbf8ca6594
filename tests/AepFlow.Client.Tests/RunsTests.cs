using System.Text.Json;
using AepFlow.Client.Tests.Infrastructure;
using AepFlow.Services;
using AepFlow.Validation;

namespace AepFlow.Client.Tests;

/// <summary>Following a dataflow's runs against a loopback server answering in Flow Service's /runs shapes.</summary>
public sealed class RunsTests
{
    private static readonly AepPollingOptions Fast = new() { InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(40) };

    private static string Run(string id, string status, string extra = "", long createdAt = 1700000000000) =>
        "{\"items\":[" + RunItem(id, status, extra, createdAt) + "]}";

    private static string RunItem(string id, string status, string extra = "", long createdAt = 1700000000000) =>
        $$$"""{"id":"{{{id}}}","flowId":"flow-1","createdAt":{{{createdAt}}},"etag":"\"e\"","metrics":{"statusSummary":{"status":"{{{status}}}"}{{{extra}}}}}""";

    private const string SuccessMetrics = """
        ,"durationSummary":{"startedAtUTC":1700000000000,"completedAtUTC":1700000042000},
        "sizeSummary":{"inputBytes":2560,"outputBytes":2048},
        "recordSummary":{"inputRecordCount":10,"createdRecordCount":8,"outputRecordCount":8,"failedRecordCount":2},
        "fileSummary":{"inputFileCount":1,"outputFileCount":1}
        """;

    [Fact]
    public async Task WaitForCompletion_polls_until_the_run_ends_and_reads_its_metrics()
    {
        await using var server = new FaultServer((_, n, c) => c.RespondAsync(200, n switch
        {
            1 => Run("run-1", "pending"),
            2 => Run("run-1", "inProgress"),
            _ => Run("run-1", "success", SuccessMetrics.ReplaceLineEndings("")),
        }));
        using var client = new AepClient(TransportFaultTests.Options(server.BaseAddress));

        var run = await client.Runs.WaitForCompletionAsync("run-1", Fast);

        Assert.Equal(3, server.Requests.Count);
        Assert.True(run.IsCompleted);
        Assert.True(run.Succeeded);
        Assert.Equal(10, run.Metrics.RecordsRead);
        Assert.Equal(8, run.Metrics.RecordsWritten);
        Assert.Equal(2, run.Metrics.RecordsFailed);
        Assert.Equal(2560, run.Metrics.InputBytes);
        Assert.Equal(TimeSpan.FromSeconds(42), run.Metrics.Duration);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public async Task A_failed_run_is_returned_with_platform_errors_once_each()
    {
        const string failed = """
            ,"errors":[{"code":"CONNECTOR-1001-500","message":"Source unreachable"}]},
            "recordSummary":{"inputRecordCount":3,"failedRecordCount":3,"failedInfo":[{"code":"MAPPER-2001","message":"bad date"}]},
            "durationSummary":{"startedAtUTC":1700000000000,"completedAtUTC":1700000001000}},
            "activities":[{"id":"copy","name":"Copy Activity","statusSummary":{"status":"failed","extensions":{"errors":[{"code":"CONNECTOR-1001-500","message":"Source unreachable"}]}}}]}]}
            """;
        var body = """{"items":[{"id":"run-2","flowId":"flow-1","metrics":{"statusSummary":{"status":"failed" """.TrimEnd() + failed.ReplaceLineEndings("");
        await using var server = new FaultServer((_, _, c) => c.RespondAsync(200, body));
        using var client = new AepClient(TransportFaultTests.Options(server.BaseAddress));

        var run = await client.Runs.WaitForCompletionAsync("run-2", Fast);

        Assert.True(run.IsCompleted);
        Assert.False(run.Succeeded);
        Assert.Equal(["CONNECTOR-1001-500: Source unreachable", "MAPPER-2001: bad date"], run.Errors.Select(e => e.ToString()));
        Assert.Equal("failed", Assert.Single(run.Activities).Status);
        Assert.Equal(3, run.Metrics.RecordsFailed);
    }

    [Fact]
    public async Task WaitForCompletion_gives_up_after_its_timeout()
    {
        await using var server = new FaultServer((_, _, c) => c.RespondAsync(200, Run("run-3", "inProgress")));
        using var client = new AepClient(TransportFaultTests.Options(server.BaseAddress));

        // Long enough for the first poll to reach the server on a cold, loaded test host (JIT, first connection); the run
        // never ends, so only the timeout can end the wait.
        var ex = await Assert.ThrowsAsync<AepTimeoutException>(() => client.Runs.WaitForCompletionAsync("run-3", Fast with { Timeout = TimeSpan.FromSeconds(2) }));

        Assert.Contains("run-3", ex.Message);
        Assert.NotEmpty(server.Requests);
    }

    [Fact]
    public async Task WaitForCompletion_stops_when_cancelled()
    {
        await using var server = new FaultServer((_, _, c) => c.RespondAsync(200, Run("run-4", "pending")));
        using var client = new AepClient(TransportFaultTests.Options(server.BaseAddress));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Runs.WaitForCompletionAsync("run-4", Fast, cancel.Token));
    }

    [Fact]
    public async Task WaitForNextRun_returns_the_first_run_that_was_not_there_before()
    {
        await using var server = new FaultServer((r, n, c) =>
        {
            Assert.Contains("property=flowId==flow-1", Uri.UnescapeDataString(r.Target));
            return c.RespondAsync(200, n <= 2
                ? "{\"items\":[" + RunItem("old", "success") + "]}"
                : "{\"items\":[" + RunItem("new", "pending", createdAt: 1700000100000) + "," + RunItem("old", "success") + "]}");
        });
        using var client = new AepClient(TransportFaultTests.Options(server.BaseAddress));

        var run = await client.Flows.WaitForNextRunAsync("flow-1", polling: Fast);

        Assert.Equal("new", run.Id);
        Assert.Equal("pending", run.Status);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task WaitForNextRun_after_a_time_takes_runs_created_later()
    {
        await using var server = new FaultServer((_, _, c) => c.RespondAsync(200,
            "{\"items\":[" + RunItem("later", "pending", createdAt: 1700000100000) + "," + RunItem("earlier", "success") + "]}"));
        using var client = new AepClient(TransportFaultTests.Options(server.BaseAddress));

        var run = await client.Flows.WaitForNextRunAsync("flow-1", DateTimeOffset.FromUnixTimeMilliseconds(1700000050000), Fast);

        Assert.Equal("later", run.Id);
    }

    [Fact]
    public async Task UpdateSchedule_validates_the_typed_schedule_and_sends_nothing_when_invalid()
    {
        await using var server = new FaultServer((_, _, c) => c.RespondAsync(200, """{"id":"flow-1","etag":"\"2\""}"""));
        using var client = new AepClient(TransportFaultTests.Options(server.BaseAddress));

        var ex = await Assert.ThrowsAsync<AepValidationException>(() => client.Flows.UpdateScheduleAsync("flow-1", "\"1\"", new Schedule { Interval = 10 }));

        Assert.Equal("/scheduleParams/interval", Assert.Single(ex.Errors).Path);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task UpdateSchedule_replaces_the_schedule_with_if_match()
    {
        await using var server = new FaultServer((_, _, c) => c.RespondAsync(200, """{"id":"flow-1","etag":"\"2\""}"""));
        using var client = new AepClient(TransportFaultTests.Options(server.BaseAddress));

        var updated = await client.Flows.UpdateScheduleAsync("flow-1", "\"1\"", new Schedule { Interval = 30 });

        Assert.Equal("\"2\"", updated.Etag);
        var sent = Assert.Single(server.Requests);
        Assert.Equal("PATCH", sent.Method);
        Assert.Equal("\"1\"", sent.Header("if-match"));
        var op = JsonDocument.Parse(sent.Body).RootElement[0];
        Assert.Equal("replace", op.GetProperty("op").GetString());
        Assert.Equal("/scheduleParams", op.GetProperty("path").GetString());
        Assert.Equal(30, op.GetProperty("value").GetProperty("interval").GetInt32());
        Assert.Equal("minute", op.GetProperty("value").GetProperty("frequency").GetString());
    }

    /// <summary>A hand-written stand-in for a generated ScheduleParams: interval at least 15 for minute.</summary>
    private sealed record Schedule : IAepModel
    {
        public int Interval { get; init; } = 15;

        public ValidationResult Validate()
        {
            var collector = new ValidationCollector();
            ValidateInto(ref collector);
            return collector.ToResult();
        }

        public void ValidateInto(ref ValidationCollector collector)
        {
            if (Interval < 15)
            {
                collector.Add("interval", "minimum", "interval must be at least 15 when frequency is minute");
            }
        }

        public void WriteJson(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteNumber("startTime", 1700000000);
            writer.WriteString("frequency", "minute");
            writer.WriteNumber("interval", Interval);
            writer.WriteEndObject();
        }
    }
}
