using System.Net;
using System.Text.Json.Nodes;

namespace AepFlow.Emulator.Tests;

public sealed class ConnectionValidationTests
{
    [Fact]
    public async Task Auth_params_are_checked_against_the_authSpec()
    {
        await using var env = await TestEmulator.StartAsync();

        var error = await PostExpecting400Async(env, "connections", $$"""
            { "name": "x", "auth": { "specName": "Basic Authentication", "params": { "username": "u", "password": "p" } },
              "connectionSpec": { "id": "{{TestEmulator.Salesforce}}", "version": "1.0" } }
            """);

        var detail = Assert.Single(error["report"]!["errors"]!.AsArray())!;
        Assert.Equal("/auth/params/securityToken", detail["path"]!.GetValue<string>());
        Assert.Equal("required", detail["keyword"]!.GetValue<string>());
    }

    [Fact]
    public async Task Auth_param_of_the_wrong_json_type_is_reported_at_its_pointer()
    {
        await using var env = await TestEmulator.StartAsync();

        var error = await PostExpecting400Async(env, "connections", $$"""
            { "name": "x", "auth": { "specName": "Basic Authentication", "params": { "username": 42, "password": "p", "securityToken": "t" } },
              "connectionSpec": { "id": "{{TestEmulator.Salesforce}}", "version": "1.0" } }
            """);

        var detail = Assert.Single(error["report"]!["errors"]!.AsArray())!;
        Assert.Equal("/auth/params/username", detail["path"]!.GetValue<string>());
        Assert.Equal("type", detail["keyword"]!.GetValue<string>());
        Assert.Contains("/auth/params/username", detail["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_source_connection_needs_an_existing_base_connection_of_the_same_spec()
    {
        await using var env = await TestEmulator.StartAsync();
        var baseId = await Scenario.CreateBaseConnectionAsync(env);

        var missing = await PostExpecting400Async(env, "sourceConnections", $$"""
            { "name": "s", "baseConnectionId": "44444444-4444-4444-4444-444444444444", "connectionSpec": { "id": "{{TestEmulator.Salesforce}}", "version": "1.0" } }
            """);
        var otherSpec = await PostExpecting400Async(env, "sourceConnections", $$"""
            { "name": "s", "baseConnectionId": "{{baseId}}", "connectionSpec": { "id": "{{TestEmulator.AmazonS3}}", "version": "1.0" } }
            """);

        Assert.Equal("/baseConnectionId", missing["report"]!["errors"]![0]!["path"]!.GetValue<string>());
        Assert.Equal("/connectionSpec/id", otherSpec["report"]!["errors"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_target_connection_needs_an_existing_dataset()
    {
        await using var env = await TestEmulator.StartAsync();

        var error = await PostExpecting400Async(env, "targetConnections", $$"""
            { "name": "t", "data": { "format": "parquet_xdm" }, "params": { "dataSetId": "000000000000000000000000" },
              "connectionSpec": { "id": "{{TestEmulator.DataLake}}", "version": "1.0" } }
            """);

        Assert.Equal("/params/dataSetId", error["report"]!["errors"]![0]!["path"]!.GetValue<string>());
    }

    private static async Task<JsonNode> PostExpecting400Async(TestEmulator env, string collection, string json)
    {
        using var response = await env.Http.PostAsync($"{TestEmulator.FlowService}/{collection}", TestEmulator.Json(json));
        var body = await TestEmulator.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        Assert.Equal("http://ns.adobe.com/aep/errors/FLOW-1004-400", body["type"]!.GetValue<string>());
        return body;
    }
}
