using System.Text.Json;
using AepFlow.Generator.OpenApi;
using AepFlow.Generator.OpenApi.Digest;
using NSwag;

namespace AepFlow.OpenApi.Tests;

/// <summary>The digest embedded in the generator at its build time holds what the bundled documents promise.</summary>
public sealed class BundledDigestTests
{
    private static ApiDigest Digest => BundledOpenApiDigest.Digest ?? throw new InvalidOperationException(BundledOpenApiDigest.Error);

    private static ServiceDigest Service(string name) => Digest.Services.Single(s => s.Name == name);

    [Fact]
    public async Task FlowService_has_every_operation_of_Adobes_document_with_the_same_method_and_path()
    {
        var adobe = await OpenApiYamlDocument.FromFileAsync(Path.Combine(RepoPaths.AdobeOpenApi, "flow-service.yaml"));
        var expected = adobe.Operations
            .Select(o => (o.Operation.OperationId, Method: o.Method.ToUpperInvariant(), o.Path))
            .OrderBy(o => o.OperationId, StringComparer.Ordinal)
            .ToList();
        var actual = Service("FlowService").Operations
            .Select(o => (o.OperationId, Method: o.HttpMethod, o.Path))
            .OrderBy(o => o.OperationId, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(45, expected.Count);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task FlowService_keeps_Adobes_path_query_and_header_parameters_minus_the_ambient_auth_headers()
    {
        var adobe = await OpenApiYamlDocument.FromFileAsync(Path.Combine(RepoPaths.AdobeOpenApi, "flow-service.yaml"));
        var ambient = new[] { "Authorization", "x-api-key", "x-gw-ims-org-id", "x-sandbox-name" };
        foreach (var operation in Service("FlowService").Operations)
        {
            var source = adobe.Operations.Single(o => o.Operation.OperationId == operation.OperationId).Operation;
            var expected = source.ActualParameters
                .Where(p => p.Kind != OpenApiParameterKind.Body && !ambient.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
                .Select(p => p.Name)
                .OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(expected, operation.Parameters.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData("DataPrep", "/data/foundation/conversion", "createMappingSet,listMappingSets,previewMappingSet,retrieveMappingSet,validateMappingSet")]
    [InlineData("Catalog", "/data/foundation/catalog", "createDataset,retrieveDataset")]
    [InlineData("SchemaRegistry", "/data/foundation/schemaregistry", "createSchema,retrieveSchema")]
    [InlineData("FlowService", "/data/foundation/flowservice", null)]
    public void Other_services_have_the_tutorial_operations_and_their_base_path(string service, string basePath, string? operations)
    {
        var digest = Service(service);
        Assert.Equal(basePath, digest.BasePath);
        if (operations is not null)
        {
            Assert.Equal(operations.Split(','), digest.Operations.Select(o => o.OperationId).OrderBy(o => o, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Known_quirks_are_fixed_in_the_bundled_documents()
    {
        var flow = Service("FlowService");
        var schedule = flow.Schemas.Single(s => s.Name == "ScheduleSpecDto");
        var interval = schedule.Properties.Single(p => p.JsonName == "interval");
        Assert.Equal(TypeRef.Integer, interval.Type.Kind);
        Assert.Equal(1, interval.Type.Minimum);
        var backfill = schedule.Properties.Single(p => p.JsonName == "backfill");
        Assert.False(backfill.Required);

        // Every PATCH takes the etag; PUT /runs/{id} spells it If-Match.
        foreach (var patch in flow.Operations.Where(o => o.HttpMethod == "PATCH"))
        {
            Assert.Contains(patch.Parameters, p => p is { In: "header", Name: "if-match", Required: true });
            Assert.Equal(TypeRef.Array, patch.Body!.Type.Kind);
        }

        Assert.Contains(flow.Operations.Single(o => o.OperationId == "updateRun").Parameters, p => p is { In: "header", Name: "If-Match", Required: true });
        Assert.Contains(flow.Schemas, s => s.Name == "AepError" && s.Properties.Any(p => p.JsonName == "error_code"));
        Assert.Equal("AepFlow.Validation.IFlowRequest", flow.Operations.Single(o => o.OperationId == "createFlow").Body!.ClrType);
        Assert.Equal("application/vnd.adobe.xed+json; version=1", Service("SchemaRegistry").Operations.Single(o => o.OperationId == "retrieveSchema").Accept);
    }

    [Fact]
    public void Only_list_operations_that_continue_through_links_page()
    {
        var paging = Service("FlowService").Operations.Where(o => o.Pages).Select(o => o.OperationId).OrderBy(o => o, StringComparer.Ordinal);
        Assert.Equal(new[] { "getSourceConnections", "getTargetConnections", "listConnections", "listFlowRuns", "listFlows" }, paging);
        Assert.True(Service("DataPrep").Operations.Single(o => o.OperationId == "listMappingSets").Pages);
    }

    [Fact]
    public void Search_posts_are_idempotent_and_creates_are_not()
    {
        var flow = Service("FlowService").Operations.ToDictionary(o => o.OperationId);
        Assert.True(flow["getFlowsByFilters"].Idempotent);
        Assert.False(flow["createFlow"].Idempotent);
        Assert.False(flow["patchFlow"].Idempotent);
        Assert.True(flow["deleteByFlow"].Idempotent);
    }

    [Fact]
    public void Digest_json_round_trips()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            DigestJson.Write(writer, Digest);
        }

        Assert.Equal(Digest, DigestJson.Read(buffer.WrittenMemory));
    }

    [Fact]
    public void Bundled_documents_carry_no_Adobe_prose()
    {
        // Summaries and descriptions were replaced by a few own words; none of Adobe's sentences remain.
        foreach (var file in Directory.GetFiles(RepoPaths.Specs, "*.json"))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("Use this endpoint", text, StringComparison.Ordinal);
            Assert.DoesNotContain("authentication tutorial", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"summary\"", text, StringComparison.Ordinal);
            Assert.StartsWith("https://platform.adobe.io/data/foundation/", JsonDocument.Parse(text).RootElement.GetProperty("servers")[0].GetProperty("url").GetString());
        }
    }
}
