using System;
using System.Collections.Generic;
using System.Text;
using AepFlow.Generator.Json;
using AepFlow.Generator.Parsing;
using AepFlow.Generator.Schema;

namespace AepFlow.Generator.Metadata;

/// <summary>
/// A schema as the analyzers need it: compact JSON without the annotation keywords (<see cref="SchemaKeywords.Annotations"/>:
/// descriptions, titles, defaults…), which never change whether a value is valid. Only keywords in schema positions are
/// dropped; a property called <c>description</c> inside <c>properties</c> stays.
/// </summary>
internal static class SchemaText
{
    private static readonly HashSet<string> Annotations = new(SchemaKeywords.Annotations, StringComparer.Ordinal);

    // Keywords whose value is a schema, an array of schemas, or a map of names to schemas.
    private static readonly HashSet<string> SchemaValued = new(StringComparer.Ordinal)
    {
        "items", "if", "then", "else", "not", "allOf", "anyOf", "oneOf", "additionalProperties", "additionalItems", "contains",
        "propertyNames", "unevaluatedProperties", "unevaluatedItems",
    };

    private static readonly HashSet<string> SchemaMaps = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "dependentSchemas", "dependencies",
    };

    public static string Write(JsonNode schema)
    {
        var builder = new StringBuilder();
        WriteSchema(builder, schema);
        return builder.ToString();
    }

    private static void WriteSchema(StringBuilder builder, JsonNode schema)
    {
        if (schema.Kind == JsonNodeKind.Array)
        {
            WriteEach(builder, schema, WriteSchema);
            return;
        }

        if (schema.Kind != JsonNodeKind.Object)
        {
            CompactJson.Write(builder, schema); // true/false schemas, or a dependencies entry's list of names
            return;
        }

        builder.Append('{');
        var first = true;
        foreach (var member in schema.Members)
        {
            if (Annotations.Contains(member.Name))
            {
                continue;
            }

            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            CompactJson.WriteString(builder, member.Name);
            builder.Append(':');
            if (SchemaValued.Contains(member.Name))
            {
                WriteSchema(builder, member.Value);
            }
            else if (SchemaMaps.Contains(member.Name) && member.Value.Kind == JsonNodeKind.Object)
            {
                WriteMap(builder, member.Value);
            }
            else
            {
                CompactJson.Write(builder, member.Value);
            }
        }

        builder.Append('}');
    }

    private static void WriteMap(StringBuilder builder, JsonNode map)
    {
        builder.Append('{');
        var first = true;
        foreach (var member in map.Members)
        {
            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            CompactJson.WriteString(builder, member.Name);
            builder.Append(':');
            WriteSchema(builder, member.Value);
        }

        builder.Append('}');
    }

    private static void WriteEach(StringBuilder builder, JsonNode array, Action<StringBuilder, JsonNode> write)
    {
        builder.Append('[');
        for (var i = 0; i < array.Items!.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            write(builder, array.Items[i]);
        }

        builder.Append(']');
    }
}
