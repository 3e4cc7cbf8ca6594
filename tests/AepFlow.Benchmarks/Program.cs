using AepFlow.Benchmarks;
using BenchmarkDotNet.Running;

// Examples (docs/benchmarks.md):
//   dotnet run -c Release --project tests/AepFlow.Benchmarks -- --filter '*' --job short --inProcess --memory
//   dotnet run -c Release --project tests/AepFlow.Benchmarks -- --first-run
//   dotnet run -c Release --project tests/AepFlow.Benchmarks -- --client-overhead-interleaved
if (args is ["--first-run"])
{
    FirstRun.Measure();
    return;
}

if (args is ["--client-overhead-interleaved"])
{
    ClientOverheadInterleaved.Measure();
    return;
}

if (args is ["--client-overhead-loop", var which, var seconds])
{
    ClientOverheadInterleaved.Loop(which, double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
