using System.Text.Json;
using AepFlow.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AepFlow.Generator.Tests.Conformance;

/// <summary>
/// Every real spec in <c>reference/aep-reference/docs-examples</c> is fed to the generator as a user AdditionalFile:
/// the valid ones must generate compiling code, the broken ones a located AEPF001/AEPF002 and never a crash.
/// </summary>
public sealed class DocsExamplesConformanceTests
{
    // Each file is judged on its own: the bundled specs stay out so each compilation holds that file's code only.
    private static readonly Dictionary<string, string> NoBundledSpecs = new() { ["AepFlowIncludeBundledSpecs"] = "false" };

    public static TheoryData<string> ValidSpecFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "flowspecs", "connectionspecs" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.DocsExamples, folder), "*.json").Order(StringComparer.Ordinal))
            {
                if (SpecIds(file).Count > 0)
                {
                    data.Add($"{folder}/{Path.GetFileName(file)!}");
                }
            }
        }

        return data;
    }

    public static TheoryData<string> InvalidFiles() =>
        [.. Directory.GetFiles(Path.Combine(RepoPaths.DocsExamples, "invalid")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ValidSpecFiles))]
    public void ReferenceSpecGeneratesCodeThatCompiles(string relativePath)
    {
        var file = Path.Combine(RepoPaths.DocsExamples, relativePath);
        var additional = AsAdditionalFile(file, relativePath.StartsWith("connectionspecs", StringComparison.Ordinal));

        var run = GeneratorHarness.Run([additional], buildProperties: NoBundledSpecs).AssertNoErrors(includeAnalyzers: true);

        var generated = string.Concat(run.GeneratedSources.Values);
        foreach (var id in SpecIds(file))
        {
            Assert.True(generated.Contains($"\"{id}\"", StringComparison.Ordinal), $"No generated code carries the id {id} of {relativePath}.");
        }
    }

    [Fact]
    public void ConnectionSpecTemplateWithoutIdIsReportedAsNotASpecAndNothingElseBreaks()
    {
        // The SDK's connectionSpec template (a POST body) has no id and duplicate "name"/"providerId" keys.
        var file = Path.Combine(RepoPaths.DocsExamples, "connectionspecs", "generic-streaming-template-duplicate-keys.json");
        var run = GeneratorHarness.Run([AsAdditionalFile(file, connectionSpec: true)], buildProperties: NoBundledSpecs)
            .AssertNoCrash(includeAnalyzers: true);

        var diagnostic = Assert.Single(run.Diagnostics("AEPF002"));
        Assert.EndsWith("generic-streaming-template-duplicate-keys.connectionspec.json", diagnostic.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void BrokenReferenceFileYieldsAepf001AtTheParserErrorPosition(string fileName)
    {
        var file = Path.Combine(RepoPaths.DocsExamples, "invalid", fileName);
        var connectionSpec = fileName.Contains("connection", StringComparison.Ordinal);
        var additional = AsAdditionalFile(file, connectionSpec);
        var expected = JsonErrorPosition.Of(additional.Content);

        var run = GeneratorHarness.Run([additional], buildProperties: NoBundledSpecs).AssertNoCrash(includeAnalyzers: true);

        var specDiagnostics = run.AllDiagnostics.Where(d => d.Id is "AEPF001" or "AEPF002").ToArray();
        var diagnostic = Assert.Single(specDiagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(additional.Path, span.Path);
        if (expected is { } position)
        {
            Assert.Equal("AEPF001", diagnostic.Id);
            Assert.Equal(position, span.StartLinePosition);
        }
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void BrokenUserFileCostsOnlyItselfAndTheBundledSpecsStillCompile()
    {
        var broken = AsAdditionalFile(Path.Combine(RepoPaths.DocsExamples, "invalid", "streaming-flowspecs-list.json"), connectionSpec: false);

        var run = GeneratorHarness.Run([broken]).AssertNoCrash();

        Assert.Single(run.Diagnostics("AEPF001"));
        Assert.Equal(
            SpecFiles.Bundled.Count,
            run.GeneratedSources.Keys.Count(h => h.StartsWith("FlowSpecs.", StringComparison.Ordinal) && h != "FlowSpecs.FlowSpecCatalog.g.cs"
                && !h.EndsWith(".Factory.g.cs", StringComparison.Ordinal)));
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void EveryInvalidReferenceFileIsInvalidJsonForAStrictParser()
    {
        // Guards the test above: if a file here ever parses, the exact-position check would silently weaken.
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.DocsExamples, "invalid")))
        {
            Assert.True(JsonErrorPosition.Of(File.ReadAllText(file)) is not null, $"{Path.GetFileName(file)} parses");
        }
    }

    private static InMemoryAdditionalText AsAdditionalFile(string file, bool connectionSpec)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        var suffix = connectionSpec ? ".connectionspec.json" : ".flowspec.json";
        return InMemoryAdditionalText.FromFile(file, $"/project/specs/{stem}{suffix}");
    }

    private static IReadOnlyList<string> SpecIds(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        var root = document.RootElement;
        var items = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out var array)
            ? array.EnumerateArray().ToArray()
            : [root];
        return [.. items.Where(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty("id", out _)).Select(i => i.GetProperty("id").GetString()!)];
    }
}
