using System.Collections.Immutable;
using AepFlow.CodeFixes;
using AepFlow.Generator.Analyzers;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AepFlow.Analyzers.Tests;

/// <summary>The "use the schema's bound" fix for AEPF010/AEPF011 on numeric literals.</summary>
public class CodeFixTests
{
    private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> Analyze(string code)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Consumer", LanguageNames.CSharp)
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithMetadataReferences(Basic.Reference.Assemblies.Net100.References.All.Concat(new[]
            {
                MetadataReference.CreateFromFile(typeof(AepFlow.Validation.IAepModel).Assembly.Location),
            }));
        project = project.AddDocument("Models.cs", ConstantAnalyzerTests.Models).Project;
        var document = project.AddDocument("Use.cs", code);
        var compilation = (await document.Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConstantValueAnalyzer())).GetAnalyzerDiagnosticsAsync();
        return (document, diagnostics);
    }

    private static async Task<List<CodeAction>> Fixes(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        await new UseSchemaBoundCodeFix().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
        return actions;
    }

    [Fact]
    public async Task Interval_10_with_minute_is_raised_to_15()
    {
        var (document, diagnostics) = await Analyze("""
            namespace My;
            static class Use
            {
                static object M() => new Schedule { StartTime = 1, Frequency = Frequency.Minute, Interval = 10 };
            }
            """);

        var fix = Assert.Single(await Fixes(document, Assert.Single(diagnostics)));
        Assert.Equal("Use 15 (the minimum)", fix.Title);
        var change = (await fix.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        var text = (await change.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
        Assert.Contains("Frequency = Frequency.Minute, Interval = 15 };", text);
    }

    [Fact]
    public async Task Maximum_lowers_the_value_and_named_constants_get_no_fix()
    {
        var (document, diagnostics) = await Analyze("""
            namespace My;
            static class Use
            {
                const int Big = 101;
                static object A() => new Mapping { Percent = 250 };
                static object B() => new Mapping { Percent = Big };
            }
            """);

        Assert.Equal(2, diagnostics.Length);
        var ordered = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
        var fix = Assert.Single(await Fixes(document, ordered[0]));
        Assert.Equal("Use 100 (the maximum)", fix.Title);
        Assert.Empty(await Fixes(document, ordered[1]));
    }
}
