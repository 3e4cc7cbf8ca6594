using System.Text.Json;

namespace AepFlow.Resources;

/// <summary>The answer to a create or update: the resource's id and its new etag (for the next <c>if-match</c>).</summary>
/// <param name="Id">The id Platform assigned.</param>
/// <param name="Etag">The etag of the stored version, when the service issues one.</param>
public sealed record CreatedResource(string Id, string? Etag);

/// <summary>A reference to a versioned resource: <c>{"id","version"}</c>.</summary>
/// <param name="Id">The referenced id.</param>
/// <param name="Version">Its version, e.g. <c>1.0</c>.</param>
public sealed record ResourceRef(string Id, string? Version);

/// <summary>A dataflow as Flow Service returns it.</summary>
public sealed record Flow
{
    /// <summary>The flow id.</summary>
    public required string Id { get; init; }

    /// <summary>The name.</summary>
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The flowSpec it runs under.</summary>
    public ResourceRef? FlowSpec { get; init; }

    /// <summary><c>enabled</c> or <c>disabled</c>.</summary>
    public string? State { get; init; }

    /// <summary>The etag to send as <c>if-match</c> when patching.</summary>
    public string? Etag { get; init; }

    /// <summary>The source connections it reads.</summary>
    public IReadOnlyList<string> SourceConnectionIds { get; init; } = [];

    /// <summary>The target connections it writes.</summary>
    public IReadOnlyList<string> TargetConnectionIds { get; init; } = [];

    /// <summary>Creation time, epoch milliseconds.</summary>
    public long? CreatedAt { get; init; }

    private KeptJson _json;

    /// <summary>The whole response object, for members not surfaced above.</summary>
    public JsonElement Json { get => _json.Value; init => _json = KeptJson.Of(value); }

    private static readonly byte[][] MemberNames =
    [
        "id"u8.ToArray(), "name"u8.ToArray(), "description"u8.ToArray(), "flowSpec"u8.ToArray(), "state"u8.ToArray(), "etag"u8.ToArray(),
        "sourceConnectionIds"u8.ToArray(), "targetConnectionIds"u8.ToArray(), "createdAt"u8.ToArray(),
    ];

    // One pass over the members (JsonRead.Members): a flow carries twenty-odd, and the client reads one on every GET.
    internal static Flow FromJson(JsonElement e, ReadOnlyMemory<byte> body)
    {
        var members = default(JsonMembers);
        JsonRead.Members(e, MemberNames, members);
        return new()
        {
            Id = JsonRead.Required(members[0], "id"u8, "flow"),
            Name = JsonRead.Text(members[1]),
            Description = JsonRead.Text(members[2]),
            FlowSpec = JsonRead.Ref(members[3]),
            State = JsonRead.Text(members[4]),
            Etag = JsonRead.Text(members[5]),
            SourceConnectionIds = JsonRead.Strings(members[6]),
            TargetConnectionIds = JsonRead.Strings(members[7]),
            CreatedAt = JsonRead.Int64(members[8]),
            _json = KeptJson.Of(e, body),
        };
    }
}

/// <summary>A flowSpec: which sources may flow to which targets, with which transformations and schedule.</summary>
public sealed record FlowSpec
{
    /// <summary>The flowSpec id.</summary>
    public required string Id { get; init; }

    /// <summary>The name, e.g. <c>CRMToAEP</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The version, e.g. <c>1.0</c>.</summary>
    public string? Version { get; init; }

    /// <summary>The connectionSpecs a flow under this spec may read from.</summary>
    public IReadOnlyList<string> SourceConnectionSpecIds { get; init; } = [];

    /// <summary>The connectionSpecs a flow under this spec may write to.</summary>
    public IReadOnlyList<string> TargetConnectionSpecIds { get; init; } = [];

    private KeptJson _json;

    /// <summary>The whole spec (transformationSpecs, scheduleSpec…).</summary>
    public JsonElement Json { get => _json.Value; init => _json = KeptJson.Of(value); }

    internal static FlowSpec FromJson(JsonElement e, ReadOnlyMemory<byte> body) => new()
    {
        Id = JsonRead.RequiredString(e, "id"u8, "flowSpec"),
        Name = JsonRead.String(e, "name"u8),
        Version = JsonRead.String(e, "version"u8),
        SourceConnectionSpecIds = JsonRead.Strings(e, "sourceConnectionSpecIds"u8),
        TargetConnectionSpecIds = JsonRead.Strings(e, "targetConnectionSpecIds"u8),
        _json = KeptJson.Of(e, body),
    };
}

/// <summary>A connectionSpec: a kind of source or target and the schemas of its auth and parameters.</summary>
public sealed record ConnectionSpec
{
    /// <summary>The connectionSpec id.</summary>
    public required string Id { get; init; }

    /// <summary>The name, e.g. <c>salesforce</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The provider id.</summary>
    public string? ProviderId { get; init; }

    /// <summary>The version, e.g. <c>1.0</c>.</summary>
    public string? Version { get; init; }

    private KeptJson _json;

