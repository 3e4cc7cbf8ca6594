using System.Net;

namespace AepFlow.Emulator.Tests;

public sealed class TutorialChainTests
{
    [Fact]
    public async Task Crm_tutorial_chain_with_raw_json_creates_a_flow_with_a_first_run()
    {
        await using var env = await TestEmulator.StartAsync();

        var schemaId = await Scenario.CreateSchemaAsync(env);
        var dataSetId = await Scenario.CreateDataSetAsync(env, schemaId);
        var baseId = await Scenario.CreateBaseConnectionAsync(env);
        var sourceId = await Scenario.CreateSourceConnectionAsync(env, baseId);
        var targetId = await Scenario.CreateTargetConnectionAsync(env, schemaId, dataSetId);
        var mappingId = await Scenario.CreateMappingSetAsync(env, schemaId);
        var flowSpec = Scenario.Single(await env.GetOkAsync($"{TestEmulator.FlowService}/flowSpecs?property=name==CRMToAEP"));

        using var created = await env.Http.PostAsync(
            $"{TestEmulator.FlowService}/flows",
            TestEmulator.Json(Scenario.FlowJson(sourceId, targetId, mappingId, flowSpecId: flowSpec["id"]!.GetValue<string>())));
        var createdBody = await TestEmulator.ReadAsync(created);
        Assert.True(created.StatusCode == HttpStatusCode.Created, createdBody.ToJsonString());
        var flowId = createdBody["id"]!.GetValue<string>();
        var etag = createdBody["etag"]!.GetValue<string>();

        // The first run starts at once (startTime is in the past) and ends after the emulator's simulated run time.
        env.Emulator.Clock.Advance(TimeSpan.FromSeconds(10));
        var flow = Scenario.Single(await env.GetOkAsync($"{TestEmulator.FlowService}/flows/{flowId}"));
        var run = Scenario.Single(await env.GetOkAsync($"{TestEmulator.FlowService}/runs?property=flowId=={flowId}"));
        var dataSet = await env.GetOkAsync($"data/foundation/catalog/dataSets/{dataSetId}");
        var schema = await env.GetOkAsync($"data/foundation/schemaregistry/tenant/schemas/{Uri.EscapeDataString(schemaId)}");
        var mappingSet = await env.GetOkAsync($"data/foundation/conversion/mappingSets/{mappingId}");

        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", flowId);
        Assert.Matches("^[0-9a-f]{32}$", mappingId);
        Assert.StartsWith("\"", etag);
        Assert.Equal(etag, created.Headers.ETag?.Tag);
        Assert.EndsWith($"/flows/{flowId}", created.Headers.Location?.ToString());
        Assert.Equal("enabled", flow["state"]!.GetValue<string>());
        Assert.Equal(etag, flow["etag"]!.GetValue<string>());
        Assert.Equal("prod", flow["sandboxName"]!.GetValue<string>());
        Assert.Equal(baseId, flow["inheritedAttributes"]!["sourceConnections"]![0]!["baseConnection"]!["id"]!.GetValue<string>());
        Assert.Equal(run["id"]!.GetValue<string>(), flow["lastRunDetails"]!["id"]!.GetValue<string>());
        Assert.Equal(flowId, run["flowId"]!.GetValue<string>());
        Assert.Equal("success", run["metrics"]!["statusSummary"]!["status"]!.GetValue<string>());
        Assert.Equal("CRM customers dataset", dataSet[dataSetId]!["name"]!.GetValue<string>());
        Assert.Equal(schemaId, schema["$id"]!.GetValue<string>());
        Assert.StartsWith("_aepflowemulator.schemas.", schema["meta:altId"]!.GetValue<string>());
        Assert.Equal("person.name.firstName", mappingSet["mappings"]![0]!["destination"]!.GetValue<string>());
    }

    [Fact]
    public async Task Schemas_are_found_by_alt_id_too()
    {
        await using var env = await TestEmulator.StartAsync();
        var schemaId = await Scenario.CreateSchemaAsync(env);
        var altId = (await env.GetOkAsync($"data/foundation/schemaregistry/tenant/schemas/{Uri.EscapeDataString(schemaId)}"))["meta:altId"]!.GetValue<string>();

        var byAltId = await env.GetOkAsync($"data/foundation/schemaregistry/tenant/schemas/{altId}");

        Assert.Equal(schemaId, byAltId["$id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_dataset_needs_an_existing_schema()
    {
        await using var env = await TestEmulator.StartAsync();

        using var response = await env.Http.PostAsync(
            "data/foundation/catalog/dataSets",
            TestEmulator.Json("""{"name":"orphan","schemaRef":{"id":"https://ns.adobe.com/aepflowemulator/schemas/nope","contentType":"application/vnd.adobe.xed-full+json;version=1"}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/schemaRef/id", (await TestEmulator.ReadAsync(response))["report"]!["errors"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Mapping_preview_copies_attribute_values_to_their_destinations()
    {
        await using var env = await TestEmulator.StartAsync();

        var preview = await env.PostOkAsync("data/foundation/conversion/mappingSets/preview", """
            {
              "data": [ { "id": 1234, "firstName": "Jim" } ],
              "mappingSet": { "mappings": [
                { "sourceType": "ATTRIBUTE", "source": "id", "destination": "_id" },
                { "sourceType": "ATTRIBUTE", "source": "firstName", "destination": "person.name.firstName" } ] }
            }
            """);
        var validation = await env.PostOkAsync("data/foundation/conversion/mappingSets/validate", """
            { "mappings": [ { "source": "a", "destination": "b.c" }, { "source": "a", "destination": "" } ] }
            """);

        Assert.Equal(1234, preview[0]!["data"]!["_id"]!.GetValue<int>());
        Assert.Equal("Jim", preview[0]!["data"]!["person"]!["name"]!["firstName"]!.GetValue<string>());
        Assert.Equal("SUCCESS", validation["validationResponse"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("ERROR", validation["validationResponse"]![1]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_a_flow_removes_it()
    {
        await using var env = await TestEmulator.StartAsync();
        var (source, target, mapping) = await Scenario.PrepareFlowAsync(env);
        var flowId = (await env.PostOkAsync($"{TestEmulator.FlowService}/flows", Scenario.FlowJson(source, target, mapping)))["id"]!.GetValue<string>();

        using var deleted = await env.Http.DeleteAsync($"{TestEmulator.FlowService}/flows/{flowId}");
        using var gone = await env.Http.GetAsync($"{TestEmulator.FlowService}/flows/{flowId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
