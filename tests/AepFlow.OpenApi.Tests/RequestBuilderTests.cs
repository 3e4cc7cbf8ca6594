using System.Text;
using System.Text.Json;
using AepFlow.Models.FlowService;
using AepFlow.Operations;
using AepFlow.Serialization;
using AepFlow.Validation;

namespace AepFlow.OpenApi.Tests;

/// <summary>The request builders and DTOs generated into AepFlow.Client describe the calls Platform expects.</summary>
public sealed class RequestBuilderTests
{
    [Fact]
    public void ListFlows_repeats_property_filters_and_pages()
    {
        var request = FlowServiceOperations.ListFlows(property: ["name==CRMToAEP", "state==enabled"], limit: 10, continuationToken: "abc");

        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.True(request.Pages);
        Assert.True(request.IsIdempotent);
        Assert.Equal("/flows", request.Route);
        Assert.Equal("/data/foundation/flowservice/flows?property=name==CRMToAEP&property=state==enabled&limit=10&continuationToken=abc", request.ToRelativeUri());
        Assert.Null(request.Body);
    }

    [Fact]
    public void PatchFlow_escapes_the_id_sends_if_match_and_a_patch_array()
    {
        var request = FlowServiceOperations.PatchFlow(
            "a/b c",
            "\"5400d99c\"",
            [new PatchInstruction { Op = "replace", Path = "/name", Value = JsonDocument.Parse("\"Renamed\"").RootElement }]);

        Assert.Equal(HttpMethod.Patch, request.Method);
        Assert.False(request.IsIdempotent);
        Assert.Equal("/flows/a%2Fb%20c", request.Path);
        Assert.Equal("/flows/{FLOW_ID}", request.Route);
        Assert.Equal(new KeyValuePair<string, string>("if-match", "\"5400d99c\""), Assert.Single(request.Headers));
        Assert.Equal("""[{"op":"replace","path":"/name","value":"Renamed"}]""", Encoding.UTF8.GetString(request.Body!.ToUtf8Json().Span));
        Assert.True(request.Body.AepModel!.Validate().IsValid);
    }

    [Fact]
    public void A_patch_with_an_unknown_op_is_invalid_at_its_pointer()
    {
        var request = FlowServiceOperations.PatchFlow("id", "etag", [new PatchInstruction { Op = "move", Path = "/name" }]);

        var error = Assert.Single(request.Body!.AepModel!.Validate().Errors);
        Assert.Equal("/0/op", error.Path);
        Assert.Equal("enum", error.Keyword);
    }

    [Fact]
    public void CreateFlow_takes_the_typed_flowSpec_request_as_its_body()
    {
        var body = new FakeFlowRequest();
        var request = FlowServiceOperations.CreateFlow(body);

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.False(request.IsIdempotent);
        Assert.Same(body, request.Body!.AepModel);
        Assert.Equal("/data/foundation/flowservice/flows", request.ToRelativeUri());
    }

    [Fact]
    public void RetrieveSchema_asks_for_the_xed_representation_and_escapes_the_schema_uri()
    {
        var request = SchemaRegistryOperations.RetrieveSchema("tenant", "https://ns.adobe.com/acme/schemas/1a2b");

        Assert.Equal("/data/foundation/schemaregistry/tenant/schemas/https%3A%2F%2Fns.adobe.com%2Facme%2Fschemas%2F1a2b", request.ToRelativeUri());
        Assert.Contains(new KeyValuePair<string, string>("Accept", "application/vnd.adobe.xed+json; version=1"), request.Headers);
    }

    [Fact]
    public void Search_is_a_post_that_may_be_retried()
    {
        var request = FlowServiceOperations.GetFlowsByFilters(new FlowFilterRequest { QueryString = "state==enabled" });

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.True(request.IsIdempotent);
        Assert.Equal("""{"queryString":"state==enabled"}""", Encoding.UTF8.GetString(request.Body!.ToUtf8Json().Span));
    }

