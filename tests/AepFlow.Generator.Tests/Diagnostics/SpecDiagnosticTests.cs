using AepFlow.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Generator.Tests.Diagnostics;

/// <summary>Each spec diagnostic is reported with its severity at the exact line and column inside the spec file.</summary>
public sealed class SpecDiagnosticTests
{
    private const string FlowSpecPath = "/project/specs/acme.flowspec.json";

    // Most cases here are about one user file; leaving the bundled specs out keeps each compilation small.
    private static readonly Dictionary<string, string> NoBundledSpecs = new() { ["AepFlowIncludeBundledSpecs"] = "false" };

    private const string TrailingComma = """
        {
          "id": "11111111-1111-4111-8111-111111111111",
          "name": "Broken",
        }
        """;

    private const string UnterminatedString = """
        {
          "id": "11111111-1111-4111-8111-111111111111",
          "name": "Broken
        }
        """;

    private const string TemplateToken = """
        {
          "id": {FLOW_SPEC_ID},
          "name": "Templated"
        }
        """;

    public static TheoryData<string, string, int, int> NotJson => new()
    {
        // name, content, expected 0-based line and column (written by hand, cross-checked with System.Text.Json below)
        { "trailing comma before }", TrailingComma, 3, 0 },
        { "string never closed", UnterminatedString, 2, 17 },
        { "template token instead of a value", TemplateToken, 1, 9 },
        { "empty file", "", 0, 0 },
    };

    [Theory]
    [MemberData(nameof(NotJson))]
    public void FileThatIsNotJsonGetsAepf001AtTheParserErrorPosition(string name, string content, int line, int column)
    {
        var run = GeneratorHarness.Run([new InMemoryAdditionalText(FlowSpecPath, content)], buildProperties: NoBundledSpecs).AssertNoCrash();

        var diagnostic = Assert.Single(run.Diagnostics("AEPF001"));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        AssertAt(diagnostic, FlowSpecPath, new LinePosition(line, column), name);
        if (content.Length > 0)
        {
            Assert.Equal(JsonErrorPosition.Of(content), new LinePosition(line, column));
        }
    }

    [Fact]
    public void JsonThatIsNotAFlowSpecGetsAepf002AtTheRoot()
    {
        const string content = """
            [
              { "id": "11111111-1111-4111-8111-111111111111" }
            ]
            """;

        var run = GeneratorHarness.Run([new InMemoryAdditionalText(FlowSpecPath, content)], buildProperties: NoBundledSpecs).AssertNoCrash();

        var diagnostic = Assert.Single(run.Diagnostics("AEPF002"));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        AssertAt(diagnostic, FlowSpecPath, new LinePosition(0, 0));
        Assert.Empty(run.Diagnostics("AEPF001"));
    }

