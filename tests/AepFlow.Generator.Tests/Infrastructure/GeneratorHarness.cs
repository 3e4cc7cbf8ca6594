using System.Collections.Immutable;
using System.Reflection;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AepFlow.Generator.Tests.Infrastructure;

/// <summary>
/// Runs the AepFlow generator (and the analyzers shipped beside it) over an in-memory compilation, the way the
/// compiler does in a build. Reference sets, generator instances and parse options are built once per test run.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<Assembly> GeneratorAssembly = new(() => Assembly.Load("AepFlow.Generator"));

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
        [
            .. Net100.References.All,
            MetadataReference.CreateFromFile(typeof(AepFlow.Validation.ValidationResult).Assembly.Location),
        ]);

    private static readonly Lazy<ImmutableArray<ISourceGenerator>> LazyGenerators = new(() =>
        [
            .. ExportedTypes<GeneratorAttribute>().Select(type => Activator.CreateInstance(type) switch
            {
                IIncrementalGenerator incremental => incremental.AsSourceGenerator(),
                ISourceGenerator classic => classic,
                var other => throw new InvalidOperationException($"{other} is neither an IIncrementalGenerator nor an ISourceGenerator."),
            }),
        ]);

    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> LazyAnalyzers = new(() =>
        [.. ExportedTypes<DiagnosticAnalyzerAttribute>().Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)]);

    private static int _compilationCounter;

    /// <summary>.NET 10 reference assemblies plus AepFlow.Client (the generated code's runtime).</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>Every generator exported by AepFlow.Generator.dll (found by attribute, as the compiler finds them).</summary>
    public static ImmutableArray<ISourceGenerator> Generators
    {
        get
        {
            var generators = LazyGenerators.Value;
            Assert.False(generators.IsEmpty, "AepFlow.Generator.dll exports no [Generator] type yet.");
            return generators;
        }
    }

    /// <summary>Every analyzer exported by AepFlow.Generator.dll (spec diagnostics may be reported by an analyzer).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => LazyAnalyzers.Value;

    /// <summary>A plain user source file, so compilations are never empty.</summary>
    public const string DefaultUserSource = """
        namespace UserApp;

        public static class Program
        {
            public static int Answer() => 42;
        }
        """;

    /// <summary>Creates the user's compilation (before generation).</summary>
    public static CSharpCompilation CreateCompilation(IEnumerable<string>? sources = null, string? assemblyName = null)
    {
        var trees = (sources ?? [DefaultUserSource])
            .Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: $"User{i}.cs"))
            .ToArray();
        return CSharpCompilation.Create(
            assemblyName ?? $"AepFlowTest{Interlocked.Increment(ref _compilationCounter)}",
            trees,
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release));
    }

    /// <summary>Creates a driver with step tracking on, as the incremental tests need.</summary>
    public static GeneratorDriver CreateDriver(
        IEnumerable<InMemoryAdditionalText>? additionalFiles = null,
        IReadOnlyDictionary<string, string>? buildProperties = null) =>
        CSharpGeneratorDriver.Create(
            Generators,
            additionalTexts: [.. (additionalFiles ?? []).Cast<AdditionalText>()],
            parseOptions: ParseOptions,
            optionsProvider: TestAnalyzerConfigOptionsProvider.FromBuildProperties(WithAllBundledSpecsByDefault(buildProperties)),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Generates for the given user files, sources and build properties.</summary>
    public static GeneratorRun Run(
        IEnumerable<InMemoryAdditionalText>? additionalFiles = null,
        IEnumerable<string>? sources = null,
        IReadOnlyDictionary<string, string>? buildProperties = null)
    {
        var files = (additionalFiles ?? []).ToImmutableArray();
        var compilation = CreateCompilation(sources);
        var driver = CreateDriver(files, buildProperties);
        return GeneratorRun.Execute(driver, compilation, files, buildProperties);
    }

    /// <summary>
    /// Tests see every bundled spec (<c>AepFlowSpecs=*</c>, the baselines) unless they set <c>AepFlowSpecs</c> themselves; an
    /// empty value is the default of a real build, where only the bundled specs the code names are generated
    /// (Output/BundledUsageTests).
    /// </summary>
    public static IReadOnlyDictionary<string, string> WithAllBundledSpecsByDefault(IReadOnlyDictionary<string, string>? buildProperties)
    {
        if (buildProperties is not null && buildProperties.ContainsKey("AepFlowSpecs"))
        {
            return buildProperties;
        }

        var result = new Dictionary<string, string>(buildProperties ?? new Dictionary<string, string>()) { ["AepFlowSpecs"] = "*" };
        return result;
    }

    private static IEnumerable<Type> ExportedTypes<TAttribute>()
        where TAttribute : Attribute =>
        GeneratorAssembly.Value.GetTypes()
            .Where(type => !type.IsAbstract && type.GetCustomAttribute<TAttribute>() is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal);
}
