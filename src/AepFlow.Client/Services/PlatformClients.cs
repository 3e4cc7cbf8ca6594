using System.Text.Json;
using AepFlow.Http;
using AepFlow.Operations;
using AepFlow.Paging;
using AepFlow.Requests;
using AepFlow.Resources;

namespace AepFlow.Services;

/// <summary>Data Prep mapping sets: <c>/data/foundation/conversion/mappingSets</c>.</summary>
public class MappingSetsClient
{
    private readonly AepTransport _transport;

    internal MappingSetsClient(AepTransport transport) => _transport = transport;

    /// <summary>For mocking: a derived test double overrides the methods it needs.</summary>
    protected MappingSetsClient() => _transport = null!;

    /// <summary>Creates a mapping set; the answer carries the id and version a flow's <c>Mapping</c> transformation needs.</summary>
    public virtual Task<MappingSet> CreateAsync(CreateMappingSetRequest request, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(CreateWithResponseAsync(request, cancellationToken));

    /// <summary><see cref="CreateAsync"/> with the response's status, <c>x-request-id</c> and etag.</summary>
    public virtual Task<AepResponse<MappingSet>> CreateWithResponseAsync(CreateMappingSetRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Calls.ReadAsync(_transport, new AepRequest(HttpMethod.Post, ServiceBasePaths.Conversion, "/mappingSets").WithBody(request), Readers.MappingSet, cancellationToken);
    }

    /// <summary>Reads one mapping set.</summary>
    public virtual Task<MappingSet> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(GetWithResponseAsync(id, cancellationToken));

    /// <summary>Reads one mapping set with the response's status, <c>x-request-id</c> and etag.</summary>
    public virtual Task<AepResponse<MappingSet>> GetWithResponseAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.GetAsync(_transport, DataPrepOperations.RetrieveMappingSet(Calls.Id(id)), Readers.MappingSet, cancellationToken);

    /// <summary>Lists mapping sets, following every page.</summary>
    public virtual IAsyncEnumerable<MappingSet> ListAsync(ListQuery? query = null, CancellationToken cancellationToken = default) =>
        Calls.ListAsync(_transport, DataPrepOperations.ListMappingSets(), query, MappingSet.FromJson, cancellationToken);
}

/// <summary>Catalog datasets: <c>/data/foundation/catalog/dataSets</c>.</summary>
public class DataSetsClient
{
    private readonly AepTransport _transport;

    internal DataSetsClient(AepTransport transport) => _transport = transport;

    /// <summary>For mocking: a derived test double overrides the methods it needs.</summary>
    protected DataSetsClient() => _transport = null!;

    /// <summary>Creates a dataset. Catalog answers <c>["@/dataSets/{id}"]</c>; the id is taken from it.</summary>
    public virtual Task<CreatedResource> CreateAsync(CreateDataSetRequest request, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(CreateWithResponseAsync(request, cancellationToken));

    /// <summary><see cref="CreateAsync"/> with the response's status, <c>x-request-id</c> and etag.</summary>
    public virtual Task<AepResponse<CreatedResource>> CreateWithResponseAsync(CreateDataSetRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Calls.CreateAsync(_transport, new AepRequest(HttpMethod.Post, ServiceBasePaths.Catalog, "/dataSets").WithBody(request), "dataset", static (root, _) => ParseCreatedId(root), cancellationToken);
    }

    /// <summary>Reads one dataset. Catalog answers <c>{"{id}": {…}}</c>.</summary>
    public virtual Task<DataSet> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(GetWithResponseAsync(id, cancellationToken));

    /// <summary>Reads one dataset with the response's status, <c>x-request-id</c> and etag.</summary>
    public virtual Task<AepResponse<DataSet>> GetWithResponseAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.SendAsync(_transport, CatalogOperations.RetrieveDataset(Calls.Id(id)), id, ReadDataSet, static _ => null, cancellationToken);

    private static DataSet ReadDataSet(JsonElement root, ReadOnlyMemory<byte> body, string id)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (root.TryGetProperty(id, out var keyed) && keyed.ValueKind == JsonValueKind.Object)
            {
                return DataSet.FromJson(id, keyed, body);
            }

            if (root.TryGetProperty("name", out _) || root.TryGetProperty("schemaRef", out _))
            {
                return DataSet.FromJson(id, root, body);
            }
        }

        throw new JsonException($"The Catalog response for dataset '{id}' does not hold it.");
    }

    internal static string ParseCreatedId(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in root.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { } reference)
                {
                    var slash = reference.LastIndexOf('/');
                    return slash >= 0 ? reference[(slash + 1)..] : reference;
                }
            }
        }
        else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            return id.GetString()!;
        }

        throw new JsonException("The Catalog response to a dataset creation holds no dataset reference.");
    }
}

/// <summary>Schema Registry schemas in the tenant container: <c>/data/foundation/schemaregistry/tenant/schemas</c>.</summary>
public class SchemasClient
{
    /// <summary>The Accept header asking for a schema with its references kept (major version 1).</summary>
    public const string SchemaAccept = "application/vnd.adobe.xed+json; version=1";

    private readonly AepTransport _transport;

    internal SchemasClient(AepTransport transport) => _transport = transport;

    /// <summary>For mocking: a derived test double overrides the methods it needs.</summary>
    protected SchemasClient() => _transport = null!;

    /// <summary>Creates a schema; the answer carries its <c>$id</c> for datasets, target connections and mapping sets.</summary>
    public virtual Task<XdmSchema> CreateAsync(CreateSchemaRequest request, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(CreateWithResponseAsync(request, cancellationToken));

    /// <summary><see cref="CreateAsync"/> with the response's status, <c>x-request-id</c> and etag.</summary>
    public virtual Task<AepResponse<XdmSchema>> CreateWithResponseAsync(CreateSchemaRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Calls.ReadAsync(_transport, new AepRequest(HttpMethod.Post, ServiceBasePaths.SchemaRegistry, "/tenant/schemas").WithBody(request), Readers.Schema, cancellationToken);
    }

    /// <summary>Reads a schema by its <c>$id</c> or <c>meta:altId</c> (escaped into the path).</summary>
    public virtual Task<XdmSchema> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.ValueAsync(GetWithResponseAsync(id, cancellationToken));

    /// <summary>Reads a schema with the response's status, <c>x-request-id</c> and etag.</summary>
    public virtual Task<AepResponse<XdmSchema>> GetWithResponseAsync(string id, CancellationToken cancellationToken = default) =>
        Calls.ReadAsync(_transport, SchemaRegistryOperations.RetrieveSchema("tenant", Calls.Id(id)), Readers.Schema, cancellationToken);
}
