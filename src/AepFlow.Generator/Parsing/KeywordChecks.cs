using System.Globalization;
using AepFlow.Generator.Diagnostics;
using AepFlow.Generator.Json;

namespace AepFlow.Generator.Parsing;

/// <summary>
/// Keywords whose value has the wrong shape are reported (AEPF007) instead of silently dropped, and bounds that leave no
/// valid value (AEPF008) stop the build: a schema that accepts nothing would make every request fail at run time.
/// </summary>
internal static class KeywordChecks
{
    private static readonly string[] Counts = { "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties" };
    private static readonly string[] Bounds = { "minimum", "maximum" };

    public static void Check(JsonNode schema, SpecReadContext context, string pointer)
    {
        foreach (var keyword in Counts)
        {
            if (schema[keyword] is { } value && !IsCount(value))
            {
                Malformed(context, value, keyword, pointer, "is " + value.Display + ", not a non-negative integer", "write a whole number such as 0 or 10");
            }
        }

        foreach (var keyword in Bounds)
        {
            if (schema[keyword] is { } value && value.Kind != JsonNodeKind.Number)
            {
                Malformed(context, value, keyword, pointer, "is " + value.Display + ", not a number", "write the number without quotes");
            }
        }

        foreach (var keyword in new[] { "exclusiveMinimum", "exclusiveMaximum" })
        {
            // Draft 4 wrote them as booleans beside minimum/maximum; SchemaReader reads both forms.
            if (schema[keyword] is { } value && value.Kind is not (JsonNodeKind.Number or JsonNodeKind.True or JsonNodeKind.False))
            {
                Malformed(context, value, keyword, pointer, "is " + value.Display + ", not a number", "write the number without quotes");
            }
        }

        if (schema["multipleOf"] is { } multipleOf && !(multipleOf.Kind == JsonNodeKind.Number && Number(multipleOf) > 0))
        {
            Malformed(context, multipleOf, "multipleOf", pointer, "is " + multipleOf.Display + ", not a number greater than 0", "write a positive number such as 0.5 or 15");
        }

        if (schema["pattern"] is { } pattern && !pattern.IsString)
        {
            Malformed(context, pattern, "pattern", pointer, "is " + pattern.Display + ", not a string", "write the regular expression as a string");
        }

        if (schema["format"] is { } format && !format.IsString)
        {
            Malformed(context, format, "format", pointer, "is " + format.Display + ", not a string", "write the format name as a string such as \"date-time\"");
        }

        if (schema["uniqueItems"] is { } unique && unique.Kind is not (JsonNodeKind.True or JsonNodeKind.False))
        {
            Malformed(context, unique, "uniqueItems", pointer, "is " + unique.Display + ", not true or false", "write true or false without quotes");
        }

        if (schema["required"] is { } required && !IsStringArray(required))
        {
            Malformed(context, required, "required", pointer, "is " + required.Display + ", not an array of property names",
                "list the required properties, such as [\"name\"] (draft-03's \"required\": true is not JSON Schema draft-07)");
        }

        if (schema["enum"] is { } values)
        {
            if (!values.IsArray)
            {
                Malformed(context, values, "enum", pointer, "is " + values.Display + ", not an array", "list the allowed values in an array");
            }
            else if (values.Items.Count == 0)
            {
                Unsatisfiable(context, values, pointer, "\"enum\" is an empty list");
            }
        }

        Contradiction(schema, context, pointer, "minimum", "maximum", strict: false);
        Contradiction(schema, context, pointer, "minimum", "exclusiveMaximum", strict: true);
        Contradiction(schema, context, pointer, "exclusiveMinimum", "maximum", strict: true);
        Contradiction(schema, context, pointer, "exclusiveMinimum", "exclusiveMaximum", strict: true);
        Contradiction(schema, context, pointer, "minLength", "maxLength", strict: false);
        Contradiction(schema, context, pointer, "minItems", "maxItems", strict: false);
    }

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
