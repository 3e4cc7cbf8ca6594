using AepFlow.Generator.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using static AepFlow.Analyzers.Tests.AepFlowTest;

namespace AepFlow.Analyzers.Tests;

/// <summary>
/// The checks on the types the generator core emits for the bundled specs (AepFlow.FlowSpecs.*, AepFlow.ConnectionSpecs.*): every
/// generator of the package runs first, as in a build, and the analyzers see its output.
/// </summary>
public class GeneratedSpecTests
{
    private static AnalyzerTest<TAnalyzer> Test<TAnalyzer>(string code, params DiagnosticResult[] expected)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var test = new AnalyzerTest<TAnalyzer> { TestCode = code, Generators = AllGenerators };
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    [Fact]
    public Task Minute_with_interval_10_on_the_generated_schedule_is_AEPF010() => Test<ConstantValueAnalyzer>("""
        using AepFlow.FlowSpecs;
        static class Use
        {
            static object M() => new CrmToAep.ScheduleParams { StartTime = 1, Frequency = CrmToAep.Frequency.Minute, Interval = {|#0:10|} };
        }
        """,
        Diagnostic("AEPF010").WithLocation(0).WithMessage("interval must be at least 15 when frequency is minute, not 10")).RunAsync();

    [Fact]
    public Task Tutorial_mapping_id_on_the_generated_params_is_only_AEPF012() => Test<ConstantValueAnalyzer>("""
        using AepFlow.FlowSpecs;
        static class Use
        {
            static object M() => new CloudStorageToAep.MappingParams { MappingId = {|AEPF012:"7409d3017e24a3eb4a2dc21020f7a5b"|} };
        }
        """).RunAsync();

    [Fact]
    public Task Salesforce_source_into_a_CloudStorageToAep_flow_is_AEPF013() => Test<FlowCompositionAnalyzer>("""
        using AepFlow.FlowSpecs;
        using AepFlow.ConnectionSpecs;
        static class Use
        {
            static System.Threading.Tasks.Task<string> CreateSourceConnection(string specId) => System.Threading.Tasks.Task.FromResult(specId);
            static async System.Threading.Tasks.Task<object> M(string target)
            {
                string sourceId = await CreateSourceConnection(Salesforce.Id);
                return new CloudStorageToAep.CreateFlowRequest { Name = "n", SourceConnectionIds = [{|AEPF013:sourceId|}], TargetConnectionIds = [target] };
            }
        }
        """).RunAsync();

    [Fact]
    public Task CrmToAep_flow_without_Copy_is_AEPF014_and_a_complete_flow_is_clean() => Test<FlowCompositionAnalyzer>("""
        using AepFlow.FlowSpecs;
        static class Use
        {
            static object A() => new {|AEPF014:CrmToAep.CreateFlowRequest|} { Name = "n", SourceConnectionIds = ["s"], TargetConnectionIds = ["t"] };
            static object B() => new CrmToAep.CreateFlowRequest
            {
                Name = "n",
                SourceConnectionIds = ["s"],
                TargetConnectionIds = ["t"],
                Copy = new CrmToAep.CopyParams { DeltaColumn = new CrmToAep.DeltaColumn { Name = "updatedAt" } },
                Mapping = new CrmToAep.MappingParams { MappingId = "0b090130b58b4819afc78b6dc98b484d", MappingVersion = "0" },
                Schedule = new CrmToAep.ScheduleParams { StartTime = 1612310466, Frequency = CrmToAep.Frequency.Minute, Interval = 15, Backfill = true },
            };
        }
        """).RunAsync();

