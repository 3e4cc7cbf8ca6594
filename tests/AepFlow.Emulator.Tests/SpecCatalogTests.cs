using AepFlow.Emulator.Specs;

namespace AepFlow.Emulator.Tests;

public sealed class SpecCatalogTests
{
    private static readonly string Examples = Path.Combine(FlowSpecLookupTests.RepositoryRoot(), "reference", "aep-reference", "docs-examples");

    [Fact]
    public void Real_flowSpecs_load_in_both_file_shapes()
    {
        var catalog = SpecCatalog.Load(FilesIn("flowspecs"), []);

        Assert.Contains(TestEmulator.CrmToAep, catalog.FlowSpecs.Keys);
        Assert.Contains(TestEmulator.CloudStorageToAep, catalog.FlowSpecs.Keys);
        Assert.Contains("e77fde5a-22a8-11ed-861d-0242ac120002", catalog.FlowSpecs.Keys);
        Assert.Empty(catalog.Problems);
    }

    [Fact]
    public void Broken_files_are_reported_by_name_and_do_not_stop_the_others()
    {
        var broken = FilesIn("invalid").Where(f => f.Name.StartsWith("flowspec-", StringComparison.Ordinal)).ToArray();
        var duplicateKeys = FilesIn("connectionspecs").Where(f => f.Name.Contains("duplicate-keys", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(broken);
        Assert.NotEmpty(duplicateKeys);

        var catalog = SpecCatalog.Load(broken.Concat(FilesIn("flowspecs")), duplicateKeys.Concat(FilesIn("connectionspecs").Where(f => f.Name.StartsWith("salesforce", StringComparison.Ordinal))));

        Assert.Contains(TestEmulator.CrmToAep, catalog.FlowSpecs.Keys);
        Assert.Contains(TestEmulator.Salesforce, catalog.ConnectionSpecs.Keys);
        foreach (var file in broken.Concat(duplicateKeys))
        {
            Assert.Contains(catalog.Problems, problem => problem.StartsWith(file.Name + ":", StringComparison.Ordinal));
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
            [
                new SpecFile("array.json", () => new MemoryStream("[1, 2]"u8.ToArray())),
                new SpecFile("no-id.json", () => new MemoryStream("""{ "name": "x" }"""u8.ToArray())),
                new SpecFile("items-of-numbers.json", () => new MemoryStream("""{ "items": [ 3 ] }"""u8.ToArray())),
            ],
            []);

        Assert.Empty(catalog.FlowSpecs);
        Assert.Equal(3, catalog.Problems.Count);
    }

    private static IEnumerable<SpecFile> FilesIn(string folder) =>
        Directory.GetFiles(Path.Combine(Examples, folder), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => new SpecFile(Path.GetFileName(path), () => File.OpenRead(path)));
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
