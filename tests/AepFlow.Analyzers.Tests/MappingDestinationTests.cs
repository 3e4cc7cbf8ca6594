using System.Collections.Immutable;
using AepFlow.CodeFixes;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AepFlow.Analyzers.Tests;

/// <summary>AEPF025: mapping destinations written in C# against the schema the mapping set targets, and its code fix.</summary>
public class MappingDestinationTests
{
    private sealed record Found(string Id, int Line, int Column, int EndLine, int EndColumn, string Message, DiagnosticSeverity Severity);

    /// <summary>Runs every generator, then AEPF025's analyzer; diagnostics with 1-based spans.</summary>
    private static (Harness.Generated Result, IReadOnlyList<Found> Diagnostics) Run(string[] sources, AdditionalText[]? files = null, IReadOnlyDictionary<string, string>? buildProperties = null)
    {
        var result = Harness.Generate(sources, files, buildProperties);
        var options = new AnalyzerOptions((files ?? []).ToImmutableArray(),
            AepFlow.Generator.Tests.Infrastructure.TestAnalyzerConfigOptionsProvider.FromBuildProperties(buildProperties));
        var diagnostics = result.Compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new AepFlow.Generator.Analyzers.MappingDestinationAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return (result, diagnostics.Select(d =>
        {
            var span = d.Location.GetLineSpan();
            return new Found(d.Id, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Line + 1,
                span.EndLinePosition.Character + 1, d.GetMessage(), d.Severity);
        }).OrderBy(f => f.Line).ThenBy(f => f.Column).ToList());
    }

    private static string Program(string destinations, string schema = "ClassId = Classes.Profile, FieldGroupIds = [FieldGroups.ProfilePersonDetails, FieldGroups.ProfilePersonalDetails]") => $$"""
        using System.Threading.Tasks;
        using AepFlow.Requests;
        using AepFlow.Xdm.Standard;

        public static class Use
        {
            public static async Task<object> Run(AepFlow.AepClient client)
            {
                var schema = await client.Schemas.CreateAsync(new CreateSchemaRequest
                {
                    Title = "CRM contacts",
                    {{schema}},
                });
                return await client.MappingSets.CreateAsync(new CreateMappingSetRequest
                {
                    XdmSchema = schema.Id,
                    Mappings =
                    [
        {{destinations}}
                    ],
                });
            }
        }
        """;

    [Fact]
    public void Misspelled_destination_fails_at_the_literal_naming_the_closest_path_and_its_typed_constant()
    {
        var (result, diagnostics) = Run(new[] { Program("""            new MappingRule("Email", "personalEmail.adress"),""") });

        Assert.Empty(result.CompileErrors);
        var found = Assert.Single(diagnostics);
        Assert.Equal(("AEPF025", 19, 38, 19, 60), (found.Id, found.Line, found.Column, found.EndLine, found.EndColumn));
        Assert.Equal(
            "Destination \"personalEmail.adress\" is not a field of XDM schema XDM Individual Profile with profile-person-details, profile-personal-details: did you mean \"personalEmail.address\"? The typed path is AepFlow.Xdm.Standard.Profile.PersonalEmail.Address.",
            diagnostics[0].Message);
        Assert.Equal(DiagnosticSeverity.Error, diagnostics[0].Severity);
    }

