using System.Globalization;
using System.Text.Json.Nodes;
using AepFlow.Emulator.Errors;
using AepFlow.Emulator.Storage;
using AepFlow.Validation;

namespace AepFlow.Emulator.Endpoints;

/// <summary>
/// Catalog datasets under <c>/data/foundation/catalog</c>. Catalog answers a create with <c>["@/dataSets/&lt;id&gt;"]</c> and
/// reads as an object keyed by id (<c>{"&lt;id&gt;": {...}}</c>).
/// </summary>
internal static class CatalogEndpoints
{
    public const string BasePath = "/data/foundation/catalog";
    public const string Collection = "dataSets";
    private const string InvalidCode = "CAT-1400";
    private const string NotFoundCode = "CAT-1404";

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath + "/dataSets");
        group.MapPost("/", CreateAsync);
        group.MapGet("/", List);
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
        var dataSet = body.Value!;
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(JsonRead.String(dataSet, "name")))
        {
            errors.Add(new("/name", "required", "name is required."));
        }

        FieldLimits.CheckName(dataSet, errors);

        var schemaId = JsonRead.String(dataSet["schemaRef"], "id");
        if (schemaId is null)
        {
            errors.Add(new("/schemaRef/id", "required", "schemaRef.id is required: the $id of the XDM schema the dataset follows."));
        }
        else if (!SchemaRegistryEndpoints.Exists(state, caller, schemaId))
        {
            errors.Add(new("/schemaRef/id", "exists", $"Schema '{schemaId}' does not exist in sandbox '{caller.Sandbox}'."));
        }

        if (errors.Count > 0)
        {
            return AepErrors.BadRequest(InvalidCode, string.Join(" ", errors.Select(e => e.Message)), errors);
        }

        var id = Identifiers.NewDataSetId();
        var now = state.Now.ToUnixTimeMilliseconds();
        dataSet["version"] = "1.0.0";
        dataSet["imsOrg"] = caller.OrgId;
        dataSet["created"] = now;
        dataSet["updated"] = now;
        dataSet["createdClient"] = caller.ClientId;
        dataSet["createdUser"] = $"{caller.ClientId}@AdobeID";
        dataSet["updatedUser"] = $"{caller.ClientId}@AdobeID";
        dataSet["viewId"] = Identifiers.NewDataSetId();
        dataSet["files"] = $"@/dataSetFiles?dataSetId={id}";
        state.Store.Collection(caller.Sandbox, Collection).Add(id, dataSet);
        return JsonResults.Created(new JsonArray($"@/dataSets/{id}"), $"{http.Request.PathBase}{BasePath}/dataSets/{id}");
    }

    private static IResult Get(string id, HttpContext http, EmulatorState state) =>
        state.Store.Collection(RequestContext.From(http).Sandbox, Collection).TryGet(id, out var dataSet)
            ? JsonResults.Json(new JsonObject { [id] = dataSet })
            : AepErrors.NotFound(NotFoundCode, "Dataset", id);

    private static IResult List(HttpContext http, EmulatorState state)
    {
        // Catalog pages with start/limit and answers with an object keyed by id.
        var query = http.Request.Query;
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : 50;
        var start = int.TryParse(query["start"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var name = query["name"].ToString();
        var body = new JsonObject();
        Func<JsonObject, bool>? filter = name.Length == 0 ? null : d => JsonRead.String(d, "name") == name;
        var page = state.Store.Collection(RequestContext.From(http).Sandbox, Collection).Page(new PageRequest(filter, null, start, limit, CountOnly: false));
        for (var i = 0; i < page.Items.Count; i++)
        {
            body[page.Ids[i]] = page.Items[i];
        }

        return JsonResults.Json(body);
    }
}