    [Fact]
    public void ItemWithoutIdGetsAepf002AtThatItemAndTheOtherItemStillGenerates()
    {
        const string content = """
            {
              "items": [
                {
                  "id": "22222222-2222-4222-8222-222222222222",
                  "name": "GoodOne",
                  "version": "1.0",
                  "sourceConnectionSpecIds": [],
                  "targetConnectionSpecIds": []
                },
                {
                  "name": "NoId",
                  "version": "1.0"
                }
              ]
            }
            """;

        var run = GeneratorHarness.Run([new InMemoryAdditionalText(FlowSpecPath, content)], buildProperties: NoBundledSpecs).AssertNoCrash();

        var diagnostic = Assert.Single(run.Diagnostics("AEPF002"));
        AssertAt(diagnostic, FlowSpecPath, new LinePosition(9, 4));
        Assert.Contains("FlowSpecs.GoodOne.g.cs", run.GeneratedSources.Keys);
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void UntypeableMemberGetsAepf003AtItsSchemaAndFallsBackToJsonElement()
    {
        const string content = """
            {
              "id": "33333333-3333-4333-8333-333333333333",
              "name": "MixedTypes",
              "version": "1.0",
              "sourceConnectionSpecIds": [],
              "targetConnectionSpecIds": [],
              "transformationSpecs": [
                {
                  "name": "Ledger",
                  "spec": {
                    "type": "object",
                    "properties": {
                      "amount": { "type": ["number", "string"] },
                      "currency": { "type": "string", "enum": ["EUR", "USD"] }
                    },
                    "required": ["currency"]
                  }
                }
              ]
            }
            """;

        var run = GeneratorHarness.Run([new InMemoryAdditionalText(FlowSpecPath, content)], buildProperties: NoBundledSpecs).AssertNoCrash();

        var diagnostic = Assert.Single(run.Diagnostics("AEPF003"));
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        // Located at the offending keyword's value, the "type" array.
        AssertAt(diagnostic, FlowSpecPath, JsonErrorPosition.PositionOf(content, """["number", "string"]"""));
        run.AssertNoErrors();

        var ledger = run.OutputCompilation.GetTypeByMetadataName("AepFlow.FlowSpecs.MixedTypes+LedgerParams");
        Assert.NotNull(ledger);
        var amount = ledger!.GetMembers("Amount").OfType<IPropertySymbol>().Single();
        Assert.Equal("System.Text.Json.JsonElement", amount.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString().TrimEnd('?'));
        var currency = ledger.GetMembers("Currency").OfType<IPropertySymbol>().Single();
        Assert.Equal(TypeKind.Enum, currency.Type.TypeKind);
        Assert.True(currency.IsRequired);
    }

    [Fact]
    public void TwoUserFilesWithTheSameIdGetAepf004AtTheLaterSpecObject()
    {
        const string first = """
            {
              "id": "44444444-4444-4444-8444-444444444444",
              "name": "FirstLedger",
              "version": "1.0",
              "sourceConnectionSpecIds": [],
              "targetConnectionSpecIds": []
            }
            """;
        const string second = """
            {
              "items": [
                {
                  "id": "66666666-6666-4666-8666-666666666666",
                  "name": "OtherLedger",
                  "version": "1.0",
                  "sourceConnectionSpecIds": [],
                  "targetConnectionSpecIds": []
                },
                {
                  "name": "SecondLedger",
                  "id": "44444444-4444-4444-8444-444444444444",
                  "version": "2.0",
                  "sourceConnectionSpecIds": [],
                  "targetConnectionSpecIds": []
                }
              ]
            }
            """;
        const string laterPath = "/project/specs/b-ledger.flowspec.json";

        // Listed later-first on purpose: "later" means by path order, not by MSBuild item order.
        var run = GeneratorHarness.Run(
            [new InMemoryAdditionalText(laterPath, second), new InMemoryAdditionalText("/project/specs/a-ledger.flowspec.json", first)],
            buildProperties: NoBundledSpecs)
            .AssertNoCrash();

        var diagnostic = Assert.Single(run.Diagnostics("AEPF004"));
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        // The second item of the later file: its opening brace (line 9, column 4).
        AssertAt(diagnostic, laterPath, new LinePosition(9, 4));
        Assert.Contains("a-ledger.flowspec.json", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("FlowSpecs.FirstLedger.g.cs", run.GeneratedSources.Keys);
        Assert.Contains("FlowSpecs.OtherLedger.g.cs", run.GeneratedSources.Keys);
        Assert.DoesNotContain("FlowSpecs.SecondLedger.g.cs", run.GeneratedSources.Keys);
        run.AssertNoErrors();
    }

    [Fact]
    public void ClientCompilationGetsNoSpecModelsAndNoSpecDiagnostics()
    {
        var run = GeneratorHarness.Run(
            [new InMemoryAdditionalText(FlowSpecPath, TrailingComma)],
            buildProperties: new Dictionary<string, string> { ["AepFlowGenerateClient"] = "true" });

        // Generator output only: compiling the OpenAPI client operations is the client project's own business.
        Assert.All(run.RunResult.Results, r => Assert.Null(r.Exception));
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Id.StartsWith("AEPF00", StringComparison.Ordinal)));
        Assert.DoesNotContain(run.GeneratedSources.Keys, h => h.StartsWith("FlowSpecs.", StringComparison.Ordinal));
    }

