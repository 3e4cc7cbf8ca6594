using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace AepFlow.Analyzers.Tests;

/// <summary>
/// What every analyzer and code-fix test shares: the consumer project a build would compile (.NET 10 reference assemblies from
/// Basic.Reference.Assemblies — nothing is downloaded — plus AepFlow.Client), and the AepFlow generators and analyzers as the
/// compiler runs them.
/// </summary>
public static class AepFlowTest
{
    private static readonly System.Reflection.Assembly GeneratorAssembly = typeof(AepFlow.Generator.Analyzers.DeclarativeFileAnalyzer).Assembly;

    /// <summary>
    /// No reference assembly package: Microsoft.CodeAnalysis.Testing would otherwise restore Microsoft.NETCore.App.Ref from a
    /// feed. The framework references come from <see cref="References"/> instead.
    /// </summary>
    public static ReferenceAssemblies NoPackages { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> References { get; } = Basic.Reference.Assemblies.Net100.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(AepFlow.Validation.IAepModel).Assembly.Location))
        .ToImmutableArray();

    /// <summary>Every analyzer the generator package ships: a build runs them all, so a test proves the others stay silent too.</summary>
    public static ImmutableArray<Type> AnalyzerTypes { get; } = GeneratorAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
            && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>Every generator the package ships (the bundled specs' models, flow factories, XDM paths, client operations).</summary>
    public static ImmutableArray<Type> AllGenerators { get; } = GeneratorAssembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetCustomAttributes(typeof(GeneratorAttribute), inherit: false).Length > 0)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>
    /// The generators of the declarative files only (flow factories, XDM paths): cheap, and independent of the bundled specs'
    /// models, which tests on hand-written models do not need.
    /// </summary>
    public static ImmutableArray<Type> DeclarativeGenerators { get; } = ImmutableArray.Create(
        typeof(AepFlow.Generator.Declarative.DeclarativeFlowGenerator), typeof(AepFlow.Generator.Declarative.Xdm.XdmPathGenerator));

    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> Descriptors = AnalyzerTypes
        .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
        .GroupBy(d => d.Id)
        .ToImmutableDictionary(g => g.Key, g => g.First());

    /// <summary>
    /// An expected diagnostic with the ID's severity from the descriptor table; its message is checked only when the test says
    /// <c>WithMessage</c> (a result built from the descriptor would compare against the unformatted message).
    /// </summary>
    public static DiagnosticResult Diagnostic(string id) => new(id, Descriptors[id].DefaultSeverity);

    internal static IEnumerable<DiagnosticAnalyzer> Analyzers(Type first) =>
        AnalyzerTypes.OrderBy(t => t == first ? 0 : 1).Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);

    internal static void Configure(ProjectState state)
    {
        state.AdditionalReferences.AddRange(References);
    }

    internal static CompilationOptions CompilationOptions(CompilationOptions options) =>
        ((CSharpCompilationOptions)options).WithNullableContextOptions(NullableContextOptions.Enable);

    internal static ParseOptions ParseOptions(ParseOptions options) =>
        ((CSharpParseOptions)options).WithLanguageVersion(LanguageVersion.Latest);
}

/// <summary>
/// An analyzer test: <typeparamref name="TAnalyzer"/> runs with the package's other analyzers over the sources, the
/// AdditionalFiles and what the generators add. Expected diagnostics are markup (<c>{|AEPF010:10|}</c>, <c>{|#0:10|}</c>) in
/// sources and AdditionalFiles, or <see cref="AepFlowTest.Diagnostic"/> results.
/// </summary>
public sealed class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public AnalyzerTest()
    {
        ReferenceAssemblies = AepFlowTest.NoPackages;
        AepFlowTest.Configure(TestState);

        // AEPF012 and AEPF014 are reported by two analyzers (C# and declarative files) through the same descriptor.
        MarkupOptions = MarkupOptions.UseFirstDescriptor;

        // Generated code is the generator tests' subject (baselines); here it only has to be there and compile.
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    /// <summary>The generators to run before the analyzers; the declarative ones unless a test needs the bundled specs' models.</summary>
    public ImmutableArray<Type> Generators { get; set; } = AepFlowTest.DeclarativeGenerators;

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AepFlowTest.Analyzers(typeof(TAnalyzer));

    protected override IEnumerable<Type> GetSourceGenerators() => Generators;

    protected override CompilationOptions CreateCompilationOptions() => AepFlowTest.CompilationOptions(base.CreateCompilationOptions());

    protected override ParseOptions CreateParseOptions() => AepFlowTest.ParseOptions(base.CreateParseOptions());

    /// <summary>Runs <typeparamref name="TAnalyzer"/> and the others over C# sources, expecting the markup's diagnostics.</summary>
    public static Task VerifyAsync(params string[] sources)
    {
        var test = new AnalyzerTest<TAnalyzer>();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        return test.RunAsync();
    }
}

/// <summary>
/// A code-fix test: the fix is applied one diagnostic at a time and through Fix All in document, project and solution scope,
/// and each result must equal the fixed state.
/// </summary>
public sealed class CodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public CodeFixTest()
    {
        ReferenceAssemblies = AepFlowTest.NoPackages;
        AepFlowTest.Configure(TestState);

        // AEPF012 and AEPF014 are reported by two analyzers (C# and declarative files) through the same descriptor.
        MarkupOptions = MarkupOptions.UseFirstDescriptor;
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AepFlowTest.Analyzers(typeof(TAnalyzer));

    protected override IEnumerable<Type> GetSourceGenerators() => AepFlowTest.DeclarativeGenerators;

    protected override CompilationOptions CreateCompilationOptions() => AepFlowTest.CompilationOptions(base.CreateCompilationOptions());

    protected override ParseOptions CreateParseOptions() => AepFlowTest.ParseOptions(base.CreateParseOptions());
}
