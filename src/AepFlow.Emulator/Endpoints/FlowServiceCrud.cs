using System.Text.Json.Nodes;
using AepFlow.Emulator.Errors;
using AepFlow.Emulator.Listing;
using AepFlow.Emulator.Storage;

namespace AepFlow.Emulator.Endpoints;

/// <summary>
/// The create/get/list/patch/delete behaviour Flow Service shares across connections, source and target connections and
/// flows: 201 <c>{"id","etag"}</c> on create, <c>{"items":[...]}</c> on get, <c>if-match</c> on PATCH.
/// </summary>
internal static class FlowServiceCrud
{
    public const string ValidationCode = "FLOW-1004";
    public const string NotFoundCode = "FLOW-1001";
    public const string PreconditionCode = "FLOW-1013";

    public static void Map(RouteGroupBuilder group, ResourceKind kind)
    {
        var route = "/" + kind.Collection;
        group.MapPost(route, (HttpContext http, EmulatorState state) => CreateAsync(http, state, kind));
        group.MapGet(route, (HttpContext http, EmulatorState state) => List(http, state, kind));
        group.MapGet(route + "/{id}", (string id, HttpContext http, EmulatorState state) => Get(id, http, state, kind));
        group.MapPatch(route + "/{id}", (string id, HttpContext http, EmulatorState state) => PatchAsync(id, http, state, kind));
        group.MapDelete(route + "/{id}", (string id, HttpContext http, EmulatorState state) => Delete(id, http, state, kind));
    }

    public static ResourceCollection Collection(EmulatorState state, RequestContext caller, string collection) =>
        state.Store.Collection(caller.Sandbox, collection);

    public static IResult ListOf(HttpContext http, EmulatorState state, Func<PageRequest, PageResult> items)
    {
        if (!ListQuery.TryParse(http.Request.Query, state.Options.DefaultPageSize, out var query, out var error))
        {
            return AepErrors.BadRequest(ValidationCode, error!);
        }

        return JsonResults.Json(query.Apply(items, http.Request));
    }

    public static IResult Single(JsonObject item) =>
        JsonResults.Json(new JsonObject { ["items"] = new JsonArray(item) }, etag: JsonRead.String(item, "etag"));

    private static async Task<IResult> CreateAsync(HttpContext http, EmulatorState state, ResourceKind kind)
    {
        var body = await RequestBodyReader.ReadObjectAsync(http.Request, ValidationCode);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var caller = RequestContext.From(http);
        var resource = body.Value!;
        if (kind.ValidateCreate(state, caller, resource, body.Text) is { } invalid)
        {
            return invalid;
        }

        var id = Identifiers.NewGuid();
        var etag = Identifiers.NewEtag(state.Now);
        caller.StampCreated(resource, id, etag, state.Now);
        Collection(state, caller, kind.Collection).Add(id, resource);
        kind.AfterCreate?.Invoke(state, caller, resource);
        var location = $"{http.Request.PathBase}{http.Request.Path}/{id}";
        return JsonResults.Created(new JsonObject { ["id"] = id, ["etag"] = etag }, location, etag);
    }

    private static IResult List(HttpContext http, EmulatorState state, ResourceKind kind) =>
        ListOf(http, state, Collection(state, RequestContext.From(http), kind.Collection).Page);

    private static IResult Get(string id, HttpContext http, EmulatorState state, ResourceKind kind) =>
        Collection(state, RequestContext.From(http), kind.Collection).TryGet(id, out var item)
            ? Single(item)
            : AepErrors.NotFound(NotFoundCode, kind.DisplayName, id);

    private static async Task<IResult> PatchAsync(string id, HttpContext http, EmulatorState state, ResourceKind kind)
    {
        var caller = RequestContext.From(http);
        var collection = Collection(state, caller, kind.Collection);
        if (!collection.Contains(id))
        {
            return AepErrors.NotFound(NotFoundCode, kind.DisplayName, id);
        }

        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (ifMatch.Length == 0)
        {
            return AepErrors.PreconditionRequired(PreconditionCode);
        }

        var patch = await RequestBodyReader.ReadArrayAsync(http.Request, ValidationCode);
        if (patch.Error is not null)
        {
            return patch.Error;
        }

        var outcome = collection.Update(id, current =>
        {
            var currentEtag = JsonRead.String(current, "etag") ?? string.Empty;
            if (!EtagMatches(ifMatch, currentEtag))
            {
                return (null, AepErrors.VersionMismatch(ifMatch, currentEtag));
            }

            if (JsonPatch.Apply(current, patch.Value!, kind.ReadOnlyMembers) is { } patchError)
            {
                return (null, AepErrors.BadRequest(ValidationCode, patchError));
            }

            if (kind.ValidateUpdate(state, caller, current) is { } invalid)
            {
                return (null, invalid);
            }

            caller.StampUpdated(current, Identifiers.NewEtag(state.Now), state.Now);
            return (current, null);
        });

        if (!outcome.Found)
        {
            return AepErrors.NotFound(NotFoundCode, kind.DisplayName, id);
        }

        if (outcome.Error is not null)
        {
            return outcome.Error;
        }

        kind.AfterUpdate?.Invoke(state, caller, outcome.Updated!);
        var etag = JsonRead.String(outcome.Updated, "etag");
        return JsonResults.Json(new JsonObject { ["id"] = id, ["etag"] = etag }, etag: etag);
    }

    private static IResult Delete(string id, HttpContext http, EmulatorState state, ResourceKind kind)
    {
        var caller = RequestContext.From(http);
        var collection = Collection(state, caller, kind.Collection);
        if (!collection.TryGet(id, out var current))
        {
            return AepErrors.NotFound(NotFoundCode, kind.DisplayName, id);
        }

        // DELETE does not require if-match, but a stale one is still refused.
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        var currentEtag = JsonRead.String(current, "etag") ?? string.Empty;
        if (ifMatch.Length > 0 && !EtagMatches(ifMatch, currentEtag))
        {
            return AepErrors.VersionMismatch(ifMatch, currentEtag);
        }

        if (!collection.Remove(id))
        {
            return AepErrors.NotFound(NotFoundCode, kind.DisplayName, id);
        }

        kind.AfterDelete?.Invoke(state, caller, id);
        return Results.NoContent();
    }

    /// <summary>Compares etags the way clients send them: quoted or bare, <c>*</c> matching anything.</summary>
    public static bool EtagMatches(string ifMatch, string current)
    {
        foreach (var candidate in ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate == "*" || Unquote(candidate) == Unquote(current))
            {
                return true;
            }
        }

        return false;

        static string Unquote(string value)
        {
            var v = value.StartsWith("W/", StringComparison.Ordinal) ? value[2..] : value;
            return v.Length >= 2 && v[0] == '"' && v[^1] == '"' ? v[1..^1] : v;
        }
    }
}