    /// <summary>The whole spec (authSpec, sourceSpec…).</summary>
    public JsonElement Json { get => _json.Value; init => _json = KeptJson.Of(value); }

    internal static ConnectionSpec FromJson(JsonElement e, ReadOnlyMemory<byte> body) => new()
    {
        Id = JsonRead.RequiredString(e, "id"u8, "connectionSpec"),
        Name = JsonRead.String(e, "name"u8),
        ProviderId = JsonRead.String(e, "providerId"u8),
        Version = JsonRead.String(e, "version"u8),
        _json = KeptJson.Of(e, body),
    };
}

/// <summary>A base, source or target connection.</summary>
public sealed record Connection
{
    /// <summary>The connection id.</summary>
    public required string Id { get; init; }

    /// <summary>The name.</summary>
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The base connection a source or target connection uses, if any.</summary>
    public string? BaseConnectionId { get; init; }

    /// <summary>The connectionSpec it is an instance of.</summary>
    public ResourceRef? ConnectionSpec { get; init; }

    /// <summary>The state, e.g. <c>enabled</c>.</summary>
    public string? State { get; init; }

    /// <summary>The etag to send as <c>if-match</c> when patching.</summary>
    public string? Etag { get; init; }

    private KeptJson _json;

    /// <summary>The whole response object (params, data, auth without secrets…).</summary>
    public JsonElement Json { get => _json.Value; init => _json = KeptJson.Of(value); }

    internal static Connection FromJson(JsonElement e, ReadOnlyMemory<byte> body) => new()
    {
        Id = JsonRead.RequiredString(e, "id"u8, "connection"),
        Name = JsonRead.String(e, "name"u8),
        Description = JsonRead.String(e, "description"u8),
        BaseConnectionId = JsonRead.String(e, "baseConnectionId"u8),
        ConnectionSpec = JsonRead.Ref(e, "connectionSpec"u8),
        State = JsonRead.String(e, "state"u8),
        Etag = JsonRead.String(e, "etag"u8),
        _json = KeptJson.Of(e, body),
    };
}

/// <summary>A Data Prep mapping set.</summary>
public sealed record MappingSet
{
    /// <summary>The mapping set id (32 hex characters or a GUID).</summary>
    public required string Id { get; init; }

    /// <summary>The version, sent with the id as a flow's <c>mappingVersion</c>.</summary>
    public long? Version { get; init; }

    /// <summary>The target XDM schema.</summary>
    public string? XdmSchema { get; init; }

    private KeptJson _json;

    /// <summary>The whole response object.</summary>
    public JsonElement Json { get => _json.Value; init => _json = KeptJson.Of(value); }

    internal static MappingSet FromJson(JsonElement e, ReadOnlyMemory<byte> body) => new()
    {
        Id = JsonRead.RequiredString(e, "id"u8, "mapping set"),
        Version = JsonRead.Int64(e, "version"u8),
        XdmSchema = JsonRead.String(e, "xdmSchema"u8),
        _json = KeptJson.Of(e, body),
    };
}

/// <summary>A Catalog dataset.</summary>
public sealed record DataSet
{
    /// <summary>The dataset id.</summary>
    public required string Id { get; init; }

    /// <summary>The name.</summary>
    public string? Name { get; init; }

    /// <summary>The id of the XDM schema its records follow (<c>schemaRef.id</c>).</summary>
    public string? SchemaId { get; init; }

    private KeptJson _json;

    /// <summary>The whole response object.</summary>
    public JsonElement Json { get => _json.Value; init => _json = KeptJson.Of(value); }

    internal static DataSet FromJson(string id, JsonElement e, ReadOnlyMemory<byte> body) => new()
    {
        Id = JsonRead.String(e, "id"u8) ?? id,
        Name = JsonRead.String(e, "name"u8),
        SchemaId = JsonRead.String(JsonRead.Object(e, "schemaRef"u8), "id"u8),
        _json = KeptJson.Of(e, body),
    };
}

/// <summary>An XDM schema in the tenant container of the Schema Registry.</summary>
public sealed record XdmSchema
{
    /// <summary>The schema's <c>$id</c> URI, used as the <c>xdmSchema</c> of mapping sets and target connections.</summary>
    public required string Id { get; init; }

    /// <summary>The <c>meta:altId</c>.</summary>
    public string? AltId { get; init; }

    /// <summary>The title.</summary>
    public string? Title { get; init; }

    /// <summary>The version, e.g. <c>1.0</c>.</summary>
    public string? Version { get; init; }

    private KeptJson _json;

    /// <summary>The whole schema.</summary>
    public JsonElement Json { get => _json.Value; init => _json = KeptJson.Of(value); }

    internal static XdmSchema FromJson(JsonElement e, ReadOnlyMemory<byte> body) => new()
    {
        Id = JsonRead.RequiredString(e, "$id"u8, "schema"),
        AltId = JsonRead.String(e, "meta:altId"u8),
        Title = JsonRead.String(e, "title"u8),
        Version = JsonRead.String(e, "version"u8),
        _json = KeptJson.Of(e, body),
    };
}
