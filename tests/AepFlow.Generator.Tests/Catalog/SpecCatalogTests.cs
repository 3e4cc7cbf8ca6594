using AepFlow.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AepFlow.Generator.Tests.Catalog;

/// <summary>
/// One spec catalog: the *.flow.json factories and the compile-time checks see exactly the specs the generator generates,
/// under the class names its resolver gave them, with AepFlowSpecs/AepFlowIncludeBundledSpecs applied.
/// </summary>
public sealed class SpecCatalogTests
{
    private const string UserId = "aaaaaaaa-1111-4111-8111-111111111111";
    private const string CrmToAepId = "14518937-270c-4525-bdec-c2ba7cce3860";

    private static InMemoryAdditionalText FlowSpec(string file, string id, string name) => new(
        "/project/specs/" + file,
        $$"""{ "id": "{{id}}", "name": "{{name}}", "sourceConnectionSpecIds": ["s"], "targetConnectionSpecIds": ["t"] }""");

    private static InMemoryAdditionalText Flow(string file, string flowSpecId) => new(
        "/project/flows/" + file,
        $$"""{ "name": "n", "flowSpec": { "id": "{{flowSpecId}}", "version": "1.0" }, "sourceConnectionIds": ["a"], "targetConnectionIds": ["b"] }""");

    private static string ReturnType(GeneratorRun run, string factory) =>
        ((IMethodSymbol)run.OutputCompilation.GetTypeByMetadataName("AepFlow.Flows." + factory)!.GetMembers("Create").Single()).ReturnType.ToDisplayString();

    [Fact]
    public void FactoryUsesTheResolversClassNameForAReservedSpecName()
    {
        // "Environment" would shadow System.Environment, so the resolver names the class EnvironmentSpec.
        var run = GeneratorHarness.Run(
            [FlowSpec("env.flowspec.json", UserId, "Environment"), Flow("env-daily.flow.json", UserId)],
            buildProperties: new Dictionary<string, string> { ["AepFlowIncludeBundledSpecs"] = "false" }).AssertNoErrors();

        Assert.Equal("AepFlow.FlowSpecs.EnvironmentSpec.CreateFlowRequest", ReturnType(run, "EnvDaily"));
    }

    [Fact]
    public void FactoryUsesTheResolversClassNameWhenTwoSpecsShareAName()
    {
        const string secondId = "bbbbbbbb-2222-4222-8222-222222222222";
        var run = GeneratorHarness.Run(
            [FlowSpec("a.flowspec.json", UserId, "Acme"), FlowSpec("b.flowspec.json", secondId, "Acme"), Flow("second.flow.json", secondId)],
            buildProperties: new Dictionary<string, string> { ["AepFlowIncludeBundledSpecs"] = "false" }).AssertNoErrors();

        Assert.Equal("AepFlow.FlowSpecs.Acmebbbbbbbb.CreateFlowRequest", ReturnType(run, "Second"));
    }

    [Fact]
    public void BundledSpecLeftOutByAepFlowSpecsGetsNoFactoryAndAepf021()
    {
        var run = GeneratorHarness.Run(
            [Flow("crm.flow.json", CrmToAepId)],
            buildProperties: new Dictionary<string, string> { ["AepFlowSpecs"] = "CloudStorageToAEP" }).AssertNoErrors();

        Assert.Null(run.OutputCompilation.GetTypeByMetadataName("AepFlow.Flows.Crm"));
        Assert.Contains(run.AnalyzerDiagnostics, d => d.Id == "AEPF021");
    }

    [Fact]
    public void NoBundledSpecsMeansNoFactoryForABundledFlowSpec()
    {
        var run = GeneratorHarness.Run(
            [Flow("crm.flow.json", CrmToAepId)],
            buildProperties: new Dictionary<string, string> { ["AepFlowIncludeBundledSpecs"] = "false" }).AssertNoErrors();

        Assert.Null(run.OutputCompilation.GetTypeByMetadataName("AepFlow.Flows.Crm"));
    }

    [Fact]
    public void FlowSpecRejectedWithAepf002GetsNoFactory()
    {
        // Issue 8, root cause 10: a flowSpec without a "name" is AEPF002; its flow file used to get a factory naming a missing class.
        var rejected = new InMemoryAdditionalText("/project/specs/bad.flowspec.json", $$"""{ "id": "{{UserId}}", "sourceConnectionSpecIds": ["s"] }""");
        var run = GeneratorHarness.Run(
            [rejected, Flow("bad.flow.json", UserId)],
            buildProperties: new Dictionary<string, string> { ["AepFlowIncludeBundledSpecs"] = "false" }).AssertNoCrash();

        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Severity == DiagnosticSeverity.Error);

        Assert.Single(run.Diagnostics("AEPF002"));
        Assert.Null(run.OutputCompilation.GetTypeByMetadataName("AepFlow.Flows.Bad"));
    }

    [Fact]
    public void CommentsInAUserSpecAreAepf001ForTheGeneratorAndTheChecksAlike()
    {
        // The checks' catalog used to read spec files with comments allowed and see a spec the generator refused.
        var commented = new InMemoryAdditionalText("/project/specs/c.flowspec.json",
            $$"""{ /* note */ "id": "{{UserId}}", "name": "Commented", "sourceConnectionSpecIds": ["s"], "targetConnectionSpecIds": ["t"] }""");
        var run = GeneratorHarness.Run(
            [commented, Flow("c.flow.json", UserId)],
            buildProperties: new Dictionary<string, string> { ["AepFlowIncludeBundledSpecs"] = "false" }).AssertNoCrash();

        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Severity == DiagnosticSeverity.Error);

        Assert.Single(run.Diagnostics("AEPF001"));
        Assert.Null(run.OutputCompilation.GetTypeByMetadataName("AepFlow.Flows.C"));
        Assert.Contains(run.AnalyzerDiagnostics, d => d.Id == "AEPF021");
    }
}
