using System.Net;
using System.Text.Json;
using System.Web;
using AepFlow.Client.Tests.Infrastructure;
using AepFlow.Paging;

namespace AepFlow.Client.Tests;

public class PagingTests
{
    [Fact]
    public async Task List_follows_continuation_tokens_across_pages_and_keeps_the_filters()
    {
        var handler = new RecordingHandler
        {
            Respond = (r, _, _) =>
            {
                var token = HttpUtility.ParseQueryString(r.Uri.Query)["continuationToken"];
                var (items, next) = token switch
                {
                    null => ("""{"id":"f1"},{"id":"f2"}""", "/flows?property=name==CRM&continuationToken=p2"),
                    "p2" => ("""{"id":"f3"},{"id":"f4"}""", "https://platform.test/data/foundation/flowservice/flows?continuationToken=p3"),
                    _ => ("""{"id":"f5"}""", null),
                };
                var links = next is null ? "" : $$$""","_links":{"next":{"href":"{{{next}}}"}}""";
                return Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, $$"""{"items":[{{items}}]{{links}}}"""));
            },
        };
        using var client = TestClient.Create(handler);

        var ids = new List<string>();
        await foreach (var flow in client.Flows.ListAsync(ListQuery.Where(PropertyFilter.Equal("name", "CRM")).OrderedBy(OrderBy.Ascending("createdAt")).WithPageSize(2)))
        {
            ids.Add(flow.Id);
        }

        Assert.Equal(["f1", "f2", "f3", "f4", "f5"], ids);
        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r =>
        {
            Assert.Equal("/data/foundation/flowservice/flows", r.Uri.AbsolutePath);
            Assert.Contains("property=name==CRM", r.Uri.Query);
            Assert.Contains("orderby=%2BcreatedAt", r.Uri.Query);
            Assert.Contains("limit=2", r.Uri.Query);
        });
        Assert.EndsWith("continuationToken=p3", handler.Requests[2].Uri.Query);
    }

    [Fact]
    public async Task Listed_results_keep_their_own_json_after_the_page_is_read()
    {
        var handler = new RecordingHandler
        {
            Respond = (_, n, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, n == 1
                ? """{"items":[{"id":"f1","name":"first","scheduleParams":{"interval":15}},{"id":"f2","name":"second","scheduleParams":{"interval":30}}],"_links":{"next":{"href":"/flows?continuationToken=p2"}}}"""
                : """{"items":[{"id":"f3","name":"third","scheduleParams":{"interval":45}}]}""")),
        };
        using var client = TestClient.Create(handler);

        var flows = new List<AepFlow.Resources.Flow>();
        await foreach (var flow in client.Flows.ListAsync())
        {
            flows.Add(flow);
        }

        // Read after every page's parsed document went back to the pool: each result parses the slice it was read from.
        Assert.Equal([15, 30, 45], flows.Select(f => f.Json.GetProperty("scheduleParams").GetProperty("interval").GetInt32()));
        Assert.Equal(["f1", "f2", "f3"], flows.Select(f => f.Json.GetProperty("id").GetString()));
        Assert.Equal(flows[1].Json.GetRawText(), flows[1].Json.GetRawText());
        Assert.Equal(JsonValueKind.Object, flows[2].Json.ValueKind);
    }

    [Fact]
    public async Task Pages_are_fetched_lazily()
    {
        var handler = new RecordingHandler
        {
            Respond = (_, n, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, "{\"items\":[{\"id\":\"f" + n + "\"}],\"_links\":{\"next\":{\"href\":\"/flows?continuationToken=t" + n + "\"}}}")),
        };
        using var client = TestClient.Create(handler);

        await foreach (var flow in client.Flows.ListAsync())
        {
            Assert.Equal("f1", flow.Id);
            break;
        }

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_next_link_that_repeats_does_not_loop_forever()
    {
        var handler = new RecordingHandler
        {
            Respond = (_, n, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, "{\"items\":[{\"id\":\"x" + n + "\"}],\"_links\":{\"next\":{\"href\":\"/flows?continuationToken=same\"}}}")),
        };
        using var client = TestClient.Create(handler);

        var count = 0;
        await foreach (var _ in client.Flows.ListAsync())
        {
            count++;
        }

        Assert.Equal(2, count);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Flow_spec_lookup_by_name_renders_adobe_filter_syntax()
    {
        var handler = new RecordingHandler
        {
            Respond = (_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, """{"items":[{"id":"14518937-270c-4525-bdec-c2ba7cce3860","name":"CRMToAEP","version":"1.0","sourceConnectionSpecIds":["cfc0fee1-7dc0-40ef-b73e-d8b134c436f5"],"targetConnectionSpecIds":["c604ff05-7f1a-43c0-8e18-33bf874cb11c"]}]}""")),
        };
        using var client = TestClient.Create(handler);

        var spec = await client.FlowSpecs.FindByNameAsync("CRMToAEP");

        Assert.Equal("14518937-270c-4525-bdec-c2ba7cce3860", spec!.Id);
        Assert.Contains("cfc0fee1-7dc0-40ef-b73e-d8b134c436f5", spec.SourceConnectionSpecIds);
        Assert.Equal("?property=name==CRMToAEP", handler.Requests[0].Uri.Query);
    }

    [Fact]
    public void Filters_render_to_adobe_syntax()
    {
        Assert.Equal("name==CRMToAEP", PropertyFilter.Equal("name", "CRMToAEP").Expression);
        Assert.Equal("state!=disabled", PropertyFilter.NotEqual("state", "disabled").Expression);
        Assert.Equal("id==a,b,c", PropertyFilter.In("id", "a", "b", "c").Expression);
        Assert.Equal("createdAt>1700000000000", PropertyFilter.GreaterThan("createdAt", 1700000000000).Expression);
        Assert.Equal("!description", PropertyFilter.NotExists("description").Expression);
        Assert.Equal("inheritedAttributes.sourceConnections.id", PropertyFilter.Exists("inheritedAttributes.sourceConnections.id").Expression);
        Assert.Equal("+createdAt", OrderBy.Ascending("createdAt").Expression);
        Assert.Equal("-updatedAt", OrderBy.Descending("updatedAt").Expression);
    }

    [Theory]
    [InlineData("name==x")]
    [InlineData("name&limit=1")]
    [InlineData("")]
    public void Field_names_cannot_inject_syntax(string field) =>
        Assert.ThrowsAny<ArgumentException>(() => PropertyFilter.Equal(field, "v"));

    [Fact]
    public void Values_with_commas_are_refused_instead_of_silently_becoming_an_in_list() =>
        Assert.Throws<ArgumentException>(() => PropertyFilter.Equal("name", "a,b"));

    [Fact]
    public void Query_values_escape_ampersands_but_keep_adobe_operators_readable()
    {
        var request = new Http.AepRequest(HttpMethod.Get, Http.ServiceBasePaths.FlowService, "/flows")
            .AddQuery("property", "name==a&b")
            .AddQuery("skip", (string?)null)
            .AddQuery("count", true);

        Assert.Equal("/data/foundation/flowservice/flows?property=name==a%26b&count=true", request.ToRelativeUri());
    }
}