    [Fact]
    public void SpecFilterGeneratesOnlyTheNamedBundledSpecs()
    {
        var run = GeneratorHarness.Run(
            buildProperties: new Dictionary<string, string> { ["AepFlowSpecs"] = "CRMToAEP;9753525b-82c7-4dce-8a9b-5ccfce2b9876" })
            .AssertNoErrors();

        var flowSpecFiles = run.GeneratedSources.Keys
            .Where(h => h.StartsWith("FlowSpecs.", StringComparison.Ordinal) && h != "FlowSpecs.FlowSpecCatalog.g.cs" && !h.EndsWith(".Factory.g.cs", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.Equal(["FlowSpecs.CloudStorageToAep.g.cs", "FlowSpecs.CrmToAep.g.cs"], flowSpecFiles);
    }

    [Theory]
    [InlineData("AEPF001")]
    [InlineData("AEPF002")]
    [InlineData("AEPF003")]
    [InlineData("AEPF004")]
    [InlineData("AEPF006")]
    [InlineData("AEPF007")]
    [InlineData("AEPF008")]
    public void DiagnosticIsDocumentedAndTrackedForRelease(string id)
    {
        Assert.Contains(id, File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "docs", "diagnostics.md")), StringComparison.Ordinal);
        Assert.Contains(id, File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "src", "AepFlow.Generator", "AnalyzerReleases.Unshipped.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void LoneSurrogateEscapeIsAepf001AtTheEscapeNotACrashOrAepf005()
    {
        // Issue 8, root cause 7: Utf8JsonReader.GetString threw on this and the spec silently vanished as AEPF005 at 1:1.
        const string path = "/project/specs/probe.connectionspec.json";
        const string content = """{"id":"00000000-0000-0000-0000-000000000001","name":"Probe\ud800"}""";

        var run = GeneratorHarness.Run([new InMemoryAdditionalText(path, content)], buildProperties: NoBundledSpecs).AssertNoCrash();

        var diagnostic = Assert.Single(run.Diagnostics("AEPF001"));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("\\ud800 is a lone UTF-16 surrogate", diagnostic.GetMessage(), StringComparison.Ordinal);
        AssertAt(diagnostic, path, new LinePosition(0, content.IndexOf("\\ud800", StringComparison.Ordinal)));
        Assert.Empty(run.Diagnostics("AEPF005"));
    }

    [Fact]
    public void SurrogatePairEscapeIsText()
    {
        const string path = "/project/specs/probe.connectionspec.json";
        const string content = """{"id":"00000000-0000-0000-0000-000000000001","name":"Probe","description":"clef \ud834\udd1e"}""";

        var run = GeneratorHarness.Run([new InMemoryAdditionalText(path, content)], buildProperties: NoBundledSpecs).AssertNoCrash();

        Assert.Empty(run.Diagnostics("AEPF001"));
        Assert.Contains("clef \U0001D11E", run.GeneratedSources.Values.First(s => s.Contains("class Probe", StringComparison.Ordinal)).Normalize(), StringComparison.Ordinal);
    }

    [Fact]
    public void NestingBeyondTheLimitIsAepf001WithTheLimitInTheMessage()
    {
        const string path = "/project/specs/deep.connectionspec.json";
        string content = """{"id":"00000000-0000-0000-0000-000000000001","name":"Deep","x":""" + new string('[', 200) + new string(']', 200) + "}";

        var run = GeneratorHarness.Run([new InMemoryAdditionalText(path, content)], buildProperties: NoBundledSpecs).AssertNoCrash();

        var diagnostic = Assert.Single(run.Diagnostics("AEPF001"));
        Assert.Contains("nested too deeply (limit 128 levels of objects and arrays)", diagnostic.GetMessage(), StringComparison.Ordinal);

        // 128 levels is still fine.
        string fine = """{"id":"00000000-0000-0000-0000-000000000001","name":"Deep","x":""" + new string('[', 127) + new string(']', 127) + "}";
        var ok = GeneratorHarness.Run([new InMemoryAdditionalText(path, fine)], buildProperties: NoBundledSpecs).AssertNoCrash();
        Assert.Empty(ok.Diagnostics("AEPF001"));
    }

    [Fact]
    public void DuplicateKeyIsAepf006AtTheSecondKeyAndTheLastValueCounts()
    {
        const string content = """
            {
              "id": "11111111-1111-4111-8111-111111111111",
              "name": "First",
              "name": "Second"
            }
            """;

        var run = GeneratorHarness.Run([new InMemoryAdditionalText(FlowSpecPath, content)], buildProperties: NoBundledSpecs).AssertNoCrash();

        var diagnostic = Assert.Single(run.Diagnostics("AEPF006"));
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("\"name\"", diagnostic.GetMessage(), StringComparison.Ordinal);
        AssertAt(diagnostic, FlowSpecPath, new LinePosition(3, 2));
        Assert.Contains(run.GeneratedSources.Keys, h => h.Contains("Second", StringComparison.Ordinal));
        Assert.DoesNotContain(run.GeneratedSources.Keys, h => h.Contains("First", StringComparison.Ordinal));
    }

    private static string ScheduleSpec(string intervalSchema) => $$"""
        {
          "id": "11111111-1111-4111-8111-111111111111",
          "name": "Keywords",
          "scheduleSpec": { "spec": { "type": "object", "properties": {
            "interval": {{intervalSchema}}
          } } }
        }
        """;

    [Theory]
    [InlineData("""{ "type": "integer", "multipleOf": 0 }""", "multipleOf", "0")]
    [InlineData("""{ "type": "string", "minLength": -1 }""", "minLength", "-1")]
    [InlineData("""{ "type": "integer", "maximum": "10" }""", "maximum", "\"10\"")]
    [InlineData("""{ "type": "string", "pattern": 5 }""", "pattern", "5")]
    [InlineData("""{ "type": "object", "required": true }""", "required", "true")]
    [InlineData("""{ "type": "array", "items": { "type": "string" }, "maxItems": 1.5 }""", "maxItems", "1.5")]
    public void MalformedKeywordIsAepf007AtItsValueNotDroppedSilently(string schema, string keyword, string valueText)
    {
        var content = ScheduleSpec(schema);

        var run = GeneratorHarness.Run([new InMemoryAdditionalText(FlowSpecPath, content)], buildProperties: NoBundledSpecs).AssertNoCrash();

        var diagnostic = Assert.Single(run.Diagnostics("AEPF007"));
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.StartsWith($"The keyword '{keyword}' at '/scheduleSpec/spec/properties/interval' is {valueText}", diagnostic.GetMessage(), StringComparison.Ordinal);
        var key = JsonErrorPosition.PositionOf(content, $"\"{keyword}\": {valueText}");
        AssertAt(diagnostic, FlowSpecPath, new LinePosition(key.Line, key.Character + keyword.Length + 4));
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("""{ "type": "integer", "minimum": 10, "maximum": 1 }""", "\"minimum\" is 10 but \"maximum\" is 1")]
    [InlineData("""{ "type": "integer", "exclusiveMinimum": 5, "exclusiveMaximum": 5 }""", "\"exclusiveMinimum\" is 5 but \"exclusiveMaximum\" is 5")]
    [InlineData("""{ "type": "string", "minLength": 3, "maxLength": 2 }""", "\"minLength\" is 3 but \"maxLength\" is 2")]
    [InlineData("""{ "type": "string", "enum": [] }""", "\"enum\" is an empty list")]
    public void SchemaThatAcceptsNoValueIsAepf008Error(string schema, string why)
    {
        var run = GeneratorHarness.Run([new InMemoryAdditionalText(FlowSpecPath, ScheduleSpec(schema))], buildProperties: NoBundledSpecs).AssertNoCrash();

        var diagnostic = Assert.Single(run.Diagnostics("AEPF008"));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(why, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Diagnostics("AEPF007"));
    }

    [Fact]
    public void WellFormedKeywordsGetNoAepf007OrAepf008()
    {
        var schema = """{ "type": "integer", "minimum": 1, "maximum": 1, "exclusiveMaximum": 2, "multipleOf": 0.5, "enum": [1] }""";

        var run = GeneratorHarness.Run([new InMemoryAdditionalText(FlowSpecPath, ScheduleSpec(schema))], buildProperties: NoBundledSpecs).AssertNoErrors();

        Assert.Empty(run.Diagnostics("AEPF007"));
        Assert.Empty(run.Diagnostics("AEPF008"));
    }

    private static void AssertAt(Diagnostic diagnostic, string path, LinePosition expected, string? because = null)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.True(
            span.Path == path && span.StartLinePosition == expected,
            $"{because} expected {path}{expected}, got {DiagnosticText.Describe(diagnostic)} at {span.Path}{span.StartLinePosition}");
    }
}
