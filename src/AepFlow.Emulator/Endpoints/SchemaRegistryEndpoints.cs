using System.Text.Json.Nodes;
using AepFlow.Emulator.Errors;
using AepFlow.Emulator.Storage;

namespace AepFlow.Emulator.Endpoints;

/// <summary>
/// Schema Registry under <c>/data/foundation/schemaregistry</c>: create and read tenant schemas. A schema is found by its
/// <c>$id</c> (URL-encoded in the path) or its <c>meta:altId</c>.
/// </summary>
internal static class SchemaRegistryEndpoints
{
    public const string BasePath = "/data/foundation/schemaregistry";
    public const string Collection = "schemas";
    private const string NotFoundCode = "XDM-1010";
    private const string InvalidCode = "XDM-1521";

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath + "/tenant/schemas");
        group.MapPost("/", CreateAsync);
        group.MapGet("/", List);
        group.MapGet("/{*schemaId}", Get);
    }

    /// <summary>Whether <paramref name="schemaId"/> names a schema of the sandbox or a global XDM schema.</summary>
    public static bool Exists(EmulatorState state, RequestContext caller, string schemaId) =>
        schemaId.StartsWith("https://ns.adobe.com/xdm/", StringComparison.OrdinalIgnoreCase) || Find(state, caller, schemaId) is not null;

    private static JsonObject? Find(EmulatorState state, RequestContext caller, string schemaId)
    {
        var collection = state.Store.Collection(caller.Sandbox, Collection);
        if (collection.TryGet(schemaId, out var schema))
        {
            return schema;
        }

        return collection.Find(s => string.Equals(JsonRead.String(s, "meta:altId"), schemaId, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, EmulatorState state)
    {
        var body = await RequestBodyReader.ReadObjectAsync(http.Request, InvalidCode);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var schema = body.Value!;
        if (string.IsNullOrWhiteSpace(JsonRead.String(schema, "title")))
        {
            return AepErrors.BadRequest(InvalidCode, "A schema needs a non-empty 'title'.", [new("/title", "required", "title is required.")]);
        }

        var titleErrors = new List<AepFlow.Validation.ValidationError>();
        FieldLimits.CheckName(schema, titleErrors, "title");
        if (titleErrors.Count > 0)
        {
            return AepErrors.BadRequest(InvalidCode, titleErrors[0].Message, titleErrors);
        }

        var caller = RequestContext.From(http);
        var tenant = state.Options.TenantId;
        var hex = Identifiers.NewSchemaHex();
        var id = $"https://ns.adobe.com/{tenant}/schemas/{hex}";
        var now = state.Now.ToUnixTimeMilliseconds();
        var refs = new JsonArray();
        if (schema["allOf"] is JsonArray allOf)
        {
            foreach (var part in allOf)
            {
                if (JsonRead.String(part, "$ref") is { } reference)
                {
                    refs.Add(reference);
                }
            }
        }

        schema["$id"] = id;
        schema["meta:altId"] = $"_{tenant}.schemas.{hex}";
        schema["meta:resourceType"] = "schemas";
        schema["version"] = "1.0";
        schema["type"] ??= "object";
        schema["refs"] = refs;
        schema["imsOrg"] = caller.OrgId;
        schema["meta:extensible"] = false;
        schema["meta:abstract"] = false;
        schema["meta:xdmType"] = "object";
        if (refs.Count > 0)
        {
            schema["meta:class"] = refs[0]!.GetValue<string>();
        }

        schema["meta:containerId"] = "tenant";
        schema["meta:sandboxId"] = caller.SandboxId;
        schema["meta:sandboxType"] = caller.Sandbox == RequestContext.DefaultSandbox ? "production" : "development";
        schema["meta:tenantNamespace"] = $"_{tenant}";
        schema["meta:registryMetadata"] = new JsonObject
        {
            ["repo:createdDate"] = now,
            ["repo:lastModifiedDate"] = now,
            ["xdm:createdClientId"] = caller.ClientId,
            ["xdm:lastModifiedClientId"] = caller.ClientId,
            ["eTag"] = Identifiers.NewSchemaHex(),
        };

        state.Store.Collection(caller.Sandbox, Collection).Add(id, schema);
        return JsonResults.Created(schema, $"{http.Request.PathBase}{BasePath}/tenant/schemas/{Uri.EscapeDataString(id)}");
    }

    private static IResult List(HttpContext http, EmulatorState state)
    {
        var results = new JsonArray();
        foreach (var schema in state.Store.Collection(RequestContext.From(http).Sandbox, Collection).Snapshot())
        {
            results.Add(new JsonObject
            {
                ["$id"] = JsonRead.String(schema, "$id"),
                ["meta:altId"] = JsonRead.String(schema, "meta:altId"),
                ["version"] = JsonRead.String(schema, "version"),
                ["title"] = JsonRead.String(schema, "title"),
            });
        }

        return JsonResults.Json(new JsonObject { ["results"] = results, ["_page"] = new JsonObject { ["count"] = results.Count } });
    }

    private static IResult Get(string schemaId, HttpContext http, EmulatorState state)
    {
        var id = Uri.UnescapeDataString(schemaId);
        return Find(state, RequestContext.From(http), id) is { } schema
            ? JsonResults.Json(schema)
            : AepErrors.NotFound(NotFoundCode, "Schema", id);
    }
}
