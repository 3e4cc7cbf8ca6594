using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace AepFlow.OpenApi.Tests;

/// <summary>
/// The cost rule: an ordinary compilation must not load NSwag. The generator is loaded the way the compiler loads an
/// analyzer (its own AssemblyLoadContext, Roslyn shared), run, and the context's assemblies are inspected.
/// </summary>
public sealed class NSwagLoadingTests
{
    private static readonly string[] ShippedBeside =
    [
        "AepFlow.Generator", "NSwag.Core", "NSwag.Core.Yaml", "NJsonSchema", "NJsonSchema.Annotations", "NJsonSchema.Yaml",
        "Newtonsoft.Json", "Namotion.Reflection", "YamlDotNet",
    ];

    [Fact]
    public void Bundled_operations_are_generated_without_loading_NSwag()
    {
        var loaded = RunInIsolation(generateClient: true, userDocument: null, out var generated);

        Assert.Contains("AepFlow.Generator", loaded);
        Assert.Equal(9, generated); // operations and models of four services, plus the shared support file
        Assert.DoesNotContain(loaded, name => name.StartsWith("NSwag", StringComparison.Ordinal) || name.StartsWith("NJsonSchema", StringComparison.Ordinal)
            || name is "Newtonsoft.Json" or "YamlDotNet" or "Namotion.Reflection");
    }

    [Fact]
    public void A_user_document_is_what_loads_NSwag()
    {
        var document = File.ReadAllText(Path.Combine(RepoPaths.Specs, "catalog.json"));
        var loaded = RunInIsolation(generateClient: false, userDocument: document, out var generated);

        Assert.Contains("NSwag.Core", loaded);
        Assert.True(generated > 0);
    }

    private static List<string> RunInIsolation(bool generateClient, string? userDocument, out int generated)
    {
        var context = new AnalyzerLikeContext(AppContext.BaseDirectory);
        try
        {
            var assembly = context.LoadFromAssemblyName(new AssemblyName("AepFlow.Generator"));
            var generator = (IIncrementalGenerator)Activator.CreateInstance(assembly.GetType("AepFlow.Generator.OpenApi.AepClientGenerator", throwOnError: true)!)!;
            var files = userDocument is null ? [] : new AdditionalText[] { new GeneratorHarness.File("/project/catalog.openapi.json", userDocument) };
            var (_, _, run) = GeneratorHarness.Run(generator, generateClient, files);
            generated = run.Results.Single().GeneratedSources.Length;
            return context.Assemblies.Select(a => a.GetName().Name!).ToList();
        }
        finally
        {
            context.Unload();
        }
    }

    // Like the compiler's analyzer loader: the analyzer and what ships beside it load here, Roslyn and the BCL come from the host.
    private sealed class AnalyzerLikeContext(string directory) : AssemblyLoadContext("AepClientGenerator under test", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName name) =>
            ShippedBeside.Contains(name.Name) ? LoadFromAssemblyPath(Path.Combine(directory, name.Name + ".dll")) : null;
    }
}
