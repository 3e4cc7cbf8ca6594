using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AepFlow.Emulator;

/// <summary>Writes <see cref="JsonNode"/> bodies without reflection-based serialization.</summary>
internal static class JsonResults
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    public static IResult Json(JsonNode? body, int status = StatusCodes.Status200OK, string? etag = null, string? location = null) =>
        new NodeResult(body, status, etag, location);

    public static IResult Created(JsonNode body, string location, string? etag = null) =>
        new NodeResult(body, StatusCodes.Status201Created, etag, location);

    public static string ToJsonString(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private sealed class NodeResult(JsonNode? body, int status, string? etag, string? location) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "application/json;charset=utf-8";
            if (etag is not null)
            {
                response.Headers.ETag = etag;
            }

            if (location is not null)
            {
                response.Headers.Location = location;
            }

            await using var writer = new Utf8JsonWriter(response.Body, WriterOptions);
            if (body is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                body.WriteTo(writer);
            }

            await writer.FlushAsync(httpContext.RequestAborted);
        }
    }
}
