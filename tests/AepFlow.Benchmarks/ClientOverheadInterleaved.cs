using System.Diagnostics;

namespace AepFlow.Benchmarks;

/// <summary>
/// <see cref="ClientOverheadBenchmarks"/>' two calls measured in alternating rounds in one process, keeping each one's fastest
/// round. On a shared, loaded machine BenchmarkDotNet runs one method's iterations entirely before the other's, so a change
/// in load between them decides the time ratio; alternating rounds expose both calls to the same load, and the fastest
/// round is the one least disturbed by it. Allocations are exact in either.
/// </summary>
internal static class ClientOverheadInterleaved
{
    public static void Measure(int rounds = 40, int callsPerRound = 2000)
    {
        var benchmarks = new ClientOverheadBenchmarks();
        benchmarks.Setup();
        try
        {
            var calls = new (string Name, Func<Task<string?>> Call)[] { ("HandWrittenCall", benchmarks.HandWrittenCall), ("ClientCall", benchmarks.ClientCall) };
            foreach (var (_, call) in calls)
            {
                for (var i = 0; i < 5_000; i++)
                {
                    call().GetAwaiter().GetResult();
                }
            }

            var fastest = new double[calls.Length];
            var bytes = new long[calls.Length];
            Array.Fill(fastest, double.MaxValue);
            for (var round = 0; round < rounds; round++)
            {
                for (var c = 0; c < calls.Length; c++)
                {
                    var allocated = GC.GetTotalAllocatedBytes(precise: true);
                    var watch = Stopwatch.StartNew();
                    for (var i = 0; i < callsPerRound; i++)
                    {
                        calls[c].Call().GetAwaiter().GetResult();
                    }

                    fastest[c] = Math.Min(fastest[c], watch.Elapsed.TotalMicroseconds / callsPerRound);
                    bytes[c] = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / callsPerRound;
                }
            }

            Console.WriteLine($"{rounds} alternating rounds of {callsPerRound} calls; fastest round per call, bytes per call");
            for (var c = 0; c < calls.Length; c++)
            {
                Console.WriteLine($"{calls[c].Name,-16} {fastest[c],8:F2} us  ratio {fastest[c] / fastest[0]:F3}  {bytes[c],6} B  ratio {(double)bytes[c] / bytes[0]:F3}");
            }
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }
}
