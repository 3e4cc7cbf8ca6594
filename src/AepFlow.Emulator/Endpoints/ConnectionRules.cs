using System.Text.Json.Nodes;
using AepFlow.Emulator.Errors;
using AepFlow.Validation;

namespace AepFlow.Emulator.Endpoints;

/// <summary>
/// What Flow Service checks on base, source and target connections: a name, a known connectionSpec, an authSpec the
/// connectionSpec offers, and references (base connection, dataset, schema) that exist in the caller's sandbox.
/// </summary>
internal static class ConnectionRules
{
    public static readonly ResourceKind BaseConnections = new()
    {
        Collection = "connections",
        DisplayName = "Connection",
        ValidateCreate = (state, caller, body, _) => CheckBase(state, body) ?? AddStreamingInlet(body),
        ValidateUpdate = (state, caller, body) => CheckBase(state, body),
    };

    /// <summary>The HTTP API streaming source: its base connection gets the inlet clients send records to.</summary>
    private const string HttpApiStreamingSpecId = "bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb";

    public static readonly ResourceKind SourceConnections = new()
    {
        Collection = "sourceConnections",
        DisplayName = "Source connection",
        ValidateCreate = (state, caller, body, _) => CheckSource(state, caller, body),
        ValidateUpdate = (state, caller, body) => CheckSource(state, caller, body),
    };

    public static readonly ResourceKind TargetConnections = new()
    {
        Collection = "targetConnections",
        DisplayName = "Target connection",
        ValidateCreate = (state, caller, body, _) => CheckTarget(state, caller, body),
        ValidateUpdate = (state, caller, body) => CheckTarget(state, caller, body),
    };

    private static IResult? CheckBase(EmulatorState state, JsonObject body)
    {
        var errors = new List<ValidationError>();
        RequireName(body, errors);
        var spec = RequireConnectionSpec(state, body, errors);
        if (body["auth"] is JsonObject auth)
        {
            var specName = JsonRead.String(auth, "specName");
            if (specName is null)
            {
                errors.Add(new("/auth/specName", "required", "auth.specName names the authSpec of the connectionSpec to use."));
            }
            else if (spec?["authSpec"] is JsonArray authSpecs)
            {
                var names = authSpecs.Select(a => JsonRead.String(a, "name")).OfType<string>().ToArray();
                if (names.Length > 0 && !names.Contains(specName, StringComparer.OrdinalIgnoreCase))
                {
                    errors.Add(new("/auth/specName", "enum", $"auth.specName '{specName}' is not an authSpec of this connectionSpec; use one of: {string.Join(", ", names)}."));
                }
            }

            if (auth["params"] is not JsonObject parameters)
            {
                errors.Add(new("/auth/params", "type", "auth.params must be an object with the authSpec's parameters."));
            }
            else if (spec is not null && specName is not null && JsonRead.String(spec, "id") is { } specId)
            {
                errors.AddRange(state.ConnectionValidator.ValidateAuth(specId, specName, parameters));
            }
        }
        else if (body["auth"] is not null)
        {
            errors.Add(new("/auth", "type", "auth must be an object with specName and params."));
        }

        return Result(errors);
    }

