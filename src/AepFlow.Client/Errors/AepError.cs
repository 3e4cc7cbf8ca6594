using System.Text;
using System.Text.Json;

namespace AepFlow;

/// <summary>An Adobe error body, read from any of its documented shapes.</summary>
/// <param name="Code">The gateway's <c>error_code</c>, the service's <c>type</c>, or IMS's <c>error</c>.</param>
/// <param name="Title">The service's <c>title</c> or the gateway's <c>message</c>.</param>
/// <param name="Detail">The service's <c>detail</c>, the etag conflict's <c>errorMessage</c>, or IMS's <c>error_description</c>.</param>
/// <param name="Report">The service's <c>report</c>.</param>
/// <param name="Shape">Which shape the body had.</param>
public sealed record AepError(string? Code, string? Title, string? Detail, JsonElement? Report, AepErrorShape Shape)
{
    /// <summary>No recognizable error body.</summary>
    public static AepError None { get; } = new(null, null, null, null, AepErrorShape.Unknown);

    /// <summary>Reads an error body; anything unrecognized (HTML, empty, truncated JSON) gives <see cref="None"/> and never throws.</summary>
    public static AepError Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return None;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return Parse(document.RootElement);
        }
        catch (JsonException)
        {
            return None;
        }
    }

    /// <summary>Reads an error object already parsed.</summary>
    public static AepError Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return None;
        }

        if (root.TryGetProperty("error_code", out var gatewayCode))
        {
            return new(Text(gatewayCode), String(root, "message"), null, null, AepErrorShape.Gateway);
        }

        if (root.TryGetProperty("type", out var type) || root.TryGetProperty("title", out _))
        {
            JsonElement? report = root.TryGetProperty("report", out var r) && r.ValueKind != JsonValueKind.Null ? r.Clone() : null;

            // Several services leave "detail" out and explain in report.detailed-message instead.
            var detail = String(root, "detail") ?? String(root, "detailed-message") ??
                         (report is { ValueKind: JsonValueKind.Object } reportObject ? String(reportObject, "detailed-message") : null);
            return new(Text(type), String(root, "title"), detail, report, AepErrorShape.Service);
        }

        if (root.TryGetProperty("errorMessage", out var etagMessage))
        {
            return new(null, null, Text(etagMessage), null, AepErrorShape.EtagConflict);
        }

        if (root.TryGetProperty("error", out var oauthError))
        {
            return new(Text(oauthError), null, String(root, "error_description"), null, AepErrorShape.OAuth);
        }

        return None;
    }

    /// <summary>A one-line summary for exception messages.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        Append(builder, Code);
        Append(builder, Title);
        Append(builder, Detail);
        return builder.ToString();

        static void Append(StringBuilder builder, string? part)
        {
            if (!string.IsNullOrWhiteSpace(part))
            {
                builder.Append(builder.Length == 0 ? "" : ": ").Append(part);
            }
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? Text(value) : null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };
}

/// <summary>The documented shapes of Adobe error bodies.</summary>
public enum AepErrorShape
{
    /// <summary>Not recognized (or empty).</summary>
    Unknown,

    /// <summary>The API gateway's <c>{"error_code","message"}</c>.</summary>
    Gateway,

    /// <summary>A service's problem details <c>{"type","title","status","detail","report"}</c>.</summary>
    Service,

    /// <summary>An etag conflict's <c>{"errorMessage"}</c>.</summary>
    EtagConflict,

    /// <summary>An IMS token endpoint's <c>{"error","error_description"}</c>.</summary>
    OAuth,
}
