using System.Collections.Immutable;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AepFlow.Benchmarks;

/// <summary>
/// The generator's cost per compilation over the bundled specs, as the compiler pays it: <c>Cold</c> is a fresh generator
/// and driver (a command-line build), <c>AfterUnrelatedEdit</c> re-runs a warm driver after a C# edit (the IDE case).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);
    private Compilation _compilation = null!;
    private Compilation _edited = null!;
    private GeneratorDriver _warmDriver = null!;
    private bool _flip;

    /// <summary>How long the first generator pass in <see cref="Setup"/> took (cold in a fresh process).</summary>
    public static double LastSetupGeneratorMilliseconds { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var tree = CSharpSyntaxTree.ParseText("namespace App; public static class Program { public static int Main() => 0; }", ParseOptions);
        _compilation = CSharpCompilation.Create(
            "BenchmarkApp",
            [tree],
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(AepFlow.Validation.ValidationResult).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _edited = _compilation.ReplaceSyntaxTree(
            tree,
            CSharpSyntaxTree.ParseText("namespace App; public static class Program { public static int Main() => 1; }", ParseOptions));
        var first = System.Diagnostics.Stopwatch.StartNew();
        _warmDriver = CreateDriver().RunGenerators(_compilation);
        LastSetupGeneratorMilliseconds = first.Elapsed.TotalMilliseconds;

        var generated = _warmDriver.GetRunResult().GeneratedTrees.Length;
        if (generated == 0)
        {
            throw new InvalidOperationException("The generator produced nothing; the benchmark would measure an empty run.");
        }
    }

    [Benchmark(Description = "Cold: new generator + driver, bundled specs")]
    public GeneratorDriver Cold() => CreateDriver().RunGenerators(_compilation);

    [Benchmark(Description = "Incremental: warm driver after an unrelated C# edit")]
    public GeneratorDriver AfterUnrelatedEdit()
    {
        _flip = !_flip;
        _warmDriver = _warmDriver.RunGenerators(_flip ? _edited : _compilation);
        return _warmDriver;
    }

    private static GeneratorDriver CreateDriver()
    {
        // Every [Generator] in AepFlow.Generator.dll, as the compiler loads them.
        var generators = typeof(AepFlow.Generator.TrackingNames).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetCustomAttribute<GeneratorAttribute>() is not null)
            .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator())
            .ToImmutableArray();
        return CSharpGeneratorDriver.Create(generators, parseOptions: ParseOptions);
    }
}
