using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AepFlow.Client.Tests.Infrastructure;

namespace AepFlow.Client.Tests;

public class ResilienceTests
{
    [Fact]
    public async Task A_429_with_retry_after_is_retried_after_the_given_delay()
    {
        var handler = new RecordingHandler
        {
            Respond = (_, n, _) => Task.FromResult(n == 1
                ? RecordingHandler.Json(HttpStatusCode.TooManyRequests, """{"error_code":"429050","message":"Too many requests"}""", ("Retry-After", "1"))
                : RecordingHandler.Json(HttpStatusCode.OK, """{"items":[{"id":"f1"}]}""")),
        };
        using var client = TestClient.Create(handler);

        var stopwatch = Stopwatch.StartNew();
        var flow = await client.Flows.GetAsync("f1");

        Assert.Equal("f1", flow.Id);
        Assert.Equal(2, handler.Requests.Count);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {stopwatch.Elapsed}, before Retry-After");
    }

    [Fact]
    public async Task A_retry_after_beyond_the_total_timeout_is_reported_at_once()
    {
        var handler = new RecordingHandler
        {
            Respond = (_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.TooManyRequests, """{"error_code":"429050","message":"Too many requests"}""", ("Retry-After", "3600"))),
        };
        using var client = TestClient.Create(handler);

        var stopwatch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<AepApiException>(() => client.Flows.GetAsync("f1"));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Single(handler.Requests);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_503_storm_on_get_is_retried_within_budget_and_then_succeeds()
    {
        var handler = new RecordingHandler
        {
            Respond = (_, n, _) => Task.FromResult(n <= 3
                ? RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, """{"error_code":"503","message":"busy"}""")
                : RecordingHandler.Json(HttpStatusCode.OK, """{"items":[{"id":"f1"}]}""")),
        };
        using var client = TestClient.Create(handler);

        var flow = await client.Flows.GetAsync("f1");

        Assert.Equal("f1", flow.Id);
        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public async Task A_503_storm_longer_than_the_budget_surfaces_the_last_error()
    {
        var handler = new RecordingHandler
        {
            Respond = (_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, """{"error_code":"503","message":"busy"}""")),
        };
        var options = TestClient.Options();
        options.MaxRetries = 2;
        using var client = TestClient.Create(handler, options);

        var ex = await Assert.ThrowsAsync<AepApiException>(() => client.Flows.GetAsync("f1"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_post_that_fails_after_sending_is_not_repeated()
    {
        var handler = new RecordingHandler
        {
            Respond = (_, _, _) => throw new HttpRequestException(HttpRequestError.ResponseEnded, "The server closed the connection mid-response."),
        };
        using var client = TestClient.Create(handler);

        await Assert.ThrowsAsync<AepTransportException>(() => client.Flows.CreateAsync(new FakeFlowRequest()));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_post_answered_with_503_is_not_repeated()
    {
        var handler = new RecordingHandler
        {
            Respond = (_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}")),
        };
        using var client = TestClient.Create(handler);

        await Assert.ThrowsAsync<AepApiException>(() => client.Flows.CreateAsync(new FakeFlowRequest()));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_post_whose_connection_was_refused_is_retried()
    {
        var handler = new RecordingHandler
        {
            Respond = (_, n, _) => n == 1
                ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused))
                : Task.FromResult(RecordingHandler.Json(HttpStatusCode.Created, """{"id":"flow-1","etag":"\"e\""}""")),
        };
        using var client = TestClient.Create(handler);

        var created = await client.Flows.CreateAsync(new FakeFlowRequest());

        Assert.Equal("flow-1", created.Id);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_stops_the_call_without_retrying()
    {
        var handler = new RecordingHandler
        {
            Respond = async (_, _, ct) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
                return RecordingHandler.Json(HttpStatusCode.OK, "{}");
            },
        };
        using var client = TestClient.Create(handler);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Flows.GetAsync("f1", cts.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_attempt_timeout_on_get_is_retried_then_reported_as_a_timeout()
    {
        var handler = new RecordingHandler
        {
            Respond = async (_, _, ct) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
                return RecordingHandler.Json(HttpStatusCode.OK, "{}");
            },
        };
        var options = TestClient.Options();
        options.AttemptTimeout = TimeSpan.FromMilliseconds(100);
        options.MaxRetries = 2;
        using var client = TestClient.Create(handler, options);

        await Assert.ThrowsAsync<AepTimeoutException>(() => client.Flows.GetAsync("f1"));

        Assert.Equal(3, handler.Requests.Count);
    }
}
