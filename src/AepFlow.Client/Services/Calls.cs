using System.Text.Json;
using AepFlow.Http;
using AepFlow.Paging;
using AepFlow.Resources;

namespace AepFlow.Services;

// Shapes shared by the service facades: create answers, single-resource GETs and paged lists.
internal static class Calls
{
    public static AepRequest Get(string basePath, string path, string route) =>
        new(HttpMethod.Get, basePath, path) { Route = route };

    public static async Task<JsonElement> GetSingleAsync(AepTransport transport, string basePath, string collection, string id, string resource, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var response = await transport.SendAsync(Get(basePath, collection + "/" + AepRequest.Escape(id), collection + "/{id}"), cancellationToken).ConfigureAwait(false);
        return JsonRead.Single(response.Json, resource, id);
    }

    public static IAsyncEnumerable<T> ListAsync<T>(AepTransport transport, string basePath, string collection, ListQuery? query, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        var request = new AepRequest(HttpMethod.Get, basePath, collection) { Pages = true, Route = collection };
        query?.ApplyTo(request);
        return transport.PageAsync(request, AepTransport.ListItems, read, cancellationToken);
    }

    public static async Task<CreatedResource> CreateAsync(AepTransport transport, AepRequest request, string resource, CancellationToken cancellationToken)
    {
        var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return Created(response, resource);
    }

    public static CreatedResource Created(AepResponse response, string resource) =>
        new(JsonRead.RequiredString(response.Json, "id", resource), response.Etag);

    public static AepRequest Patch(string basePath, string path, string route, string etag, IReadOnlyList<Requests.JsonPatchOperation> operations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(etag);
        ArgumentNullException.ThrowIfNull(operations);
        return new AepRequest(HttpMethod.Patch, basePath, path) { Route = route }
            .AddHeader("if-match", etag)
            .WithBody(Requests.JsonPatchOperation.ToBody(operations));
    }

    public static async Task<T> FirstOrDefaultAsync<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken)
        where T : class
    {
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            return item;
        }

        return null!;
    }
}
