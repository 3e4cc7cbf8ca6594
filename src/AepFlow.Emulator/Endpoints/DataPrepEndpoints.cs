using System.Globalization;
using System.Text.Json.Nodes;
using AepFlow.Emulator.Errors;
using AepFlow.Emulator.Storage;
using AepFlow.Validation;
using Microsoft.AspNetCore.WebUtilities;

namespace AepFlow.Emulator.Endpoints;

/// <summary>
/// Data Prep mapping sets under <c>/data/foundation/conversion</c>: create, get, list (start/limit paging),
/// validate and preview. Mappings may use the current (<c>source</c>/<c>destination</c>) or the legacy
/// (<c>sourceAttribute</c>/<c>destinationXdmPath</c>) member names.
/// </summary>
internal static class DataPrepEndpoints
{
    public const string BasePath = "/data/foundation/conversion";
    public const string Collection = "mappingSets";
    private const string InvalidCode = "MAPPER-1400";
    private const string NotFoundCode = "MAPPER-1404";

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath + "/mappingSets");
        group.MapPost("/", CreateAsync);
        group.MapGet("/", List);
        group.MapPost("/validate", ValidateAsync);
        group.MapPost("/preview", PreviewAsync);
        group.MapGet("/{id}", Get);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, EmulatorState state)
    {
        var body = await RequestBodyReader.ReadObjectAsync(http.Request, InvalidCode);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var caller = RequestContext.From(http);
        var mappingSet = body.Value!;
        var errors = CheckMappings(mappingSet);
        FieldLimits.CheckName(mappingSet, errors);
        var schemaId = JsonRead.String(mappingSet, "xdmSchema") ?? JsonRead.String(mappingSet["outputSchema"]?["schemaRef"], "id");
        if (schemaId is not null && !SchemaRegistryEndpoints.Exists(state, caller, schemaId))
        {
            errors.Add(new(mappingSet["xdmSchema"] is null ? "/outputSchema/schemaRef/id" : "/xdmSchema", "exists", $"Schema '{schemaId}' does not exist in sandbox '{caller.Sandbox}'."));
        }

        if (errors.Count > 0)
        {
            return AepErrors.BadRequest(InvalidCode, string.Join(" ", errors.Select(e => e.Message)), errors);
        }

        var id = Identifiers.NewMappingSetId();
        var now = state.Now.ToUnixTimeMilliseconds();
        var user = $"{caller.ClientId}@AdobeID";
        mappingSet["id"] = id;
        mappingSet["version"] = 0;
        mappingSet["createdDate"] = now;
        mappingSet["modifiedDate"] = now;
        mappingSet["createdBy"] = user;
        mappingSet["modifiedBy"] = user;
        mappingSet["status"] = "PUBLISHED";
        foreach (var mapping in ((JsonArray)mappingSet["mappings"]!).OfType<JsonObject>())
        {
            mapping["id"] = Identifiers.NewMappingSetId();
            mapping["sourceType"] ??= "ATTRIBUTE";
            mapping["source"] ??= mapping["sourceAttribute"]?.DeepClone();
            mapping["destination"] ??= mapping["destinationXdmPath"]?.DeepClone();
        }

        state.Store.Collection(caller.Sandbox, Collection).Add(id, mappingSet);

        // Data Prep answers a create with 200 and a short representation.
        return JsonResults.Json(
            new JsonObject
            {
                ["id"] = id,
                ["version"] = 0,
                ["createdDate"] = now,
                ["modifiedDate"] = now,
                ["createdBy"] = user,
                ["modifiedBy"] = user,
            },
            location: $"{http.Request.PathBase}{BasePath}/mappingSets/{id}");
    }

    private static IResult Get(string id, HttpContext http, EmulatorState state) =>
        state.Store.Collection(RequestContext.From(http).Sandbox, Collection).TryGet(id, out var mappingSet)
            ? JsonResults.Json(mappingSet)
            : AepErrors.NotFound(NotFoundCode, "Mapping set", id);

    private static IResult List(HttpContext http, EmulatorState state)
    {
        var query = http.Request.Query;
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : state.Options.DefaultPageSize;
        var start = int.TryParse(query["start"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var name = query["name"].ToString();
        Func<JsonObject, bool>? filter = name.Length == 0 ? null : m => JsonRead.String(m, "name") == name;
        var collection = state.Store.Collection(RequestContext.From(http).Sandbox, Collection);
        var page = collection.Page(new PageRequest(filter, null, start, limit, CountOnly: false));
        var count = collection.Page(new PageRequest(filter, null, 0, 0, CountOnly: true)).Count;
        var data = new JsonArray();
        foreach (var mappingSet in page.Items)
        {
            data.Add(mappingSet);
        }

        var links = new JsonObject();
        if (page.HasMore)
        {
            var next = QueryHelpers.AddQueryString(
                $"{http.Request.PathBase}{http.Request.Path}",
                new Dictionary<string, string?>
                {
                    ["start"] = (start + limit).ToString(CultureInfo.InvariantCulture),
                    ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
                });
            links["next"] = new JsonObject { ["href"] = next };
        }

        return JsonResults.Json(new JsonObject
        {
            ["data"] = data,
            ["_page"] = new JsonObject { ["count"] = count, ["limit"] = limit },
            ["_links"] = links,
        });
    }

    private static async Task<IResult> ValidateAsync(HttpContext http, EmulatorState state)
    {
        var body = await RequestBodyReader.ReadObjectAsync(http.Request, InvalidCode);
        if (body.Error is not null)
        {
            return body.Error;
        }

        if (body.Value!["mappings"] is not JsonArray mappings)
        {
            return AepErrors.BadRequest(InvalidCode, "A mapping set needs a 'mappings' array.", [new("/mappings", "required", "mappings is required.")]);
        }

        var responses = new JsonArray();
        foreach (var mapping in mappings)
        {
            var problems = MappingProblems(mapping);
            responses.Add(new JsonObject
            {
                ["status"] = problems.Count == 0 ? "SUCCESS" : "ERROR",
                ["errors"] = problems.Count == 0 ? null : new JsonArray(problems.Select(p => (JsonNode?)new JsonObject { ["message"] = p }).ToArray()),
            });
        }

        return JsonResults.Json(new JsonObject { ["validationResponse"] = responses });
    }

    /// <summary>
    /// Applies the mapping set's ATTRIBUTE mappings to each sample row: the value at the source path is copied to the
    /// destination path. Expressions are not evaluated by the emulator; they are reported as row errors.
    /// </summary>
    private static async Task<IResult> PreviewAsync(HttpContext http, EmulatorState state)
    {
        var body = await RequestBodyReader.ReadObjectAsync(http.Request, InvalidCode);
        if (body.Error is not null)
        {
            return body.Error;
        }

        if (body.Value!["data"] is not JsonArray rows || body.Value["mappingSet"]?["mappings"] is not JsonArray mappings)
        {
            return AepErrors.BadRequest(InvalidCode, "A preview needs 'data' (an array of rows) and 'mappingSet.mappings'.");
        }

        var results = new JsonArray();
        foreach (var row in rows)
        {
            var output = new JsonObject();
            var errors = new JsonArray();
            foreach (var mapping in mappings.OfType<JsonObject>())
            {
                var source = Source(mapping);
                var destination = Destination(mapping);
                if (source is null || destination is null)
                {
                    errors.Add(new JsonObject { ["message"] = "A mapping needs a source and a destination." });
                    continue;
                }

                var sourceType = JsonRead.String(mapping, "sourceType") ?? "ATTRIBUTE";
                if (!sourceType.Equals("ATTRIBUTE", StringComparison.OrdinalIgnoreCase) && !sourceType.Contains("schema-path", StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(new JsonObject { ["message"] = $"The emulator does not evaluate {sourceType} mappings ('{source}')." });
                    continue;
                }

                if (Lookup(row, source) is { } value)
                {
                    Assign(output, destination, value.DeepClone());
                }
            }

            results.Add(new JsonObject { ["data"] = output, ["errors"] = errors.Count == 0 ? null : errors });
        }

        return JsonResults.Json(results);
    }

    private static List<ValidationError> CheckMappings(JsonObject mappingSet)
    {
        var errors = new List<ValidationError>();
        if (mappingSet["mappings"] is not JsonArray mappings || mappings.Count == 0)
        {
            errors.Add(new("/mappings", "required", "mappings is required and must list at least one mapping."));
            return errors;
        }

        for (var i = 0; i < mappings.Count; i++)
        {
            foreach (var problem in MappingProblems(mappings[i]))
            {
                errors.Add(new($"/mappings/{i}", "required", $"mappings[{i}]: {problem}"));
            }
        }

        return errors;
    }

    private static List<string> MappingProblems(JsonNode? mapping)
    {
        var problems = new List<string>();
        if (mapping is not JsonObject obj)
        {
            problems.Add("a mapping must be an object.");
            return problems;
        }

        if (string.IsNullOrWhiteSpace(Source(obj)))
        {
            problems.Add("source (or sourceAttribute) is required.");
        }

        var destination = Destination(obj);
        if (string.IsNullOrWhiteSpace(destination))
        {
            problems.Add("destination (or destinationXdmPath) is required.");
        }
        else if (destination.Split('.').Any(segment => segment.Length == 0))
        {
            problems.Add($"destination '{destination}' is not a dotted XDM path.");
        }

        return problems;
    }

    private static string? Source(JsonObject mapping) => JsonRead.String(mapping, "source") ?? JsonRead.String(mapping, "sourceAttribute");

    private static string? Destination(JsonObject mapping) => JsonRead.String(mapping, "destination") ?? JsonRead.String(mapping, "destinationXdmPath");

    private static JsonNode? Lookup(JsonNode? row, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            row = row is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null;
        }

        return row;
    }

    private static void Assign(JsonObject target, string path, JsonNode value)
    {
        var segments = path.Split('.');
        foreach (var segment in segments.AsSpan(0, segments.Length - 1))
        {
            if (target[segment] is not JsonObject child)
            {
                child = new JsonObject();
                target[segment] = child;
            }

            target = child;
        }

        target[segments[^1]] = value;
    }
}
