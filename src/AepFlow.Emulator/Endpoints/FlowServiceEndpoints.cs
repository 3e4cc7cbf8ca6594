using System.Text.Json.Nodes;
using AepFlow.Emulator.Errors;
using AepFlow.Emulator.Storage;

namespace AepFlow.Emulator.Endpoints;

/// <summary>Flow Service under <c>/data/foundation/flowservice</c>: specs, connections, flows and runs.</summary>
internal static class FlowServiceEndpoints
{
    public const string BasePath = "/data/foundation/flowservice";

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath);

        group.MapGet("/flowSpecs", (HttpContext http, EmulatorState state) =>
            FlowServiceCrud.ListOf(http, state, page => ListPaging.Take(ByName(state.Specs.FlowSpecs.Values), page)));
        group.MapGet("/flowSpecs/{id}", (string id, EmulatorState state) =>
            state.Specs.FlowSpecs.TryGetValue(id, out var spec)
                ? FlowServiceCrud.Single(Copy(spec))
                : AepErrors.NotFound(FlowServiceCrud.NotFoundCode, "flowSpec", id));

        group.MapGet("/connectionSpecs", (HttpContext http, EmulatorState state) =>
            FlowServiceCrud.ListOf(http, state, page => ListPaging.Take(ByName(state.Specs.ConnectionSpecs.Values), page)));
        group.MapGet("/connectionSpecs/{id}", (string id, EmulatorState state) =>
            state.Specs.ConnectionSpecs.TryGetValue(id, out var spec)
                ? FlowServiceCrud.Single(Copy(spec))
                : AepErrors.NotFound(FlowServiceCrud.NotFoundCode, "connectionSpec", id));

        FlowServiceCrud.Map(group, ConnectionRules.BaseConnections);
        FlowServiceCrud.Map(group, ConnectionRules.SourceConnections);
        FlowServiceCrud.Map(group, ConnectionRules.TargetConnections);
        FlowServiceCrud.Map(group, FlowRules.Flows);

        group.MapPost("/flows/{id}/action", (string id, string? op, HttpContext http, EmulatorState state) => FlowAction(id, op, http, state));

        group.MapGet("/runs", (HttpContext http, EmulatorState state) =>
            FlowServiceCrud.ListOf(http, state, FlowServiceCrud.Collection(state, RequestContext.From(http), FlowRules.RunsCollection).Page));
        group.MapGet("/runs/{id}", (string id, HttpContext http, EmulatorState state) =>
            FlowServiceCrud.Collection(state, RequestContext.From(http), FlowRules.RunsCollection).TryGet(id, out var run)
                ? FlowServiceCrud.Single(run)
                : AepErrors.NotFound(FlowServiceCrud.NotFoundCode, "Run", id));
    }

    /// <summary><c>POST /flows/{id}/action?op=enable|disable</c>: switches the flow's <c>state</c> and issues a new etag.</summary>
    private static IResult FlowAction(string id, string? op, HttpContext http, EmulatorState state)
    {
        var target = op switch
        {
            "enable" => "enabled",
            "disable" => "disabled",
            _ => null,
        };
        if (target is null)
        {
            return AepErrors.BadRequest(FlowServiceCrud.ValidationCode, $"'op' must be enable or disable, not '{op}'.");
        }

        var caller = RequestContext.From(http);
        var outcome = FlowServiceCrud.Collection(state, caller, FlowRules.Flows.Collection).Update(id, flow =>
        {
            flow["state"] = target;
            caller.StampUpdated(flow, Storage.Identifiers.NewEtag(state.Now), state.Now);
            return (flow, null);
        });
        if (!outcome.Found)
        {
            return AepErrors.NotFound(FlowServiceCrud.NotFoundCode, "Flow", id);
        }

        FlowRules.Flows.AfterUpdate?.Invoke(state, caller, outcome.Updated!);
        var etag = JsonRead.String(outcome.Updated, "etag");
        return JsonResults.Json(new JsonObject { ["id"] = id, ["etag"] = etag }, etag: etag);
    }

    // Specs are shared and frozen; every response gets its own copy.
    private static JsonObject Copy(JsonObject spec) => (JsonObject)spec.DeepClone();

    private static IEnumerable<JsonObject> ByName(IEnumerable<JsonObject> specs) =>
        specs.OrderBy(s => JsonRead.String(s, "name"), StringComparer.Ordinal);
}
