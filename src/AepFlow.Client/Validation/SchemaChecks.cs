using System.ComponentModel;
using System.Globalization;
using System.Net;
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
    /// </summary>
    public static bool IsFormat(string value, string format) => format switch
    {
        "date-time" => IsDateTime(value),
        "date" => IsDate(value.AsSpan()),
        "time" => IsTime(value.AsSpan()),
        "email" or "idn-email" => IsEmail(value),
        "hostname" or "idn-hostname" => IsHostname(value),
        "ipv4" => IsIPv4(value),
        "ipv6" => IsIPv6(value),
        "uri" or "iri" => IsUri(value),
        "uri-reference" or "iri-reference" => IsUriReference(value),
        "uuid" => IsUuid(value),
        "regex" => IsRegex(value),
        "json-pointer" => IsJsonPointer(value),
        _ => true,
    };

    /// <summary>RFC 3339 <c>date-time</c>: <c>2024-05-01T10:00:00Z</c>, fraction and offset optional forms included.</summary>
    public static bool IsDateTime(string value)
    {
        return value.Length > 11 && value[10] is ('T' or 't' or ' ') && IsDate(value.AsSpan(0, 10)) && IsTime(value.AsSpan(11));
    }

    /// <summary>RFC 3339 <c>full-date</c>: <c>yyyy-MM-dd</c> with a real calendar day.</summary>
    public static bool IsDate(ReadOnlySpan<char> value)
    {
        if (value.Length != 10 || value[4] != '-' || value[7] != '-'
            || !TryDigits(value[..4], out var year) || !TryDigits(value.Slice(5, 2), out var month) || !TryDigits(value.Slice(8, 2), out var day))
        {
            return false;
        }

        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(year, 1), month);
    }

    /// <summary>RFC 3339 <c>full-time</c>: <c>HH:mm:ss[.fff](Z|±hh:mm)</c>.</summary>
    public static bool IsTime(ReadOnlySpan<char> value)
    {
        if (value.Length < 9 || value[2] != ':' || value[5] != ':'
            || !TryDigits(value[..2], out var hour) || !TryDigits(value.Slice(3, 2), out var minute) || !TryDigits(value.Slice(6, 2), out var second)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var rest = value[8..];
        if (rest[0] == '.')
        {
            var digits = 1;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            if (digits == 1)
            {
                return false;
            }

            rest = rest[digits..];
        }

        if (rest.Length == 1 && (rest[0] == 'Z' || rest[0] == 'z'))
        {
            return true;
        }

        return rest.Length == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':'
            && TryDigits(rest.Slice(1, 2), out var offsetHour) && TryDigits(rest.Slice(4, 2), out var offsetMinute)
            && offsetHour <= 23 && offsetMinute <= 59;
    }

    /// <summary>A pragmatic e-mail check: one <c>@</c> with a non-empty local part and a host name after it.</summary>
    public static bool IsEmail(string value)
    {
        var at = value.LastIndexOf('@');
        return at > 0 && at < value.Length - 1 && value.IndexOf(' ') < 0 && IsHostname(value.AsSpan(at + 1));
    }

    /// <summary>RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, 63 characters each, 253 in all.</summary>
    public static bool IsHostname(string value) => IsHostname(value.AsSpan());

    private static bool IsHostname(ReadOnlySpan<char> value)
    {
        if (value.Length is 0 or > 253)
        {
            return false;
        }

        var labelLength = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var ch = value[i];
            if (ch == '.')
            {
                if (labelLength == 0 || value[i - 1] == '-')
                {
                    return false;
                }

                labelLength = 0;
                continue;
            }

            if (!(char.IsAsciiLetterOrDigit(ch) || (ch == '-' && labelLength > 0)) || ++labelLength > 63)
            {
                return false;
            }
        }

        return labelLength > 0 && value[^1] != '-';
    }

    /// <summary>Dotted-quad IPv4 address.</summary>
    public static bool IsIPv4(string value)
    {
        var parts = 0;
        var span = value.AsSpan();
        while (true)
        {
            var dot = span.IndexOf('.');
            var part = dot < 0 ? span : span[..dot];
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || !TryDigits(part, out var number) || number > 255)
            {
                return false;
            }

            parts++;
            if (dot < 0)
            {
                return parts == 4;
            }

            span = span[(dot + 1)..];
        }
    }

    /// <summary>IPv6 address in any RFC 4291 text form.</summary>
    public static bool IsIPv6(string value) =>
        value.Contains(':') && IPAddress.TryParse(value, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;

    /// <summary>An absolute URI.</summary>
    public static bool IsUri(string value) => Uri.TryCreate(value, UriKind.Absolute, out _);

    /// <summary>An absolute or relative URI reference.</summary>
    public static bool IsUriReference(string value) => Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out _);

    /// <summary>A UUID in the hyphenated 8-4-4-4-12 form.</summary>
    public static bool IsUuid(string value) => value.Length == 36 && Guid.TryParseExact(value, "D", out _);

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
    public static bool IsRegex(string value)
    {
        try
        {
            _ = new Regex(value, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>An RFC 6901 JSON Pointer: empty, or <c>/</c>-prefixed segments with only <c>~0</c>/<c>~1</c> escapes.</summary>
    public static bool IsJsonPointer(string value)
    {
        if (value.Length > 0 && value[0] != '/')
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '~' && (i + 1 >= value.Length || (value[i + 1] != '0' && value[i + 1] != '1')))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
