using System.Collections.Immutable;
using AepFlow.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AepFlow.Generator.Tests.Output;

/// <summary>
/// <c>AepFlowBundledSpecsPrecompiled</c> (set by the package's targets when they reference <c>precompiled/&lt;tfm&gt;/AepFlow.Specs.dll</c>):
/// the bundled types come from that assembly, so the generator emits none of them, whatever the code names, and everything
/// else works as if they had been generated: the analyzers check constants through the referenced types' metadata, flow files
/// get their factories, user code compiles unchanged. The reference here is built the way src/AepFlow.Specs builds it: this
/// generator's output for every bundled spec, compiled on its own.
/// </summary>
public sealed class PrecompiledSpecsTests
{
    private static readonly Dictionary<string, string> Precompiled = new() { ["AepFlowSpecs"] = "", ["AepFlowBundledSpecsPrecompiled"] = "true" };

    private static readonly Lazy<MetadataReference> SpecsAssembly = new(BuildSpecsAssembly);

    private const string UsesEverything = """
        using AepFlow.ConnectionSpecs;
        using AepFlow.FlowSpecs;

        namespace UserApp;

        public static class Uses
        {
            public static bool Valid() =>
                new CrmToAep.ScheduleParams { StartTime = 1700000000, Frequency = CrmToAep.Frequency.Minute, Interval = 15 }.Validate().IsValid
                && new Salesforce.BasicAuthentication { Username = "u", Password = "p", SecurityToken = "t" }.Validate().IsValid
                && FlowSpecCatalog.All.Count == 5
                && AepFlowJsonContext.Default.CrmToAepScheduleParams is not null
                && AepFlow.Xdm.Standard.Classes.Profile.Length > 0;
        }
        """;

    [Fact]
    public void Nothing_bundled_is_generated_and_code_that_names_it_compiles_against_the_reference()
    {
        var run = Run([UsesEverything], []).AssertNoErrors(includeAnalyzers: true);

        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void Without_the_property_the_same_code_generates_what_it_names()
    {
        var run = GeneratorHarness.Run(sources: [UsesEverything], buildProperties: new Dictionary<string, string> { ["AepFlowSpecs"] = "" }).AssertNoErrors();

        Assert.Contains("FlowSpecs.CrmToAep.g.cs", run.GeneratedSources.Keys);
        Assert.Contains("Xdm.Standard.g.cs", run.GeneratedSources.Keys);
    }

    [Fact]
    public void Constants_are_checked_through_the_referenced_types_metadata()
    {
        const string source = """
            using AepFlow.FlowSpecs;

            namespace UserApp;

            public static class Bad
            {
                public static object Schedule() => new CrmToAep.ScheduleParams { StartTime = 1700000000, Frequency = CrmToAep.Frequency.Minute, Interval = 5 };
            }
            """;
        var run = Run([source], []);

        var aepf010 = Assert.Single(run.AllDiagnosticsWithAnalyzers, d => d.Id == "AEPF010");
        Assert.Contains("15", aepf010.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("User0.cs", aepf010.Location.SourceTree!.FilePath);
    }

    [Fact]
    public void Composition_and_pattern_checks_work_on_the_referenced_types()
    {
        const string source = """
            using AepFlow.FlowSpecs;
            using AepFlow.ConnectionSpecs;

            namespace UserApp;

            public static class Bad
            {
                static System.Threading.Tasks.Task<string> CreateSourceConnection(string specId) => System.Threading.Tasks.Task.FromResult(specId);

                public static async System.Threading.Tasks.Task<object> Wrong(string target)
                {
                    string sourceId = await CreateSourceConnection(Salesforce.Id);
                    return new CloudStorageToAep.CreateFlowRequest { Name = "n", SourceConnectionIds = [sourceId], TargetConnectionIds = [target] };
                }

                public static object NoCopy() => new CrmToAep.CreateFlowRequest { Name = "n", SourceConnectionIds = ["s"], TargetConnectionIds = ["t"] };

                public static object Mapping() => new CloudStorageToAep.MappingParams { MappingId = "7409d3017e24a3eb4a2dc21020f7a5b" };
            }
            """;
        var ids = Run([source], []).AllDiagnosticsWithAnalyzers.Where(d => d.Id.StartsWith("AEPF", StringComparison.Ordinal)).Select(d => d.Id).Order().ToArray();

        Assert.Equal(["AEPF012", "AEPF013", "AEPF014"], ids);
    }

    [Fact]
    public void A_flow_file_gets_its_factory_over_the_referenced_types()
    {
        var flow = new InMemoryAdditionalText("/project/flows/daily.flow.json", """
            { "name": "daily", "flowSpec": { "id": "14518937-270c-4525-bdec-c2ba7cce3860", "version": "1.0" },
              "sourceConnectionIds": ["a"], "targetConnectionIds": ["b"],
              "transformations": [ { "name": "Copy", "params": { "deltaColumn": { "name": "updatedAt" } } } ],
              "scheduleParams": { "startTime": 1700000000, "frequency": "minute", "interval": 15 } }
            """);
        var run = Run([GeneratorHarness.DefaultUserSource], [flow]).AssertNoErrors(includeAnalyzers: true);

        Assert.Equal(["Flows.Daily.g.cs"], run.GeneratedSources.Keys);
    }

    [Fact]
    public void An_unrelated_edit_reruns_no_spec_step()
    {
        var compilation = Compilation([UsesEverything]);
        var first = GeneratorRun.Execute(GeneratorHarness.CreateDriver(buildProperties: Precompiled), compilation, [], Precompiled);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace UserApp; public static class Added { public static int Two() => 2; }", GeneratorHarness.ParseOptions));
        var second = GeneratorRun.Execute(first.Driver, edited, [], Precompiled);

        var steps = second.RunResult.Results.Single(r => r.TrackedSteps.ContainsKey("ParsedSpecs")).TrackedSteps;
        foreach (var step in new[] { "Options", "BundledSpecs", "ParsedSpecs", "CatalogModel" })
        {
            Assert.All(steps[step].SelectMany(s => s.Outputs), o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
        }

        Assert.Empty(second.GeneratedSources);
    }

    private static GeneratorRun Run(IEnumerable<string> sources, ImmutableArray<InMemoryAdditionalText> files) =>
        GeneratorRun.Execute(GeneratorHarness.CreateDriver(files, Precompiled), Compilation(sources), files, Precompiled);

    private static CSharpCompilation Compilation(IEnumerable<string> sources) =>
        GeneratorHarness.CreateCompilation(sources).AddReferences(SpecsAssembly.Value);

    /// <summary>What src/AepFlow.Specs is: the generator's output with every bundled spec selected, compiled alone.</summary>
    private static MetadataReference BuildSpecsAssembly()
    {
        var all = GeneratorHarness.Run(sources: [], buildProperties: new Dictionary<string, string> { ["AepFlowSpecs"] = "*" }).AssertNoErrors();
        using var stream = new MemoryStream();
        var emitted = all.OutputCompilation.WithAssemblyName("AepFlow.Specs").Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
