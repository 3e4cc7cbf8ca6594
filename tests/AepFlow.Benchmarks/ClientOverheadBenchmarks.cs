using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using AepFlow.Http;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Http.Resilience;

namespace AepFlow.Benchmarks;

/// <summary>
/// What the client adds to one call: <c>client.Flows.GetAsync(id)</c> against a hand-written call doing the same work
/// (Adobe headers, bearer token, status check, body read, System.Text.Json source-generated read of the flow), both
/// sending through the same resilience strategies (<c>AepResilience</c>: total timeout, retry, attempt timeout) to the
/// same in-memory handler, which answers Flow Service's <c>{"items":[flow]}</c>. The network is left out on purpose: it
/// costs the same for both and would hide the client's own overhead. Both read the body inside the resilience pipeline, so
/// the attempt and total timeouts bound the body read (the client's promise; a hand-written call that reads the body after
/// <c>SendAsync</c> returns, with <c>HttpClient.Timeout</c> infinite as the retries need, can hang on a stalled body).
/// </summary>
[MemoryDiagnoser]
public class ClientOverheadBenchmarks
{
    private static readonly AepClientOptions Options = new()
    {
        BaseAddress = new Uri("https://platform.test"),
        ClientId = "bench-client",
        OrgId = "BENCH@AdobeOrg",
        SandboxName = "prod",
        AccessToken = "bench-token-0123456789",
    };

    private static readonly byte[] FlowBody = """
        {"items":[{"id":"3d17a4ff-9e0a-4f7c-94bb-bc0b61a3a76d","name":"Salesforce dataflow","description":"CRM to AEP",
        "flowSpec":{"id":"14518937-270c-4525-bdec-c2ba7cce3860","version":"1.0"},"state":"enabled","etag":"\"7e08a7b4-0000\"",
        "sourceConnectionIds":["9a603322-19d2-4de9-89c6-c98bd54eb184"],"targetConnectionIds":["4ee890c7-519c-4291-bd20-d64186b62da8"],
        "createdAt":1670444672602,"scheduleParams":{"startTime":1567411548,"frequency":"minute","interval":15}}]}
        """u8.ToArray();

    private AepClient _client = null!;
    private HttpClient _handWritten = null!;

    [GlobalSetup]
    public void Setup()
    {
        _client = new AepClient(Options, new CannedHandler());

        // The hand-written call goes through the same resilience strategies (AepResilience: total timeout, retry, attempt
        // timeout) and buffers the body below them, as the client does.
        _handWritten = new HttpClient(new ResilienceHandler(AepResilience.Build(Options)) { InnerHandler = new BufferBodyHandler { InnerHandler = new CannedHandler() } })
        {
            BaseAddress = Options.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (ClientCall().GetAwaiter().GetResult() != HandWrittenCall().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("The two calls read different flows; the comparison would be meaningless.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _handWritten.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<string?> HandWrittenCall()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/data/foundation/flowservice/flows/3d17a4ff-9e0a-4f7c-94bb-bc0b61a3a76d");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Options.AccessToken);
        request.Headers.TryAddWithoutValidation("x-api-key", Options.ClientId);
        request.Headers.TryAddWithoutValidation("x-gw-ims-org-id", Options.OrgId);
        request.Headers.TryAddWithoutValidation("x-sandbox-name", Options.SandboxName);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _handWritten.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        var list = JsonSerializer.Deserialize(body, HandWrittenJson.Default.FlowList)!;
        return list.Items[0].Name;
    }

    [Benchmark]
    public async Task<string?> ClientCall() =>
        (await _client.Flows.GetAsync("3d17a4ff-9e0a-4f7c-94bb-bc0b61a3a76d")).Name;

    /// <summary>The hand-written way to keep the body read under the pipeline's timeouts: buffer it below them.</summary>
    private sealed class BufferBodyHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
    }

    private sealed class CannedHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(FlowBody);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
            response.Headers.TryAddWithoutValidation("x-request-id", "bench-request");
            return Task.FromResult(response);
        }
    }
}

/// <summary>What a careful hand-written caller deserializes: the members the client's <c>Flow</c> surfaces.</summary>
public sealed record FlowList(IReadOnlyList<FlowDto> Items);

/// <summary>A flow as a hand-written caller would model it.</summary>
public sealed record FlowDto(
    string Id, string? Name, string? Description, FlowSpecRef? FlowSpec, string? State, string? Etag,
    IReadOnlyList<string>? SourceConnectionIds, IReadOnlyList<string>? TargetConnectionIds, long? CreatedAt);

/// <summary>A flowSpec reference.</summary>
public sealed record FlowSpecRef(string Id, string? Version);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FlowList))]
internal sealed partial class HandWrittenJson : JsonSerializerContext;
