using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AepFlow.Emulator.Listing;

/// <summary>
/// One <c>property=</c> query filter as Flow Service reads it: <c>name==CRMToAEP</c>, <c>createdAt&gt;=1670880253121</c>,
/// <c>id==a,b</c> (a comma means any of), <c>state!=disabled</c>, or a bare <c>field</c> (the field exists).
/// Dotted names reach into nested objects (<c>lastRunDetails.startedAtUTC</c>).
/// </summary>
internal sealed record PropertyFilter(string[] Path, string Operator, string[] Values)
{
    // Longest operators first, so "<=" is not read as "<".
    private static readonly string[] Operators = ["==", "!=", ">=", "<=", ">", "<"];

    public static bool TryParse(string text, out PropertyFilter filter, out string? error)
    {
        filter = null!;
        error = null;
        text = text.Trim();
        foreach (var op in Operators)
        {
            var at = text.IndexOf(op, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var field = text[..at].Trim();
            var values = text[(at + op.Length)..].Split(',').Select(v => Unquote(v.Trim())).ToArray();
            if (field.Length == 0 || values.Any(v => v.Length == 0))
            {
                error = $"The filter 'property={text}' needs a field name and a value on each side of '{op}'.";
                return false;
            }

            filter = new PropertyFilter(field.Split('.'), op, values);
            return true;
        }

        if (text.Length == 0)
        {
            error = "An empty 'property' filter was supplied.";
            return false;
        }

        filter = new PropertyFilter(text.Split('.'), "exists", []);
        return true;
    }

    public bool Matches(JsonObject item)
    {
        var node = Resolve(item, Path);
        if (Operator == "exists")
        {
            return node is not null;
        }

        var actual = node is JsonValue value ? ScalarText(value) : null;
        return Operator switch
        {
            "==" => actual is not null && Values.Any(v => Equal(actual, v)),
            "!=" => actual is null || Values.All(v => !Equal(actual, v)),
            _ => actual is not null && Values.Length == 1 && CompareOrdered(actual, Values[0]) is int c && Operator switch
            {
                ">" => c > 0,
                "<" => c < 0,
                ">=" => c >= 0,
                _ => c <= 0,
            },
        };
    }

    public static JsonNode? Resolve(JsonObject item, string[] path)
    {
        JsonNode? node = item;
        foreach (var segment in path)
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>A scalar's text: a string's value, or a number's or boolean's JSON text.</summary>
    public static string? ScalarText(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
        _ => null,
    };

    private static bool Equal(string actual, string expected) =>
        string.Equals(actual, expected, StringComparison.Ordinal)
        || (TryNumber(actual, out var a) && TryNumber(expected, out var b) && a == b);

    private static int? CompareOrdered(string actual, string expected) =>
        TryNumber(actual, out var a) && TryNumber(expected, out var b)
            ? a.CompareTo(b)
            : string.CompareOrdinal(actual, expected);

    private static bool TryNumber(string text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}
