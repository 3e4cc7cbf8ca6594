using System.Text.Json.Nodes;
using AepFlow.Validation;

namespace AepFlow.Emulator.Errors;

/// <summary>
/// Builds error bodies in the three shapes Platform is observed to return: the API gateway's
/// <c>{"error_code","message"}</c>, a service's <c>{"type","title","status","report"}</c>,
/// and the etag conflict <c>{"errorMessage"}</c>.
/// </summary>
internal static class AepErrors
{
    private const string TypePrefix = "http://ns.adobe.com/aep/errors/";

    public static IResult Gateway(int status, string errorCode, string message) =>
        JsonResults.Json(new JsonObject { ["error_code"] = errorCode, ["message"] = message }, status);

    /// <summary>A service error; <paramref name="code"/> is the service code without status, e.g. <c>FLOW-1004</c>.</summary>
    public static IResult Service(int status, string code, string title, string detail, IEnumerable<ValidationError>? errors = null)
    {
        var report = new JsonObject { ["detailed-message"] = detail };
        if (errors is not null)
        {
            var array = new JsonArray();
            foreach (var error in errors)
            {
                array.Add(new JsonObject { ["path"] = error.Path, ["keyword"] = error.Keyword, ["message"] = error.Message });
            }

            report["errors"] = array;
        }

        return JsonResults.Json(
            new JsonObject
            {
                ["type"] = $"{TypePrefix}{code}-{status}",
                ["title"] = title,
                ["status"] = status,
                ["report"] = report,
            },
            status);
    }

    public static IResult BadRequest(string code, string detail, IEnumerable<ValidationError>? errors = null) =>
        Service(StatusCodes.Status400BadRequest, code, "Bad Request", detail, errors);

    public static IResult NotFound(string code, string what, string id) =>
        Service(StatusCodes.Status404NotFound, code, "Not Found", $"{what} with id '{id}' was not found in this sandbox.");

    public static IResult InvalidJson(string code, string message) =>
        BadRequest(code, $"The request body is not valid JSON: {message}");

    public static IResult PreconditionRequired(string code) =>
        Service(
            StatusCodes.Status428PreconditionRequired,
            code,
            "Precondition Required",
            "This operation needs an 'if-match' header carrying the resource's current etag.");

    public static IResult VersionMismatch(string supplied, string current) =>
        JsonResults.Json(
            new JsonObject { ["errorMessage"] = $"Supplied version=[{supplied}] does not match current version=[{current}]" },
            StatusCodes.Status412PreconditionFailed);
}
