using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AepFlow.Generator.Tests.Infrastructure;

/// <summary>The outcome of one generator pass: generated files, every diagnostic, and the compilation to emit.</summary>
internal sealed class GeneratorRun
{
    private readonly Lazy<ImmutableArray<Diagnostic>> _analyzerDiagnostics;
    private readonly Lazy<ImmutableArray<Diagnostic>> _compilationDiagnostics;

    private GeneratorRun(
        GeneratorDriver driver,
        Compilation inputCompilation,
        Compilation outputCompilation,
        ImmutableArray<Diagnostic> generatorDiagnostics,
        ImmutableArray<InMemoryAdditionalText> additionalFiles,
        IReadOnlyDictionary<string, string>? buildProperties)
    {
        Driver = driver;
        InputCompilation = inputCompilation;
        OutputCompilation = outputCompilation;
        GeneratorDiagnostics = generatorDiagnostics;
        AdditionalFiles = additionalFiles;
        RunResult = driver.GetRunResult();
        GeneratedSources = RunResult.Results
            .SelectMany(result => result.GeneratedSources)
            .ToImmutableSortedDictionary(
                source => source.HintName,
                source => TextNormalizer.Normalize(source.SourceText.ToString()),
                StringComparer.Ordinal);
        _compilationDiagnostics = new(() => OutputCompilation.GetDiagnostics());
        _analyzerDiagnostics = new(() => RunAnalyzers(buildProperties));
    }

    public GeneratorDriver Driver { get; }

    public Compilation InputCompilation { get; }

    public Compilation OutputCompilation { get; }

    public GeneratorDriverRunResult RunResult { get; }

    public ImmutableArray<InMemoryAdditionalText> AdditionalFiles { get; }

    /// <summary>Diagnostics the generators reported themselves.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>Hint name → generated text (line endings normalised to \n).</summary>
    public ImmutableSortedDictionary<string, string> GeneratedSources { get; }

    /// <summary>Compiler diagnostics of the user's code plus the generated code.</summary>
    public ImmutableArray<Diagnostic> CompilationDiagnostics => _compilationDiagnostics.Value;

    /// <summary>Diagnostics from the analyzers shipped in AepFlow.Generator.dll.</summary>
    public ImmutableArray<Diagnostic> AnalyzerDiagnostics => _analyzerDiagnostics.Value;

    /// <summary>Generator and compiler diagnostics (the spec diagnostics AEPF001–AEPF004 come from the generator).</summary>
    public ImmutableArray<Diagnostic> AllDiagnostics => [.. GeneratorDiagnostics, .. CompilationDiagnostics];

    /// <summary>Everything a build would show, including the analyzers shipped beside the generator (slower: opt in).</summary>
    public ImmutableArray<Diagnostic> AllDiagnosticsWithAnalyzers => [.. AllDiagnostics, .. AnalyzerDiagnostics];

    /// <summary>Runs <paramref name="driver"/> over <paramref name="compilation"/>.</summary>
    public static GeneratorRun Execute(
        GeneratorDriver driver,
        Compilation compilation,
        ImmutableArray<InMemoryAdditionalText> additionalFiles,
        IReadOnlyDictionary<string, string>? buildProperties = null)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, compilation, output, diagnostics, additionalFiles, buildProperties);
    }

    /// <summary>Diagnostics with the given id, from any source.</summary>
    public ImmutableArray<Diagnostic> Diagnostics(string id) => [.. AllDiagnostics.Where(d => d.Id == id)];

    /// <summary>The generated text for <paramref name="hintName"/>; fails listing the hint names that exist.</summary>
    public string Source(string hintName)
    {
        if (GeneratedSources.TryGetValue(hintName, out var text))
        {
            return text;
        }

        Assert.Fail($"No generated source '{hintName}'. Generated: {string.Join(", ", GeneratedSources.Keys)}");
        return string.Empty;
    }

    /// <summary>The generator never throws inside the compiler: no CS8784/CS8785/AD0001 and no captured exception.</summary>
    public GeneratorRun AssertNoCrash(bool includeAnalyzers = false)
    {
        foreach (var result in RunResult.Results)
        {
            Assert.True(result.Exception is null, $"{result.Generator.GetGeneratorType().Name} threw: {result.Exception}");
        }

        var diagnostics = includeAnalyzers ? AllDiagnosticsWithAnalyzers : AllDiagnostics;
        var crashes = diagnostics.Where(d => d.Id is "CS8784" or "CS8785" or "AD0001").ToArray();
        Assert.True(crashes.Length == 0, "Generator or analyzer crashed:\n" + DiagnosticText.Describe(crashes));
        return this;
    }

    /// <summary>No error from any source (warnings allowed).</summary>
    public GeneratorRun AssertNoErrors(bool includeAnalyzers = false)
    {
        AssertNoCrash(includeAnalyzers);
        var errors = (includeAnalyzers ? AllDiagnosticsWithAnalyzers : AllDiagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "Unexpected errors:\n" + DiagnosticText.Describe(errors));
        return this;
    }

    /// <summary>Emits the output compilation and loads it in a collectible context so the generated code can run.</summary>
    public LoadedAssembly Load()
    {
        AssertNoErrors();
        return LoadedAssembly.Emit(OutputCompilation);
    }

    private ImmutableArray<Diagnostic> RunAnalyzers(IReadOnlyDictionary<string, string>? buildProperties)
    {
        var analyzers = GeneratorHarness.Analyzers;
        if (analyzers.IsEmpty)
        {
            return [];
        }

        var options = new AnalyzerOptions(
            [.. AdditionalFiles.Cast<AdditionalText>()],
            TestAnalyzerConfigOptionsProvider.FromBuildProperties(buildProperties));
        var withAnalyzers = OutputCompilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        return withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }
}
