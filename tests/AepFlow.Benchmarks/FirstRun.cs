using System.Diagnostics;

namespace AepFlow.Benchmarks;

/// <summary>
/// The generator's first pass in a fresh process (JIT, resource parsing and all), which is what a command-line build
/// pays: builds here run without a compiler server. BenchmarkDotNet's figures are for a JIT-warm process.
/// </summary>
internal static class FirstRun
{
    public static void Measure()
    {
        // Roslyn itself is IL from NuGet here (the real compiler is ReadyToRun), so JIT it first with a generator that is
        // not ours: what remains in the first AepFlow pass is the generator's own first-use cost.
        var roslyn = Stopwatch.StartNew();
        WarmRoslyn();
        Console.WriteLine($"Roslyn warm-up (not AepFlow): {roslyn.Elapsed.TotalMilliseconds:F0} ms");

        var benchmarks = new GeneratorBenchmarks();
        var total = Stopwatch.StartNew();
        benchmarks.Setup(); // builds the compilation and runs the generator once, cold
        total.Stop();
        var second = Stopwatch.StartNew();
        benchmarks.Cold();
        second.Stop();
        var incremental = Stopwatch.StartNew();
        benchmarks.AfterUnrelatedEdit();
        incremental.Stop();
        Console.WriteLine($"setup + first AepFlow generator pass: {total.Elapsed.TotalMilliseconds:F0} ms");
        Console.WriteLine($"first AepFlow generator pass alone: {GeneratorBenchmarks.LastSetupGeneratorMilliseconds:F0} ms");
        Console.WriteLine($"second cold pass (new generator + driver): {second.Elapsed.TotalMilliseconds:F1} ms");
        Console.WriteLine($"first incremental pass after an unrelated edit: {incremental.Elapsed.TotalMilliseconds:F1} ms");
    }

    private static void WarmRoslyn()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Warm",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace W; public static class C { public static int M() => 1; }")],
            Basic.Reference.Assemblies.Net100.References.All,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            Microsoft.CodeAnalysis.GeneratorExtensions.AsSourceGenerator(new WarmUpGenerator()));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        _ = output.GetDiagnostics();
    }

    private sealed class WarmUpGenerator : Microsoft.CodeAnalysis.IIncrementalGenerator
    {
        public void Initialize(Microsoft.CodeAnalysis.IncrementalGeneratorInitializationContext context) =>
            context.RegisterPostInitializationOutput(static c => c.AddSource(
                "Warm.g.cs",
                "namespace W { public sealed record R(int A, string B) { public int Twice() => A * 2; } }"));
    }
}
