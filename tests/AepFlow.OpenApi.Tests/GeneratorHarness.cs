using System.Collections.Immutable;
using AepFlow.Generator.OpenApi;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.OpenApi.Tests;

/// <summary>Runs <see cref="AepClientGenerator"/> over an in-memory compilation that references AepFlow.Client.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compilation(params string[] sources) => Compilation(withClient: true, sources);

    public static CSharpCompilation Compilation(bool withClient, params string[] sources) =>
        CSharpCompilation.Create(
            "OpenApiTest",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            withClient
                ? Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(AepFlow.Http.AepRequest).Assembly.Location))
                : Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(IIncrementalGenerator generator, bool generateClient, params AdditionalText[] files) =>
        CSharpGeneratorDriver.Create(
            new[] { generator.AsSourceGenerator() },
            files,
            ParseOptions,
            new Options(generateClient),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static (Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriverRunResult Run) Run(
        IIncrementalGenerator generator, bool generateClient, params AdditionalText[] files) =>
        Run(generator, generateClient, withClient: true, files);

    public static (Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriverRunResult Run) Run(
        IIncrementalGenerator generator, bool generateClient, bool withClient, params AdditionalText[] files)
    {
        var driver = Driver(generator, generateClient, files).RunGeneratorsAndUpdateCompilation(Compilation(withClient), out var output, out var diagnostics);
        return (output, diagnostics, driver.GetRunResult());
    }

    /// <summary>Emits <paramref name="output"/>, loads it into a collectible context and hands <paramref name="use"/> the named type.</summary>
    public static void WithType(Compilation output, string typeName, Action<Type> use)
    {
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var context = new System.Runtime.Loader.AssemblyLoadContext("openapi generated code", isCollectible: true);
        try
        {
            stream.Position = 0;
            use(context.LoadFromStream(stream).GetTypes().Single(t => t.Name == typeName));
        }
        finally
        {
            context.Unload();
        }
    }

    public static ImmutableArray<Diagnostic> Errors(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    public sealed class File(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options(bool generateClient) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(generateClient);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;
    }

    private sealed class Values(bool generateClient) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            value = generateClient ? "true" : "false";
            return key == "build_property.AepFlowGenerateClient";
        }
    }
}
