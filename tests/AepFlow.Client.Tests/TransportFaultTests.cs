using System.Diagnostics;
using System.Net;
using AepFlow.Client.Tests.Infrastructure;
using AepFlow.Http;
using Microsoft.Extensions.Logging;

namespace AepFlow.Client.Tests;

/// <summary>Timeouts, cut bodies, redirects and foreign paging links against a real loopback socket server.</summary>
public sealed class TransportFaultTests
{
    private const string FlowJson = """{"items":[{"id":"f1","name":"a flow with a body long enough to be cut in half"}]}""";
    private const string Token = "fixed-token-abc-123456";

    // Short timeouts only where a test waits for them; the others get room for a loaded machine's first (JIT) call.
    internal static AepClientOptions Options(Uri baseAddress, bool ims = false, bool shortTimeouts = false) => new()
    {
        BaseAddress = baseAddress,
        ClientId = "client-id-1",
        ClientSecret = ims ? TestClient.Secret : null,
        AccessToken = ims ? null : Token,
        OrgId = "ORG1@AdobeOrg",
        TokenEndpoint = new Uri(baseAddress, "/ims/token/v3"),
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        AttemptTimeout = shortTimeouts ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(10),
        TotalTimeout = shortTimeouts ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(30),
        MaxRetries = 3,
    };

    [Fact]
    public async Task A_get_whose_body_stalls_ends_within_the_total_timeout_after_retrying()
    {
        await using var server = new FaultServer((_, _, c) => c.HeadersThenStallAsync(FlowJson));

        // Retries enough for 50 s of attempts: only the 2 s total timeout can end this call well before that.
        var options = Options(server.BaseAddress, shortTimeouts: true);
        options.MaxRetries = 100;
        using var client = new AepClient(options);

        var (ex, elapsed) = await Timed(() => Assert.ThrowsAsync<AepTimeoutException>(() => client.Flows.GetAsync("f1")));

        AssertEndedByTheTotalTimeout(elapsed, options);
        Assert.True(server.Requests.Count >= 2, $"{server.Requests.Count} attempts: a stalled GET body is retryable");
        Assert.Equal("GET", ex.Method);
        Assert.Equal("/data/foundation/flowservice/flows/f1", ex.RequestPath);
        Assert.Equal(FaultConnection.RequestId, ex.RequestId);
        Assert.Contains(FaultConnection.RequestId, ex.Message);
    }

    // The server never finishes these bodies, so any end proves the call is bounded. How soon is asserted with generous
    // slack for a loaded machine (timers and the thread pool run late there), not as a tight wall-clock budget; the slack
    // stays far below what an unbounded wait or the retries running out would take.
    private static readonly TimeSpan LoadSlack = TimeSpan.FromSeconds(20);

    private static async Task<(T Result, TimeSpan Elapsed)> Timed<T>(Func<Task<T>> call)
    {
        var stopwatch = Stopwatch.StartNew();
        var task = call();
        var guard = TimeSpan.FromSeconds(60);
        Assert.True(await Task.WhenAny(task, Task.Delay(guard)) == task, $"the call still waited after {guard}");
        return (await task, stopwatch.Elapsed);
    }

    private static void AssertEndedByTheTotalTimeout(TimeSpan elapsed, AepClientOptions options)
    {
        // Timers never fire early: the total timeout is a lower bound as well.
        Assert.True(elapsed >= options.TotalTimeout - TimeSpan.FromMilliseconds(100), $"ended after {elapsed}, before the total timeout {options.TotalTimeout}");
        Assert.True(elapsed < options.TotalTimeout + LoadSlack, $"ended after {elapsed}, total timeout {options.TotalTimeout}");
    }

    [Fact]
    public async Task A_post_whose_body_stalls_is_not_repeated_and_times_out_with_the_request_id()
    {
        await using var server = new FaultServer((_, _, c) => c.HeadersThenStallAsync("""{"id":"flow-1","etag":"\"1\""}"""));
        // One attempt only, so it gets seconds, not the short 500 ms: on a loaded machine (test assemblies run side by side)
        // the server may not have read the request within 500 ms, and the call would end before the headers it is about.
        var options = Options(server.BaseAddress, shortTimeouts: true);
        options.AttemptTimeout = TimeSpan.FromSeconds(3);
        options.TotalTimeout = TimeSpan.FromSeconds(6);
        using var client = new AepClient(options);

        var (ex, elapsed) = await Timed(() => Assert.ThrowsAsync<AepTimeoutException>(() => client.Flows.CreateAsync(new FakeFlowRequest())));

        // Bounded although the body never arrives, and sent once: its bytes may have reached the server.
        Assert.True(elapsed < options.AttemptTimeout + LoadSlack, $"ended after {elapsed}");
        Assert.Single(server.Requests);
        Assert.Equal("POST", ex.Method);
        Assert.Equal(FaultConnection.RequestId, ex.RequestId);
    }

