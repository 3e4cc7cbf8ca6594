using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AepFlow.Emulator.Gateway;
using AepFlow.Emulator.Storage;

namespace AepFlow.Emulator.Endpoints;

/// <summary>
/// The emulator's own endpoints under <c>/__emulator</c> (no auth, not recorded, never faulted): queue and clear faults,
/// read recorded requests, reset all state.
/// </summary>
internal static class AdminEndpoints
{
    public const string BasePath = "/__emulator";

    private static readonly JsonSerializerOptions RuleOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath);
        group.MapGet("/health", (EmulatorState state) => JsonResults.Json(new JsonObject
        {
            ["status"] = "ok",
            ["flowSpecs"] = state.Specs.FlowSpecs.Count,
            ["connectionSpecs"] = state.Specs.ConnectionSpecs.Count,
        }));
        group.MapGet("/faults", (FaultInjector faults) => JsonResults.Json(new JsonArray(faults.Snapshot().Select(f => (JsonNode?)Describe(f)).ToArray())));
        group.MapPost("/faults", AddFaultsAsync);
        group.MapDelete("/faults", (FaultInjector faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        group.MapGet("/requests", (RequestLog log) => JsonResults.Json(new JsonArray(log.Snapshot().Select(r => (JsonNode?)Describe(r)).ToArray())));
        group.MapDelete("/requests", (RequestLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });
        group.MapPost("/reset", (EmulatorState state, FaultInjector faults, RequestLog log) =>
        {
            Reset(state, faults, log);
            return Results.NoContent();
        });
    }

    public static void Reset(EmulatorState state, FaultInjector faults, RequestLog log)
    {
        state.Store.Clear();
        state.Tokens.ResetCount();
        faults.Clear();
        log.Clear();
    }

    /// <summary>Accepts one rule object or an array of rules; answers 201 with the ids they were queued under.</summary>
    private static async Task<IResult> AddFaultsAsync(HttpContext http, FaultInjector faults)
    {
        List<FaultRule> rules;
        try
        {
            var node = await JsonNode.ParseAsync(http.Request.Body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }, cancellationToken: http.RequestAborted);
            rules = node switch
            {
                JsonArray array => array.Select(item => item.Deserialize<FaultRule>(RuleOptions)).OfType<FaultRule>().ToList(),
                JsonObject obj => [obj.Deserialize<FaultRule>(RuleOptions)!],
                _ => throw new JsonException("Send a fault rule object or an array of them."),
            };
        }
        catch (JsonException ex)
        {
            return JsonResults.Json(new JsonObject { ["message"] = ex.Message }, StatusCodes.Status400BadRequest);
        }

        var ids = new JsonArray();
        foreach (var rule in rules)
        {
            try
            {
                ids.Add(faults.Add(rule));
            }
            catch (ArgumentException ex)
            {
                return JsonResults.Json(new JsonObject { ["message"] = ex.Message, ["queued"] = ids }, StatusCodes.Status400BadRequest);
            }
        }

        return JsonResults.Json(new JsonObject { ["ids"] = ids }, StatusCodes.Status201Created);
    }

    private static JsonObject Describe(ActiveFault fault) => new()
    {
        ["id"] = fault.Id,
        ["remaining"] = fault.Remaining,
        ["latencyMs"] = fault.Rule.LatencyMs,
        ["status"] = fault.Rule.Status,
        ["retryAfterSeconds"] = fault.Rule.RetryAfterSeconds,
        ["count"] = fault.Rule.Count,
        ["pathPrefix"] = fault.Rule.PathPrefix,
        ["method"] = fault.Rule.Method,
        ["dropConnection"] = fault.Rule.DropConnection,
    };

    private static JsonObject Describe(RecordedRequest request)
    {
        var headers = new JsonObject();
        foreach (var (name, value) in request.Headers)
        {
            headers[name] = value;
        }

        return new JsonObject
        {
            ["receivedAt"] = request.ReceivedAt.ToString("O"),
            ["method"] = request.Method,
            ["path"] = request.Path,
            ["query"] = request.Query,
            ["sandbox"] = request.Sandbox,
            ["headers"] = headers,
            ["body"] = request.Body,
            ["statusCode"] = request.StatusCode,
            ["fault"] = request.Fault,
        };
    }
}
