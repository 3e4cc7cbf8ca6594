using AepFlow.Generator.Analyzers;
using Microsoft.CodeAnalysis.CSharp;
using static AepFlow.Analyzers.Tests.AepFlowTest;

namespace AepFlow.Analyzers.Tests;

/// <summary>
/// AEPF009: with the bundled specs precompiled (the package's targets set <c>AepFlowBundledSpecsPrecompiled</c>), a referenced
/// library that generated the same types publicly is named once, with the fix; libraries whose generated types are internal,
/// and projects that generate, hear nothing.
/// </summary>
public class PrecompiledSpecsAnalyzerTests
{
    private const string Precompiled = "is_global = true\nbuild_property.AepFlowBundledSpecsPrecompiled = true\n";

    private const string Program = "static class Program { static void Main() { } }";

    [Fact]
    public Task A_library_with_public_generated_types_is_AEPF009_once()
    {
        var test = Test(Precompiled, Library("Contoso.Helpers", "public"), Library("Contoso.Internal", "internal"));
        test.ExpectedDiagnostics.Add(Diagnostic("AEPF009").WithMessage(
            "'Contoso.Helpers' also defines AepFlow.FlowSpecs.FlowSpecCatalog, which this application gets from the precompiled bundled specs (AepFlow.Specs.dll), " +
            "so code that names them is ambiguous (CS0433). Generate that library's AepFlow types internal (AepFlowGeneratedAccessibility=internal) or under its own " +
            "AepFlowNamespace, or set AepFlowPrecompiledSpecs=false in this project to generate them here."));
        return test.RunAsync();
    }

    [Fact]
    public Task A_project_that_generates_is_not_told_anything() =>
        Test(globalConfig: null, Library("Contoso.Helpers", "public")).RunAsync();

    [Fact]
    public Task The_precompiled_assembly_alone_is_not_a_clash() => Test(Precompiled).RunAsync();

    private static AnalyzerTest<PrecompiledSpecsAnalyzer> Test(string? globalConfig, params MetadataReference[] libraries)
    {
        var test = new AnalyzerTest<PrecompiledSpecsAnalyzer> { TestState = { Sources = { Program } } };
        test.TestState.AdditionalReferences.Add(Library("AepFlow.Specs", "public"));
        test.TestState.AdditionalReferences.AddRange(libraries);
        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
        }

        return test;
    }

    /// <summary>An assembly with what a generating build puts in the default namespace (catalog and standard XDM classes).</summary>
    private static MetadataReference Library(string name, string accessibility)
    {
        var source = $$"""
            namespace AepFlow.FlowSpecs { {{accessibility}} static class FlowSpecCatalog { } }
            namespace AepFlow.Xdm.Standard { {{accessibility}} static class Classes { } }
            """;
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)], References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
