using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Analyzers.Tests;

/// <summary>An AdditionalFile held in memory.</summary>
public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>A reported diagnostic reduced to what tests assert: id, file, 1-based line/column span, message.</summary>
public sealed record Reported(string Id, string File, int Line, int Column, int EndLine, int EndColumn, string Message, DiagnosticSeverity Severity)
{
    public override string ToString() => $"{File}({Line},{Column},{EndLine},{EndColumn}): {Id} {Message}";
}

/// <summary>
/// Runs every generator in the AepFlow.Generator assembly over a compilation (as the compiler would), then the AepFlow
/// analyzers over the updated compilation, and reports diagnostics with 1-based line/column spans.
/// </summary>
public static class Harness
{
    private static readonly Assembly GeneratorAssembly = typeof(AepFlow.Generator.Analyzers.DeclarativeFileAnalyzer).Assembly;

    /// <summary>The generators this feature owns (XDM paths, flow factories): cheap, and independent of the core's output.</summary>
    public static ImmutableArray<ISourceGenerator> DeclarativeGenerators { get; } = ImmutableArray.Create(
        new AepFlow.Generator.Declarative.Xdm.XdmPathGenerator().AsSourceGenerator(),
        new AepFlow.Generator.Declarative.DeclarativeFlowGenerator().AsSourceGenerator());

    public static ImmutableArray<ISourceGenerator> Generators { get; } = GeneratorAssembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetCustomAttribute<GeneratorAttribute>() != null)
        .Select(t => Activator.CreateInstance(t) switch
        {
            IIncrementalGenerator incremental => incremental.AsSourceGenerator(),
            ISourceGenerator classic => classic,
            _ => throw new InvalidOperationException(t.FullName),
        })
        .ToImmutableArray();

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = GeneratorAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The reference material copied into the repository (reference/aep-reference) (docs-examples etc.).</summary>
    public static string Reference(string relative) => Path.Combine(RepoRoot, "reference", "aep-reference", relative);

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Generator.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create("Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: $"Test{i}.cs")),
            Basic.Reference.Assemblies.Net100.References.All.Concat(new[]
            {
                MetadataReference.CreateFromFile(typeof(AepFlow.Validation.IAepModel).Assembly.Location),
            }),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>
    /// The bundled specs' generated code (every generator, no user files), produced once: the core's output does not depend on
    /// the test's C# sources, and generating it takes seconds.
    /// </summary>
    private static readonly Lazy<IReadOnlyList<SyntaxTree>> BundledGenerated = new(() =>
    {
        var compilation = CreateCompilation("class Empty { }");
        CSharpGeneratorDriver.Create(Generators, parseOptions: (CSharpParseOptions)compilation.SyntaxTrees.First().Options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var updated, out _);
        return updated.SyntaxTrees.Skip(1).ToList();
    });

    /// <summary>
    /// Like <see cref="Run"/>, over the generated code of the bundled specs (AepFlow.FlowSpecs.CrmToAep…, AepFlow.ConnectionSpecs…).
    /// </summary>
    public static Result RunWithGeneratedSpecs(IEnumerable<string> sources, IEnumerable<AdditionalText>? additionalFiles = null) =>
        Run(sources, additionalFiles, BundledGenerated.Value);

    /// <summary>Runs this feature's generators, compiles and analyzes; returns the AepFlow diagnostics (analyzers' and generators').</summary>
    public static Result Run(IEnumerable<string> sources, IEnumerable<AdditionalText>? additionalFiles = null, IReadOnlyList<SyntaxTree>? pregenerated = null)
    {
        var files = (additionalFiles ?? Array.Empty<AdditionalText>()).ToImmutableArray();
        var compilation = CreateCompilation(sources.ToArray());
        if (pregenerated != null)
        {
            compilation = compilation.AddSyntaxTrees(pregenerated);
        }

        GeneratorDriver driver = CSharpGeneratorDriver.Create(DeclarativeGenerators, files, (CSharpParseOptions)compilation.SyntaxTrees.First().Options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var generatorDiagnostics);

        var options = new AnalyzerOptions(files);
        var withAnalyzers = updated.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var analyzerDiagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var compileErrors = updated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var all = generatorDiagnostics.Concat(analyzerDiagnostics)
            .Where(d => d.Id.StartsWith("AEPF", StringComparison.Ordinal))
            .Select(ToReported)
            .OrderBy(r => r.File).ThenBy(r => r.Line).ThenBy(r => r.Column).ThenBy(r => r.Id)
            .ToList();
        return new Result(all, compileErrors, updated, driver.GetRunResult());
    }

    public static Reported ToReported(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return new Reported(d.Id, Path.GetFileName(span.Path ?? ""), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1,
            span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1, d.GetMessage(), d.Severity);
    }

    public sealed record Result(IReadOnlyList<Reported> Diagnostics, IReadOnlyList<Diagnostic> CompileErrors, Compilation Compilation, GeneratorDriverRunResult Run)
    {
        public IReadOnlyList<Reported> WithId(string id) => Diagnostics.Where(d => d.Id == id).ToList();

        public string Dump() => string.Join("\n", Diagnostics.Select(d => d.ToString()));
    }
}
