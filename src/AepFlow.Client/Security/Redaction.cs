using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AepFlow.Security;

/// <summary>
/// The one place secrets are cut out: generated records print secret members through <see cref="Print"/>, and the client
/// passes every log value and exception property that came from a server through a <see cref="Redactor"/>.
/// A member is secret when its schema says <c>format: password</c> or its name reads like a secret
/// (<see cref="IsSecretName"/>: password, secret, key, credential, …token).
/// </summary>
public static partial class Redaction
{
    /// <summary>What a secret prints as.</summary>
    public const string Mask = "***";

    /// <summary>Whether a member called <paramref name="name"/> holds a secret (e.g. <c>password</c>, <c>client_secret</c>, <c>securityToken</c>).</summary>
    public static bool IsSecretName(string? name) => SecretNames.IsSecret(name);

    /// <summary>How a secret member prints in a generated record's <c>ToString()</c>: <see cref="Mask"/> when set, nothing when null.</summary>
    public static string Print(object? value) => value is null ? "" : Mask;

    /// <summary>Masks <c>name: value</c> / <c>"name":"value"</c> / <c>name=value</c> pairs whose name reads like a secret.</summary>
    public static string MaskSecretPairs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SecretPair().Replace(text, static match =>
            IsSecretName(match.Groups["name"].Value)
                ? match.Value[..(match.Groups["value"].Index - match.Index)] + Mask + match.Value[(match.Groups["value"].Index - match.Index + match.Groups["value"].Length)..]
                : match.Value);
    }

    // A name, optionally quoted, then ':' or '=', then a value up to a quote, separator or whitespace.
    [GeneratedRegex("""(?<name>[A-Za-z_][A-Za-z0-9_.\-]*)["']?\s*[:=]\s*["']?(?<value>[^"'\s,&;}]+)""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SecretPair();
}

/// <summary>
/// Cuts the secrets one client knows (its client secret, a fixed token, the token of the current call) and secret-named pairs
/// out of text that came from a server, before it reaches a log line or an exception.
/// </summary>
internal sealed class Redactor
{
    private readonly string[] _known;

    public Redactor(params string?[] knownSecrets) =>
        _known = [.. knownSecrets.Where(static s => !string.IsNullOrEmpty(s) && s.Length >= 4).Select(static s => s!)];

    public static Redactor None { get; } = new();

    public string? Scrub(string? text, string? currentToken = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in _known)
        {
            text = text.Replace(secret, Redaction.Mask, StringComparison.Ordinal);
        }

        if (currentToken is { Length: >= 4 })
        {
            text = text.Replace(currentToken, Redaction.Mask, StringComparison.Ordinal);
        }

        return Redaction.MaskSecretPairs(text);
    }

    public AepError Scrub(AepError error, string? currentToken = null) =>
        error.Shape == AepErrorShape.Unknown
            ? error
            : error with
            {
                Code = Scrub(error.Code, currentToken),
                Title = Scrub(error.Title, currentToken),
                Detail = Scrub(error.Detail, currentToken),
                Report = error.Report is { } report ? Scrub(report, currentToken) : null,
            };

    /// <summary>A copy of <paramref name="element"/> with secret-named members masked and known secrets cut from every string.</summary>
    public JsonElement Scrub(JsonElement element, string? currentToken = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(element, writer, currentToken);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private void Write(JsonElement element, Utf8JsonWriter writer, string? currentToken)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    if (Redaction.IsSecretName(property.Name) && property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null))
                    {
                        writer.WriteStringValue(Redaction.Mask);
                    }
                    else
                    {
                        Write(property.Value, writer, currentToken);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer, currentToken);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(Scrub(element.GetString(), currentToken));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
