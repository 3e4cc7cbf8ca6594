using System.Text.Json.Nodes;
using AepFlow.Emulator.Specs;
using AepFlow.Emulator.Storage;
using AepFlow.Validation;

namespace AepFlow.Emulator.Endpoints;

/// <summary>
/// What Flow Service checks on a flow: the flowSpec's own rules (through <see cref="Validation.IFlowValidator"/>, i.e. the
/// generated models), then references — the flowSpec exists, every source and target connection exists in the sandbox and
/// uses a connectionSpec the flowSpec accepts, and the mapping set exists. Runs follow the flow's schedule (<see cref="Runs.RunSimulator"/>).
/// </summary>
internal static class FlowRules
{
    public const string RunsCollection = "runs";

    public static readonly ResourceKind Flows = new()
    {
        Collection = "flows",
        DisplayName = "Flow",
        ValidateCreate = (state, caller, body, raw) => Check(state, caller, body, raw, created: true),
        ValidateUpdate = (state, caller, body) => Check(state, caller, body, JsonResults.ToJsonString(RequestShape(body)), created: false),
        // Runs follow the flow's state and schedule (see Runs.RunSimulator).
        AfterCreate = (state, caller, flow) => state.Runs.FlowChanged(caller.Sandbox, flow, created: true),
        AfterUpdate = (state, caller, flow) => state.Runs.FlowChanged(caller.Sandbox, flow, created: false),
        AfterDelete = (state, caller, id) => state.Runs.FlowRemoved(caller.Sandbox, id),
    };

    private static IResult? Check(EmulatorState state, RequestContext caller, JsonObject flow, string requestJson, bool created)
    {
        var errors = new List<ValidationError>();
        FieldLimits.CheckName(flow, errors);
        var result = state.FlowValidator.Validate(requestJson);
        if (!result.IsValid || errors.Count > 0)
        {
            return ConnectionRules.Result([.. errors, .. result.Errors]);
        }
        var flowSpecId = JsonRead.String(flow["flowSpec"], "id");
        if (flowSpecId is null || !state.Specs.FlowSpecs.TryGetValue(flowSpecId, out var flowSpec))
        {
            errors.Add(new("/flowSpec/id", "exists", $"flowSpec '{flowSpecId}' is not known to this service."));
            return ConnectionRules.Result(errors);
        }

        var sources = CheckConnections(state, caller, flow, flowSpec, "sourceConnectionIds", "sourceConnections", "sourceConnectionSpecIds", errors);
        var targets = CheckConnections(state, caller, flow, flowSpec, "targetConnectionIds", "targetConnections", "targetConnectionSpecIds", errors);
        CheckMappings(state, caller, flow, errors);
        if (errors.Count > 0)
        {
            return ConnectionRules.Result(errors);
        }

        if (created)
        {
            flow["state"] = "enabled";
        }

        flow["inheritedAttributes"] = new JsonObject { ["sourceConnections"] = sources, ["targetConnections"] = targets };
        return null;
    }

    /// <summary>Checks each referenced connection and returns the summaries Flow Service puts in <c>inheritedAttributes</c>.</summary>
    private static JsonArray CheckConnections(
        EmulatorState state,
        RequestContext caller,
        JsonObject flow,
        JsonObject flowSpec,
        string idsMember,
        string collection,
        string acceptedMember,
        List<ValidationError> errors)
    {
        var summaries = new JsonArray();
        var ids = JsonRead.StringArray(flow, idsMember) ?? [];
        var accepted = SpecCatalog.ConnectionSpecIds(flowSpec, acceptedMember);
        var flowSpecName = JsonRead.String(flowSpec, "name");
        for (var i = 0; i < ids.Count; i++)
        {
            if (!state.Store.Collection(caller.Sandbox, collection).TryGet(ids[i], out var connection))
            {
                errors.Add(new($"/{idsMember}/{i}", "exists", $"{idsMember}[{i}] '{ids[i]}' does not exist in sandbox '{caller.Sandbox}'."));
                continue;
            }

            var specId = JsonRead.String(connection["connectionSpec"], "id");
            if (specId is null || !accepted.Contains(specId, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new(
                    $"/{idsMember}/{i}",
                    "enum",
                    $"{idsMember}[{i}] '{ids[i]}' uses connectionSpec '{specId}', which flowSpec '{flowSpecName}' does not list in {acceptedMember}; pick the flowSpec made for this source."));
                continue;
            }

            var summary = new JsonObject { ["id"] = ids[i], ["connectionSpec"] = connection["connectionSpec"]?.DeepClone() };
            if (JsonRead.String(connection, "baseConnectionId") is { } baseId
                && state.Store.Collection(caller.Sandbox, "connections").TryGet(baseId, out var baseConnection))
            {
                summary["baseConnection"] = new JsonObject { ["id"] = baseId, ["connectionSpec"] = baseConnection["connectionSpec"]?.DeepClone() };
            }

            summaries.Add(summary);
        }

        return summaries;
    }

    private static void CheckMappings(EmulatorState state, RequestContext caller, JsonObject flow, List<ValidationError> errors)
    {
        if (flow["transformations"] is not JsonArray transformations)
        {
            return;
        }

        for (var i = 0; i < transformations.Count; i++)
        {
            if (JsonRead.String(transformations[i]?["params"], "mappingId") is { } mappingId
                && !state.Store.Collection(caller.Sandbox, DataPrepEndpoints.Collection).Contains(mappingId))
            {
                errors.Add(new($"/transformations/{i}/params/mappingId", "exists", $"Mapping set '{mappingId}' does not exist in sandbox '{caller.Sandbox}'."));
            }
        }
    }

    /// <summary>The members of a stored flow that a create request carries, for re-validating after a PATCH.</summary>
    private static JsonObject RequestShape(JsonObject flow)
    {
        var request = new JsonObject();
        foreach (var member in (string[])["name", "description", "flowSpec", "sourceConnectionIds", "targetConnectionIds", "transformations", "scheduleParams"])
        {
            if (flow.TryGetPropertyValue(member, out var value))
            {
                request[member] = value?.DeepClone();
            }
        }

        return request;
    }
}