    [Fact]
    public Task Valid_flow_file_becomes_a_typed_factory_returning_the_specs_request()
    {
        // Compiles only if the factory exists and returns the flowSpec's own request type.
        var test = Test<DeclarativeFileAnalyzer>("""
            static class Use
            {
                static AepFlow.FlowSpecs.CrmToAep.CreateFlowRequest M() => AepFlow.Flows.CrmDaily.Create(sourceConnectionIds: ["other"]);
            }
            """);
        test.TestState.AdditionalFiles.Add(("/p/crm-daily.flow.json", """
            {
              "name": "Daily CRM import",
              "flowSpec": { "id": "14518937-270c-4525-bdec-c2ba7cce3860", "version": "1.0" },
              "sourceConnectionIds": ["b7581b59-c603-4df1-a689-d23d7ac440f3"],
              "targetConnectionIds": ["320f119a-5ac1-4ab1-88ea-eb19e674ea2e"],
              "transformations": [ { "name": "Copy", "params": { "deltaColumn": { "name": "updatedAt" } } } ],
              "scheduleParams": { "startTime": 1612310466, "frequency": "hour", "interval": 1 }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Invalid_flow_file_gets_no_factory()
    {
        const string path = "/p/cloud.flow.json";
        var test = Test<DeclarativeFileAnalyzer>("""
            static class Use
            {
                static object M() => {|CS0234:AepFlow.Flows|}.Cloud.Create();
            }
            """,
            Diagnostic("AEPF020").WithSpan(path, 19, 39, 19, 40),
            Diagnostic("AEPF020").WithSpan(path, 24, 26, 24, 38),
            Diagnostic("AEPF020").WithSpan(path, 26, 24, 26, 28));
        test.TestState.AdditionalFiles.Add((path, File.ReadAllText(Harness.Reference("docs-examples/flows/cloud-storage-create-flow-request.json"))));
        return test.RunAsync();
    }

    [Fact]
    public void Flow_factory_reads_the_file_and_replaces_connection_ids_at_run_time()
    {
        const string flow = """
            {
              "name": "Daily CRM import",
              "flowSpec": { "id": "14518937-270c-4525-bdec-c2ba7cce3860", "version": "1.0" },
              "sourceConnectionIds": ["from-file"],
              "targetConnectionIds": ["target-from-file"],
              "transformations": [ { "name": "Copy", "params": { "deltaColumn": { "name": "updatedAt" } } } ],
              "scheduleParams": { "startTime": 1612310466, "frequency": "hour", "interval": 2 }
            }
            """;
        var result = Harness.Generate(new[] { """
            public static class Probe
            {
                public static string Run()
                {
                    var fromFile = AepFlow.Flows.CrmDaily.Create();
                    var replaced = AepFlow.Flows.CrmDaily.Create(sourceConnectionIds: ["mine"]);
                    return string.Join("|", fromFile.Name, fromFile.SourceConnectionIds[0], replaced.SourceConnectionIds[0],
                        replaced.TargetConnectionIds[0], replaced.Schedule!.Interval, replaced.Copy!.DeltaColumn.Name, replaced.Validate().IsValid);
                }
            }
            """ }, new[] { new InMemoryAdditionalText("/p/crm-daily.flow.json", flow) });
        Assert.Empty(result.CompileErrors);

        Assert.Equal("Daily CRM import|from-file|mine|target-from-file|2|updatedAt|True", Harness.Invoke(result.Compilation, "Probe", "Run"));
    }

    [Fact]
    public void Flow_factories_are_cached_when_only_csharp_changes()
    {
        const string flow = """
            { "name": "n", "flowSpec": { "id": "9753525b-82c7-4dce-8a9b-5ccfce2b9876", "version": "1.0" },
              "sourceConnectionIds": ["a"], "targetConnectionIds": ["b"] }
            """;
        var compilation = Harness.CreateCompilation("class C { }");
        GeneratorDriver driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            new[] { new AepFlow.Generator.Declarative.DeclarativeFlowGenerator().AsSourceGenerator() },
            new[] { new InMemoryAdditionalText("/p/n.flow.json", flow) },
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        Assert.Single(driver.GetRunResult().GeneratedTrees);
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class D { }")));

        var outputs = driver.GetRunResult().Results.Single().TrackedSteps["FlowFactories"].SelectMany(s => s.Outputs);
        Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

}
