using System.Diagnostics;
using System.Text.Json.Nodes;

namespace AepFlow.Emulator.Tests;

/// <summary>Measurements that must not share the process with other tests' allocations or CPU.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasurementCollection
{
    public const string Name = "Measurements";
}

/// <summary>
/// What a request costs grows with its page and its body, not with the store: asserted as ratios and bounds measured in
/// one run (allocations are exact; times are the fastest of many interleaved calls, so a busy machine slows both sides).
/// </summary>
[Collection(MeasurementCollection.Name)]
public sealed class CostTests
{
    [Fact]
    public async Task Listing_a_page_of_50_at_10000_items_costs_within_2x_of_at_10_items()
    {
        await using var env = await TestEmulator.StartAsync();
        Seed(env, "prod", 10_000);
        Seed(env, "dev", 10);
        using var dev = env.CreateClient("dev");
        var large = $"{TestEmulator.FlowService}/connections?limit=50";

        // Warm both paths, then interleave so machine noise hits both sides alike.
        for (var i = 0; i < 5; i++)
        {
            await ListAsync(env.Http, large);
            await ListAsync(dev, large);
        }

        var (largeTime, largeBytes) = (TimeSpan.MaxValue, long.MaxValue);
        var (smallTime, smallBytes) = (TimeSpan.MaxValue, long.MaxValue);
        for (var i = 0; i < 25; i++)
        {
            var l = await MeasureAsync(() => ListAsync(env.Http, large));
            var s = await MeasureAsync(() => ListAsync(dev, large));
            (largeTime, largeBytes) = (Min(largeTime, l.Time), Math.Min(largeBytes, l.Bytes));
            (smallTime, smallBytes) = (Min(smallTime, s.Time), Math.Min(smallBytes, s.Bytes));
        }

        // The page of 50 holds five times the items of the page of 10, so allocations compare per item listed.
        Assert.True(largeTime.Ticks <= 2 * Math.Max(smallTime.Ticks, TimeSpan.FromMilliseconds(1).Ticks), $"page at 10,000 items: {largeTime.TotalMilliseconds:F2} ms, at 10 items: {smallTime.TotalMilliseconds:F2} ms");
        Assert.True(largeBytes <= 2 * smallBytes * 5, $"page at 10,000 items allocated {largeBytes:N0} B, at 10 items {smallBytes:N0} B");
        Assert.True(largeBytes < 1_000_000, $"a page of 50 allocated {largeBytes:N0} B");
    }

    [Fact]
    public async Task A_create_allocates_less_than_64_KB()
    {
        await using var env = await TestEmulator.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            await Scenario.CreateBaseConnectionAsync(env, $"warm-up {i}");
        }

        const int creates = 200;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < creates; i++)
        {
            await Scenario.CreateBaseConnectionAsync(env, $"measured {i}");
        }

        // Client and server run in this process, so this counts both sides of each request: an upper bound for the server.
        var perCreate = (GC.GetTotalAllocatedBytes(precise: true) - before) / creates;
        Assert.True(perCreate < 64 * 1024, $"{perCreate:N0} bytes allocated per create (client and server)");
    }

    internal static void Seed(TestEmulator env, string sandbox, int count)
    {
        var collection = env.Emulator.State.Store.Collection(sandbox, "connections");
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid().ToString("D");
            collection.Add(id, new JsonObject
            {
                ["id"] = id,
                ["name"] = $"seeded {i}",
                ["connectionSpec"] = new JsonObject { ["id"] = TestEmulator.Salesforce, ["version"] = "1.0" },
                ["auth"] = new JsonObject { ["specName"] = "Basic Authentication", ["params"] = new JsonObject { ["username"] = "u", ["password"] = "p" } },
            });
        }
    }

    private static async Task ListAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<(TimeSpan Time, long Bytes)> MeasureAsync(Func<Task> call)
    {
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await call();
        watch.Stop();
        return (watch.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - bytes);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
