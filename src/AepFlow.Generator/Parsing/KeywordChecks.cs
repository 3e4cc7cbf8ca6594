using System.Globalization;
using AepFlow.Generator.Diagnostics;
using AepFlow.Generator.Json;
using AepFlow.Generator.Schema;

namespace AepFlow.Generator.Parsing;

/// <summary>
/// Keywords whose value has the wrong shape are reported (AEPF007) instead of silently dropped, and bounds that leave no
/// valid value (AEPF008) stop the build: a schema that accepts nothing would make every request fail at run time.
/// </summary>
internal static class KeywordChecks
{
    public static void Check(JsonNode schema, SpecReadContext context, string pointer)
    {
        // The shape each keyword's value must have comes from the one keyword table (SchemaKeywords.All).
        foreach (var keyword in SchemaKeywords.All)
        {
            if (keyword.Shape == KeywordShape.Any || schema[keyword.Name] is not { } value)
            {
                continue;
            }

            if (Problem(keyword.Shape, value) is { } problem)
            {
                Malformed(context, value, keyword.Name, pointer, "is " + value.Display + ", " + problem.What, keyword.Fix ?? problem.Fix);
            }
            else if (keyword.Shape == KeywordShape.Values && value.Items.Count == 0)
            {
                Unsatisfiable(context, value, pointer, "\"" + keyword.Name + "\" is an empty list");
            }
        }

        foreach (var (low, high, strict) in SchemaKeywords.Contradictions)
        {
            Contradiction(schema, context, pointer, low, high, strict);
        }
    }

    // What is wrong with a value of another shape, and the usual fix; null when the value has the shape.
    private static (string What, string Fix)? Problem(KeywordShape shape, JsonNode value) => shape switch
    {
        KeywordShape.Count when !IsCount(value) => ("not a non-negative integer", "write a whole number such as 0 or 10"),
        KeywordShape.Number when value.Kind != JsonNodeKind.Number => ("not a number", "write the number without quotes"),
        KeywordShape.NumberOrBoolean when value.Kind is not (JsonNodeKind.Number or JsonNodeKind.True or JsonNodeKind.False) =>
            ("not a number", "write the number without quotes"),
        KeywordShape.PositiveNumber when !(value.Kind == JsonNodeKind.Number && Number(value) > 0) =>
            ("not a number greater than 0", "write a positive number such as 0.5 or 15"),
        KeywordShape.String when !value.IsString => ("not a string", "write it as a string"),
        KeywordShape.Boolean when value.Kind is not (JsonNodeKind.True or JsonNodeKind.False) => ("not true or false", "write true or false without quotes"),
        KeywordShape.Names when !IsStringArray(value) => ("not an array of property names", "list the names in an array"),
        KeywordShape.Values when !value.IsArray => ("not an array", "list the values in an array"),
        _ => null,
    };

    private static void Contradiction(JsonNode schema, SpecReadContext context, string pointer, string low, string high, bool strict)
    {
        if (schema[low] is { Kind: JsonNodeKind.Number } lowNode && schema[high] is { Kind: JsonNodeKind.Number } highNode &&
            Number(lowNode) is { } lowValue && Number(highNode) is { } highValue && (strict ? lowValue >= highValue : lowValue > highValue))
        {
            Unsatisfiable(context, highNode, pointer, $"\"{low}\" is {lowNode.Text} but \"{high}\" is {highNode.Text}");
        }
    }

    private static void Malformed(SpecReadContext context, JsonNode value, string keyword, string pointer, string problem, string fix) =>
        context.Report(DiagnosticDescriptors.MalformedKeyword, context.Locate(value), keyword, pointer, problem, fix);

    private static void Unsatisfiable(SpecReadContext context, JsonNode at, string pointer, string why) =>
        context.Report(DiagnosticDescriptors.UnsatisfiableSchema, context.Locate(at), pointer.Length == 0 ? "/" : pointer, why);

    private static bool IsCount(JsonNode value) =>
        value.Kind == JsonNodeKind.Number && Number(value) is { } number && number >= 0 && number == System.Math.Floor(number);

    private static bool IsStringArray(JsonNode value)
    {
        if (!value.IsArray)
        {
            return false;
        }

        foreach (var item in value.Items)
        {
            if (!item.IsString)
            {
                return false;
            }
        }

        return true;
    }

    private static double? Number(JsonNode node) =>
        double.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
