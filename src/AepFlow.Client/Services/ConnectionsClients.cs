using AepFlow.Http;
using AepFlow.Operations;
using AepFlow.Paging;
using AepFlow.Requests;
using AepFlow.Resources;

namespace AepFlow.Services;

/// <summary>Flow Service base connections (account credentials): <c>/connections</c>.</summary>
public class ConnectionsClient
{
    private readonly AepTransport _transport;

    internal ConnectionsClient(AepTransport transport) => _transport = transport;

    /// <summary>For mocking: a derived test double overrides the methods it needs.</summary>
    protected ConnectionsClient() => _transport = null!;

    /// <summary>Creates a base connection; the request is validated first.</summary>
    public virtual Task<CreatedResource> CreateAsync(CreateConnectionRequest request, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(CreateWithResponseAsync(request, cancellationToken));

    /// <summary><see cref="CreateAsync(CreateConnectionRequest, CancellationToken)"/> with the response's status, <c>x-request-id</c> and etag.</summary>
    public virtual Task<AepResponse<CreatedResource>> CreateWithResponseAsync(CreateConnectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Calls.CreateAsync(_transport, new AepRequest(HttpMethod.Post, ServiceBasePaths.FlowService, "/connections").WithBody(request), "connection", cancellationToken);
    }

    /// <summary>Creates a base connection of the connectionSpec <typeparamref name="TSpec"/>; the request is validated first.</summary>
    /// <returns>The new connection's id, typed by its spec so only that spec's source connections accept it.</returns>
    public Task<BaseConnectionId<TSpec>> CreateAsync<TSpec>(CreateConnectionRequest<TSpec> request, CancellationToken cancellationToken = default)
        where TSpec : IConnectionSpec =>
        Calls.ValueAsync(CreateWithResponseAsync(request, cancellationToken));

    /// <summary>The typed create with the response's status, <c>x-request-id</c> and etag.</summary>
    public async Task<AepResponse<BaseConnectionId<TSpec>>> CreateWithResponseAsync<TSpec>(CreateConnectionRequest<TSpec> request, CancellationToken cancellationToken = default)
        where TSpec : IConnectionSpec
    {
        ArgumentNullException.ThrowIfNull(request);
        var created = await CreateWithResponseAsync(request.ToRequest(), cancellationToken).ConfigureAwait(false);
        return created.With(new BaseConnectionId<TSpec>(created.Value.Id));
    }

    /// <summary>Reads one base connection.</summary>
    public virtual Task<Connection> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(GetWithResponseAsync(id, cancellationToken));

    /// <summary>Reads one base connection with the response's status, <c>x-request-id</c> and etag (for <see cref="PatchAsync"/>).</summary>
    public virtual Task<AepResponse<Connection>> GetWithResponseAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.GetAsync(_transport, FlowServiceOperations.RetrieveConnection(Calls.Id(id)), Readers.Connection, cancellationToken);

    /// <summary>Lists base connections, following every page.</summary>
    public virtual IAsyncEnumerable<Connection> ListAsync(ListQuery? query = null, CancellationToken cancellationToken = default) =>
        Calls.ListAsync(_transport, FlowServiceOperations.ListConnections(), query, Connection.FromJson, cancellationToken);

    /// <summary>Patches a base connection with <c>if-match</c> (Flow Service serves this on the trailing-slash path).</summary>
    public virtual Task<CreatedResource> PatchAsync(string id, string etag, IReadOnlyList<JsonPatchOperation> operations, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(PatchWithResponseAsync(id, etag, operations, cancellationToken));

    /// <summary><see cref="PatchAsync"/> with the response's status, <c>x-request-id</c> and new etag.</summary>
    public virtual Task<AepResponse<CreatedResource>> PatchWithResponseAsync(string id, string etag, IReadOnlyList<JsonPatchOperation> operations, CancellationToken cancellationToken = default) =>
        Calls.CreateAsync(_transport, FlowServiceOperations.PatchConnection(Calls.Id(id), etag, Calls.Instructions(etag, operations)), "connection", cancellationToken);

    /// <summary>Deletes a base connection (on the trailing-slash path, as Flow Service declares it).</summary>
    public virtual async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await _transport.SendAsync(FlowServiceOperations.DeleteConnection(Calls.Id(id)), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Flow Service source connections: <c>/sourceConnections</c>.</summary>
public class SourceConnectionsClient
{
    private readonly AepTransport _transport;

    internal SourceConnectionsClient(AepTransport transport) => _transport = transport;

    /// <summary>For mocking: a derived test double overrides the methods it needs.</summary>
    protected SourceConnectionsClient() => _transport = null!;

    /// <summary>Creates a source connection; the request (and its typed params) is validated first.</summary>
    public virtual Task<CreatedResource> CreateAsync(CreateSourceConnectionRequest request, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(CreateWithResponseAsync(request, cancellationToken));

    /// <summary><see cref="CreateAsync(CreateSourceConnectionRequest, CancellationToken)"/> with the response's status, <c>x-request-id</c> and etag.</summary>
    public virtual Task<AepResponse<CreatedResource>> CreateWithResponseAsync(CreateSourceConnectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Calls.CreateAsync(_transport, new AepRequest(HttpMethod.Post, ServiceBasePaths.FlowService, "/sourceConnections").WithBody(request), "source connection", cancellationToken);
    }

    /// <summary>Creates a source connection of the connectionSpec <typeparamref name="TSpec"/>; the request (and its typed params) is validated first.</summary>
    /// <returns>The new connection's id, typed by its spec so only flowSpecs that list the spec as a source accept it.</returns>
    public Task<SourceConnectionId<TSpec>> CreateAsync<TSpec>(CreateSourceConnectionRequest<TSpec> request, CancellationToken cancellationToken = default)
        where TSpec : IConnectionSpec =>
        Calls.ValueAsync(CreateWithResponseAsync(request, cancellationToken));

    /// <summary>The typed create with the response's status, <c>x-request-id</c> and etag.</summary>
    public async Task<AepResponse<SourceConnectionId<TSpec>>> CreateWithResponseAsync<TSpec>(CreateSourceConnectionRequest<TSpec> request, CancellationToken cancellationToken = default)
        where TSpec : IConnectionSpec
    {
        ArgumentNullException.ThrowIfNull(request);
        var created = await CreateWithResponseAsync(request.ToRequest(), cancellationToken).ConfigureAwait(false);
        return created.With(new SourceConnectionId<TSpec>(created.Value.Id));
    }

    /// <summary>Reads one source connection.</summary>
    public virtual Task<Connection> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(GetWithResponseAsync(id, cancellationToken));

    /// <summary>Reads one source connection with the response's status, <c>x-request-id</c> and etag (for <see cref="PatchAsync"/>).</summary>
    public virtual Task<AepResponse<Connection>> GetWithResponseAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.GetAsync(_transport, FlowServiceOperations.RetrieveSourceConnection(Calls.Id(id)), Readers.Connection, cancellationToken);

    /// <summary>Lists source connections, following every page.</summary>
    public virtual IAsyncEnumerable<Connection> ListAsync(ListQuery? query = null, CancellationToken cancellationToken = default) =>
        Calls.ListAsync(_transport, FlowServiceOperations.GetSourceConnections(), query, Connection.FromJson, cancellationToken);

    /// <summary>Patches a source connection, sending <paramref name="etag"/> as <c>if-match</c>.</summary>
    public virtual Task<CreatedResource> PatchAsync(string id, string etag, IReadOnlyList<JsonPatchOperation> operations, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(PatchWithResponseAsync(id, etag, operations, cancellationToken));

    /// <summary><see cref="PatchAsync"/> with the response's status, <c>x-request-id</c> and new etag.</summary>
    public virtual Task<AepResponse<CreatedResource>> PatchWithResponseAsync(string id, string etag, IReadOnlyList<JsonPatchOperation> operations, CancellationToken cancellationToken = default) =>
        Calls.CreateAsync(_transport, FlowServiceOperations.PatchSourceConnection(Calls.Id(id), etag, Calls.Instructions(etag, operations)), "source connection", cancellationToken);

    /// <summary>Deletes a source connection.</summary>
    public virtual async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await _transport.SendAsync(FlowServiceOperations.DeleteSourceConnection(Calls.Id(id)), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Flow Service target connections: <c>/targetConnections</c>.</summary>
public class TargetConnectionsClient
{
    private readonly AepTransport _transport;

    internal TargetConnectionsClient(AepTransport transport) => _transport = transport;

    /// <summary>For mocking: a derived test double overrides the methods it needs.</summary>
    protected TargetConnectionsClient() => _transport = null!;

    /// <summary>Creates a target connection; the request is validated first.</summary>
    public virtual Task<CreatedResource> CreateAsync(CreateTargetConnectionRequest request, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(CreateWithResponseAsync(request, cancellationToken));

    /// <summary><see cref="CreateAsync(CreateTargetConnectionRequest, CancellationToken)"/> with the response's status, <c>x-request-id</c> and etag.</summary>
    public virtual Task<AepResponse<CreatedResource>> CreateWithResponseAsync(CreateTargetConnectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Calls.CreateAsync(_transport, new AepRequest(HttpMethod.Post, ServiceBasePaths.FlowService, "/targetConnections").WithBody(request), "target connection", cancellationToken);
    }

    /// <summary>Creates a target connection of the connectionSpec <typeparamref name="TSpec"/>; the request is validated first.</summary>
    /// <returns>The new connection's id, typed by its spec so only flowSpecs that list the spec as a target accept it.</returns>
    public Task<TargetConnectionId<TSpec>> CreateAsync<TSpec>(CreateTargetConnectionRequest<TSpec> request, CancellationToken cancellationToken = default)
        where TSpec : IConnectionSpec =>
        Calls.ValueAsync(CreateWithResponseAsync(request, cancellationToken));

    /// <summary>The typed create with the response's status, <c>x-request-id</c> and etag.</summary>
    public async Task<AepResponse<TargetConnectionId<TSpec>>> CreateWithResponseAsync<TSpec>(CreateTargetConnectionRequest<TSpec> request, CancellationToken cancellationToken = default)
        where TSpec : IConnectionSpec
    {
        ArgumentNullException.ThrowIfNull(request);
        var created = await CreateWithResponseAsync(request.ToRequest(), cancellationToken).ConfigureAwait(false);
        return created.With(new TargetConnectionId<TSpec>(created.Value.Id));
    }

    /// <summary>Reads one target connection.</summary>
    public virtual Task<Connection> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(GetWithResponseAsync(id, cancellationToken));

    /// <summary>Reads one target connection with the response's status, <c>x-request-id</c> and etag (for <see cref="PatchAsync"/>).</summary>
    public virtual Task<AepResponse<Connection>> GetWithResponseAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.GetAsync(_transport, FlowServiceOperations.RetrieveTargetConnection(Calls.Id(id)), Readers.Connection, cancellationToken);

    /// <summary>Lists target connections, following every page.</summary>
    public virtual IAsyncEnumerable<Connection> ListAsync(ListQuery? query = null, CancellationToken cancellationToken = default) =>
        Calls.ListAsync(_transport, FlowServiceOperations.GetTargetConnections(), query, Connection.FromJson, cancellationToken);

    /// <summary>Patches a target connection, sending <paramref name="etag"/> as <c>if-match</c>.</summary>
    public virtual Task<CreatedResource> PatchAsync(string id, string etag, IReadOnlyList<JsonPatchOperation> operations, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(PatchWithResponseAsync(id, etag, operations, cancellationToken));

    /// <summary><see cref="PatchAsync"/> with the response's status, <c>x-request-id</c> and new etag.</summary>
    public virtual Task<AepResponse<CreatedResource>> PatchWithResponseAsync(string id, string etag, IReadOnlyList<JsonPatchOperation> operations, CancellationToken cancellationToken = default) =>
        Calls.CreateAsync(_transport, FlowServiceOperations.PatchTargetConnection(Calls.Id(id), etag, Calls.Instructions(etag, operations)), "target connection", cancellationToken);

    /// <summary>Deletes a target connection.</summary>
    public virtual async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await _transport.SendAsync(FlowServiceOperations.DeleteTargetConnection(Calls.Id(id)), cancellationToken).ConfigureAwait(false);
    }
}