    [Fact]
    public void Valid_literals_typed_paths_and_indexed_array_paths_build()
    {
        var (result, diagnostics) = Run(new[]
        {
            Program("""
                        new MappingRule("Email", AepFlow.Xdm.Standard.Profile.PersonalEmail.Address),
                        new MappingRule("First", Profile.Person.Name.FirstName),
                        new MappingRule("Id", "_id"),
                        new MappingRule("City", "homeAddress.city"),
                        new MappingRule("Created", "_repo.createDate"),
            """),
        });

        Assert.Empty(result.CompileErrors);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_field_group_the_schema_lacks_makes_its_paths_errors()
    {
        var (result, diagnostics) = Run(new[]
        {
            Program("""            new MappingRule("Email", "personalEmail.address"),""", "ClassId = Classes.Profile, FieldGroupIds = [FieldGroups.ProfilePersonDetails]"),
        });

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("AEPF025", diagnostic.Id);
        Assert.StartsWith("Destination \"personalEmail.address\" is not a field of XDM schema XDM Individual Profile with profile-person-details:", diagnostic.Message);
    }

    [Theory]
    [InlineData("ClassId = \"https://ns.adobe.com/xdm/context/experienceevent\"")]
    [InlineData("ClassId = Classes.Profile, FieldGroupIds = [FieldGroups.ProfilePersonDetails, \"https://ns.adobe.com/acme/mixins/loyalty\"]")]
    [InlineData("ClassId = System.Environment.GetEnvironmentVariable(\"CLASS\")!")]
    public void Unknown_class_field_group_or_value_is_not_checked(string schema)
    {
        var (result, diagnostics) = Run(new[] { Program("""            new MappingRule("Email", "personalEmail.adress"),""", schema) });

        Assert.Empty(result.CompileErrors);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Xdm_file_schema_named_by_its_id_is_checked_and_its_typed_constant_offered()
    {
        const string code = """
            using AepFlow.Requests;

            public static class Use
            {
                public static CreateMappingSetRequest Build() => new()
                {
                    XdmSchema = AepFlow.Xdm.LoyaltyMembers.SchemaId,
                    Mappings = [new MappingRule("first", "person.name.fristName"), new MappingRule("pts", "_tenant.loyalty.points")],
                };
            }
            """;
        var xdm = new InMemoryAdditionalText("/p/loyalty.xdm.json", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "loyalty.xdm.json")));

        var (result, diagnostics) = Run(new[] { code }, new AdditionalText[] { xdm });

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("AEPF025", 8, 46), (diagnostic.Id, diagnostic.Line, diagnostic.Column));
        Assert.EndsWith("did you mean \"person.name.firstName\"? The typed path is AepFlow.Xdm.LoyaltyMembers.Person.Name.FirstName.", diagnostic.Message);
    }

    [Fact]
    public void Under_another_AepFlowNamespace_the_typed_paths_offered_are_the_ones_generated_there()
    {
        var properties = new Dictionary<string, string> { ["AepFlowNamespace"] = "Contoso.Aep" };
        var standard = Program("""            new MappingRule("Email", "personalEmail.adress"),""").Replace("using AepFlow.Xdm.Standard;", "using Contoso.Aep.Xdm.Standard;");
        const string file = """
            public static class FromFile
            {
                public static AepFlow.Requests.CreateMappingSetRequest Build() => new()
                {
                    XdmSchema = Contoso.Aep.Xdm.LoyaltyMembers.SchemaId,
                    Mappings = [new AepFlow.Requests.MappingRule("first", "person.name.fristName")],
                };
            }
            """;
        var xdm = new InMemoryAdditionalText("/p/loyalty.xdm.json", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "loyalty.xdm.json")));

        var (result, diagnostics) = Run(new[] { standard, file }, new AdditionalText[] { xdm }, properties);

        Assert.Empty(result.CompileErrors);
        Assert.Equal(2, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.Message.EndsWith("The typed path is Contoso.Aep.Xdm.Standard.Profile.PersonalEmail.Address.", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Message.EndsWith("The typed path is Contoso.Aep.Xdm.LoyaltyMembers.Person.Name.FirstName.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Code_fix_replaces_the_literal_with_the_typed_path()
    {
        var source = Program("""            new MappingRule("Email", "personalEmail.adress"),""");
        var (result, _) = Run(new[] { source });
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Consumer", LanguageNames.CSharp)
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithMetadataReferences(result.Compilation.References);
        foreach (var tree in result.Compilation.SyntaxTrees.Skip(1))
        {
            project = project.AddDocument(Path.GetFileName(tree.FilePath), tree.GetText()).Project;
        }

        var document = project.AddDocument("Test0.cs", source);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new AepFlow.Generator.Analyzers.MappingDestinationAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        var actions = new List<CodeAction>();
        await new UseTypedXdmPathCodeFix().RegisterCodeFixesAsync(new CodeFixContext(document, Assert.Single(diagnostics), (a, _) => actions.Add(a), CancellationToken.None));

        var fix = Assert.Single(actions);
        Assert.Equal("Use AepFlow.Xdm.Standard.Profile.PersonalEmail.Address", fix.Title);
        var change = (await fix.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        var text = (await change.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
        Assert.Contains("new MappingRule(\"Email\", Profile.PersonalEmail.Address),", text);
    }
}
