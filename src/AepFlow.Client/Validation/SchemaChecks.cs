using System.ComponentModel;
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
    /// <summary>The JSON Schema length of a string: Unicode code points, so a surrogate pair counts once.</summary>
    public static int Length(string value)
    {
        var length = value.Length;
        for (var i = 0; i < value.Length - 1; i++)
        {
            if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
            {
                length--;
                i++;
            }
        }

        return length;
    }

    /// <summary>Whether <paramref name="value"/> is a multiple of <paramref name="divisor"/> (decimal arithmetic, so 0.3 is a multiple of 0.1).</summary>
    public static bool IsMultipleOf(double value, decimal divisor)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) > 7.9e27)
        {
            return false;
        }

        return (decimal)value % divisor == 0m;
    }

    /// <summary>Whether no two items are equal (<c>uniqueItems</c>); quadratic, allocation-free, meant for short lists.</summary>
    public static bool AreUnique<T>(IReadOnlyList<T> items)
    {
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
            {
                if (comparer.Equals(items[i], items[j]))
                {
                    return false;
                }
            }
        }

        return true;
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
