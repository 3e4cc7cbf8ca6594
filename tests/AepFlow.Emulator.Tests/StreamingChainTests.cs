using System.Net;

namespace AepFlow.Emulator.Tests;

public sealed class StreamingChainTests
{
    private const string HttpApi = "bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb";
    private const string StreamWithOptionalTransformation = "d69717ba-71b4-4313-b654-49f9cf126d7a";

    [Fact]
    public async Task Streaming_tutorial_chain_creates_a_mapping_only_flow_without_schedule()
    {
        await using var env = await TestEmulator.StartAsync();
        var schemaId = await Scenario.CreateSchemaAsync(env);
        var dataSetId = await Scenario.CreateDataSetAsync(env, schemaId);
        var baseId = (await env.PostOkAsync($"{TestEmulator.FlowService}/connections", $$"""
            { "name": "HTTP API streaming", "auth": { "specName": "Streaming Connection", "params": { "sourceId": "crm", "dataType": "xdm", "name": "CRM stream" } },
              "connectionSpec": { "id": "{{HttpApi}}", "version": "1.0" } }
            """))["id"]!.GetValue<string>();
        var sourceId = (await env.PostOkAsync($"{TestEmulator.FlowService}/sourceConnections", $$"""
            { "name": "HTTP API source", "baseConnectionId": "{{baseId}}", "connectionSpec": { "id": "{{HttpApi}}", "version": "1.0" } }
            """))["id"]!.GetValue<string>();
        var targetId = await Scenario.CreateTargetConnectionAsync(env, schemaId, dataSetId);
        var mappingId = await Scenario.CreateMappingSetAsync(env, schemaId);

        using var created = await env.Http.PostAsync($"{TestEmulator.FlowService}/flows", TestEmulator.Json($$"""
            { "name": "Streaming dataflow", "flowSpec": { "id": "{{StreamWithOptionalTransformation}}", "version": "1.0" },
              "sourceConnectionIds": [ "{{sourceId}}" ], "targetConnectionIds": [ "{{targetId}}" ],
              "transformations": [ { "name": "Mapping", "params": { "mappingId": "{{mappingId}}" } } ] }
            """));
        var baseConnection = Scenario.Single(await env.GetOkAsync($"{TestEmulator.FlowService}/connections/{baseId}"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("https://dcs.adobedc.net/collection/", baseConnection["auth"]!["params"]!["inletUrl"]!.GetValue<string>());
        Assert.Equal("crm", baseConnection["auth"]!["params"]!["sourceId"]!.GetValue<string>());
    }
}
