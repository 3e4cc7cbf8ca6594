using System.Collections.Immutable;
using AepFlow.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AepFlow.Generator.Tests.Output;

/// <summary>
/// By default (<c>AepFlowSpecs</c> empty) a project gets the types of the bundled specs its C# or flow files name, and
/// those types are exactly the checked-in baselines; everything else a project does not name costs it nothing.
/// </summary>
public sealed class BundledUsageTests
{
    private static readonly Dictionary<string, string> ByUse = new() { ["AepFlowSpecs"] = "" };

    private const string UsesCrmAndSalesforce = """
        using AepFlow.ConnectionSpecs;
        using AepFlow.FlowSpecs;

        namespace UserApp;

        public static class Uses
        {
            public static bool Valid() =>
                new CrmToAep.ScheduleParams { StartTime = 1700000000, Frequency = CrmToAep.Frequency.Minute, Interval = 15 }.Validate().IsValid
                && new Salesforce.BasicAuthentication { Username = "u", Password = "p", SecurityToken = "t" }.Validate().IsValid;
        }
        """;

    [Fact]
    public void A_project_that_names_no_bundled_spec_gets_none_of_their_types()
    {
        var run = GeneratorHarness.Run(buildProperties: ByUse).AssertNoErrors();

        // Not even the (empty) catalog, JSON context or standard XDM paths: a project that uses nothing gets no source.
        Assert.Empty(run.GeneratedSources);
    }

    [Theory]
    [InlineData("public static class P { public const string Email = AepFlow.Xdm.Standard.Profile.PersonalEmail.Address; }")]
    [InlineData("using AepFlow.Xdm.Standard; public static class P { public const string Id = Classes.Profile; }")]
    [InlineData("using Std = AepFlow.Xdm.Standard; public static class P { public const string Id = Std.Classes.Profile; }")]
    [InlineData("namespace AepFlow.Xdm { public static class P { public const string Id = Standard.Classes.Profile; } }")]
    public void The_standard_xdm_paths_are_generated_when_the_code_names_them(string source)
    {
        var run = GeneratorHarness.Run(sources: [source], buildProperties: ByUse).AssertNoErrors();

        Assert.Contains("Xdm.Standard.g.cs", run.GeneratedSources.Keys);
    }

    [Fact]
    public void Another_Standard_does_not_generate_the_standard_xdm_paths_and_AepFlowSpecs_all_does()
    {
        const string source = "public enum Tier { Standard } public static class P { public static Tier T => Tier.Standard; }";
        var unnamed = GeneratorHarness.Run(sources: [source], buildProperties: ByUse).AssertNoErrors();
        var all = GeneratorHarness.Run(sources: [source], buildProperties: new Dictionary<string, string> { ["AepFlowSpecs"] = "*" }).AssertNoErrors();

        Assert.DoesNotContain("Xdm.Standard.g.cs", unnamed.GeneratedSources.Keys);
        Assert.Contains("Xdm.Standard.g.cs", all.GeneratedSources.Keys);
    }

    [Fact]
    public void Named_specs_are_generated_exactly_as_their_baselines()
    {
        var run = GeneratorHarness.Run(sources: [GeneratorHarness.DefaultUserSource, UsesCrmAndSalesforce], buildProperties: ByUse).AssertNoErrors();

        Assert.Equal(["AepFlowJsonContext.g.cs", "ConnectionSpecs.Salesforce.g.cs", "FlowSpecs.CrmToAep.Factory.g.cs", "FlowSpecs.CrmToAep.g.cs", "FlowSpecs.FlowSpecCatalog.g.cs"], SpecHints(run));
        foreach (var hint in new[] { "ConnectionSpecs.Salesforce.g.cs", "FlowSpecs.CrmToAep.g.cs" })
        {
            Assert.Equal(TextNormalizer.Normalize(File.ReadAllText(Path.Combine(RepoPaths.Baselines, "bundled", hint))), run.GeneratedSources[hint]);
        }
    }

