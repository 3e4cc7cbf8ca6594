using AepFlow.Http;
using AepFlow.Operations;
using AepFlow.Paging;
using AepFlow.Resources;

namespace AepFlow.Services;

/// <summary>Flow Service flowSpecs: <c>/flowSpecs</c> (read-only for customers).</summary>
public class FlowSpecsClient
{
    private readonly AepTransport _transport;

    internal FlowSpecsClient(AepTransport transport) => _transport = transport;

    /// <summary>For mocking: a derived test double overrides the methods it needs.</summary>
    protected FlowSpecsClient() => _transport = null!;

    /// <summary>Reads one flowSpec.</summary>
    public virtual Task<FlowSpec> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(GetWithResponseAsync(id, cancellationToken));

    /// <summary>Reads one flowSpec with the response's status, <c>x-request-id</c> and etag.</summary>
    public virtual Task<AepResponse<FlowSpec>> GetWithResponseAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.GetAsync(_transport, FlowServiceOperations.RetrieveFlowSpec(Calls.Id(id)), Readers.FlowSpec, cancellationToken);

    /// <summary>Lists flowSpecs, following every page.</summary>
    public virtual IAsyncEnumerable<FlowSpec> ListAsync(ListQuery? query = null, CancellationToken cancellationToken = default) =>
        Calls.ListAsync(_transport, FlowServiceOperations.ListFlowSpecs(), query, FlowSpec.FromJson, cancellationToken);

    /// <summary>Looks a flowSpec up by name (<c>property=name==CRMToAEP</c>); <see langword="null"/> when there is none.</summary>
    public virtual async Task<FlowSpec?> FindByNameAsync(string name, CancellationToken cancellationToken = default) =>
        await Calls.FirstOrDefaultAsync(ListAsync(ListQuery.Where(PropertyFilter.Equal("name", name)), cancellationToken), cancellationToken).ConfigureAwait(false);
}

/// <summary>Flow Service connectionSpecs: <c>/connectionSpecs</c> (read-only for customers).</summary>
public class ConnectionSpecsClient
{
    private readonly AepTransport _transport;

    internal ConnectionSpecsClient(AepTransport transport) => _transport = transport;

    /// <summary>For mocking: a derived test double overrides the methods it needs.</summary>
    protected ConnectionSpecsClient() => _transport = null!;

    /// <summary>Reads one connectionSpec.</summary>
    public virtual Task<ConnectionSpec> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(GetWithResponseAsync(id, cancellationToken));

    /// <summary>Reads one connectionSpec with the response's status, <c>x-request-id</c> and etag.</summary>
    public virtual Task<AepResponse<ConnectionSpec>> GetWithResponseAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.GetAsync(_transport, FlowServiceOperations.RetrieveConnectionSpec(Calls.Id(id)), Readers.ConnectionSpec, cancellationToken);

    /// <summary>Lists connectionSpecs, following every page.</summary>
    public virtual IAsyncEnumerable<ConnectionSpec> ListAsync(ListQuery? query = null, CancellationToken cancellationToken = default) =>
        Calls.ListAsync(_transport, FlowServiceOperations.ListConnectionSpecs(), query, ConnectionSpec.FromJson, cancellationToken);

    /// <summary>Looks a connectionSpec up by name (e.g. <c>salesforce</c>); <see langword="null"/> when there is none.</summary>
    public virtual async Task<ConnectionSpec?> FindByNameAsync(string name, CancellationToken cancellationToken = default) =>
        await Calls.FirstOrDefaultAsync(ListAsync(ListQuery.Where(PropertyFilter.Equal("name", name)), cancellationToken), cancellationToken).ConfigureAwait(false);
}

/// <summary>Flow Service dataflow runs: <c>/runs</c>.</summary>
public class RunsClient
{
    private readonly AepTransport _transport;

    internal RunsClient(AepTransport transport) => _transport = transport;

    /// <summary>For mocking: a derived test double overrides the methods it needs.</summary>
    protected RunsClient() => _transport = null!;

    /// <summary>Reads one run.</summary>
    public virtual Task<FlowRun> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(GetWithResponseAsync(id, cancellationToken));

    /// <summary>Reads one run with the response's status, <c>x-request-id</c> and etag.</summary>
    public virtual Task<AepResponse<FlowRun>> GetWithResponseAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.GetAsync(_transport, FlowServiceOperations.RetrieveFlowRun(Calls.Id(id)), Readers.Run, cancellationToken);

    /// <summary>Lists runs, following every page.</summary>
    public virtual IAsyncEnumerable<FlowRun> ListAsync(ListQuery? query = null, CancellationToken cancellationToken = default) =>
        Calls.ListAsync(_transport, FlowServiceOperations.ListFlowRuns(), query, FlowRun.FromJson, cancellationToken);

    /// <summary>Lists the runs of one dataflow (<c>property=flowId==…</c>), newest first.</summary>
    public virtual IAsyncEnumerable<FlowRun> ListForFlowAsync(string flowId, CancellationToken cancellationToken = default) =>
        ListAsync(ForFlow(flowId), cancellationToken);

    /// <summary>
    /// Polls a run with backoff until it has ended (success, failure, partial) and returns it with its metrics and errors.
    /// A failed run is returned, not thrown: look at <see cref="FlowRun.Succeeded"/> and <see cref="FlowRun.Errors"/>.
    /// </summary>
    /// <example><code>
    /// var run = await client.Runs.WaitForCompletionAsync(runId, new AepPollingOptions { Timeout = TimeSpan.FromHours(1) });
    /// Console.WriteLine($"{run.Status}: {run.Metrics}");
    /// </code></example>
    public virtual Task<FlowRun> WaitForCompletionAsync(string runId, AepPollingOptions? polling = null, CancellationToken cancellationToken = default)
    {
        Calls.Id(runId);
        return (polling ?? AepPollingOptions.Default).PollAsync(
            async token => await GetAsync(runId, token).ConfigureAwait(false) is { IsCompleted: true } run ? run : null,
            "GET", ServiceBasePaths.FlowService + "/runs/" + AepRequest.Escape(runId), $"Run '{runId}' completing", cancellationToken);
    }

    internal static ListQuery ForFlow(string flowId) =>
        ListQuery.Where(PropertyFilter.Equal("flowId", Calls.Id(flowId))).OrderedBy(OrderBy.Descending("createdAt"));
}
