using System.Net;
using System.Web;
using AepFlow.Client.Tests.Infrastructure;

namespace AepFlow.Client.Tests;

public class AuthTests
{
    private static RecordingHandler FlowHandler(HttpStatusCode status = HttpStatusCode.OK) => new()
    {
        Respond = (_, _, _) => Task.FromResult(RecordingHandler.Json(status, status == HttpStatusCode.OK ? """{"items":[{"id":"f1"}]}""" : """{"error_code":"401013","message":"Oauth token is not valid"}""")),
    };

    [Fact]
    public async Task Client_credentials_are_posted_as_a_form_and_the_token_is_sent_as_bearer()
    {
        var handler = FlowHandler();
        using var client = TestClient.Create(handler, TestClient.Options(fixedToken: false));

        await client.Flows.GetAsync("f1");

        var form = HttpUtility.ParseQueryString(Assert.Single(handler.TokenRequestBodies));
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("client-id-1", form["client_id"]);
        Assert.Equal(TestClient.Secret, form["client_secret"]);
        Assert.Contains("AdobeID", form["scope"]);
        Assert.Equal("Bearer token-1", handler.Requests[0].Header("Authorization"));
    }

    [Fact]
    public async Task Concurrent_callers_trigger_exactly_one_token_request()
    {
        var handler = FlowHandler();
        handler.RespondToken = async n =>
        {
            await Task.Delay(200);
            return RecordingHandler.Json(HttpStatusCode.OK, $$"""{"access_token":"token-{{n}}","expires_in":86400}""");
        };
        using var client = TestClient.Create(handler, TestClient.Options(fixedToken: false));

        await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => Task.Run(() => client.Flows.GetAsync("f1"))));

        Assert.Equal(1, handler.TokenRequests);
        Assert.Equal(25, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("Bearer token-1", r.Header("Authorization")));
    }

    [Fact]
    public async Task The_token_is_replaced_five_minutes_before_it_expires()
    {
        var handler = FlowHandler();
        handler.RespondToken = n => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, $$"""{"access_token":"token-{{n}}","expires_in":3600}"""));
        var time = new ManualTime();
        using var client = TestClient.Create(handler, TestClient.Options(fixedToken: false), time: time);

        await client.Flows.GetAsync("f1");
        time.Advance(TimeSpan.FromMinutes(54));
        await client.Flows.GetAsync("f1");
        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await client.Flows.GetAsync("f1");

        Assert.Equal(2, handler.TokenRequests);
        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], handler.Requests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task A_401_replaces_the_token_once_and_resends_even_a_post()
    {
        var handler = new RecordingHandler
        {
            Respond = (r, _, _) => Task.FromResult(r.Header("Authorization") == "Bearer token-1"
                ? RecordingHandler.Json(HttpStatusCode.Unauthorized, """{"error_code":"401013","message":"Oauth token is not valid"}""")
                : RecordingHandler.Json(HttpStatusCode.Created, """{"id":"flow-1","etag":"\"e\""}""")),
        };
        using var client = TestClient.Create(handler, TestClient.Options(fixedToken: false));

        var created = await client.Flows.CreateAsync(new FakeFlowRequest());

        Assert.Equal("flow-1", created.Id);
        Assert.Equal(2, handler.TokenRequests);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], handler.Requests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task A_401_that_persists_surfaces_after_one_fresh_token()
    {
        var handler = FlowHandler(HttpStatusCode.Unauthorized);
        using var client = TestClient.Create(handler, TestClient.Options(fixedToken: false));

        var ex = await Assert.ThrowsAsync<AepApiException>(() => client.Flows.GetAsync("f1"));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("401013", ex.ErrorCode);
        Assert.Equal(2, handler.TokenRequests);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_fixed_token_that_is_refused_is_not_retried()
    {
        var handler = FlowHandler(HttpStatusCode.Unauthorized);
        using var client = TestClient.Create(handler);

        await Assert.ThrowsAsync<AepApiException>(() => client.Flows.GetAsync("f1"));

        Assert.Single(handler.Requests);
        Assert.Equal(0, handler.TokenRequests);
    }

    [Fact]
    public async Task Refused_credentials_surface_the_ims_error_without_the_secret()
    {
        var handler = FlowHandler();
        handler.RespondToken = _ => Task.FromResult(RecordingHandler.Json(HttpStatusCode.BadRequest, """{"error":"invalid_client","error_description":"invalid client_secret parameter"}"""));
        var logs = new LogSink();
        using var client = TestClient.Create(handler, TestClient.Options(fixedToken: false), logs);

        var ex = await Assert.ThrowsAsync<AepApiException>(() => client.Flows.GetAsync("f1"));

        Assert.Equal("invalid_client", ex.ErrorCode);
        Assert.Empty(handler.Requests);
        Assert.DoesNotContain(TestClient.Secret, ex.ToString());
        Assert.DoesNotContain(TestClient.Secret, logs.AllText);
    }

    [Fact]
    public async Task Neither_token_nor_secret_appears_in_logs_or_exception_messages()
    {
        var handler = new RecordingHandler();
        handler.RespondToken = _ => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, """{"access_token":"eyJhbGciOi.very-secret-token","expires_in":86400}"""));
        var calls = 0;
        handler.Respond = (_, _, _) => Task.FromResult(Interlocked.Increment(ref calls) switch
        {
            1 => RecordingHandler.Json(HttpStatusCode.OK, """{"items":[{"id":"f1"}]}"""),

            // A misbehaving server echoing the credentials back must not leak them into the exception.
            _ => RecordingHandler.Json(HttpStatusCode.BadRequest, """{"type":"t","title":"Bearer eyJhbGciOi.very-secret-token rejected","detail":"s3cr3t-value-never-logged"}"""),
        });
        var logs = new LogSink();
        using var client = TestClient.Create(handler, TestClient.Options(fixedToken: false), logs);

        await client.Flows.GetAsync("f1");
        var ex = await Assert.ThrowsAsync<AepApiException>(() => client.Flows.GetAsync("f1"));

        Assert.NotEmpty(logs.Entries);
        Assert.Contains(logs.Entries, e => e.Contains("/flows/{FLOW_ID}", StringComparison.Ordinal));
        Assert.DoesNotContain("very-secret-token", logs.AllText);
        Assert.DoesNotContain(TestClient.Secret, logs.AllText);
        Assert.DoesNotContain("very-secret-token", ex.Message);
        Assert.DoesNotContain(TestClient.Secret, ex.Message);
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
