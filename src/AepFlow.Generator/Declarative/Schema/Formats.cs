using System;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace AepFlow.Generator.Declarative.Schema;

/// <summary>Draft-07 <c>format</c> checks; formats not listed here are annotations only, as the specification allows.</summary>
internal static class Formats
{
    private static readonly Regex DateTime = new(
        @"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant);
    private static readonly Regex Date = new(@"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$", RegexOptions.CultureInvariant);
    private static readonly Regex Time = new(@"^\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant);
    private static readonly Regex Email = new(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Uuid = new(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant);
    private static readonly Regex HostName = new(
        @"^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$", RegexOptions.CultureInvariant);

    /// <summary>False when <paramref name="value"/> is not in <paramref name="format"/>; <paramref name="expected"/> names it for messages.</summary>
    public static bool Check(string format, string value, out string expected)
    {
        switch (format)
        {
            case "date-time":
                expected = "an RFC 3339 date-time such as 2024-01-31T12:00:00Z";
                return DateTime.IsMatch(value);
            case "date":
                expected = "a date such as 2024-01-31";
                return Date.IsMatch(value);
            case "time":
                expected = "a time such as 12:00:00";
                return Time.IsMatch(value);
            case "email":
            case "idn-email":
                expected = "an e-mail address";
                return Email.IsMatch(value);
            case "uri":
                expected = "an absolute URI";
                return Uri.TryCreate(value, UriKind.Absolute, out _);
            case "uri-reference":
                expected = "a URI reference";
                return Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out _);
            case "uuid":
                expected = "a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6";
                return Uuid.IsMatch(value);
            case "ipv4":
                expected = "an IPv4 address";
                return IPAddress.TryParse(value, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork && value.Split('.').Length == 4;
            case "ipv6":
                expected = "an IPv6 address";
                return IPAddress.TryParse(value, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;
            case "hostname":
                expected = "a host name";
                return HostName.IsMatch(value);
            case "regex":
                expected = "a regular expression";
                try
                {
                    _ = new Regex(value);
                    return true;
                }
                catch (ArgumentException)
                {
                    return false;
                }

            default:
                expected = format;
                return true;
        }
    }
}
