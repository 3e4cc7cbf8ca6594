using System.Text.Json;
using System.Text.Json.Nodes;
using AepFlow.Emulator.Errors;

namespace AepFlow.Emulator;

/// <summary>A parsed request body, or the error to send when it cannot be parsed.</summary>
internal readonly record struct RequestBody<T>(T? Value, string Text, IResult? Error)
    where T : JsonNode;

/// <summary>Reads request bodies as JSON nodes: 415 without a JSON content type, Adobe-shaped 400s for malformed JSON.</summary>
internal static class RequestBodyReader
{
    // Duplicate keys are refused while parsing: JsonNode would otherwise fail later, lazily, inside a handler.
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    public static Task<RequestBody<JsonObject>> ReadObjectAsync(HttpRequest request, string errorCode) =>
        ReadAsync<JsonObject>(request, errorCode, "a JSON object");

    public static Task<RequestBody<JsonArray>> ReadArrayAsync(HttpRequest request, string errorCode) =>
        ReadAsync<JsonArray>(request, errorCode, "a JSON array of patch operations");

    private static async Task<RequestBody<T>> ReadAsync<T>(HttpRequest request, string errorCode, string expected)
        where T : JsonNode
    {
        // application/json, or a +json type such as application/json-patch+json.
        if (!request.HasJsonContentType())
        {
            return new(null, string.Empty, RequestLimits.UnsupportedMediaType(request.ContentType));
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(null, text, AepErrors.BadRequest(errorCode, $"The request body is empty; expected {expected}."));
        }

        try
        {
            var node = JsonNode.Parse(text, documentOptions: DocumentOptions);
            return node is T typed
                ? new(typed, text, null)
                : new(null, text, AepErrors.BadRequest(errorCode, $"The request body must be {expected}."));
        }
        catch (JsonException ex)
        {
            return new(null, text, AepErrors.InvalidJson(errorCode, ex.Message));
        }
    }
}
