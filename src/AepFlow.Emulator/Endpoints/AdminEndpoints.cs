using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AepFlow.Emulator.Gateway;
using AepFlow.Emulator.Storage;

namespace AepFlow.Emulator.Endpoints;

/// <summary>
/// The emulator's own endpoints under <c>/__emulator</c> (admin key required except for <c>health</c>; not recorded, never
/// faulted): queue and clear faults and run faults, read recorded requests, read and move the simulated clock, reset all state.
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

        group.MapGet("/clock", (EmulatorState state) => DescribeClock(state));
        group.MapPost("/clock", MoveClockAsync);

        group.MapGet("/runs/faults", (EmulatorState state) =>
            JsonResults.Json(new JsonArray(state.Runs.Faults().Select(f => (JsonNode?)Describe(f)).ToArray())));
        group.MapPost("/runs/faults", AddRunFaultsAsync);
        group.MapDelete("/runs/faults", (EmulatorState state) =>
        {
            state.Runs.ClearFaults();
            return Results.NoContent();
        });
    }

    public static void Reset(EmulatorState state, FaultInjector faults, RequestLog log)
    {
        state.Runs.Reset();
        state.Store.Clear();
        state.Tokens.ResetCount();
        faults.Clear();
        log.Clear();
    }

    /// <summary>Accepts one rule object or an array of rules; answers 201 with the ids they were queued under.</summary>
    private static Task<IResult> AddFaultsAsync(HttpContext http, FaultInjector faults) =>
        AddRulesAsync<FaultRule>(http, faults.Add);

    private static Task<IResult> AddRunFaultsAsync(HttpContext http, EmulatorState state) =>
        AddRulesAsync<RunFaultRule>(http, state.Runs.AddFault);

    private static async Task<IResult> AddRulesAsync<TRule>(HttpContext http, Func<TRule, long> add)
        where TRule : class
    {
        if (!http.Request.HasJsonContentType())
        {
            return RequestLimits.UnsupportedMediaType(http.Request.ContentType);
        }

        List<TRule> rules;
        try
        {
            var node = await JsonNode.ParseAsync(http.Request.Body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }, cancellationToken: http.RequestAborted);
            rules = node switch
            {
                JsonArray array => array.Select(item => item.Deserialize<TRule>(RuleOptions)).OfType<TRule>().ToList(),
                JsonObject obj => [obj.Deserialize<TRule>(RuleOptions)!],
                _ => throw new JsonException("Send a rule object or an array of them."),
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
                ids.Add(add(rule));
            }
            catch (ArgumentException ex)
            {
                return JsonResults.Json(new JsonObject { ["message"] = ex.Message, ["queued"] = ids }, StatusCodes.Status400BadRequest);
            }
        }

        return JsonResults.Json(new JsonObject { ["ids"] = ids }, StatusCodes.Status201Created);
    }

    /// <summary>
    /// <c>POST /__emulator/clock</c> with <c>{"advanceSeconds":N}</c>, <c>{"now":"2026-12-24T00:00:00Z"}</c> and/or
    /// <c>{"frozen":true|false}</c>; answers the clock as <c>GET</c> does.
    /// </summary>
    private static async Task<IResult> MoveClockAsync(HttpContext http, EmulatorState state)
    {
        var body = await RequestBodyReader.ReadObjectAsync(http.Request, "EMULATOR-1400");
        if (body.Error is not null)
        {
            return body.Error;
        }

        var request = body.Value!;
        foreach (var (name, _) in request)
        {
            if (name is not ("advanceSeconds" or "now" or "frozen"))
            {
                return JsonResults.Json(new JsonObject { ["message"] = $"Unknown member '{name}'; use advanceSeconds, now or frozen." }, StatusCodes.Status400BadRequest);
            }
        }

        try
        {
            if (request["frozen"] is JsonValue frozen && frozen.TryGetValue(out bool freeze))
            {
                if (freeze)
                {
                    state.Clock.Freeze();
                }
                else
                {
                    state.Clock.Resume();
                }
            }

            if (request["now"] is JsonValue nowValue)
            {
                if (!nowValue.TryGetValue(out string? text) || !DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var now))
                {
                    return JsonResults.Json(new JsonObject { ["message"] = "'now' must be an ISO 8601 date and time." }, StatusCodes.Status400BadRequest);
                }

                state.Clock.SetUtcNow(now);
            }

            if (request["advanceSeconds"] is JsonValue advance)
            {
                if (!advance.TryGetValue(out double seconds) || double.IsNaN(seconds) || seconds < 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
                {
                    return JsonResults.Json(new JsonObject { ["message"] = "'advanceSeconds' must be a non-negative number." }, StatusCodes.Status400BadRequest);
                }

                state.Clock.Advance(TimeSpan.FromSeconds(seconds));
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            return JsonResults.Json(new JsonObject { ["message"] = "Simulated time never goes back: 'now' must not be before the current time." }, StatusCodes.Status400BadRequest);
        }

        return DescribeClock(state);
    }

    private static IResult DescribeClock(EmulatorState state) => JsonResults.Json(new JsonObject
    {
        ["now"] = state.Now.ToString("O"),
        ["nowMillis"] = state.Now.ToUnixTimeMilliseconds(),
        ["frozen"] = state.Clock.IsFrozen,
    });

    private static JsonObject Describe(ActiveRunFault fault) => new()
    {
        ["id"] = fault.Id,
        ["remaining"] = fault.Remaining,
        ["flowId"] = fault.Rule.FlowId,
        ["count"] = fault.Rule.Count,
        ["code"] = fault.Rule.Code,
        ["message"] = fault.Rule.Message,
        ["recordsRead"] = fault.Rule.RecordsRead,
    };

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
