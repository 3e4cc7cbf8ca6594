using System.Net;
using System.Text.Json;
using AepFlow.Client.Tests.Infrastructure;
using AepFlow.Requests;

namespace AepFlow.Client.Tests;

public class HeadersAndValidationTests
{
    [Fact]
    public async Task Every_call_sends_the_adobe_headers_and_a_json_content_type_with_a_body()
    {
        var handler = new RecordingHandler
        {
            Respond = (r, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.Created, """{"id":"flow-1","etag":"\"e1\""}""")),
        };
        using var client = TestClient.Create(handler);

        var created = await client.Flows.CreateAsync(new FakeFlowRequest());

        Assert.Equal(new Resources.CreatedResource("flow-1", "\"e1\""), created);
        var sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://platform.test/data/foundation/flowservice/flows", sent.Uri.ToString());
        Assert.Equal("Bearer fixed-token-abc", sent.Header("Authorization"));
        Assert.Equal("client-id-1", sent.Header("x-api-key"));
        Assert.Equal("ORG1@AdobeOrg", sent.Header("x-gw-ims-org-id"));
        Assert.Equal("dev-sandbox", sent.Header("x-sandbox-name"));
        Assert.Equal("application/json", sent.ContentType);
        using var body = JsonDocument.Parse(sent.Body!);
        Assert.Equal("14518937-270c-4525-bdec-c2ba7cce3860", body.RootElement.GetProperty("flowSpec").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_get_has_no_body_and_no_content_type()
    {
        var handler = new RecordingHandler
        {
            Respond = (_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, """{"items":[{"id":"f1","name":"n","flowSpec":{"id":"s","version":"1.0"},"etag":"\"e\"","sourceConnectionIds":["a"],"targetConnectionIds":["b"]}]}""")),
        };
        using var client = TestClient.Create(handler);

        var flow = await client.Flows.GetAsync("f1");

        Assert.Equal("f1", flow.Id);
        Assert.Equal("s", flow.FlowSpec!.Id);
        Assert.Equal(["a"], flow.SourceConnectionIds);
        var sent = Assert.Single(handler.Requests);
        Assert.Null(sent.Body);
        Assert.Null(sent.ContentType);
        Assert.Equal("/data/foundation/flowservice/flows/f1", sent.Uri.AbsolutePath);
        Assert.Contains("application/json", sent.Header("Accept"));
    }

    [Fact]
    public async Task A_flow_is_read_tolerantly_in_one_pass_as_member_lookups_would_read_it()
    {
        // An escaped name, a repeated name (the last wins), a number as a string, a member of the wrong type, members the
        // client does not surface, and a missing one.
        var handler = new RecordingHandler
        {
            Respond = (_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, """
                {"items":[{"\u0069d":"f1","name":"first","labels":[],"name":"second","state":42,"createdAt":"1670444672602",
                "flowSpec":{"version":"1.0","id":"s"},"sourceConnectionIds":["a",7,null],"targetConnectionIds":"b","runs":"/runs?property=flowId==f1"}]}
                """)),
        };
        using var client = TestClient.Create(handler);

        var flow = await client.Flows.GetAsync("f1");