    [Fact]
    public void A_json_context_property_a_spec_id_literal_and_the_catalog_each_count_as_naming()
    {
        const string source = """
            namespace UserApp;

            public static class Names
            {
                public static object Info => AepFlow.FlowSpecs.AepFlowJsonContext.Default.GenericStreamingAepCreateFlowRequest;
                public const string CloudStorage = "9753525b-82c7-4dce-8a9b-5ccfce2b9876";
            }
            """;
        var run = GeneratorHarness.Run(sources: [source], buildProperties: ByUse).AssertNoErrors();
        var hints = SpecHints(run);

        Assert.Contains("FlowSpecs.GenericStreamingAep.g.cs", hints);
        Assert.Contains("FlowSpecs.CloudStorageToAep.g.cs", hints);
        Assert.DoesNotContain("FlowSpecs.CrmToAep.g.cs", hints);

        var catalog = GeneratorHarness.Run(sources: ["public static class C { public static int N => AepFlow.FlowSpecs.FlowSpecCatalog.All.Count; }"], buildProperties: ByUse)
            .AssertNoErrors();
        Assert.Equal(SpecFiles.Bundled.Count, SpecHints(catalog).Count(h => h.StartsWith("FlowSpecs.", StringComparison.Ordinal) && h != "FlowSpecs.FlowSpecCatalog.g.cs" && !h.EndsWith(".Factory.g.cs", StringComparison.Ordinal)));
        Assert.DoesNotContain(SpecHints(catalog), h => h.StartsWith("ConnectionSpecs.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_flow_file_names_its_flowSpec_and_gets_its_factory()
    {
        var flow = new InMemoryAdditionalText("/project/flows/daily.flow.json", """
            { "name": "daily", "flowSpec": { "id": "9753525b-82c7-4dce-8a9b-5ccfce2b9876", "version": "1.0" },
              "sourceConnectionIds": ["a"], "targetConnectionIds": ["b"] }
            """);
        var run = GeneratorHarness.Run([flow], buildProperties: ByUse).AssertNoErrors();

        Assert.Contains("FlowSpecs.CloudStorageToAep.g.cs", run.GeneratedSources.Keys);
        Assert.Contains("Flows.Daily.g.cs", run.GeneratedSources.Keys);
    }

    [Fact]
    public void A_user_spec_gets_the_same_class_name_whether_or_not_the_bundled_spec_it_collides_with_is_used()
    {
        // Same name as the bundled salesforce connectionSpec, another id: the bundled class keeps "Salesforce" in both cases.
        var mine = new InMemoryAdditionalText("/project/specs/mine.connectionspec.json", """
            { "id": "99999999-9999-4999-8999-999999999999", "name": "salesforce", "providerId": "p", "authSpec": [] }
            """);
        var unused = GeneratorHarness.Run([mine], buildProperties: ByUse).AssertNoErrors();
        var used = GeneratorHarness.Run([mine], [UsesCrmAndSalesforce], buildProperties: ByUse).AssertNoErrors();

        Assert.Contains("ConnectionSpecs.Salesforce99999999.g.cs", unused.GeneratedSources.Keys);
        Assert.DoesNotContain("ConnectionSpecs.Salesforce.g.cs", unused.GeneratedSources.Keys);
        Assert.Contains("ConnectionSpecs.Salesforce99999999.g.cs", used.GeneratedSources.Keys);
        Assert.Contains("ConnectionSpecs.Salesforce.g.cs", used.GeneratedSources.Keys);
    }

    [Fact]
    public void A_user_spec_with_a_bundled_id_still_replaces_the_bundled_one()
    {
        var run = GeneratorHarness.Run([SharedRuns.TestDataFile("crm-override.flowspec.json")], [UsesOverride], buildProperties: ByUse).AssertNoErrors();

        Assert.Contains("FlowSpecs.CrmToAep.g.cs", run.GeneratedSources.Keys);
        Assert.NotEqual(TextNormalizer.Normalize(File.ReadAllText(Path.Combine(RepoPaths.Baselines, "bundled", "FlowSpecs.CrmToAep.g.cs"))), run.GeneratedSources["FlowSpecs.CrmToAep.g.cs"]);
    }

    [Fact]
    public void An_unrelated_edit_reruns_no_spec_step_and_naming_a_new_spec_adds_only_it()
    {
        var compilation = GeneratorHarness.CreateCompilation([GeneratorHarness.DefaultUserSource, UsesOverride]);
        var first = GeneratorRun.Execute(GeneratorHarness.CreateDriver(buildProperties: ByUse), compilation, []);
        Assert.Contains("FlowSpecs.CrmToAep.g.cs", first.GeneratedSources.Keys);

        var unrelated = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace UserApp; public static class Added { public static int Two() => 2; }", GeneratorHarness.ParseOptions));
        var second = GeneratorRun.Execute(first.Driver, unrelated, []);
        var steps = SpecGenerator(second).TrackedSteps;
        foreach (var step in new[] { "UsedBundledSpecs", "Options", "BundledSpecs", "ParsedSpecs", "FlowSpecModels", "CatalogModel" })
        {
            Assert.True(steps.ContainsKey(step), step);
            Assert.All(steps[step].SelectMany(s => s.Outputs), o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
        }

        var naming = unrelated.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace UserApp; public static class Id { public const string S = AepFlow.ConnectionSpecs.Salesforce.Id; }", GeneratorHarness.ParseOptions));
        var third = GeneratorRun.Execute(second.Driver, naming, []);
        Assert.Contains("ConnectionSpecs.Salesforce.g.cs", third.GeneratedSources.Keys);
        var flowModels = SpecGenerator(third).TrackedSteps["FlowSpecModels"].SelectMany(s => s.Outputs).ToArray();
        Assert.All(flowModels, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"FlowSpecModels: {o.Reason}"));
        Assert.Equal(first.GeneratedSources["FlowSpecs.CrmToAep.g.cs"], third.GeneratedSources["FlowSpecs.CrmToAep.g.cs"]);
    }

    private const string UsesOverride = "namespace UserApp; public static class UsesCrm { public const string Id = AepFlow.FlowSpecs.CrmToAep.Id; }";

    private static List<string> SpecHints(GeneratorRun run) =>
        [.. run.GeneratedSources.Keys.Where(h => h.StartsWith("FlowSpecs.", StringComparison.Ordinal) || h.StartsWith("ConnectionSpecs.", StringComparison.Ordinal) || h == "AepFlowJsonContext.g.cs").Order(StringComparer.Ordinal)];

    private static GeneratorRunResult SpecGenerator(GeneratorRun run) => run.RunResult.Results.Single(r => r.TrackedSteps.ContainsKey("FlowSpecModels"));
}
