using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Analyzers.Tests;

/// <summary>An AdditionalFile held in memory, for the tests that drive a generator directly.</summary>
public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>
/// For the tests whose subject is the generated code itself (it runs, it holds the right constants, it is cached): the package's
/// generators over a compilation, without the analyzer-test framework. Diagnostics are the analyzer tests' job
/// (<see cref="AnalyzerTest{TAnalyzer}"/>).
/// </summary>
public static class Harness
{
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
            AepFlowTest.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Runs every generator of the package over the sources and AdditionalFiles; returns the updated compilation.</summary>
    public static Generated Generate(IEnumerable<string> sources, IEnumerable<AdditionalText>? additionalFiles = null, IReadOnlyDictionary<string, string>? buildProperties = null)
    {
        var compilation = CreateCompilation(sources.ToArray());
        var generators = AepFlowTest.AllGenerators
            .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator())
            .ToImmutableArray();
        CSharpGeneratorDriver.Create(generators, additionalFiles ?? [], (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
                AepFlow.Generator.Tests.Infrastructure.TestAnalyzerConfigOptionsProvider.FromBuildProperties(buildProperties))
            .RunGeneratorsAndUpdateCompilation(compilation, out var updated, out _);
        return new Generated(updated, updated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList());
    }

    /// <summary>Emits the compilation, loads it in a collectible context and returns what the static method returns.</summary>
    public static object? Invoke(Compilation compilation, string typeName, string methodName)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var context = new System.Runtime.Loader.AssemblyLoadContext(typeName, isCollectible: true);
        try
        {
            stream.Position = 0;
            return context.LoadFromStream(stream).GetType(typeName)!.GetMethod(methodName)!.Invoke(null, null);
        }
        finally
        {
            context.Unload();
        }
    }

    public sealed record Generated(Compilation Compilation, IReadOnlyList<Diagnostic> CompileErrors);
}
