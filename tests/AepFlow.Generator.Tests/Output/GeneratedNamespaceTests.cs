using AepFlow.Generator.Tests.Infrastructure;

namespace AepFlow.Generator.Tests.Output;

/// <summary><c>AepFlowNamespace</c>: the root of the generated namespaces (default <c>AepFlow</c>, proved by the baselines).</summary>
public sealed class GeneratedNamespaceTests
{
    // A valid flow file, so the declarative flow factory (which names the spec classes) is generated too.
    private const string Flow = """
        {
          "name": "Daily CRM import",
          "flowSpec": { "id": "14518937-270c-4525-bdec-c2ba7cce3860", "version": "1.0" },
          "sourceConnectionIds": ["b7581b59-c603-4df1-a689-d23d7ac440f3"],
          "targetConnectionIds": ["320f119a-5ac1-4ab1-88ea-eb19e674ea2e"],
          "transformations": [ { "name": "Copy", "params": { "deltaColumn": { "name": "updatedAt" } } } ],
          "scheduleParams": { "startTime": 1612310466, "frequency": "hour", "interval": 1 }
        }
        """;

    [Fact]
    public void CustomRootReplacesAepFlowInEveryGeneratedNamespaceAndCompiles()
    {
        var run = GeneratorHarness.Run(
            [new InMemoryAdditionalText("/p/crm-daily.flow.json", Flow)],
            sources:
            [
                GeneratorHarness.DefaultUserSource,
                """
                static class Use
                {
                    static Contoso.Aep.FlowSpecs.CrmToAep.CreateFlowRequest M() => Contoso.Aep.Flows.CrmDaily.Create();
                    static object C() => Contoso.Aep.FlowSpecs.AepFlowJsonContext.Default;
                    static int N() => Contoso.Aep.FlowSpecs.FlowSpecCatalog.All.Count;
                }
                """,
            ],
            buildProperties: new Dictionary<string, string> { ["AepFlowNamespace"] = "Contoso.Aep" }).AssertNoErrors();

        var all = string.Join("\n", run.GeneratedSources.Values);
        Assert.Contains("namespace Contoso.Aep.FlowSpecs", all);
        Assert.Contains("namespace Contoso.Aep.ConnectionSpecs", all);
        Assert.Contains("namespace Contoso.Aep.Flows", all);
        Assert.DoesNotContain("namespace AepFlow.", all);
        Assert.DoesNotContain("global::AepFlow.FlowSpecs", all);
        Assert.DoesNotContain("global::AepFlow.ConnectionSpecs", all);
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Contoso.Aep.FlowSpecs.FlowSpecCatalog"));
    }

    [Theory]
    [InlineData("Contoso..Aep")]
    [InlineData("1Contoso")]
    [InlineData("Contoso.class")]
    [InlineData("Contoso-Aep")]
    [InlineData("   ")]
    public void InvalidRootFallsBackToAepFlow(string value)
    {
        var run = GeneratorHarness.Run(
            [new InMemoryAdditionalText("/p/crm-daily.flow.json", Flow)],
            buildProperties: new Dictionary<string, string> { ["AepFlowNamespace"] = value }).AssertNoErrors();

        var all = string.Join("\n", run.GeneratedSources.Values);
        Assert.Contains("namespace AepFlow.FlowSpecs", all);
        Assert.Contains("namespace AepFlow.ConnectionSpecs", all);
        Assert.Contains("namespace AepFlow.Flows", all);
    }
}