        Assert.Equal("f1", flow.Id);
        Assert.Equal("second", flow.Name);
        Assert.Equal("42", flow.State);
        Assert.Equal(1670444672602, flow.CreatedAt);
        Assert.Equal(new Resources.ResourceRef("s", "1.0"), flow.FlowSpec);
        Assert.Equal(["a", "7"], flow.SourceConnectionIds);
        Assert.Empty(flow.TargetConnectionIds);
        Assert.Null(flow.Description);
        Assert.Null(flow.Etag);
        Assert.Equal("/runs?property=flowId==f1", flow.Json.GetProperty("runs").GetString());
    }

    [Fact]
    public async Task A_flow_without_an_id_names_the_member_and_the_request_id()
    {
        var handler = new RecordingHandler
        {
            Respond = (_, _, _) =>
            {
                var response = RecordingHandler.Json(HttpStatusCode.OK, """{"items":[{"name":"no id"}]}""");
                response.Headers.Add("x-request-id", "req-no-id");
                return Task.FromResult(response);
            },
        };
        using var client = TestClient.Create(handler);

        var ex = await Assert.ThrowsAsync<AepInvalidResponseException>(() => client.Flows.GetAsync("f1"));

        Assert.Contains("'id'", ex.Message);
        Assert.Equal("req-no-id", ex.RequestId);
    }

    [Fact]
    public async Task An_invalid_flow_request_throws_with_every_error_and_sends_nothing()
    {
        var handler = new RecordingHandler();
        using var client = TestClient.Create(handler);

        var ex = await Assert.ThrowsAsync<AepValidationException>(() =>
            client.Flows.CreateAsync(new FakeFlowRequest { Name = "", Interval = 10 }));

        Assert.Empty(handler.Requests);
        Assert.Equal(2, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.Path == "/name" && e.Keyword == "required");
        Assert.Contains(ex.Errors, e => e.Path == "/scheduleParams/interval" && e.Keyword == "minimum");
        Assert.Contains("/scheduleParams/interval", ex.Message);
        Assert.Contains("/name", ex.Message);
        Assert.Contains("POST /data/foundation/flowservice/flows", ex.Message);
    }

    [Fact]
    public async Task Nested_params_of_hand_written_requests_are_validated_at_their_pointer()
    {
        var handler = new RecordingHandler();
        using var client = TestClient.Create(handler);

        var ex = await Assert.ThrowsAsync<AepValidationException>(() => client.SourceConnections.CreateAsync(new CreateSourceConnectionRequest
        {
            Name = "src",
            ConnectionSpec = new ResourceRefModel("cfc0fee1-7dc0-40ef-b73e-d8b134c436f5", ""),
            Params = new FakeFlowRequest { Name = "" },
        }));

        Assert.Empty(handler.Requests);
        Assert.Equal(["/connectionSpec/version", "/params/name"], ex.Errors.Select(e => e.Path).Order());
    }

    [Fact]
    public async Task Patch_sends_if_match_and_a_json_patch_array_as_application_json()
    {
        var handler = new RecordingHandler
        {
            Respond = (_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, """{"id":"f1","etag":"\"e2\""}""")),
        };
        using var client = TestClient.Create(handler);

        var updated = await client.Flows.PatchAsync("f1", "\"e1\"", [JsonPatchOperation.Replace("/scheduleParams/frequency", "day"), JsonPatchOperation.Replace("/name", "renamed")]);

        Assert.Equal("\"e2\"", updated.Etag);
        var sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Patch, sent.Method);
        Assert.Equal("\"e1\"", sent.Header("if-match"));
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal("""[{"op":"replace","path":"/scheduleParams/frequency","value":"day"},{"op":"replace","path":"/name","value":"renamed"}]""", sent.Body);
    }

    [Fact]
    public async Task Path_parameters_are_escaped()
    {
        var handler = new RecordingHandler
        {
            Respond = (_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, """{"$id":"https://ns.adobe.com/t/schemas/1","meta:altId":"_t.schemas.1","title":"T","version":"1.0"}""")),
        };
        using var client = TestClient.Create(handler);

        var schema = await client.Schemas.GetAsync("https://ns.adobe.com/t/schemas/1");

        Assert.Equal("_t.schemas.1", schema.AltId);
        var sent = Assert.Single(handler.Requests);
        Assert.Equal("/data/foundation/schemaregistry/tenant/schemas/https%3A%2F%2Fns.adobe.com%2Ft%2Fschemas%2F1", sent.Uri.AbsolutePath);
        Assert.Equal("application/vnd.adobe.xed+json; version=1", sent.Header("Accept"));
    }

    [Fact]
    public async Task Catalog_dataset_creation_reads_the_id_from_the_reference_array()
    {
        var handler = new RecordingHandler
        {
            Respond = (r, _, _) => Task.FromResult(r.Method == HttpMethod.Post
                ? RecordingHandler.Json(HttpStatusCode.Created, """["@/dataSets/5c8c3c555033b814b69f947f"]""")
                : RecordingHandler.Json(HttpStatusCode.OK, """{"5c8c3c555033b814b69f947f":{"name":"CRM","schemaRef":{"id":"https://ns.adobe.com/t/schemas/1","contentType":"application/vnd.adobe.xed+json;version=1"}}}""")),
        };
        using var client = TestClient.Create(handler);

        var created = await client.DataSets.CreateAsync(new CreateDataSetRequest { Name = "CRM", SchemaId = "https://ns.adobe.com/t/schemas/1" });
        var dataSet = await client.DataSets.GetAsync(created.Id);

        Assert.Equal("5c8c3c555033b814b69f947f", created.Id);
        Assert.Equal("https://ns.adobe.com/t/schemas/1", dataSet.SchemaId);
        Assert.Equal("""{"name":"CRM","schemaRef":{"id":"https://ns.adobe.com/t/schemas/1","contentType":"application/vnd.adobe.xed+json;version=1"}}""", handler.Requests[0].Body);
    }
}
