using System.Diagnostics;

namespace AepFlow.Benchmarks;

/// <summary>
/// <see cref="ClientOverheadBenchmarks"/>' two calls measured in alternating rounds in one process, keeping each one's fastest
/// round. On a shared, loaded machine BenchmarkDotNet runs one method's iterations entirely before the other's, so a change
/// in load between them decides the time ratio; alternating rounds (AB, then BA) expose both calls to the same load. It
/// reports each call's fastest round (the least disturbed) and the median of the per-round ratios (two rounds run back to
/// back, so slow drifts in load cancel). Allocations are exact in either.
/// </summary>
internal static class ClientOverheadInterleaved
{
    public static void Measure(int rounds = 200, int callsPerRound = 1000)
    {
        var benchmarks = new ClientOverheadBenchmarks();
        benchmarks.Setup();
        try
        {
            var calls = new (string Name, Func<Task<string?>> Call)[] { ("HandWrittenCall", benchmarks.HandWrittenCall), ("ClientCall", benchmarks.ClientCall) };
            foreach (var (_, call) in calls)
            {
                for (var i = 0; i < 20_000; i++)
                {
                    call().GetAwaiter().GetResult();
                }
            }

            var times = new double[calls.Length][];
            var bytes = new long[calls.Length];
            for (var c = 0; c < calls.Length; c++)
            {
                times[c] = new double[rounds];
            }

            for (var round = 0; round < rounds; round++)
            {
                // Each pair of rounds runs in the order AB, the next BA, so neither call always follows the other.
                for (var k = 0; k < calls.Length; k++)
                {
                    var c = round % 2 == 0 ? k : calls.Length - 1 - k;
                    var allocated = GC.GetTotalAllocatedBytes(precise: true);
                    var watch = Stopwatch.StartNew();
                    for (var i = 0; i < callsPerRound; i++)
                    {
                        calls[c].Call().GetAwaiter().GetResult();
                    }

                    times[c][round] = watch.Elapsed.TotalMicroseconds / callsPerRound;
                    bytes[c] = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / callsPerRound;
                }
            }

            // Fastest round: the least disturbed by other load. Median of the per-round ratios: each ratio compares two
            // rounds run back to back, so load that drifts over seconds cancels out.
            var ratios = new double[rounds];
            for (var round = 0; round < rounds; round++)
            {
                ratios[round] = times[1][round] / times[0][round];
            }

            Console.WriteLine($"{rounds} alternating rounds of {callsPerRound} calls; per call: fastest round, median round, bytes");
            for (var c = 0; c < calls.Length; c++)
            {
                Console.WriteLine($"{calls[c].Name,-16} fastest {times[c].Min(),6:F2} us (ratio {times[c].Min() / times[0].Min():F3})  median {Median(times[c]),6:F2} us  {bytes[c],6} B (ratio {(double)bytes[c] / bytes[0]:F3})");
            }

            Console.WriteLine($"median of per-round time ratios (client / hand-written): {Median(ratios):F3}");
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Runs one of the two calls alone for <paramref name="seconds"/>, for a sampling profiler (perf with <c>DOTNET_PerfMapEnabled=1</c>).</summary>
    public static void Loop(string which, double seconds)
    {
        var benchmarks = new ClientOverheadBenchmarks();
        benchmarks.Setup();
        Func<Task<string?>> call = which == "client" ? benchmarks.ClientCall : benchmarks.HandWrittenCall;
        var watch = Stopwatch.StartNew();
        long calls = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 1000; i++)
            {
                call().GetAwaiter().GetResult();
            }

            calls += 1000;
        }

        Console.WriteLine($"{which}: {calls} calls, {watch.Elapsed.TotalMicroseconds / calls:F2} us per call");
        benchmarks.Cleanup();
    }
}
