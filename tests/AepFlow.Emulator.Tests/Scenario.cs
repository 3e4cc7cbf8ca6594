using System.Text.Json.Nodes;

namespace AepFlow.Emulator.Tests;

/// <summary>The CRM tutorial's resources created with raw JSON, step by step, so tests can start from any point.</summary>
internal static class Scenario
{
    public static async Task<string> CreateSchemaAsync(TestEmulator env, HttpClient? client = null)
    {
        var schema = await env.PostOkAsync("data/foundation/schemaregistry/tenant/schemas", """
            {
              "type": "object",
              "title": "CRM customers",
              "description": "Customers read from Salesforce",
              "allOf": [ { "$ref": "https://ns.adobe.com/xdm/context/profile" } ]
            }
            """, client);
        return schema["$id"]!.GetValue<string>();
    }

    public static async Task<string> CreateDataSetAsync(TestEmulator env, string schemaId, HttpClient? client = null)
    {
        var created = await env.PostOkAsync("data/foundation/catalog/dataSets", $$"""
            {
              "name": "CRM customers dataset",
              "schemaRef": { "id": "{{schemaId}}", "contentType": "application/vnd.adobe.xed-full+json;version=1" }
            }
            """, client);
        var reference = created.AsArray().Single()!.GetValue<string>();
        Assert.StartsWith("@/dataSets/", reference);
        return reference["@/dataSets/".Length..];
    }

    public static async Task<string> CreateBaseConnectionAsync(TestEmulator env, string name = "Salesforce base connection", HttpClient? client = null)
    {
        var created = await env.PostOkAsync($"{TestEmulator.FlowService}/connections", $$"""
            {
              "name": "{{name}}",
              "auth": {
                "specName": "Basic Authentication",
                "params": { "username": "user@example.com", "password": "secret", "securityToken": "token" }
              },
              "connectionSpec": { "id": "{{TestEmulator.Salesforce}}", "version": "1.0" }
            }
            """, client);
        return created["id"]!.GetValue<string>();
    }

    public static async Task<string> CreateSourceConnectionAsync(TestEmulator env, string baseConnectionId, HttpClient? client = null)
    {
        var created = await env.PostOkAsync($"{TestEmulator.FlowService}/sourceConnections", $$"""
            {
              "name": "Salesforce contacts",
              "baseConnectionId": "{{baseConnectionId}}",
              "data": { "format": "tabular" },
              "params": { "tableName": "Contact", "columns": [ { "name": "Id", "type": "string" } ] },
              "connectionSpec": { "id": "{{TestEmulator.Salesforce}}", "version": "1.0" }
            }
            """, client);
        return created["id"]!.GetValue<string>();
    }

    public static async Task<string> CreateTargetConnectionAsync(TestEmulator env, string schemaId, string dataSetId, HttpClient? client = null)
    {
        var created = await env.PostOkAsync($"{TestEmulator.FlowService}/targetConnections", $$"""
            {
              "name": "Data lake target",
              "data": { "format": "parquet_xdm", "schema": { "id": "{{schemaId}}", "version": "application/vnd.adobe.xed-full+json;version=1" } },
              "params": { "dataSetId": "{{dataSetId}}" },
              "connectionSpec": { "id": "{{TestEmulator.DataLake}}", "version": "1.0" }
            }
            """, client);
        return created["id"]!.GetValue<string>();
    }

    public static async Task<string> CreateMappingSetAsync(TestEmulator env, string schemaId, HttpClient? client = null)
    {
        var created = await env.PostOkAsync("data/foundation/conversion/mappingSets", $$"""
            {
              "version": 0,
              "xdmSchema": "{{schemaId}}",
              "xdmVersion": "1.0",
              "mappings": [
                { "destinationXdmPath": "person.name.firstName", "sourceAttribute": "FirstName", "identity": false, "version": 0 },
                { "destinationXdmPath": "personalEmail.address", "sourceAttribute": "Email", "identity": false, "version": 0 }
              ]
            }
            """, client);
        return created["id"]!.GetValue<string>();
    }

    public static string FlowJson(string sourceId, string targetId, string mappingId, string frequency = "minute", string interval = "15", string flowSpecId = TestEmulator.CrmToAep, long startTime = 1700000000) => $$"""
        {
          "name": "Salesforce dataflow",
          "description": "CRM tutorial flow",
          "flowSpec": { "id": "{{flowSpecId}}", "version": "1.0" },
          "sourceConnectionIds": [ "{{sourceId}}" ],
          "targetConnectionIds": [ "{{targetId}}" ],
          "transformations": [
            { "name": "Copy", "params": { "deltaColumn": { "name": "LastModifiedDate", "dateFormat": "YYYY-MM-DD", "timezone": "UTC" } } },
            { "name": "Mapping", "params": { "mappingId": "{{mappingId}}", "mappingVersion": "0" } }
          ],
          "scheduleParams": { "startTime": {{startTime}}, "frequency": "{{frequency}}", "interval": {{interval}} }
        }
        """;

    /// <summary>Everything a flow needs, created in order; returns the ids.</summary>
    public static async Task<(string Source, string Target, string Mapping)> PrepareFlowAsync(TestEmulator env, HttpClient? client = null)
    {
        var schemaId = await CreateSchemaAsync(env, client);
        var dataSetId = await CreateDataSetAsync(env, schemaId, client);
        var baseId = await CreateBaseConnectionAsync(env, client: client);
        var sourceId = await CreateSourceConnectionAsync(env, baseId, client);
        var targetId = await CreateTargetConnectionAsync(env, schemaId, dataSetId, client);
        var mappingId = await CreateMappingSetAsync(env, schemaId, client);
        return (sourceId, targetId, mappingId);
    }

    public static JsonObject Single(JsonNode listBody) => (JsonObject)listBody["items"]!.AsArray().Single()!;
}
