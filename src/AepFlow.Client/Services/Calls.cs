using System.Text.Json;
using AepFlow.Http;
using AepFlow.Paging;
using AepFlow.Resources;

namespace AepFlow.Services;

// Shapes shared by the service facades: create answers, single-resource GETs and paged lists. Requests come from the
// generated AepFlow.Operations builders where their body types fit; hand-written bodies keep IAepModel params pluggable.
internal static class Calls
{
    public static async Task<JsonElement> GetSingleAsync(AepTransport transport, AepRequest request, string resource, string id, CancellationToken cancellationToken)
    {
        var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.Read(r => JsonRead.Single(r.Json, resource, id));
    }

    /// <summary>Sends a generated list builder's request with <paramref name="query"/> applied, following every page.</summary>
    public static IAsyncEnumerable<T> ListAsync<T>(AepTransport transport, AepRequest request, ListQuery? query, Func<JsonElement, T> read, CancellationToken cancellationToken)
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

    public static async Task<CreatedResource> CreateAsync(AepTransport transport, AepRequest request, string resource, CancellationToken cancellationToken)
    {
        var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return Created(response, resource);
    }

    public static CreatedResource Created(AepResponse response, string resource) =>
        response.Read(r => new CreatedResource(JsonRead.RequiredString(r.Json, "id", resource), r.Etag));

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
