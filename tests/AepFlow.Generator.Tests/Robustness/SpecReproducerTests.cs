using System.Text.Json;
using AepFlow.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AepFlow.Generator.Tests.Robustness;

/// <summary>
/// The minimal inputs of issue 8 that broke the build: each now compiles cleanly or gets a located AEPF error, never
/// AEPF005, CS8785, CS8784 or AD0001 (<see cref="SpecOutcome"/>).
/// </summary>
public sealed class SpecReproducerTests
{
    private static readonly Dictionary<string, string> NoBundledSpecs = new() { ["AepFlowIncludeBundledSpecs"] = "false" };

    /// <summary>Every character that ends a line in C# source.</summary>
    public static TheoryData<string> LineTerminators => new() { "\r", "\n", "\r\n", "\u0085", "\u2028", "\u2029" };

    /// <summary>Where spec text reaches generated comments and literals; {0} is replaced by the hostile text.</summary>
    public static TheoryData<string, string> TextPlaces => new()
    {
        { "spec name", """{"id":"11111111-1111-4111-8111-111111111111","name":"Probe{0}","scheduleSpec":{"spec":{"type":"object","properties":{"frequency":{"type":"string"}}}}}""" },
        { "spec description", """{"id":"11111111-1111-4111-8111-111111111111","name":"Probe","description":"Probe{0}"}""" },
        { "spec version", """{"id":"11111111-1111-4111-8111-111111111111","name":"Probe","version":"1.0{0}"}""" },
        { "spec id", """{"id":"11111111-1111-4111-8111-111111111111{0}","name":"Probe"}""" },
        { "schema title", """{"id":"11111111-1111-4111-8111-111111111111","name":"Probe","scheduleSpec":{"spec":{"type":"object","title":"T{0}","properties":{"a":{"type":"string","title":"A{0}"}}}}}""" },
        { "property description", """{"id":"11111111-1111-4111-8111-111111111111","name":"Probe","scheduleSpec":{"spec":{"type":"object","properties":{"a":{"type":"string","description":"A{0}"}}}}}""" },
        { "property default", """{"id":"11111111-1111-4111-8111-111111111111","name":"Probe","scheduleSpec":{"spec":{"type":"object","properties":{"a":{"type":"string","default":"A{0}"}}}}}""" },
        { "property name", """{"id":"11111111-1111-4111-8111-111111111111","name":"Probe","scheduleSpec":{"spec":{"type":"object","required":["a{0}"],"properties":{"a{0}":{"type":"string","minLength":2}}}}}""" },
        { "enum value", """{"id":"11111111-1111-4111-8111-111111111111","name":"Probe","scheduleSpec":{"spec":{"type":"object","properties":{"a":{"type":"string","enum":["x{0}","y"]}}}}}""" },
        { "pattern", """{"id":"11111111-1111-4111-8111-111111111111","name":"Probe","scheduleSpec":{"spec":{"type":"object","properties":{"a":{"type":"string","pattern":"^a{0}$"}}}}}""" },
        { "transformation name", """{"id":"11111111-1111-4111-8111-111111111111","name":"Probe","transformationSpecs":[{"name":"Copy{0}","spec":{"type":"object","properties":{"a":{"type":"string"}}}}]}""" },
    };

