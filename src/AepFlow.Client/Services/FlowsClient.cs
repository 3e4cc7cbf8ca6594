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
    public virtual Task<CreatedResource> CreateAsync(IFlowRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Calls.CreateAsync(_transport, FlowServiceOperations.CreateFlow(request), "flow", cancellationToken);
    }

    /// <summary>Reads one dataflow.</summary>
    public virtual async Task<Flow> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Flow.FromJson(await Calls.GetSingleAsync(_transport, FlowServiceOperations.RetrieveFlow(Calls.Id(id)), "flow", id, cancellationToken).ConfigureAwait(false));

    /// <summary>Lists dataflows, following every page.</summary>
    /// <example><code>client.Flows.ListAsync(ListQuery.Where(PropertyFilter.Equal("flowSpec.id", CrmToAep.Id)))</code></example>
    public virtual IAsyncEnumerable<Flow> ListAsync(ListQuery? query = null, CancellationToken cancellationToken = default) =>
        Calls.ListAsync(_transport, FlowServiceOperations.ListFlows(), query, Flow.FromJson, cancellationToken);

    /// <summary>
    /// Applies JSON Patch <paramref name="operations"/> to a dataflow, sending <paramref name="etag"/> as <c>if-match</c>.
    /// A stale etag throws <see cref="AepConcurrencyException"/>.
    /// </summary>
    public virtual Task<CreatedResource> PatchAsync(string id, string etag, IReadOnlyList<JsonPatchOperation> operations, CancellationToken cancellationToken = default)
    {
        return Calls.CreateAsync(_transport, FlowServiceOperations.PatchFlow(Calls.Id(id), etag, Calls.Instructions(etag, operations)), "flow", cancellationToken);
    }

    /// <summary>Enables a dataflow so its schedule runs (<c>POST /flows/{id}/action?op=enable</c>); returns the new etag.</summary>
    public virtual Task<CreatedResource> EnableAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.CreateAsync(_transport, FlowServiceOperations.PostStateTransition(Calls.Id(id), "enable", []), "flow", cancellationToken);

    /// <summary>Disables a dataflow: no further runs are scheduled until it is enabled again; returns the new etag.</summary>
    public virtual Task<CreatedResource> DisableAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.CreateAsync(_transport, FlowServiceOperations.PostStateTransition(Calls.Id(id), "disable", []), "flow", cancellationToken);

    /// <summary>Deletes a dataflow.</summary>
    public virtual async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await _transport.SendAsync(FlowServiceOperations.DeleteByFlow(Calls.Id(id)), cancellationToken).ConfigureAwait(false);
    }
}
