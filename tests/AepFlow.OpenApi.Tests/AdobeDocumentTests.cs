using AepFlow.Generator.OpenApi;

namespace AepFlow.OpenApi.Tests;

/// <summary>
/// Adobe's own, quirky documents go through the same path as a user's document (NSwag → digest → emitted C#) inside the
/// generator, and the result compiles against AepFlow.Client without errors.
/// </summary>
public sealed class AdobeDocumentTests
{
    [Theory]
    [InlineData("flow-service.yaml")]
    [InlineData("data-prep.yaml")]
    [InlineData("catalog.yaml")]
    [InlineData("schema-registry.yaml")]
    public async Task Adobe_document_generates_code_that_compiles(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.AdobeOpenApi, file));
        var operations = (await NSwag.OpenApiYamlDocument.FromYamlAsync(text)).Operations.Count();
        var path = Path.Combine("/project", "adobe-" + Path.GetFileNameWithoutExtension(file) + ".openapi.yaml");

        var (output, diagnostics, run) = GeneratorHarness.Run(new AepClientGenerator(), generateClient: false, new GeneratorHarness.File(path, text));

        Assert.Empty(diagnostics);
        Assert.Empty(GeneratorHarness.Errors(output));
        var operationsSource = run.Results.Single().GeneratedSources.Single(s => s.HintName.StartsWith("AepFlow.Operations.", StringComparison.Ordinal));
        var methods = operationsSource.SourceText.ToString().Split('\n').Count(l => l.TrimStart().StartsWith("public static global::AepFlow.Http.AepRequest ", StringComparison.Ordinal));
        Assert.Equal(operations, methods);
    }

    [Fact]
    public void Broken_user_document_reports_a_located_error_and_generates_nothing()
    {
        var text = "openapi: 3.0.1\ninfo:\n  title: x\n  version: '1'\npaths:\n  /a:\n    get: [unclosed\n";
        var (output, diagnostics, _) = GeneratorHarness.Run(new AepClientGenerator(), generateClient: false, new GeneratorHarness.File("/project/broken.openapi.yaml", text));

        var error = Assert.Single(diagnostics);
        Assert.Equal("AEPF090", error.Id);
        Assert.Equal("/project/broken.openapi.yaml", error.Location.GetLineSpan().Path);
        Assert.True(error.Location.GetLineSpan().StartLinePosition.Line >= 5, error.ToString());
        Assert.Empty(output.SyntaxTrees.Skip(1));
    }

    [Fact]
    public void Two_documents_with_the_same_service_name_warn_and_keep_the_first()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Specs, "catalog.json"));
        var (output, diagnostics, _) = GeneratorHarness.Run(
            new AepClientGenerator(),
            generateClient: false,
            new GeneratorHarness.File("/project/a/catalog.openapi.json", doc),
            new GeneratorHarness.File("/project/b/catalog.openapi.json", doc));

        var warning = Assert.Single(diagnostics);
        Assert.Equal("AEPF091", warning.Id);
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Fact]
    public void A_user_document_in_a_project_without_AepFlow_Client_warns_instead_of_emitting_broken_code()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Specs, "catalog.json"));
        var (output, diagnostics, run) = GeneratorHarness.Run(
            new AepClientGenerator(), generateClient: false, withClient: false, new GeneratorHarness.File("/project/catalog.openapi.json", doc));

        var warning = Assert.Single(diagnostics);
        Assert.Equal("AEPF093", warning.Id);
        Assert.Equal("/project/catalog.openapi.json", warning.Location.GetLineSpan().Path);
        Assert.Empty(run.Results.Single().GeneratedSources);
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Fact]
    public void Without_the_property_and_without_user_documents_nothing_is_generated()
    {
        var (_, diagnostics, run) = GeneratorHarness.Run(new AepClientGenerator(), generateClient: false);
        Assert.Empty(diagnostics);
        Assert.Empty(run.Results.Single().GeneratedSources);
    }

    [Fact]
    public void Bundled_services_are_emitted_when_the_property_is_set()
    {
        var (_, diagnostics, run) = GeneratorHarness.Run(new AepClientGenerator(), generateClient: true);
        Assert.Empty(diagnostics);
        var hints = run.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("AepFlow.Operations.FlowService.g.cs", hints);
        Assert.Contains("AepFlow.Operations.DataPrep.g.cs", hints);
        Assert.Contains("AepFlow.Operations.Catalog.g.cs", hints);
        Assert.Contains("AepFlow.Operations.SchemaRegistry.g.cs", hints);
        Assert.Contains("AepFlow.Models.FlowService.g.cs", hints);
    }

    [Fact]
    public void An_unrelated_edit_leaves_the_emitted_services_cached()
    {
        var driver = GeneratorHarness.Driver(new AepClientGenerator(), generateClient: true);
        var compilation = GeneratorHarness.Compilation("class A { }");
        driver = driver.RunGenerators(compilation);
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class B { }", GeneratorHarness.ParseOptions)));

        var steps = driver.GetRunResult().Results.Single().TrackedSteps[AepClientGenerator.Steps.Services];
        Assert.NotEmpty(steps);
        Assert.All(steps.SelectMany(s => s.Outputs), o => Assert.Equal(Microsoft.CodeAnalysis.IncrementalStepRunReason.Cached, o.Reason));
    }
}
