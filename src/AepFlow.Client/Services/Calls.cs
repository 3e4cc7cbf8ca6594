using System.Text.Json;
using AepFlow.Http;
using AepFlow.Paging;
using AepFlow.Resources;

namespace AepFlow.Services;

// Shapes shared by the service facades: create answers, single-resource GETs and paged lists, each read from the body
// without keeping a parsed copy (results keep slices of it). Requests come from the generated AepFlow.Operations builders
// where their body types fit; hand-written bodies keep IAepModel params pluggable.
internal static class Calls
{
    /// <summary>Sends a single-resource GET; Flow Service wraps the resource in <c>{"items":[…]}</c>, the others do not.</summary>
    public static Task<AepResponse<T>> GetAsync<T>(AepTransport transport, AepRequest request, ResourceReader<T> reader, CancellationToken cancellationToken) =>
        SendAsync(transport, request, reader, static (root, body, r) => r.Read(JsonRead.Single(root, r.Name), body), reader.EtagOf, cancellationToken);

    /// <summary>Sends a call whose whole body is the resource (Schema Registry, Data Prep creates).</summary>
    public static Task<AepResponse<T>> ReadAsync<T>(AepTransport transport, AepRequest request, ResourceReader<T> reader, CancellationToken cancellationToken) =>
        SendAsync(transport, request, reader, static (root, body, r) => r.Read(root, body), reader.EtagOf, cancellationToken);

    /// <summary>Sends a create, patch or state change answered with <c>{"id","etag"}</c>.</summary>
    public static Task<AepResponse<CreatedResource>> CreateAsync(AepTransport transport, AepRequest request, string resource, CancellationToken cancellationToken) =>
        CreateAsync(transport, request, resource, static (root, name) => JsonRead.RequiredString(root, "id"u8, name), cancellationToken);

    /// <summary>Sends a create whose answer names the new id as <paramref name="readId"/> finds it; the etag is the header's, else the body's.</summary>
    public static async Task<AepResponse<CreatedResource>> CreateAsync(
        AepTransport transport, AepRequest request, string resource, Func<JsonElement, string, string> readId, CancellationToken cancellationToken)
    {
        var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var (id, etag) = response.ReadJson((resource, readId), static (root, _, s) => (s.readId(root, s.resource), JsonRead.String(root, "etag"u8)));
        var created = new CreatedResource(id, response.EtagHeader ?? etag);
        return new AepResponse<CreatedResource>(created, response, created.Etag);
    }

    /// <summary>Sends <paramref name="request"/> and reads its body with <paramref name="read"/> (a pooled parse).</summary>
    public static async Task<AepResponse<T>> SendAsync<TState, T>(
        AepTransport transport, AepRequest request, TState state, Func<JsonElement, ReadOnlyMemory<byte>, TState, T> read, Func<T, string?> etagOf, CancellationToken cancellationToken)
    {
        var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var value = response.ReadJson(state, read);
        return new AepResponse<T>(value, response, etagOf(value));
    }

    /// <summary>The value of a typed answer, for the methods that return only the value.</summary>
    public static Task<T> ValueAsync<T>(Task<AepResponse<T>> response) =>
        response.IsCompletedSuccessfully ? Task.FromResult(response.Result.Value) : AwaitValueAsync(response);

    private static async Task<T> AwaitValueAsync<T>(Task<AepResponse<T>> response) => (await response.ConfigureAwait(false)).Value;

    /// <summary>Sends a generated list builder's request with <paramref name="query"/> applied, following every page.</summary>
    public static IAsyncEnumerable<T> ListAsync<T>(AepTransport transport, AepRequest request, ListQuery? query, Func<JsonElement, ReadOnlyMemory<byte>, T> read, CancellationToken cancellationToken)
    {
        query?.ApplyTo(request);
        return transport.PageAsync(request, AepTransport.ListItems, read, cancellationToken);
    }

    public static string Id(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return id;
    }

    public static IReadOnlyList<Models.FlowService.PatchInstruction> Instructions(string etag, IReadOnlyList<Requests.JsonPatchOperation> operations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(etag);
        ArgumentNullException.ThrowIfNull(operations);
        return [.. operations.Select(static o => o.ToInstruction())];
    }

    public static async Task<T?> FirstOrDefaultAsync<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken)
        where T : class
    {
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            return item;
        }

        return null;
    }
}

/// <summary>How a typed result is read from a body: its name (for messages), its reader and where its etag is.</summary>
internal sealed class ResourceReader<T>(string name, Func<JsonElement, ReadOnlyMemory<byte>, T> read, Func<T, string?> etagOf)
{
    public string Name => name;

    public Func<T, string?> EtagOf => etagOf;

    public T Read(JsonElement element, ReadOnlyMemory<byte> body) => read(element, body);
}

/// <summary>The readers of the typed results, one per resource.</summary>
internal static class Readers
{
    public static readonly ResourceReader<Flow> Flow = new("flow", Resources.Flow.FromJson, static f => f.Etag);
    public static readonly ResourceReader<FlowSpec> FlowSpec = new("flowSpec", Resources.FlowSpec.FromJson, static _ => null);
    public static readonly ResourceReader<ConnectionSpec> ConnectionSpec = new("connectionSpec", Resources.ConnectionSpec.FromJson, static _ => null);
    public static readonly ResourceReader<Connection> Connection = new("connection", Resources.Connection.FromJson, static c => c.Etag);
    public static readonly ResourceReader<FlowRun> Run = new("run", FlowRun.FromJson, static r => r.Etag);
    public static readonly ResourceReader<MappingSet> MappingSet = new("mapping set", Resources.MappingSet.FromJson, static _ => null);
    public static readonly ResourceReader<XdmSchema> Schema = new("schema", XdmSchema.FromJson, static _ => null);
}