    [Fact]
    public void Data_prep_list_uses_its_own_paging_parameters()
    {
        var request = DataPrepOperations.ListMappingSets(limit: 5, start: 10);

        Assert.True(request.Pages);
        Assert.Equal("/data/foundation/conversion/mappingSets?limit=5&start=10", request.ToRelativeUri());
    }

    [Fact]
    public void A_flow_read_back_from_the_documentation_parses_into_the_response_model()
    {
        var json = File.ReadAllBytes(Path.Combine(RepoPaths.DocsExamples, "flows", "update-dataflows-get-flow-response.json"));

        var response = FlowServiceOperations.ParseRetrieveFlowResponse(json);

        var flow = Assert.Single(response.Items!);
        Assert.Equal("2edc08ac-4df5-4fe6-936f-81a19ce92f5c", flow.Id);
        Assert.Equal("Database dataflow using BigQuery", flow.Name);
        Assert.Equal("collecting test1.Mytable from Google BigQuery", flow.Description);
        Assert.Equal(["b7581b59-c603-4df1-a689-d23d7ac440f3"], flow.SourceConnectionIds);
        // The tutorial stored its schedule as strings; Platform echoes them and reading accepts both spellings.
        Assert.Equal(new ScheduleSpecDto { StartTime = 1612310466, Frequency = "week", Interval = 15, Backfill = true }, flow.ScheduleParams);
    }

    [Fact]
    public void Optional_members_are_omitted_and_no_backfill_default_is_injected()
    {
        var schedule = new ScheduleSpecDto { StartTime = 1700000000, Frequency = "minute", Interval = 15 };

        Assert.Equal("""{"startTime":1700000000,"frequency":"minute","interval":15}""", JsonSerializer.Serialize(schedule));
        Assert.Equal(schedule, ScheduleSpecDto.FromJson("""{"startTime":1700000000,"frequency":"minute","interval":15,"unknown":[1,{"a":2}]}"""u8));
    }

    [Fact]
    public void Schedule_model_validation_reports_every_broken_member()
    {
        var result = new ScheduleSpecDto { StartTime = 1, Frequency = "hourly", Interval = 0 }.Validate();

        Assert.Equal(new[] { ("/frequency", "enum"), ("/interval", "minimum") }, result.Errors.Select(e => (e.Path, e.Keyword)));
    }

    [Fact]
    public void A_missing_required_member_or_a_wrong_type_is_a_JsonException()
    {
        // DTOs read through the spec models' reader: the exception is an AepJsonException (a JsonException) with the member's pointer.
        var missing = Assert.ThrowsAny<JsonException>(() => ScheduleSpecDto.FromJson("""{"frequency":"day"}"""u8));
        Assert.Contains("startTime", missing.Message, StringComparison.Ordinal);
        Assert.Equal("/startTime", Assert.IsType<AepJsonException>(missing).Pointer);

        var wrongType = Assert.ThrowsAny<JsonException>(() => ScheduleSpecDto.FromJson("""{"startTime":1,"frequency":"day","interval":"fifteen"}"""u8));
        Assert.Contains("an integer", wrongType.Message, StringComparison.Ordinal);
        Assert.Equal("/interval", Assert.IsType<AepJsonException>(wrongType).Pointer);

        var tooLarge = Assert.ThrowsAny<JsonException>(() => ScheduleSpecDto.FromJson("""{"startTime":1,"frequency":"day","interval":4294967296}"""u8));
        Assert.Contains("32-bit integer", tooLarge.Message, StringComparison.Ordinal);
    }

    private sealed class FakeFlowRequest : IFlowRequest
    {
        public string FlowSpecId => "14518937-270c-4525-bdec-c2ba7cce3860";

        public string FlowSpecVersion => "1.0";

        public ValidationResult Validate() => ValidationResult.Valid;

        public void ValidateInto(ref ValidationCollector collector)
        {
        }

        public void WriteJson(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
    }
}
