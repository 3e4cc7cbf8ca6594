using System.Text.Json.Nodes;
using AepFlow.Emulator.Specs;
using AepFlow.Generator.Specs;

namespace AepFlow.Emulator.Tests;

public sealed class SpecCatalogTests
{
    private static readonly string Examples = Path.Combine(FlowSpecLookupTests.RepositoryRoot(), "reference", "aep-reference", "docs-examples");

    [Fact]
    public void Real_flowSpecs_load_in_both_file_shapes()
    {
        var catalog = SpecCatalog.Load([], FilesIn("flowspecs"));

        Assert.Contains(TestEmulator.CrmToAep, catalog.FlowSpecs.Keys);
        Assert.Contains(TestEmulator.CloudStorageToAep, catalog.FlowSpecs.Keys);
        Assert.Contains("e77fde5a-22a8-11ed-861d-0242ac120002", catalog.FlowSpecs.Keys);

        // The folder holds several revisions of some specs: by the core's rule the first by path wins, the rest are reported.
        Assert.All(catalog.Problems, problem => Assert.Contains("is already declared in", problem));
    }

    [Fact]
    public void Broken_files_are_reported_by_name_and_do_not_stop_the_others()
    {
        var broken = FilesIn("invalid").Where(f => f.Path.StartsWith("flowspec-", StringComparison.Ordinal)).ToArray();
        var duplicateKeys = FilesIn("connectionspecs", SpecKind.ConnectionSpec).Where(f => f.Path.Contains("duplicate-keys", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(broken);
        Assert.NotEmpty(duplicateKeys);

        var catalog = SpecCatalog.Load(
            [],
            [.. broken, .. FilesIn("flowspecs"), .. duplicateKeys, .. FilesIn("connectionspecs", SpecKind.ConnectionSpec).Where(f => f.Path.StartsWith("salesforce", StringComparison.Ordinal))]);

        Assert.Contains(TestEmulator.CrmToAep, catalog.FlowSpecs.Keys);
        Assert.Contains(TestEmulator.Salesforce, catalog.ConnectionSpecs.Keys);
        foreach (var file in broken.Concat(duplicateKeys))
        {
            Assert.Contains(catalog.Problems, problem => problem.StartsWith(file.Path + ":", StringComparison.Ordinal));
        }

        // Every spec that did load can be served: enumerating it must not throw.
        foreach (var spec in catalog.FlowSpecs.Values.Concat(catalog.ConnectionSpecs.Values))
        {
            Assert.NotEmpty(spec.ToJsonString());
        }
    }

    [Fact]
    public void Not_a_spec_is_a_problem_not_a_crash()
    {
        var catalog = SpecCatalog.Load(
            [],
            [
                new SpecSource("array.flowspec.json", "[1, 2]", SpecKind.FlowSpec, isBundled: false),
                new SpecSource("no-id.flowspec.json", """{ "name": "x" }""", SpecKind.FlowSpec, isBundled: false),
                new SpecSource("items-of-numbers.flowspec.json", """{ "items": [ 3 ] }""", SpecKind.FlowSpec, isBundled: false),
            ]);

        Assert.Empty(catalog.FlowSpecs);
        Assert.Equal(3, catalog.Problems.Count);
    }

    [Fact]
    public void A_spec_folder_adds_specs_and_a_spec_with_a_bundled_id_replaces_the_bundled_one()
    {
        var folder = Directory.CreateTempSubdirectory("aepflow-emulator-specs-");
        try
        {
            var bundled = SpecCatalog.LoadEmbedded();
            var replaced = (JsonObject)bundled.FlowSpecs[TestEmulator.CrmToAep].DeepClone();
            replaced["name"] = "CRMToAEP pulled";
            File.WriteAllText(Path.Combine(folder.FullName, "crm-to-aep-14518937.flowspec.json"), replaced.ToJsonString());
            File.WriteAllText(Path.Combine(folder.FullName, "mine.connectionspec.json"), """
                { "id": "11111111-2222-3333-4444-555555555555", "name": "My source", "authSpec": [] }
                """);
            File.WriteAllText(Path.Combine(folder.FullName, "notes.json"), "not a spec file by name, so not read");

            var catalog = SpecCatalog.Load([folder.FullName]);

            Assert.Equal("CRMToAEP pulled", catalog.FlowSpecs[TestEmulator.CrmToAep]["name"]!.GetValue<string>());
            Assert.Equal(bundled.FlowSpecs.Count, catalog.FlowSpecs.Count);
            Assert.Equal(bundled.ConnectionSpecs.Count + 1, catalog.ConnectionSpecs.Count);
            Assert.Equal(2, catalog.UserSpecCount);
            Assert.Empty(catalog.Problems);
            Assert.Throws<DirectoryNotFoundException>(() => SpecCatalog.Load([Path.Combine(folder.FullName, "missing")]));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static IEnumerable<SpecSource> FilesIn(string folder, SpecKind kind = SpecKind.FlowSpec) =>
        Directory.GetFiles(Path.Combine(Examples, folder), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => new SpecSource(Path.GetFileName(path), File.ReadAllText(path), kind, isBundled: false));
}

public sealed class GeneratedModelVisibilityTests
{
    [Fact]
    public void Generated_models_stay_internal_to_the_emulator()
    {
        var types = typeof(AepEmulator).Assembly.GetTypes()
            .Where(t => !t.IsNested && t.Namespace is "AepFlow.FlowSpecs" or "AepFlow.ConnectionSpecs")
            .ToArray();

        Assert.Contains(types, t => t.FullName == "AepFlow.FlowSpecs.FlowSpecCatalog");
        Assert.Contains(types, t => t.FullName == "AepFlow.ConnectionSpecs.Salesforce");
        Assert.All(types, t => Assert.False(t.IsPublic, $"{t.FullName} is public"));
    }
}
