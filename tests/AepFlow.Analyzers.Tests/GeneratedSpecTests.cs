namespace AepFlow.Analyzers.Tests;

/// <summary>The checks on the types the generator core emits for the bundled specs (AepFlow.FlowSpecs.*, AepFlow.ConnectionSpecs.*).</summary>
public class GeneratedSpecTests
{
    [Fact]
    public void Minute_with_interval_10_on_the_generated_schedule_is_AEPF010()
    {
        var result = Harness.RunWithGeneratedSpecs(new[] { """
            using AepFlow.FlowSpecs;
            static class Use
            {
                static object M() => new CrmToAep.ScheduleParams { StartTime = 1, Frequency = CrmToAep.Frequency.Minute, Interval = 10 };
            }
            """ });

        Assert.Empty(result.CompileErrors);
        Expect.Exactly(result.Diagnostics, ("AEPF010", 4, 121, 4, 123));
        Assert.Equal("interval must be at least 15 when frequency is minute, not 10", result.Diagnostics[0].Message);
    }

    [Fact]
    public void Tutorial_mapping_id_on_the_generated_params_is_only_AEPF012()
    {
        var result = Harness.RunWithGeneratedSpecs(new[] { """
            using AepFlow.FlowSpecs;
            static class Use
            {
                static object M() => new CloudStorageToAep.MappingParams { MappingId = "7409d3017e24a3eb4a2dc21020f7a5b" };
            }
            """ });

        Assert.Empty(result.CompileErrors);
        Expect.Exactly(result.Diagnostics, ("AEPF012", 4, 76, 4, 109));
    }

    [Fact]
    public void Salesforce_source_into_a_CloudStorageToAep_flow_is_AEPF013()
    {
        var result = Harness.RunWithGeneratedSpecs(new[] { """
            using AepFlow.FlowSpecs;
            using AepFlow.ConnectionSpecs;
            static class Use
            {
                static System.Threading.Tasks.Task<string> CreateSourceConnection(string specId) => System.Threading.Tasks.Task.FromResult(specId);
                static async System.Threading.Tasks.Task<object> M(string target)
                {
                    string sourceId = await CreateSourceConnection(Salesforce.Id);
                    return new CloudStorageToAep.CreateFlowRequest { Name = "n", SourceConnectionIds = [sourceId], TargetConnectionIds = [target] };
                }
            }
            """ });

        Assert.Empty(result.CompileErrors);
        Expect.Exactly(result.Diagnostics, ("AEPF013", 9, 93, 9, 101));
    }

    [Fact]
    public void CrmToAep_flow_without_Copy_is_AEPF014_and_a_complete_flow_is_clean()
    {
        var result = Harness.RunWithGeneratedSpecs(new[] { """
            using AepFlow.FlowSpecs;
            static class Use
            {
                static object A() => new CrmToAep.CreateFlowRequest { Name = "n", SourceConnectionIds = ["s"], TargetConnectionIds = ["t"] };
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
            """ });

        Assert.Empty(result.CompileErrors);
        Expect.Exactly(result.Diagnostics, ("AEPF014", 4, 30, 4, 56));
    }

    [Fact]
    public void Valid_flow_file_becomes_a_typed_factory_returning_the_specs_request()
    {
        const string flow = """
            {
              "name": "Daily CRM import",
              "flowSpec": { "id": "14518937-270c-4525-bdec-c2ba7cce3860", "version": "1.0" },
              "sourceConnectionIds": ["b7581b59-c603-4df1-a689-d23d7ac440f3"],
              "targetConnectionIds": ["320f119a-5ac1-4ab1-88ea-eb19e674ea2e"],
              "transformations": [ { "name": "Copy", "params": { "deltaColumn": { "name": "updatedAt" } } } ],
              "scheduleParams": { "startTime": 1612310466, "frequency": "hour", "interval": 1 }
            }
            """;
        var result = Harness.RunWithGeneratedSpecs(new[] { """
            static class Use
            {
                static AepFlow.FlowSpecs.CrmToAep.CreateFlowRequest M() => AepFlow.Flows.CrmDaily.Create(sourceConnectionIds: ["other"]);
            }
            """ }, new[] { new InMemoryAdditionalText("/p/crm-daily.flow.json", flow) });

        Assert.Empty(result.CompileErrors);
        Assert.Empty(result.Diagnostics);
        var factory = result.Compilation.GetTypeByMetadataName("AepFlow.Flows.CrmDaily")!;
        Assert.Equal("AepFlow.FlowSpecs.CrmToAep.CreateFlowRequest", ((IMethodSymbol)factory.GetMembers("Create").Single()).ReturnType.ToDisplayString());
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
        var result = Harness.RunWithGeneratedSpecs(new[] { """
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

        using var stream = new MemoryStream();
        var emit = result.Compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var context = new System.Runtime.Loader.AssemblyLoadContext("flow-factory", isCollectible: true);
        try
        {
            stream.Position = 0;
            var probe = context.LoadFromStream(stream).GetType("Probe")!;
            Assert.Equal("Daily CRM import|from-file|mine|target-from-file|2|updatedAt|True", probe.GetMethod("Run")!.Invoke(null, null));
        }
        finally
        {
            context.Unload();
        }
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

    [Fact]
    public void Invalid_flow_file_gets_no_factory()
    {
        var text = File.ReadAllText(Harness.Reference("docs-examples/flows/cloud-storage-create-flow-request.json"));

        var result = Harness.RunWithGeneratedSpecs(new[] { "class C { }" }, new[] { new InMemoryAdditionalText("/p/cloud.flow.json", text) });

        Assert.Null(result.Compilation.GetTypeByMetadataName("AepFlow.Flows.Cloud"));
        Assert.Equal(new[] { "AEPF020", "AEPF020", "AEPF020" }, result.Diagnostics.Select(d => d.Id));
    }
}