    [Fact]
    public async Task A_token_request_whose_body_stalls_ends_within_the_total_timeout()
    {
        await using var server = new FaultServer((r, _, c) => r.Path.EndsWith("/token/v3", StringComparison.Ordinal)
            ? c.HeadersThenStallAsync("""{"access_token":"never-arrives","expires_in":86400}""")
            : c.RespondAsync(200, FlowJson));
        var options = Options(server.BaseAddress, ims: true, shortTimeouts: true);
        using var client = new AepClient(options);

        var (errors, elapsed) = await Timed(() =>
            Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Assert.ThrowsAsync<AepTimeoutException>(() => client.Flows.GetAsync("f1")))));

        // Four callers share one token request (its attempts at most MaxRetries + 1), bounded by the total timeout.
        Assert.True(elapsed < options.TotalTimeout + LoadSlack, $"callers waited {elapsed}");
        Assert.InRange(server.RequestsTo("/ims/token/v3").Count, 1, options.MaxRetries + 1);
        Assert.Empty(server.RequestsTo("/flows/f1"));
        Assert.All(errors, e => Assert.Equal("/ims/token/v3", e.RequestPath));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_get_whose_body_is_cut_after_the_headers_is_retried(bool reset)
    {
        await using var server = new FaultServer((_, n, c) => n == 1 ? c.HeadersThenCutAsync(FlowJson, reset) : c.RespondAsync(200, FlowJson));
        using var client = new AepClient(Options(server.BaseAddress));

        var flow = await client.Flows.GetAsync("f1");

        Assert.Equal("f1", flow.Id);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_post_whose_body_is_cut_is_not_repeated_and_names_the_call()
    {
        await using var server = new FaultServer((_, _, c) => c.HeadersThenCutAsync("""{"id":"flow-1","etag":"\"1\""}""", reset: false));
        using var client = new AepClient(Options(server.BaseAddress));

        var ex = await Assert.ThrowsAsync<AepTransportException>(() => client.Flows.CreateAsync(new FakeFlowRequest()));

        Assert.Single(server.Requests);
        Assert.Equal("POST", ex.Method);
        Assert.Equal("/data/foundation/flowservice/flows", ex.RequestPath);
        Assert.Equal(FaultConnection.RequestId, ex.RequestId);
    }

    [Fact]
    public async Task A_get_whose_body_is_cut_every_time_reports_the_request_id()
    {
        await using var server = new FaultServer((_, _, c) => c.HeadersThenCutAsync(FlowJson, reset: true));
        using var client = new AepClient(Options(server.BaseAddress));

        var ex = await Assert.ThrowsAsync<AepTransportException>(() => client.Flows.GetAsync("f1"));

        Assert.Equal(4, server.Requests.Count);
        Assert.Equal(FaultConnection.RequestId, ex.RequestId);
        Assert.Equal("GET", ex.Method);
    }

    [Fact]
    public async Task A_success_with_truncated_json_throws_with_the_request_id()
    {
        await using var server = new FaultServer((_, _, c) => c.RespondAsync(200, """{"items":[{"id":"f1","na"""));
        using var client = new AepClient(Options(server.BaseAddress));

        var ex = await Assert.ThrowsAsync<AepInvalidResponseException>(() => client.Flows.GetAsync("f1"));

        Assert.Equal(FaultConnection.RequestId, ex.RequestId);
        Assert.Equal("GET", ex.Method);
        Assert.Equal("/data/foundation/flowservice/flows/f1", ex.RequestPath);
    }

    [Fact]
    public async Task A_success_without_the_member_the_call_needs_throws_with_the_request_id()
    {
        await using var server = new FaultServer((_, _, c) => c.RespondAsync(201, """{"etag":"\"1\""}"""));
        using var client = new AepClient(Options(server.BaseAddress));

        var ex = await Assert.ThrowsAsync<AepInvalidResponseException>(() => client.Flows.CreateAsync(new FakeFlowRequest()));

        Assert.Equal(FaultConnection.RequestId, ex.RequestId);
        Assert.Equal("POST", ex.Method);
    }

    [Theory]
    [InlineData(307, "GET")]
    [InlineData(308, "POST")]
    [InlineData(302, "GET")]
    public async Task Api_redirects_are_not_followed_and_carry_nothing_elsewhere(int status, string method)
    {
        await using var elsewhere = new FaultServer((_, _, c) => c.RespondAsync(200, FlowJson));
        await using var server = new FaultServer((_, _, c) => c.RespondAsync(status, "", ("Location", new Uri(elsewhere.BaseAddress, "/steal").ToString())));
        using var client = new AepClient(Options(server.BaseAddress));

        var ex = method == "GET"
            ? await Assert.ThrowsAsync<AepApiException>(() => client.Flows.GetAsync("f1"))
            : await Assert.ThrowsAsync<AepApiException>(() => client.Flows.CreateAsync(new FakeFlowRequest()));

        Assert.Equal(status, (int)ex.StatusCode);
        Assert.Contains("redirects are not followed", ex.Message);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task An_ims_redirect_is_not_followed_so_the_secret_goes_nowhere_else()
    {
        await using var elsewhere = new FaultServer((_, _, c) => c.RespondAsync(200, """{"access_token":"stolen","expires_in":86400}"""));
        await using var server = new FaultServer((r, _, c) => r.Path.EndsWith("/token/v3", StringComparison.Ordinal)
            ? c.RespondAsync(307, "", ("Location", new Uri(elsewhere.BaseAddress, "/ims/token/v3").ToString()))
            : c.RespondAsync(200, FlowJson));
        using var client = new AepClient(Options(server.BaseAddress, ims: true));

        var ex = await Assert.ThrowsAsync<AepApiException>(() => client.Flows.GetAsync("f1"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, ex.StatusCode);
        Assert.Empty(elsewhere.Requests);
        Assert.Empty(server.RequestsTo("/flows/f1"));
        Assert.DoesNotContain(TestClient.Secret, ex.ToString());
    }

    [Theory]
    [InlineData("{0}/steal?continuationToken=x")]
    [InlineData("{0}/steal")]
    [InlineData("//127.0.0.1:{1}/steal")]
    public async Task ListAsync_refuses_a_next_link_to_another_host(string format)
    {
        await using var elsewhere = new FaultServer((_, _, c) => c.RespondAsync(200, """{"items":[{"id":"stolen"}]}"""));
        var link = string.Format(format, elsewhere.BaseAddress.ToString().TrimEnd('/'), elsewhere.BaseAddress.Port);
        await using var server = new FaultServer((_, _, c) => c.RespondAsync(200, """{"items":[{"id":"f1"}],"_links":{"next":{"href":" """.TrimEnd() + link + "\"}}}"));
        using var client = new AepClient(Options(server.BaseAddress));

        var seen = new List<string>();
        var ex = await Assert.ThrowsAsync<AepInvalidResponseException>(async () =>
        {
            await foreach (var item in client.ListAsync(new AepRequest(HttpMethod.Get, "", "/list")))
            {
                seen.Add(item.GetProperty("id").GetString()!);
            }
        });

        Assert.Equal(["f1"], seen);
        Assert.Empty(elsewhere.Requests);
        Assert.Contains("another host", ex.Message);
    }

    [Fact]
    public async Task ListAsync_follows_a_next_link_on_the_configured_host()
    {
        await using var server = new FaultServer((r, _, c) => c.RespondAsync(200, r.Target.Contains("page=2")
            ? """{"items":[{"id":"f2"}]}"""
            : """{"items":[{"id":"f1"}],"_links":{"next":{"href":"/list?page=2"}}}"""));
        using var client = new AepClient(Options(server.BaseAddress));

        var ids = new List<string>();
        await foreach (var item in client.ListAsync(new AepRequest(HttpMethod.Get, "", "/list")))
        {
            ids.Add(item.GetProperty("id").GetString()!);
        }

        Assert.Equal(["f1", "f2"], ids);
    }
}
