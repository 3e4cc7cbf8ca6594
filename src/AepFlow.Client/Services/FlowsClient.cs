using AepFlow.Http;
using AepFlow.Operations;
using AepFlow.Paging;
using AepFlow.Requests;
using AepFlow.Resources;
using AepFlow.Validation;

namespace AepFlow.Services;

/// <summary>Flow Service dataflows: <c>/flows</c>.</summary>
public class FlowsClient
{
    private readonly AepTransport _transport;

    internal FlowsClient(AepTransport transport) => _transport = transport;

    /// <summary>For mocking: a derived test double overrides the methods it needs.</summary>
    protected FlowsClient() => _transport = null!;

    /// <summary>
    /// Creates a dataflow from a generated <c>CreateFlowRequest</c>. The request is validated against its flowSpec first; an
    /// invalid one throws <see cref="AepValidationException"/> and nothing is sent.
    /// </summary>
    public virtual Task<CreatedResource> CreateAsync(IFlowRequest request, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(CreateWithResponseAsync(request, cancellationToken));

    /// <summary><see cref="CreateAsync"/> with the response's status, <c>x-request-id</c> and etag.</summary>
    public virtual Task<AepResponse<CreatedResource>> CreateWithResponseAsync(IFlowRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Calls.CreateAsync(_transport, FlowServiceOperations.CreateFlow(request), "flow", cancellationToken);
    }

    /// <summary>Reads one dataflow.</summary>
    public virtual Task<Flow> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(GetWithResponseAsync(id, cancellationToken));

    /// <summary>
    /// Reads one dataflow with the response's status, <c>x-request-id</c> and etag: the etag to pass to
    /// <see cref="UpdateScheduleAsync"/> or <see cref="PatchAsync"/>.
    /// </summary>
    public virtual Task<AepResponse<Flow>> GetWithResponseAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.GetAsync(_transport, FlowServiceOperations.RetrieveFlow(Calls.Id(id)), Readers.Flow, cancellationToken);

    /// <summary>Lists dataflows, following every page.</summary>
    /// <example><code>client.Flows.ListAsync(ListQuery.Where(PropertyFilter.Equal("flowSpec.id", CrmToAep.Id)))</code></example>
    public virtual IAsyncEnumerable<Flow> ListAsync(ListQuery? query = null, CancellationToken cancellationToken = default) =>
        Calls.ListAsync(_transport, FlowServiceOperations.ListFlows(), query, Flow.FromJson, cancellationToken);

    /// <summary>
    /// Applies JSON Patch <paramref name="operations"/> to a dataflow, sending <paramref name="etag"/> as <c>if-match</c>.
    /// A stale etag throws <see cref="AepConcurrencyException"/>.
    /// </summary>
    public virtual Task<CreatedResource> PatchAsync(string id, string etag, IReadOnlyList<JsonPatchOperation> operations, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(PatchWithResponseAsync(id, etag, operations, cancellationToken));

    /// <summary><see cref="PatchAsync"/> with the response's status, <c>x-request-id</c> and new etag.</summary>
    public virtual Task<AepResponse<CreatedResource>> PatchWithResponseAsync(string id, string etag, IReadOnlyList<JsonPatchOperation> operations, CancellationToken cancellationToken = default) =>
        Calls.CreateAsync(_transport, FlowServiceOperations.PatchFlow(Calls.Id(id), etag, Calls.Instructions(etag, operations)), "flow", cancellationToken);

    /// <summary>Enables a dataflow so its schedule runs (<c>POST /flows/{id}/action?op=enable</c>); returns the new etag.</summary>
    public virtual Task<CreatedResource> EnableAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(EnableWithResponseAsync(id, cancellationToken));

    /// <summary><see cref="EnableAsync"/> with the response's status, <c>x-request-id</c> and new etag.</summary>
    public virtual Task<AepResponse<CreatedResource>> EnableWithResponseAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.CreateAsync(_transport, FlowServiceOperations.PostStateTransition(Calls.Id(id), "enable", []), "flow", cancellationToken);

    /// <summary>Disables a dataflow: no further runs are scheduled until it is enabled again; returns the new etag.</summary>
    public virtual Task<CreatedResource> DisableAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(DisableWithResponseAsync(id, cancellationToken));

    /// <summary><see cref="DisableAsync"/> with the response's status, <c>x-request-id</c> and new etag.</summary>
    public virtual Task<AepResponse<CreatedResource>> DisableWithResponseAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.CreateAsync(_transport, FlowServiceOperations.PostStateTransition(Calls.Id(id), "disable", []), "flow", cancellationToken);

    /// <summary>
    /// Replaces a dataflow's schedule with a generated, typed schedule (e.g. <c>CrmToAep.ScheduleParams</c>), sending
    /// <paramref name="etag"/> (from <see cref="GetWithResponseAsync"/> or the last update) as <c>if-match</c>. The schedule is
    /// validated against its flowSpec's scheduleSpec first: an invalid one throws <see cref="AepValidationException"/>
    /// (paths below <c>/scheduleParams</c>) and nothing is sent.
    /// </summary>
    /// <returns>The flow id and its new etag.</returns>
    public virtual Task<CreatedResource> UpdateScheduleAsync<TSchedule>(string id, string etag, TSchedule schedule, CancellationToken cancellationToken = default)
        where TSchedule : IAepModel =>
        Calls.ValueAsync(UpdateScheduleWithResponseAsync(id, etag, schedule, cancellationToken));

    /// <summary><see cref="UpdateScheduleAsync"/> with the response's status, <c>x-request-id</c> and new etag.</summary>
    public virtual Task<AepResponse<CreatedResource>> UpdateScheduleWithResponseAsync<TSchedule>(string id, string etag, TSchedule schedule, CancellationToken cancellationToken = default)
        where TSchedule : IAepModel
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentException.ThrowIfNullOrWhiteSpace(etag);
        var collector = new ValidationCollector();
        collector.Enter("scheduleParams");
        schedule.ValidateInto(ref collector);
        collector.Exit();
        var result = collector.ToResult();
        if (!result.IsValid)
        {
            throw new AepValidationException("PATCH " + ServiceBasePaths.FlowService + "/flows/" + AepRequest.Escape(Calls.Id(id)), result.Errors);
        }

        var value = JsonRead.ToElement(schedule);
        return PatchWithResponseAsync(id, etag, [JsonPatchOperation.Replace("/scheduleParams", value)], cancellationToken);
    }

    /// <summary>
    /// Waits for the dataflow's next run: the first run created after <paramref name="createdAfter"/> (Platform's clock), or
    /// when it is <see langword="null"/>, the first run that did not exist when the wait began. Polls with backoff; pass the
    /// run to <see cref="RunsClient.WaitForCompletionAsync"/> to wait for its end.
    /// </summary>
    public virtual async Task<FlowRun> WaitForNextRunAsync(string id, DateTimeOffset? createdAfter = null, AepPollingOptions? polling = null, CancellationToken cancellationToken = default)
    {
        var query = RunsClient.ForFlow(id);
        HashSet<string>? known = null;
        if (createdAfter is null)
        {
            known = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var run in ListRunsAsync(query, cancellationToken).ConfigureAwait(false))
            {
                known.Add(run.Id);
            }
        }

        var after = createdAfter?.ToUnixTimeMilliseconds();
        return await (polling ?? AepPollingOptions.Default).PollAsync(
            async token =>
            {
                FlowRun? next = null;
                await foreach (var run in ListRunsAsync(query, token).ConfigureAwait(false))
                {
                    var isNew = known is not null ? !known.Contains(run.Id) : run.CreatedAt > after;
                    if (isNew && (next is null || (run.CreatedAt ?? 0) < (next.CreatedAt ?? 0)))
                    {
                        next = run;
                    }
                }

                return next;
            },
            "GET", ServiceBasePaths.FlowService + "/runs", $"A next run of flow '{id}'", cancellationToken).ConfigureAwait(false);
    }

    private IAsyncEnumerable<FlowRun> ListRunsAsync(ListQuery query, CancellationToken cancellationToken) =>
        Calls.ListAsync(_transport, FlowServiceOperations.ListFlowRuns(), query, FlowRun.FromJson, cancellationToken);

    /// <summary>Deletes a dataflow.</summary>
    public virtual async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await _transport.SendAsync(FlowServiceOperations.DeleteByFlow(Calls.Id(id)), cancellationToken).ConfigureAwait(false);
    }
}
