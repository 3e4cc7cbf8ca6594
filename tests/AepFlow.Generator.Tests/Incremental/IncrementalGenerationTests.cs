using System.Collections.Immutable;
using AepFlow.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AepFlow.Generator.Tests.Incremental;

/// <summary>
/// The pipeline caches by value: typing in an unrelated C# file must not redo any spec work, and editing one spec file
/// must redo only that spec. Step names are the generator's documented tracking names (docs/generated-api.md).
/// </summary>
public sealed class IncrementalGenerationTests
{
    private static readonly string[] SpecSteps =
    [
        "Options", "AdditionalSpecFiles", "BundledSpecs", "ParsedSpecs", "FlowSpecModels", "ConnectionSpecModels", "CatalogModel", "Diagnostics",
    ];

    private const string BetaSpec = """
        {
          "id": "55555555-5555-4555-8555-555555555555",
          "name": "BetaToAEP",
          "version": "1.0",
          "sourceConnectionSpecIds": [],
          "targetConnectionSpecIds": ["c604ff05-7f1a-43c0-8e18-33bf874cb11c"],
          "transformationSpecs": [
            { "name": "Mapping", "spec": { "type": "object", "properties": { "mappingId": { "type": "string" } } } }
          ]
        }
        """;

    private const string MixedTypesSpec = """
        {
          "id": "77777777-7777-4777-8777-777777777777",
          "name": "MixedTypes",
          "version": "1.0",
          "sourceConnectionSpecIds": [],
          "targetConnectionSpecIds": [],
          "transformationSpecs": [
            { "name": "Ledger", "spec": { "type": "object", "properties": { "amount": { "type": ["number", "string"] } } } }
          ]
        }
        """;

    [Fact]
    public void UnrelatedCSharpEditLeavesEverySpecStepCachedOrUnchanged()
    {
        // The mixed-types file carries an AEPF003, so the Diagnostics branch has an output to keep.
        var files = ImmutableArray.Create(
            SharedRuns.TestDataFile("acme-ledger.flowspec.json"),
            new InMemoryAdditionalText("/project/specs/mixed.flowspec.json", MixedTypesSpec));
        var compilation = GeneratorHarness.CreateCompilation();
        var first = GeneratorRun.Execute(GeneratorHarness.CreateDriver(files), compilation, files);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace UserApp; public static class Added { public static int Two() => 2; }", GeneratorHarness.ParseOptions));
        var second = GeneratorRun.Execute(first.Driver, edited, files);
        Assert.Single(second.Diagnostics("AEPF003"));

        var result = SpecGeneratorResult(second);
        foreach (var step in SpecSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"Tracking name '{step}' not found; tracked: {string.Join(", ", result.TrackedSteps.Keys)}");
            AssertAllReused(result.TrackedSteps[step], step);
        }

        foreach (var (name, steps) in result.TrackedOutputSteps)
        {
            AssertAllReused(steps, $"output {name}");
        }

        Assert.Equal(first.GeneratedSources, second.GeneratedSources);
    }

    [Fact]
    public void EditingOneSpecFileRegeneratesOnlyThatSpec()
    {
        var acme = SharedRuns.TestDataFile("acme-ledger.flowspec.json");
        var beta = new InMemoryAdditionalText("/project/specs/beta.flowspec.json", BetaSpec);
        var compilation = GeneratorHarness.CreateCompilation();
        var first = GeneratorRun.Execute(GeneratorHarness.CreateDriver([acme, beta]), compilation, [acme, beta]);

        // A documentation-only change: same types, same catalog entry, new XML doc text.
        var editedAcme = acme.WithContent(acme.Content.Replace("Smallest amount worth ingesting.", "Smallest amount, in minor units, worth ingesting.", StringComparison.Ordinal));
        Assert.NotEqual(acme.Content, editedAcme.Content);
        var driver = first.Driver.ReplaceAdditionalText(acme, editedAcme);
        var second = GeneratorRun.Execute(driver, compilation, [editedAcme, beta]);

        var result = SpecGeneratorResult(second);
        var models = result.TrackedSteps["FlowSpecModels"].SelectMany(s => s.Outputs).ToArray();
        Assert.Equal(SpecFiles.Bundled.Count + 2, models.Length);
        Assert.Single(models, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(models.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => AssertReused(o.Reason, "FlowSpecModels"));

        foreach (var step in new[] { "Options", "BundledSpecs", "ConnectionSpecModels", "CatalogModel" })
        {
            AssertAllReused(result.TrackedSteps[step], step);
        }

        // Beta's own parse is reused; only acme's file was read again.
        var parsedFiles = result.TrackedSteps["AdditionalSpecFiles"].SelectMany(s => s.Outputs).ToArray();
        Assert.Equal(1, parsedFiles.Count(o => o.Reason == IncrementalStepRunReason.Modified));

        foreach (var (hintName, text) in first.GeneratedSources)
        {
            if (hintName == "FlowSpecs.AcmeLedgerToAep.g.cs")
            {
                Assert.NotEqual(text, second.GeneratedSources[hintName]);
                Assert.Contains("Smallest amount, in minor units, worth ingesting.", second.GeneratedSources[hintName], StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(text, second.GeneratedSources[hintName]);
            }
        }
    }

    [Fact]
    public void RerunWithNothingChangedReusesEveryOutput()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var first = GeneratorRun.Execute(GeneratorHarness.CreateDriver(), compilation, []);
        var second = GeneratorRun.Execute(first.Driver, compilation, []);

        foreach (var (name, steps) in SpecGeneratorResult(second).TrackedOutputSteps)
        {
            AssertAllReused(steps, $"output {name}");
        }
    }

    private static GeneratorRunResult SpecGeneratorResult(GeneratorRun run)
    {
        var results = run.RunResult.Results.Where(r => r.TrackedSteps.ContainsKey("FlowSpecModels")).ToArray();
        Assert.True(results.Length == 1, $"Expected one generator tracking 'FlowSpecModels'; tracked: {string.Join(" / ", run.RunResult.Results.Select(r => string.Join(", ", r.TrackedSteps.Keys)))}");
        return results[0];
    }

    private static void AssertAllReused(ImmutableArray<IncrementalGeneratorRunStep> steps, string name)
    {
        foreach (var step in steps)
        {
            foreach (var (_, reason) in step.Outputs)
            {
                AssertReused(reason, name);
            }
        }
    }

    private static void AssertReused(IncrementalStepRunReason reason, string name) =>
        Assert.True(
            reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"Step '{name}' output was {reason}, expected Cached or Unchanged.");
}
