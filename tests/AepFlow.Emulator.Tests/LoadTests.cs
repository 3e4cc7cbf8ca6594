using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace AepFlow.Emulator.Tests;

/// <summary>A fact that runs only when <c>AEPFLOW_LOAD_TESTS=1</c>: the emulator's load figures for docs/benchmarks.md.</summary>
public sealed class LoadFactAttribute : FactAttribute
{
    public const string Switch = "AEPFLOW_LOAD_TESTS";

    public LoadFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Switch) != "1")
        {
            Skip = $"Load test: set {Switch}=1 (takes a minute or more).";
        }
    }
}

/// <summary>
/// 1,000 concurrent calls, 10,000 creates, list latency at 10 and 10,000 items and allocations per create, measured in one
/// run and printed (dotnet test --logger "console;verbosity=detailed"). Nothing may be lost or fail.
/// </summary>
[Collection(MeasurementCollection.Name)]
public sealed class LoadTests(ITestOutputHelper output)
{
    [LoadFact]
    public async Task Load_figures()
    {
        await using var env = await TestEmulator.StartAsync(new EmulatorOptions { MaxRecordedRequests = 100 });

        // 1,000 concurrent calls.
        var watch = Stopwatch.StartNew();
        var statuses = await Task.WhenAll(Enumerable.Range(0, 1000).Select(async _ =>
        {
            using var response = await env.Http.GetAsync($"{TestEmulator.FlowService}/flowSpecs?limit=5");
            return response.StatusCode;
        }));
        watch.Stop();
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        output.WriteLine($"1,000 concurrent GET /flowSpecs: {watch.Elapsed.TotalMilliseconds:N0} ms in all, all 200");

        // List latency at 10 items.
        for (var i = 0; i < 10; i++)
        {
            await Scenario.CreateBaseConnectionAsync(env, $"first {i}");
        }

        var atTen = await ListLatencyAsync(env);

        // 10,000 creates, 8 at a time, with allocations.
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var gen2 = GC.CollectionCount(2);
        watch.Restart();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) <= 9_990)
            {
                await Scenario.CreateBaseConnectionAsync(env, $"load {index}");
            }
        }));
        watch.Stop();
        var perCreate = (GC.GetTotalAllocatedBytes(precise: true) - before) / 9_990;
        using var count = await env.Http.GetAsync($"{TestEmulator.FlowService}/connections?count=true");
        var stored = (await TestEmulator.ReadAsync(count))["count"]!.GetValue<int>();
        Assert.Equal(10_000, stored);
        output.WriteLine($"10,000 creates (8 concurrent): {watch.Elapsed.TotalSeconds:N1} s, {9_990 / watch.Elapsed.TotalSeconds:N0}/s, "
            + $"{perCreate / 1024.0:N1} KiB allocated per create (client and server), {GC.CollectionCount(2) - gen2} gen-2 GCs, none lost");

        var atTenThousand = await ListLatencyAsync(env);
        output.WriteLine($"GET /connections?limit=50: at 10 items {atTen.TotalMilliseconds:N2} ms, at 10,000 items {atTenThousand.TotalMilliseconds:N2} ms (fastest of 50)");
    }

    private static async Task<TimeSpan> ListLatencyAsync(TestEmulator env)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 50; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await env.Http.GetAsync($"{TestEmulator.FlowService}/connections?limit=50");
            await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            response.EnsureSuccessStatusCode();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return best;
    }
}
