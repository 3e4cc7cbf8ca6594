using System.Diagnostics;
using System.Net;
using AepFlow.Client.Tests.Infrastructure;
using AepFlow.Emulator;
using AepFlow.Requests;
using Microsoft.Extensions.Logging;

namespace AepFlow.Client.Tests;

/// <summary>The client against the emulator's fault switches over real loopback HTTP.</summary>
public sealed class EmulatorFaultTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string FlowSpecs = "/data/foundation/flowservice/flowSpecs";
    private const string CrmToAepId = "14518937-270c-4525-bdec-c2ba7cce3860";

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_then_succeeds()
    {
        fixture.Emulator.Reset();
        using var client = new AepClient(fixture.Options());
        fixture.Emulator.Faults.InjectStatus(429, count: 1, pathPrefix: FlowSpecs, retryAfterSeconds: 1);

        var stopwatch = Stopwatch.StartNew();
        var spec = await client.FlowSpecs.GetAsync(CrmToAepId);

        Assert.Equal(CrmToAepId, spec.Id);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(900), $"answered after {stopwatch.Elapsed}");
        Assert.Equal([429, 200], StatusesOf(FlowSpecs));
    }

    [Fact]
    public async Task A_503_storm_on_get_is_retried_within_budget()
    {
        fixture.Emulator.Reset();
        using var client = new AepClient(fixture.Options());
        fixture.Emulator.Faults.InjectStatus(503, count: 3, pathPrefix: FlowSpecs);

        var spec = await client.FlowSpecs.GetAsync(CrmToAepId);

        Assert.Equal(CrmToAepId, spec.Id);
        Assert.Equal([503, 503, 503, 200], StatusesOf(FlowSpecs));
    }

    [Fact]
    public async Task A_post_whose_connection_drops_is_not_repeated()
    {
        fixture.Emulator.Reset();
        using var client = new AepClient(fixture.Options());
        fixture.Emulator.Faults.DropConnections(count: 1, pathPrefix: "/data/foundation/flowservice/sourceConnections", method: "POST");

        await Assert.ThrowsAsync<AepTransportException>(() => client.SourceConnections.CreateAsync(new CreateSourceConnectionRequest
        {
            Name = "dropped",
            ConnectionSpec = new ResourceRefModel("cfc0fee1-7dc0-40ef-b73e-d8b134c436f5", "1.0"),
        }));

        Assert.Single(fixture.Emulator.Requests.Snapshot(), r => r.Method == "POST" && r.Path.EndsWith("/sourceConnections", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_get_whose_connection_drops_is_retried()
    {
        fixture.Emulator.Reset();
        using var client = new AepClient(fixture.Options());
        fixture.Emulator.Faults.DropConnections(count: 1, pathPrefix: FlowSpecs);

        var spec = await client.FlowSpecs.GetAsync(CrmToAepId);

        Assert.Equal(CrmToAepId, spec.Id);
        Assert.Equal(2, fixture.Emulator.Requests.Snapshot().Count(r => r.Path.StartsWith(FlowSpecs, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Cancellation_is_honoured_during_server_latency()
    {
        fixture.Emulator.Reset();
        using var client = new AepClient(fixture.Options());
        fixture.Emulator.Faults.AddLatency(TimeSpan.FromSeconds(20), count: 1, pathPrefix: FlowSpecs);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.FlowSpecs.GetAsync(CrmToAepId, cts.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"cancelled after {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Concurrent_callers_share_one_issued_token_and_the_token_is_never_logged()
    {
        fixture.Emulator.Reset();
        var logs = new LogSink();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var client = new AepClient(fixture.Options(), primaryHandler: null, factory);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.FlowSpecs.GetAsync(CrmToAepId)));

        Assert.Equal(1, fixture.Emulator.IssuedTokenCount);
        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(EmulatorFixture.ClientSecret, logs.AllText);
        Assert.DoesNotContain("access_token", logs.AllText);
        Assert.DoesNotContain("Bearer", logs.AllText);
    }

    private int[] StatusesOf(string prefix) =>
        [.. fixture.Emulator.Requests.Snapshot().Where(r => r.Path.StartsWith(prefix, StringComparison.Ordinal)).Select(r => r.StatusCode)];
}
