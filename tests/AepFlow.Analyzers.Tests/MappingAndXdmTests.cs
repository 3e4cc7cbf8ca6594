using AepFlow.Generator.Analyzers;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using static AepFlow.Analyzers.Tests.AepFlowTest;

namespace AepFlow.Analyzers.Tests;

/// <summary>AEPF022/023 on *.mapping.json files and the AepFlow.Xdm path constants generated from *.xdm.json files.</summary>
public class MappingAndXdmTests
{
    private static readonly string LoyaltyXdm = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "loyalty.xdm.json"));

    private static AdditionalText Xdm() => new InMemoryAdditionalText("/p/loyalty.xdm.json", LoyaltyXdm);

    private static string Tutorial(string file) => File.ReadAllText(Harness.Reference("docs-examples/mappingsets/" + file));

    private static AnalyzerTest<DeclarativeFileAnalyzer> Test(string path, string text, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<DeclarativeFileAnalyzer> { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add(("/p/loyalty.xdm.json", LoyaltyXdm));
        test.TestState.AdditionalFiles.Add((path, text));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    [Fact]
    public Task Current_shape_tutorial_mapping_matches_its_schema() =>
        Test("/p/create.mapping.json", Tutorial("dataprep-create-mappingset-request.json")).RunAsync();

    [Fact]
    public Task Legacy_shape_tutorial_mapping_whose_schema_is_absent_gets_one_warning_at_the_schema_id()
    {
        const string path = "/p/db.mapping.json";
        return Test(path, Tutorial("database-create-mappingset-request.json"),
            Diagnostic("AEPF023").WithSpan(path, 3, 22, 3, 113).WithSeverity(DiagnosticSeverity.Warning).WithMessage(
                "Target schema \"https://ns.adobe.com/{TENANT_ID}/schemas/52b59140414aa6a370ef5e21155fd7a686744b8739ecc168\" is not among the *.xdm.json AdditionalFiles, so destinations are not checked: export it with Accept: application/vnd.adobe.xed-full+json and add it as <name>.xdm.json")).RunAsync();
    }

    [Fact]
    public Task Legacy_shape_matched_by_alt_id_reports_a_misspelled_destination_with_the_closest_path() => Test("/p/m.mapping.json", """
        {
          "xdmSchema": "_{TENANT_ID}.schemas.89abc189258b1cb1a816d8f2b2341a6d98000ed8f4008305",
          "mappings": [
            { "destinationXdmPath": {|#0:"person.name.fristName"|}, "sourceAttribute": "first" },
            { "destinationXdmPath": "productListItems[0].SKU", "sourceAttribute": "sku" },
            { "destinationXdmPath": "_tenant.loyalty.points", "sourceAttribute": "pts" },
            { "destinationXdmPath": {|#1:"person.nickname"|}, "sourceAttribute": "nick" }
          ]
        }
        """,
        Diagnostic("AEPF022").WithLocation(0).WithMessage(
            "Destination \"person.name.fristName\" is not a field of XDM schema Loyalty Members: did you mean \"person.name.firstName\"?"),
        Diagnostic("AEPF022").WithLocation(1).WithMessage(
            "Destination \"person.nickname\" is not a field of XDM schema Loyalty Members: did you mean \"person.name\"?")).RunAsync();

    [Fact]
    public Task Mapping_file_with_template_tokens_that_break_json_is_one_located_error()
    {
        const string path = "/p/bad.mapping.json";
        var test = new AnalyzerTest<DeclarativeFileAnalyzer> { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add((path, "{\n  \"xdmSchema\": {TENANT_ID},\n}"));
        test.ExpectedDiagnostics.Add(Diagnostic("AEPF024").WithSpan(path, 2, 17, 2, 17));
        return test.RunAsync();
    }

    [Fact]
    public void Xdm_path_constants_compile_and_hold_the_dot_paths()
    {
        const string code = """
            public static class Uses
            {
                public const string First = AepFlow.Xdm.LoyaltyMembers.Person.Name.FirstName;
                public const string Name = AepFlow.Xdm.LoyaltyMembers.Person.Name.Path;
                public const string Sku = AepFlow.Xdm.LoyaltyMembers.ProductListItems.SKU;
                public const string Id = AepFlow.Xdm.LoyaltyMembers.Id;
                public const string Points = AepFlow.Xdm.LoyaltyMembers.Tenant.Loyalty.Points;
                public const string PathField = AepFlow.Xdm.LoyaltyMembers.Tenant.Loyalty.PathField;
                public const string SchemaId = AepFlow.Xdm.LoyaltyMembers.SchemaId;
            }
            """;

        var result = Harness.Generate(new[] { code }, new[] { Xdm() });

        Assert.Empty(result.CompileErrors);
        var uses = result.Compilation.GetTypeByMetadataName("Uses")!;
        string Value(string name) => (string)uses.GetMembers(name).OfType<IFieldSymbol>().Single().ConstantValue!;
        Assert.Equal("person.name.firstName", Value("First"));
        Assert.Equal("person.name", Value("Name"));
        Assert.Equal("productListItems.SKU", Value("Sku"));
        Assert.Equal("_id", Value("Id"));
        Assert.Equal("_tenant.loyalty.points", Value("Points"));
        Assert.Equal("_tenant.loyalty.path", Value("PathField"));
        Assert.Equal("https://ns.adobe.com/{TENANT_ID}/schemas/89abc189258b1cb1a816d8f2b2341a6d98000ed8f4008305", Value("SchemaId"));
    }

    [Theory]
    [InlineData("\\u2028")]
    [InlineData("\\u2029")]
    [InlineData("\\u0085")]
    [InlineData("\\r")]
    public void Xdm_titles_and_descriptions_with_any_line_terminator_stay_inside_their_doc_comment(string terminator)
    {
        // Every Unicode line terminator ends a C# line: text after it must not become code.
        var xdm = $$"""
            {
              "$id": "https://ns.example.com/schemas/probe",
              "title": "Probe{{terminator}}#error injected",
              "type": "object",
              "properties": {
                "name": { "type": "string", "title": "Name{{terminator}}#error injected", "description": "D{{terminator}}[global::System.Obsolete(\"x\", true)] public class Injected { }" }
              }
            }
            """;

        var result = Harness.Generate(
            new[] { "public static class Uses { public const string Name = AepFlow.Xdm.ProbeErrorInjected.Name; }" },
            new[] { new InMemoryAdditionalText("/p/probe.xdm.json", xdm) });

        Assert.Empty(result.CompileErrors);
        Assert.Null(result.Compilation.GetTypeByMetadataName("AepFlow.Xdm.Injected"));
    }

    [Fact]
    public void Xdm_generation_is_cached_when_an_unrelated_source_changes()
    {
        var compilation = Harness.CreateCompilation("class C { }");
        var generator = new AepFlow.Generator.Declarative.Xdm.XdmPathGenerator().AsSourceGenerator();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { generator }, new[] { Xdm() },
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class D { }")));

        var steps = driver.GetRunResult().Results.Single().TrackedSteps["XdmSources"];
        Assert.All(steps.SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }
}
