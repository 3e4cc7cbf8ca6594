using AepFlow.Generator.Json;
using System.Collections.Generic;
using System.Globalization;
using AepFlow.Generator.Model;
using AepFlow.Generator.Schema;

namespace AepFlow.Generator.Parsing;

/// <summary>Maps a JSON Schema node to its value-equal validation model, reporting keywords it cannot enforce (AEPF003).</summary>
internal static class SchemaReader
{
    public static SchemaModel Read(JsonNode node, SpecReadContext context, string pointer)
    {
        switch (node.Kind)
        {
            case JsonNodeKind.True:
                return new SchemaModel { BooleanSchema = true };
            case JsonNodeKind.False:
                return new SchemaModel { BooleanSchema = false };
            case JsonNodeKind.Object:
                break;
            default:
                context.ReportUnsupported(node, "A schema that is not an object or boolean", pointer, "it is ignored; write a JSON object (or true/false) here");
                return SchemaModel.Empty;
        }

        KeywordChecks.Check(node, context, pointer);
        foreach (var keyword in SchemaKeywords.NotEnforced)
        {
            var value = node[keyword];
            if (value is not null)
            {
                context.ReportUnsupported(value, "The keyword '" + keyword + "'", pointer + "/" + Escape(keyword), keyword == "$ref"
                    ? "references are not followed, so the member is typed as JsonElement and not validated; inline the referenced schema"
                    : "the generated validator does not check it; check this rule in your own code or drop it from the spec");
            }
        }

        var minimum = Number(node["minimum"]);
        var maximum = Number(node["maximum"]);
        double? exclusiveMinimum = Number(node["exclusiveMinimum"]);
        double? exclusiveMaximum = Number(node["exclusiveMaximum"]);

        // Draft 4 spelled the exclusive bounds as booleans next to minimum/maximum.
        if (node["exclusiveMinimum"] is { Kind: JsonNodeKind.True } && minimum is not null)
        {
            exclusiveMinimum = minimum;
            minimum = null;
        }

        if (node["exclusiveMaximum"] is { Kind: JsonNodeKind.True } && maximum is not null)
        {
            exclusiveMaximum = maximum;
            maximum = null;
        }

        return new SchemaModel
        {
            Types = ReadTypes(node["type"]),
            Required = Strings(node["required"]),
            Properties = Properties(node, context, pointer),
            Enum = Literals(node["enum"]),
            Const = node["const"] is { } constant ? CompactJson.Write(constant) : null,
            Minimum = minimum,
            Maximum = maximum,
            ExclusiveMinimum = exclusiveMinimum,
            ExclusiveMaximum = exclusiveMaximum,
            MultipleOf = node["multipleOf"] is { Kind: JsonNodeKind.Number } multiple && Number(multiple) > 0 ? multiple.Text : null,
            MinLength = Integer(node["minLength"]),
            MaxLength = Integer(node["maxLength"]),
            MinItems = Integer(node["minItems"]),
            MaxItems = Integer(node["maxItems"]),
            UniqueItems = node["uniqueItems"] is { Kind: JsonNodeKind.True },
            Pattern = Pattern(node["pattern"], context, pointer),
            Format = node.GetString("format"),
            Items = node["items"] is { Kind: JsonNodeKind.Object or JsonNodeKind.True or JsonNodeKind.False } items ? Read(items, context, pointer + "/items") : null,
            Contains = Sub(node, "contains", context, pointer),
            If = Sub(node, "if", context, pointer),
            Then = Sub(node, "then", context, pointer),
            Else = Sub(node, "else", context, pointer),
            Not = Sub(node, "not", context, pointer),
            AllOf = List(node, "allOf", context, pointer),
            AnyOf = List(node, "anyOf", context, pointer),
            OneOf = List(node, "oneOf", context, pointer),
        };
    }