    // 1. Text is split on every line terminator and XML-escaped: "#error" and "[Obsolete]" stay inside the comment.
    [Theory]
    [MemberData(nameof(LineTerminators))]
    public void LineTerminatorInADescriptionCannotInjectCode(string terminator)
    {
        var injected = Escape(terminator) + "#error injected" + Escape(terminator) + "[global::System.Obsolete(\\\"x\\\", true)]";
        var spec = "{\"id\":\"00000000-0000-0000-0000-000000000001\",\"name\":\"Probe\",\"description\":\"Probe" + injected + "\"}";
        var run = Run(("/p/probe.connectionspec.json", spec));

        SpecOutcome.AssertKept(run);
        Assert.Empty(run.AllDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        var probe = run.OutputCompilation.GetTypeByMetadataName("AepFlow.ConnectionSpecs.Probe");
        Assert.NotNull(probe);
        Assert.Empty(probe!.GetAttributes().Where(a => a.AttributeClass?.Name == "ObsoleteAttribute"));
    }

    [Theory]
    [MemberData(nameof(TextPlaces))]
    public void HostileTextInEveryPlaceItReachesCSharpStaysText(string place, string template)
    {
        foreach (var text in new[] { "\\u2028#error x", "\\u2029#error x", "\\u0085#error x", "\\r#error x", "\\n#error x", "*/ </summary> <b>&amp; \\\" \\\\ {x}", "\\u0000\\u001f" })
        {
            var run = Run(("/p/probe.flowspec.json", template.Replace("{0}", text)));
            var violation = SpecOutcome.Violation(run);
            Assert.True(violation is null, $"{place} with {text}: {violation}");
        }
    }

    // 2. FlowSpecCatalog refers to spec classes by their full name, so a class named like a member or a System type is fine.
    [Theory]
    [InlineData("GetHashCode")]
    [InlineData("All")]
    [InlineData("Find")]
    [InlineData("TryReadFlow")]
    [InlineData("ToString")]
    [InlineData("Error")]
    [InlineData("Equals")]
    public void FlowSpecNamedLikeACatalogMemberCompiles(string name) =>
        AssertCleanBuild(Run(("/p/probe.flowspec.json", FlowSpec(name))));

    // 3. A spec class cannot share the name of its own nested CreateFlowRequest (CS0542).
    [Theory]
    [InlineData("CreateFlowRequest")]
    [InlineData("CreateFlowRequestJsonConverter")]
    [InlineData("ScheduleParams")]
    [InlineData("CopyParams")]
    [InlineData("SourceConnectionSpecIds")]
    [InlineData("Id")]
    public void FlowSpecNamedLikeItsOwnMemberCompiles(string name) =>
        AssertCleanBuild(Run(("/p/probe.flowspec.json", FlowSpec(name, transformations: """[{"name":"Copy","spec":{"type":"object","properties":{"a":{"type":"string"}}}}]"""))));

    // 4. Numbers beyond double's range are decided at generation time.
    [Theory]
    [InlineData("number", "\"enum\":[1e309]")]
    [InlineData("number", "\"const\":1e309")]
    [InlineData("number", "\"enum\":[-1e309, 1]")]
    [InlineData("integer", "\"enum\":[1e309]")]
    [InlineData("integer", "\"const\":-1e309")]
    [InlineData("number", "\"minimum\":1e309")]
    [InlineData("number", "\"maximum\":-1e309")]
    [InlineData("number", "\"exclusiveMinimum\":-1e309")]
    [InlineData("integer", "\"maximum\":1e309")]
    [InlineData("integer", "\"enum\":[1e20, 5]")]
    public void NumberOutsideDoubleRangeCompiles(string type, string keyword) =>
        AssertCleanBuild(Run(("/p/probe.flowspec.json", FlowSpec("Probe", schedule: "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"" + type + "\"," + keyword + "}}}"))));

    // 5. multipleOf beyond decimal's range or precision.
    [Theory]
    [InlineData("79228162514264337593543950336")]
    [InlineData("1e300")]
    [InlineData("1e-30")]
    [InlineData("0.00000000000000000000000000001")]
    [InlineData("1e309")]
    public void MultipleOfOutsideDecimalRangeCompiles(string multipleOf) =>
        AssertCleanBuild(Run(("/p/probe.flowspec.json", FlowSpec("Probe", schedule: "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"number\",\"multipleOf\":" + multipleOf + "},\"i\":{\"type\":\"integer\",\"multipleOf\":" + multipleOf + "}}}"))));

    [Fact]
    public void MultipleOfBeyondDecimalAdmitsOnlyZero()
    {
        var run = Run(("/p/probe.flowspec.json", FlowSpec("Probe", schedule: """{"type":"object","properties":{"n":{"type":"number","multipleOf":79228162514264337593543950336}}}""")));
        using var loaded = run.Load();
        var schedule = loaded.GetType("AepFlow.FlowSpecs.Probe+ScheduleParams");
        Assert.True(((AepFlow.Validation.IAepModel)JsonSerializer.Deserialize("{\"n\":0}", schedule)!).Validate().IsValid);
        Assert.False(((AepFlow.Validation.IAepModel)JsonSerializer.Deserialize("{\"n\":3}", schedule)!).Validate().IsValid);
    }

    // 6. A transformation whose property would take a CreateFlowRequest member or the enclosing class's constants.
    [Theory]
    [InlineData("id")]
    [InlineData("version")]
    [InlineData("name")]
    [InlineData("flowSpecId")]
    [InlineData("sourceConnectionSpecIds")]
    [InlineData("validate")]
    [InlineData("equals")]
    [InlineData("createFlowRequest")]
    [InlineData("class")]
    public void TransformationNamedLikeARequestMemberCompiles(string transformation)
    {
        var run = Run(("/p/probe.flowspec.json", FlowSpec("Probe", transformations: "[{\"name\":\"" + transformation + "\",\"spec\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}}]")));
        AssertCleanBuild(run);
        Assert.Contains("writer.WriteString(\"name\"u8, \"" + transformation + "\");", run.Source("FlowSpecs.Probe.g.cs"));
    }

    // 6b. Found by the long fuzz run (seeds 3000977, 3009866): a member named like a type the record's validator or reader
    // names unqualified captured it (CS0120 "ServiceNow.Password.SchemaChecks", CS1061 on JsonElement?).
    [Theory]
    [InlineData("SchemaChecks", "string", "\"minLength\":2")]
    [InlineData("schemaChecks", "string", "\"pattern\":\"^a\"")]
    [InlineData("AepJson", "integer", "\"minimum\":1")]
    [InlineData("JsonValueKind", "string", "\"maxLength\":3")]
    [InlineData("JsonTokenType", "boolean", "\"const\":true")]
    [InlineData("ValidationCollector", "number", "\"maximum\":3")]
    public void MemberNamedLikeATypeTheRecordUsesCompiles(string member, string type, string keyword)
    {
        var schema = "{\"type\":\"object\",\"properties\":{\"" + member + "\":{\"type\":\"" + type + "\"," + keyword + "},"
            + "\"other\":{\"minLength\":1,\"pattern\":\"^b\",\"enum\":[\"b\",1]}}}";
        AssertCleanBuild(Run(("/p/probe.flowspec.json", FlowSpec("Probe", transformations: "[{\"name\":\"Copy\",\"spec\":" + schema + "}]"))));
    }

    // 7. A lone surrogate escape is invalid text: a located AEPF001, and the build does not crash.
    [Fact]
    public void LoneSurrogateInANameIsALocatedError()
    {
        var run = Run(("/p/probe.flowspec.json", """{"id":"11111111-1111-4111-8111-111111111111","name":"Probe\ud800"}"""));
        SpecOutcome.AssertKept(run);
        var error = Assert.Single(run.Diagnostics("AEPF001"));
        Assert.Equal("/p/probe.flowspec.json", error.Location.GetLineSpan().Path);
    }

    // 8. Class names that differ only in case get hint names that differ case-insensitively.
    [Fact]
    public void SpecsWhoseNamesDifferOnlyInCaseBothGenerate()
    {
        var run = Run(
            ("/p/a.flowspec.json", FlowSpec("AbcDef", id: "11111111-1111-4111-8111-111111111111")),
            ("/p/b.flowspec.json", FlowSpec("abcdef", id: "22222222-2222-4222-8222-222222222222")),
            ("/p/c.connectionspec.json", """{"id":"33333333-3333-4333-8333-333333333333","name":"ABCDEF"}"""),
            ("/p/d.connectionspec.json", """{"id":"44444444-4444-4444-8444-444444444444","name":"abc_def"}"""));
        AssertCleanBuild(run);
        var hints = run.GeneratedSources.Keys.ToList();
        Assert.Equal(hints.Count, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(2, hints.Count(h => h.StartsWith("FlowSpecs.Abc", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(2, hints.Count(h => h.StartsWith("ConnectionSpecs.Abc", StringComparison.OrdinalIgnoreCase)));
    }

    // 9. Deep array nesting costs linear output.
    [Fact]
    public void DeepArrayNestingCostsLinearOutput()
    {
        int Size(int depth)
        {
            var schema = "{\"type\":\"string\",\"minLength\":1}";
            for (var i = 0; i < depth; i++)
            {
                schema = "{\"type\":\"array\",\"minItems\":1,\"items\":" + schema + "}";
            }

            var run = Run(("/p/deep.flowspec.json", FlowSpec("Deep", schedule: "{\"type\":\"object\",\"properties\":{\"a\":" + schema + "}}")));
            SpecOutcome.AssertKept(run);
            return run.Source("FlowSpecs.Deep.g.cs").Length;
        }

        var shallow = Size(10);
        var deep = Size(120);
        Assert.True(deep < shallow * 14, $"depth 10: {shallow} chars, depth 120: {deep} chars");
    }

    // 10. A flowSpec the generator rejects gets no Flows.* factory from its *.flow.json: the AEPF error is the only error.
    [Fact]
    public void FlowFileOfARejectedFlowSpecGetsNoFactory()
    {
        const string flow = """
            {
              "name": "Daily import",
              "flowSpec": { "id": "11111111-1111-4111-8111-111111111111", "version": "1.0" },
              "sourceConnectionIds": ["b7581b59-c603-4df1-a689-d23d7ac440f3"],
              "targetConnectionIds": ["320f119a-5ac1-4ab1-88ea-eb19e674ea2e"]
            }
            """;
        var run = Run(("/p/rejected.flowspec.json", """{"id":"11111111-1111-4111-8111-111111111111","name":5}"""), ("/p/daily.flow.json", flow));
        SpecOutcome.AssertKept(run);
        Assert.NotEmpty(run.Diagnostics("AEPF002"));
        var userTrees = run.InputCompilation.SyntaxTrees.ToHashSet();
        var generatedErrors = run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && !userTrees.Contains(tree)).ToArray();
        Assert.True(generatedErrors.Length == 0, DiagnosticText.Describe(generatedErrors));
    }

    // AepFlowIncludeBundledSpecs=false and no flowSpec: the catalog has no unreachable code (CS0162 under TreatWarningsAsErrors).
    [Fact]
    public void EmptyCatalogHasNoWarnings()
    {
        var run = Run(("/p/only.connectionspec.json", """{"id":"33333333-3333-4333-8333-333333333333","name":"Only"}"""));
        AssertCleanBuild(run);
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    // A catastrophic pattern cannot hang Validate(): generated regexes have a match timeout.
    [Fact]
    public void GeneratedRegexesHaveAMatchTimeout()
    {
        var run = Run(("/p/probe.flowspec.json", FlowSpec("Probe", schedule: """{"type":"object","properties":{"a":{"type":"string","pattern":"^(a+)+$"}}}""")));
        Assert.Contains("global::System.TimeSpan.FromSeconds(", run.Source("FlowSpecs.Probe.g.cs"));
        using var loaded = run.Load();
        var schedule = loaded.GetType("AepFlow.FlowSpecs.Probe+ScheduleParams");
        var model = (AepFlow.Validation.IAepModel)JsonSerializer.Deserialize("{\"a\":\"" + new string('a', 40) + "!\"}", schedule)!;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = model.Validate();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"Validate took {watch.Elapsed}");
        Assert.Contains(result.Errors, e => e.Keyword == "pattern");
    }

    // An emitter failure is contained: AEPF005 is an error naming the spec, and the other specs still generate.
    [Fact]
    public void EmitterFailureIsAnErrorOnThatSpecOnly()
    {
        GeneratorRun run;
        AepFlow.Generator.Emit.EmitGuard.InjectFailure.Value = hint => hint == "FlowSpecs.Broken.g.cs";
        try
        {
            run = Run(
                ("/p/broken.flowspec.json", FlowSpec("Broken", id: "11111111-1111-4111-8111-111111111111")),
                ("/p/fine.flowspec.json", FlowSpec("Fine", id: "22222222-2222-4222-8222-222222222222")));
        }
        finally
        {
            AepFlow.Generator.Emit.EmitGuard.InjectFailure.Value = null;
        }

        run.AssertNoCrash();
        var failure = Assert.Single(run.Diagnostics("AEPF005"));
        Assert.Equal(DiagnosticSeverity.Error, failure.Severity);
        Assert.Contains("'Broken'", failure.GetMessage());
        Assert.Contains("failure injected by a test", failure.GetMessage());
        Assert.Contains("FlowSpecs.Fine.g.cs", run.GeneratedSources.Keys);
        Assert.DoesNotContain("FlowSpecs.Broken.g.cs", run.GeneratedSources.Keys);
    }

    internal static string FlowSpec(string name, string id = "11111111-1111-4111-8111-111111111111", string? transformations = null, string? schedule = null) =>
        "{\"id\":\"" + id + "\",\"name\":" + JsonSerializer.Serialize(name) + ",\"version\":\"1.0\""
        + (transformations is null ? string.Empty : ",\"transformationSpecs\":" + transformations)
        + (schedule is null ? string.Empty : ",\"scheduleSpec\":{\"name\":\"S\",\"spec\":" + schedule + "}")
        + "}";

    internal static GeneratorRun Run(params (string Path, string Content)[] files) =>
        GeneratorHarness.Run([.. files.Select(f => new InMemoryAdditionalText(f.Path, f.Content))], buildProperties: NoBundledSpecs);

    private static void AssertCleanBuild(GeneratorRun run)
    {
        SpecOutcome.AssertKept(run);
        var problems = run.AllDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.Id.StartsWith("CS", StringComparison.Ordinal))).ToArray();
        Assert.True(problems.Length == 0, DiagnosticText.Describe(problems));
    }

    private static string Escape(string text) => string.Concat(text.Select(ch => $"\\u{(int)ch:x4}"));
}
