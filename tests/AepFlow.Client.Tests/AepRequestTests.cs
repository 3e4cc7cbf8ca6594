using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using AepFlow.Client.Tests.Infrastructure;
using AepFlow.Http;

namespace AepFlow.Client.Tests;

public sealed record Widget(string Name, int Size);

[JsonSerializable(typeof(Widget))]
public sealed partial class WidgetJsonContext : JsonSerializerContext;

public class AepRequestTests
{
    [Theory]
    [InlineData("GET", true)]
    [InlineData("PUT", true)]
    [InlineData("DELETE", true)]
    [InlineData("HEAD", true)]
    [InlineData("POST", false)]
    [InlineData("PATCH", false)]
    public void Idempotency_defaults_follow_the_method(string method, bool idempotent) =>
        Assert.Equal(idempotent, new AepRequest(new HttpMethod(method), ServiceBasePaths.FlowService, "/flows").IsIdempotent);

    [Fact]
    public void Query_keeps_repeated_names_in_order_and_skips_nulls()
    {
        var request = new AepRequest(HttpMethod.Get, ServiceBasePaths.FlowService, "flows")
            .AddQuery("property", ["name==a", null, "state==enabled"])
            .AddQuery("limit", (long?)10)
            .AddQuery("count", (bool?)null)
            .AddQuery("orderby", "+createdAt");

        Assert.Equal("/flows", request.Path);
        Assert.Equal("/data/foundation/flowservice/flows?property=name==a&property=state==enabled&limit=10&orderby=%2BcreatedAt", request.ToRelativeUri());
    }

    [Fact]
    public void Escape_makes_ids_safe_path_segments() =>
        Assert.Equal("a%2Fb%3Fc%20d", AepRequest.Escape("a/b?c d"));

    [Fact]
    public void Bodies_serialize_from_models_typed_values_and_raw_json()
    {
        var typed = new AepRequest(HttpMethod.Post, ServiceBasePaths.Catalog, "/x").WithBody(new Widget("w+1", 3), WidgetJsonContext.Default.Widget);
        var raw = new AepRequest(HttpMethod.Post, ServiceBasePaths.Catalog, "/x").WithJsonBody("""{"a":[1,2]}""");
        var model = new AepRequest(HttpMethod.Post, ServiceBasePaths.Catalog, "/x").WithBody(new FakeFlowRequest());

        Assert.Equal("""{"Name":"w+1","Size":3}""", System.Text.Encoding.UTF8.GetString(typed.Body!.ToUtf8Json().Span));
        Assert.Null(typed.Body.AepModel);
        Assert.Equal("""{"a":[1,2]}""", System.Text.Encoding.UTF8.GetString(raw.Body!.ToUtf8Json().Span));
        Assert.IsType<FakeFlowRequest>(model.Body!.AepModel);
    }

    [Fact]
    public async Task Any_request_can_be_sent_and_listed_through_the_client()
    {
        var handler = new RecordingHandler
        {
            Respond = (r, n, _) => Task.FromResult(r.Method == HttpMethod.Put
                ? RecordingHandler.Json(HttpStatusCode.OK, """{"Name":"stored","Size":1}""", ("ETag", "\"v2\""), ("x-request-id", "r1"))
                : RecordingHandler.Json(HttpStatusCode.OK, n == 2
                    ? """{"items":[{"Name":"a","Size":1}],"_links":{"next":{"href":"/widgets?continuationToken=t2"}}}"""
                    : """{"items":[{"Name":"b","Size":2}]}""")),
        };
        using var client = TestClient.Create(handler);

        var put = new AepRequest(HttpMethod.Put, ServiceBasePaths.FlowService, "/widgets/1") { Route = "/widgets/{id}" }
            .AddHeader("If-Match", "\"v1\"")
            .WithBody(new Widget("stored", 1), WidgetJsonContext.Default.Widget);
        var response = await client.SendAsync(put);
        var widgets = new List<Widget>();
        await foreach (var widget in client.ListAsync(new AepRequest(HttpMethod.Get, ServiceBasePaths.FlowService, "/widgets") { Pages = true }, WidgetJsonContext.Default.Widget))
        {
            widgets.Add(widget);
        }

        Assert.Equal("\"v2\"", response.Etag);
        Assert.Equal("r1", response.RequestId);
        Assert.Equal(new Widget("stored", 1), response.Deserialize(WidgetJsonContext.Default.Widget));
        Assert.Equal("\"v1\"", handler.Requests[0].Header("If-Match"));
        Assert.Equal([new Widget("a", 1), new Widget("b", 2)], widgets);
        Assert.Equal("?continuationToken=t2", handler.Requests[2].Uri.Query);
    }
}