    /// <summary>The JSON types a <c>type</c> keyword names; unknown names are ignored (the type builder reports them).</summary>
    public static SchemaTypes ReadTypes(JsonNode? type)
    {
        if (type is null)
        {
            return SchemaTypes.Any;
        }

        if (type.IsString)
        {
            return TypeOf(type.Text!);
        }

        var result = SchemaTypes.Any;
        if (type.IsArray)
        {
            foreach (var item in type.Items!)
            {
                if (item.IsString)
                {
                    result |= TypeOf(item.Text!);
                }
            }
        }

        return result;
    }

    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    private static SchemaTypes TypeOf(string name) => name switch
    {
        "null" => SchemaTypes.Null,
        "boolean" => SchemaTypes.Boolean,
        "integer" => SchemaTypes.Integer,
        "number" => SchemaTypes.Number,
        "string" => SchemaTypes.String,
        "array" => SchemaTypes.Array,
        "object" => SchemaTypes.Object,
        _ => SchemaTypes.Any,
    };

    private static EquatableArray<NamedSchema> Properties(JsonNode node, SpecReadContext context, string pointer)
    {
        if (node["properties"] is not { Kind: JsonNodeKind.Object } properties)
        {
            return EquatableArray<NamedSchema>.Empty;
        }

        var result = new List<NamedSchema>();
        foreach (var member in properties.Members)
        {
            result.Add(new NamedSchema(member.Name, Read(member.Value, context, pointer + "/properties/" + Escape(member.Name))));
        }

        return EquatableArray.From(result);
    }

    private static SchemaModel? Sub(JsonNode node, string keyword, SpecReadContext context, string pointer) =>
        node[keyword] is { } sub ? Read(sub, context, pointer + "/" + keyword) : null;

    private static EquatableArray<SchemaModel> List(JsonNode node, string keyword, SpecReadContext context, string pointer)
    {
        if (node[keyword] is not { Kind: JsonNodeKind.Array } list)
        {
            return EquatableArray<SchemaModel>.Empty;
        }

        var result = new List<SchemaModel>();
        for (var i = 0; i < list.Items!.Count; i++)
        {
            result.Add(Read(list.Items[i], context, pointer + "/" + keyword + "/" + i.ToString(CultureInfo.InvariantCulture)));
        }

        return EquatableArray.From(result);
    }

    private static EquatableArray<string> Strings(JsonNode? node)
    {
        if (node is not { Kind: JsonNodeKind.Array })
        {
            return EquatableArray<string>.Empty;
        }

        var result = new List<string>();
        foreach (var item in node.Items!)
        {
            if (item.IsString && !result.Contains(item.Text!))
            {
                result.Add(item.Text!);
            }
        }

        return EquatableArray.From(result);
    }

    private static EquatableArray<string> Literals(JsonNode? node)
    {
        if (node is not { Kind: JsonNodeKind.Array })
        {
            return EquatableArray<string>.Empty;
        }

        var result = new List<string>();
        foreach (var item in node.Items!)
        {
            result.Add(CompactJson.Write(item));
        }

        return EquatableArray.From(result);
    }

    private static string? Pattern(JsonNode? node, SpecReadContext context, string pointer)
    {
        if (node is not { Kind: JsonNodeKind.String })
        {
            return null;
        }

        try
        {
            _ = new System.Text.RegularExpressions.Regex(node.Text!, SchemaKeywords.PatternOptions);
            return node.Text;
        }
        catch (System.ArgumentException)
        {
            context.ReportUnsupported(node, "The pattern '" + node.Text + "'", pointer + "/pattern", "it is not a regular expression .NET reads (ECMAScript mode), so it is not checked; fix the expression");
            return null;
        }
    }

    private static double? Number(JsonNode? node) =>
        node is { Kind: JsonNodeKind.Number } && double.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int? Integer(JsonNode? node)
    {
        var number = Number(node);
        // A count that is not a non-negative whole number is reported (AEPF007) and ignored, here and at build time.
        return number is >= 0 and <= int.MaxValue && number.Value == System.Math.Floor(number.Value) ? (int)number.Value : null;
    }
}
