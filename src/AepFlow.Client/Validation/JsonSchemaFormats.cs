using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace AepFlow.Validation;

/// <summary>
/// The one definition of the JSON Schema <c>format</c> vocabulary in AepFlow. The generated validators reach it through
/// <c>SchemaChecks.IsFormat</c> at run time; the generator links this file (netstandard2.0, so plain string code) and
/// its build-time evaluator calls the same methods — a value passes the build exactly when it passes <c>Validate()</c>.
/// Formats not listed are annotations and always pass, as JSON Schema specifies.
/// </summary>
internal static class JsonSchemaFormats
{
    /// <summary>Whether <paramref name="format"/> is checked (others are annotations).</summary>
    public static bool IsChecked(string format) => Describe(format) is not null;

    /// <summary>Whether <paramref name="value"/> is in <paramref name="format"/>; unknown formats pass.</summary>
    public static bool Check(string format, string value) => format switch
    {
        "date-time" => IsDateTime(value),
        "date" => IsDate(value, 0, value.Length),
        "time" => IsTime(value, 0, value.Length),
        "email" or "idn-email" => IsEmail(value),
        "hostname" or "idn-hostname" => IsHostname(value, 0, value.Length),
        "ipv4" => IsIPv4(value),
        "ipv6" => IsIPv6(value),
        "uri" or "iri" => IsUri(value),
        "uri-reference" or "iri-reference" => IsUriReference(value),
        "uuid" => IsUuid(value),
        "regex" => IsRegex(value),
        "json-pointer" => IsJsonPointer(value),
        _ => true,
    };

    /// <summary>What a checked format looks like, for messages ("must be …"); null for formats that are not checked.</summary>
    public static string? Describe(string format) => format switch
    {
        "date-time" => "an RFC 3339 date-time such as 2024-01-31T12:00:00Z",
        "date" => "a date such as 2024-01-31",
        "time" => "a time with an offset such as 12:00:00Z",
        "email" or "idn-email" => "an e-mail address",
        "hostname" or "idn-hostname" => "a host name",
        "ipv4" => "an IPv4 address",
        "ipv6" => "an IPv6 address",
        "uri" or "iri" => "an absolute URI",
        "uri-reference" or "iri-reference" => "a URI reference",
        "uuid" => "a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "regex" => "a regular expression",
        "json-pointer" => "a JSON Pointer such as /a/b",
        _ => null,
    };

    /// <summary>RFC 3339 <c>date-time</c>: full-date, <c>T</c> (or <c>t</c>), full-time with its offset. A space is not a separator.</summary>
    public static bool IsDateTime(string value) =>
        value.Length > 11 && (value[10] == 'T' || value[10] == 't') && IsDate(value, 0, 10) && IsTime(value, 11, value.Length - 11);

    /// <summary>RFC 3339 <c>full-date</c>: <c>yyyy-MM-dd</c> with a real calendar day (2024-02-31 is not one).</summary>
    public static bool IsDate(string value, int start, int length)
    {
        if (length != 10 || value[start + 4] != '-' || value[start + 7] != '-'
            || !Digits(value, start, 4, out var year) || !Digits(value, start + 5, 2, out var month) || !Digits(value, start + 8, 2, out var day))
        {
            return false;
        }

        return month >= 1 && month <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(year, 1), month);
    }

    /// <summary>RFC 3339 <c>full-time</c>: <c>HH:mm:ss[.fff]</c> and an offset (<c>Z</c> or <c>±hh:mm</c>), which RFC 3339 requires.</summary>
    public static bool IsTime(string value, int start, int length)
    {
        if (length < 9 || value[start + 2] != ':' || value[start + 5] != ':'
            || !Digits(value, start, 2, out var hour) || !Digits(value, start + 3, 2, out var minute) || !Digits(value, start + 6, 2, out var second)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        int i = start + 8, end = start + length;
        if (value[i] == '.')
        {
            int digits = 0;
            while (i + 1 + digits < end && IsDigit(value[i + 1 + digits]))
            {
                digits++;
            }

            if (digits == 0)
            {
                return false;
            }

            i += 1 + digits;
        }

        if (end - i == 1 && (value[i] == 'Z' || value[i] == 'z'))
        {
            return true;
        }

        return end - i == 6 && (value[i] == '+' || value[i] == '-') && value[i + 3] == ':'
            && Digits(value, i + 1, 2, out var offsetHour) && Digits(value, i + 4, 2, out var offsetMinute)
            && offsetHour <= 23 && offsetMinute <= 59;
    }

    /// <summary>
    /// A pragmatic e-mail check: a non-empty local part without spaces or a second <c>@</c>, <c>@</c>, and a host name
    /// (<c>a@localhost</c> is one).
    /// </summary>
    public static bool IsEmail(string value)
    {
        var at = value.IndexOf('@');
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1 && value.IndexOf(' ') < 0 && IsHostname(value, at + 1, value.Length - at - 1);
    }

    /// <summary>RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, 63 characters each, 253 in all.</summary>
    public static bool IsHostname(string value, int start, int length)
    {
        if (length == 0 || length > 253)
        {
            return false;
        }

        var labelLength = 0;
        for (var i = start; i < start + length; i++)
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

            if (!(IsAsciiLetterOrDigit(ch) || (ch == '-' && labelLength > 0)) || ++labelLength > 63)
            {
                return false;
            }
        }

        return labelLength > 0 && value[start + length - 1] != '-';
    }

    /// <summary>Dotted-quad IPv4 address without leading zeros.</summary>
    public static bool IsIPv4(string value)
    {
        var parts = value.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length == 0 || part.Length > 3 || (part.Length > 1 && part[0] == '0') || !Digits(part, 0, part.Length, out var number) || number > 255)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>IPv6 address in any RFC 4291 text form (no zone index).</summary>
    public static bool IsIPv6(string value) =>
        value.IndexOf(':') >= 0 && value.IndexOf('%') < 0 && IPAddress.TryParse(value, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary>An absolute URI: a scheme (RFC 3986 <c>ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"</c>), then what
    /// <see cref="Uri"/> accepts. The scheme is checked first because on Unix <see cref="Uri"/> reads <c>/a/b</c> as a file path.</summary>
    public static bool IsUri(string value) => HasScheme(value) && Uri.TryCreate(value, UriKind.Absolute, out _);

    /// <summary>An absolute or relative URI reference.</summary>
    public static bool IsUriReference(string value) => Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out _);

    /// <summary>A UUID in the hyphenated 8-4-4-4-12 form.</summary>
    public static bool IsUuid(string value) => value.Length == 36 && Guid.TryParseExact(value, "D", out _);

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

    private static bool HasScheme(string value)
    {
        var colon = value.IndexOf(':');
        if (colon < 1 || !IsAsciiLetter(value[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            var c = value[i];
            if (!(IsAsciiLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsAsciiLetterOrDigit(char c) => IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool Digits(string value, int start, int count, out int number)
    {
        number = 0;
        if (start + count > value.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!IsDigit(value[i]))
            {
                return false;
            }

            number = (number * 10) + (value[i] - '0');
        }

        return true;
    }
}
