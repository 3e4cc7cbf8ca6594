using System.Collections.Concurrent;
using System.ComponentModel;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AepFlow.Validation;

/// <summary>
/// Checks generated validators call for JSON Schema keywords that need more than a comparison:
/// string length in code points and the <c>format</c> vocabulary. All checks are allocation-free for valid input
/// except <see cref="IsUri"/>/<see cref="IsUriReference"/>/<see cref="IsRegex"/>, which use the framework parsers.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SchemaChecks
{
    // enum/const literals of untyped members, parsed once per process.
    private static readonly ConcurrentDictionary<string, JsonElement> ParsedLiterals = new(StringComparer.Ordinal);

    /// <summary>The JSON Schema length of a string: Unicode code points, so a surrogate pair counts once.</summary>
    public static int Length(string value) => JsonSchemaValues.Length(value);

    /// <summary>Whether <paramref name="value"/> is a multiple of <paramref name="divisor"/> (decimal arithmetic, so 0.3 is a multiple of 0.1).</summary>
    public static bool IsMultipleOf(double value, decimal divisor) => JsonSchemaValues.IsMultipleOf(value, divisor);

    /// <summary><c>"type": "integer"</c> on an untyped member: a JSON number without a fraction (<c>30.0</c> counts).</summary>
    public static bool IsInteger(JsonElement value) => value.ValueKind == JsonValueKind.Number && JsonSchemaValues.IsInteger(value.GetRawText());

    /// <summary>
    /// <c>enum</c>/<c>const</c> on an untyped member: whether <paramref name="value"/> equals one of the JSON values in the
    /// array <paramref name="allowedJson"/> (JSON equality: 1 equals 1.0, member order does not matter).
    /// </summary>
    public static bool IsOneOf(JsonElement value, string allowedJson)
    {
        foreach (var allowed in ParsedLiterals.GetOrAdd(allowedJson, static json => JsonDocument.Parse(json).RootElement).EnumerateArray())
        {
            if (JsonSchemaValues.AreEqual(value, allowed))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether no two items are equal (<c>uniqueItems</c>) with JSON equality: untyped items compare as JSON, nested lists
    /// item by item. Quadratic and allocation-free for typed items, meant for short lists.
    /// </summary>
    public static bool AreUnique<T>(IReadOnlyList<T> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
            {
                if (ItemsEqual(items[i], items[j]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary><c>uniqueItems</c> on an untyped JSON array: whether no two items are equal as JSON.</summary>
    public static bool AreUnique(JsonElement array)
    {
        var count = array.GetArrayLength();
        for (var i = 0; i < count; i++)
        {
            for (var j = i + 1; j < count; j++)
            {
                if (JsonSchemaValues.AreEqual(array[i], array[j]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool ItemsEqual<T>(T a, T b)
    {
        if (a is JsonElement x && b is JsonElement y)
        {
            return JsonSchemaValues.AreEqual(x, y);
        }

        if (a is System.Collections.IList left && b is System.Collections.IList right)
        {
            if (left.Count != right.Count)
            {
                return false;
            }

            for (var i = 0; i < left.Count; i++)
            {
                if (!ItemsEqual(left[i], right[i]))
                {
                    return false;
                }
            }

            return true;
        }

        return EqualityComparer<T>.Default.Equals(a, b);
    }

    /// <summary>
    /// Checks a <c>format</c>. Unknown formats (such as <c>password</c>) are annotations and always pass, as JSON Schema specifies.
    /// The semantics live in <see cref="JsonSchemaFormats"/>, which the generator's build-time checks compile too.
    /// </summary>
    public static bool IsFormat(string value, string format) => JsonSchemaFormats.Check(format, value);

    /// <summary>RFC 3339 <c>date-time</c> (<c>T</c> between date and time, offset required).</summary>
    public static bool IsDateTime(string value) => JsonSchemaFormats.IsDateTime(value);

    /// <summary>RFC 3339 <c>full-date</c> with a real calendar day.</summary>
    public static bool IsDate(ReadOnlySpan<char> value) => JsonSchemaFormats.IsDate(value.ToString(), 0, value.Length);

    /// <summary>RFC 3339 <c>full-time</c>, offset required.</summary>
    public static bool IsTime(ReadOnlySpan<char> value) => JsonSchemaFormats.IsTime(value.ToString(), 0, value.Length);

    /// <summary>One <c>@</c> between a non-empty local part and a host name.</summary>
    public static bool IsEmail(string value) => JsonSchemaFormats.IsEmail(value);

    /// <summary>RFC 1123 host name.</summary>
    public static bool IsHostname(string value) => JsonSchemaFormats.IsHostname(value, 0, value.Length);

    /// <summary>Dotted-quad IPv4 address.</summary>
    public static bool IsIPv4(string value) => JsonSchemaFormats.IsIPv4(value);

    /// <summary>IPv6 address in any RFC 4291 text form.</summary>
    public static bool IsIPv6(string value) => JsonSchemaFormats.IsIPv6(value);

    /// <summary>An absolute URI.</summary>
    public static bool IsUri(string value) => JsonSchemaFormats.IsUri(value);

    /// <summary>An absolute or relative URI reference.</summary>
    public static bool IsUriReference(string value) => JsonSchemaFormats.IsUriReference(value);

    /// <summary>A UUID in the hyphenated 8-4-4-4-12 form.</summary>
    public static bool IsUuid(string value) => JsonSchemaFormats.IsUuid(value);

    /// <summary>
    /// <c>pattern</c>: whether <paramref name="pattern"/> matches <paramref name="value"/>. Generated patterns carry a match
    /// timeout, so a catastrophic expression cannot hang validation; a match that times out counts as no match.
    /// </summary>
    public static bool IsMatch(Regex pattern, string value)
    {
        try
        {
            return pattern.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>A regular expression the .NET engine accepts.</summary>
    public static bool IsRegex(string value) => JsonSchemaFormats.IsRegex(value);

    /// <summary>An RFC 6901 JSON Pointer.</summary>
    public static bool IsJsonPointer(string value) => JsonSchemaFormats.IsJsonPointer(value);
}