    private static IResult? CheckSource(EmulatorState state, RequestContext caller, JsonObject body)
    {
        var errors = new List<ValidationError>();
        RequireName(body, errors);
        var spec = RequireConnectionSpec(state, body, errors);
        if (body["baseConnectionId"] is not null)
        {
            var baseId = JsonRead.String(body, "baseConnectionId");
            if (baseId is null)
            {
                errors.Add(new("/baseConnectionId", "type", "baseConnectionId must be a string."));
            }
            else if (!FlowServiceCrud.Collection(state, caller, "connections").TryGet(baseId, out var baseConnection))
            {
                errors.Add(new("/baseConnectionId", "exists", $"Base connection '{baseId}' does not exist in sandbox '{caller.Sandbox}'."));
            }
            else
            {
                var baseSpec = JsonRead.String(baseConnection["connectionSpec"], "id");
                var ownSpec = JsonRead.String(body["connectionSpec"], "id");
                if (ownSpec is not null && baseSpec is not null && !string.Equals(baseSpec, ownSpec, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(new("/connectionSpec/id", "const", $"connectionSpec.id must match the base connection's connectionSpec '{baseSpec}'."));
                }
            }
        }

        if (body["params"] is { } parameters)
        {
            if (parameters is not JsonObject parameterObject)
            {
                errors.Add(new("/params", "type", "params must be an object."));
            }
            else if (spec is not null && JsonRead.String(spec, "id") is { } specId)
            {
                errors.AddRange(state.ConnectionValidator.ValidateSourceParams(specId, parameterObject));
            }
        }

        return Result(errors);
    }

    private static IResult? CheckTarget(EmulatorState state, RequestContext caller, JsonObject body)
    {
        var errors = new List<ValidationError>();
        RequireName(body, errors);
        RequireConnectionSpec(state, body, errors);
        if (JsonRead.String(body["params"], "dataSetId") is { } dataSetId
            && !state.Store.Collection(caller.Sandbox, CatalogEndpoints.Collection).Contains(dataSetId))
        {
            errors.Add(new("/params/dataSetId", "exists", $"Dataset '{dataSetId}' does not exist in sandbox '{caller.Sandbox}'."));
        }

        if (JsonRead.String(body["data"]?["schema"], "id") is { } schemaId && !SchemaRegistryEndpoints.Exists(state, caller, schemaId))
        {
            errors.Add(new("/data/schema/id", "exists", $"Schema '{schemaId}' does not exist in sandbox '{caller.Sandbox}'."));
        }

        return Result(errors);
    }

    /// <summary>
    /// Platform answers a streaming base connection with an inlet (id and collection URL) in <c>auth.params</c>; the
    /// emulator issues one too so the streaming tutorial has something to print. Nothing listens at that URL.
    /// </summary>
    private static IResult? AddStreamingInlet(JsonObject body)
    {
        if (string.Equals(JsonRead.String(body["connectionSpec"], "id"), HttpApiStreamingSpecId, StringComparison.OrdinalIgnoreCase))
        {
            if (body["auth"] is not JsonObject auth)
            {
                auth = new JsonObject { ["specName"] = "Streaming Connection" };
                body["auth"] = auth;
            }

            if (auth["params"] is not JsonObject parameters)
            {
                parameters = new JsonObject();
                auth["params"] = parameters;
            }

            var inletId = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
            parameters["inletId"] = inletId;
            parameters["inletUrl"] = $"https://dcs.adobedc.net/collection/{inletId}";
            parameters["authenticationRequired"] ??= false;
        }

        return null;
    }

    private static void RequireName(JsonObject body, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(JsonRead.String(body, "name")))
        {
            errors.Add(new("/name", "required", "name is required and must be a non-empty string."));
        }

        FieldLimits.CheckName(body, errors);
    }

    private static JsonObject? RequireConnectionSpec(EmulatorState state, JsonObject body, List<ValidationError> errors)
    {
        var id = JsonRead.String(body["connectionSpec"], "id");
        if (id is null)
        {
            errors.Add(new("/connectionSpec/id", "required", "connectionSpec.id is required: the id of the connectionSpec this connection uses."));
            return null;
        }

        if (!state.Specs.ConnectionSpecs.TryGetValue(id, out var spec))
        {
            errors.Add(new("/connectionSpec/id", "exists", $"connectionSpec '{id}' is not known to this service."));
            return null;
        }

        return spec;
    }

    internal static IResult? Result(List<ValidationError> errors) =>
        errors.Count == 0
            ? null
            : AepErrors.BadRequest(FlowServiceCrud.ValidationCode, string.Join(" ", errors.Select(e => e.Message)), errors);
}
