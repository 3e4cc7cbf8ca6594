using System.Text.Json.Nodes;

namespace AepFlow.Emulator.Endpoints;

/// <summary>
/// How one Flow Service collection behaves: what a create body must reference, what must still hold after a PATCH,
/// and what happens after a create (a flow starts its first run).
/// </summary>
internal sealed class ResourceKind
{
    public required string Collection { get; init; }

    /// <summary>Name used in messages: "Flow", "Source connection"…</summary>
    public required string DisplayName { get; init; }

    /// <summary>Checks a create body (parsed and raw); may add server-side members to it. Returns the error to send, or null.</summary>
    public required Func<EmulatorState, RequestContext, JsonObject, string, IResult?> ValidateCreate { get; init; }

    /// <summary>Checks the whole resource after a PATCH. Returns the error to send, or null.</summary>
    public required Func<EmulatorState, RequestContext, JsonObject, IResult?> ValidateUpdate { get; init; }

    /// <summary>Runs after the resource is stored.</summary>
    public Action<EmulatorState, RequestContext, JsonObject>? AfterCreate { get; init; }

    /// <summary>Runs after a change (PATCH or action) is stored, with the new body.</summary>
    public Action<EmulatorState, RequestContext, JsonObject>? AfterUpdate { get; init; }

    /// <summary>Runs after the resource with this id was deleted.</summary>
    public Action<EmulatorState, RequestContext, string>? AfterDelete { get; init; }

    /// <summary>Top-level members a PATCH may not touch.</summary>
    public IReadOnlySet<string> ReadOnlyMembers { get; init; } = DefaultReadOnly;

    public static readonly IReadOnlySet<string> DefaultReadOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "etag", "version", "createdAt", "updatedAt", "createdBy", "updatedBy", "createdClient", "updatedClient",
        "sandboxId", "sandboxName", "imsOrgId", "connectionSpec", "flowSpec", "inheritedAttributes", "lastRunDetails", "runs",
    };
}
