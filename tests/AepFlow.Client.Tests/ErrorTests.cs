using System.Net;
using AepFlow.Client.Tests.Infrastructure;
using AepFlow.Requests;

namespace AepFlow.Client.Tests;

public class ErrorTests
{
    [Fact]
    public async Task Gateway_error_shape_is_parsed()
    {
        var ex = await FailWith(HttpStatusCode.Forbidden, """{"error_code":"403025","message":"Profile is not valid"}""");

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal("403025", ex.ErrorCode);
        Assert.Equal("Profile is not valid", ex.Title);
        Assert.Equal("req-42", ex.RequestId);
        Assert.Contains("403025", ex.Message);
        Assert.Contains("req-42", ex.Message);
    }

    [Fact]
    public async Task Service_error_shape_is_parsed_with_its_report()
    {
        var ex = await FailWith(HttpStatusCode.BadRequest,
            """{"type":"http://ns.adobe.com/aep/errors/FLOW-1234-400","title":"Bad request","status":400,"detail":"interval must be at least 15","report":{"detailed-message":"interval"}}""");

        Assert.Equal("http://ns.adobe.com/aep/errors/FLOW-1234-400", ex.ErrorCode);
        Assert.Equal("Bad request", ex.Title);
        Assert.Equal("interval must be at least 15", ex.Detail);
        Assert.Equal("interval", ex.Report!.Value.GetProperty("detailed-message").GetString());
        Assert.IsNotType<AepConcurrencyException>(ex);
    }

    [Fact]
    public async Task Service_error_without_detail_still_has_title_and_type()
    {
        var ex = await FailWith(HttpStatusCode.NotFound, """{"type":"http://ns.adobe.com/aep/errors/XDM-1010-404","title":"Not found","status":404,"report":{}}""");

        Assert.Equal("http://ns.adobe.com/aep/errors/XDM-1010-404", ex.ErrorCode);
        Assert.Null(ex.Detail);
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task Service_error_detail_falls_back_to_the_reports_detailed_message()
    {
        var ex = await FailWith(HttpStatusCode.BadRequest, """{"type":"http://ns.adobe.com/aep/errors/FLOW-1004-400","title":"Bad Request","status":400,"report":{"detailed-message":"interval must be at least 15"}}""");

        Assert.Equal("interval must be at least 15", ex.Detail);
        Assert.Contains("interval must be at least 15", ex.Message);
    }

    [Fact]
    public async Task Etag_conflict_shape_on_412_is_a_concurrency_exception()
    {
        var ex = await FailPatchWith(HttpStatusCode.PreconditionFailed, """{"errorMessage":"Supplied version=[\"old\"] does not match current version=[\"new\"]"}""");

        var concurrency = Assert.IsType<AepConcurrencyException>(ex);
        Assert.StartsWith("Supplied version=", concurrency.Detail);
        Assert.Equal("\"old\"", concurrency.SentEtag);
    }

    [Fact]
    public async Task Etag_conflict_on_409_is_a_concurrency_exception()
    {
        var ex = await FailPatchWith(HttpStatusCode.Conflict, """{"errorMessage":"Supplied version does not match"}""");

        Assert.IsType<AepConcurrencyException>(ex);
    }

    [Fact]
    public async Task A_body_that_is_not_json_still_gives_status_and_request_id()
    {
        var ex = await FailWith(HttpStatusCode.BadGateway, "<html>bad gateway</html>", retries: 0);

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.Equal("req-42", ex.RequestId);
    }

    private static async Task<AepApiException> FailWith(HttpStatusCode status, string body, int retries = 3)
    {
        var handler = new RecordingHandler { Respond = (_, _, _) => Task.FromResult(RecordingHandler.Json(status, body, ("x-request-id", "req-42"))) };
        var options = TestClient.Options();
        options.MaxRetries = retries;
        using var client = TestClient.Create(handler, options);
        return await Assert.ThrowsAnyAsync<AepApiException>(() => client.Flows.GetAsync("f1"));
    }

    private static async Task<AepApiException> FailPatchWith(HttpStatusCode status, string body)
    {
        var handler = new RecordingHandler { Respond = (_, _, _) => Task.FromResult(RecordingHandler.Json(status, body)) };
        using var client = TestClient.Create(handler);
        var ex = await Assert.ThrowsAnyAsync<AepApiException>(() => client.Flows.PatchAsync("f1", "\"old\"", [JsonPatchOperation.Replace("/name", "x")]));
        Assert.Single(handler.Requests);
        return ex;
    }
}
