using System.Collections.Generic;
using System.Text;
using AepFlow.Generator.Metadata;
using AepFlow.Generator.Model;
using AepFlow.Generator.Parsing;

namespace AepFlow.Generator.Emit;

/// <summary>
/// Emits a spec class's <c>[AepFlow.Schema.SpecSchemas("…")]</c> (qualified: a spec class may be called <c>SpecSchemas</c>): every record's schema once, in one compact JSON document the analyzers
/// parse once per compilation (format: <see cref="SpecSchemas"/>). Before, each member carried its own <c>[JsonSchema]</c>
/// string, and a record with rules across members repeated all of them in its own.
/// </summary>
internal static class SchemaMetadataEmitter
{
    /// <summary>The <c>CreateFlowRequest</c> members the flowSpec does not describe (the POST /flows body's own rules).</summary>
    private static readonly (string Name, string JsonName, string Schema)[] FlowRequestMembers =
    {
        ("Name", "name", "{\"type\":\"string\",\"minLength\":1}"),
        ("Description", "description", "{\"type\":\"string\"}"),
        ("SourceConnectionIds", "sourceConnectionIds", "{\"type\":\"array\",\"minItems\":1,\"items\":{\"type\":\"string\",\"minLength\":1}}"),
        ("TargetConnectionIds", "targetConnectionIds", "{\"type\":\"array\",\"minItems\":1,\"items\":{\"type\":\"string\",\"minLength\":1}}"),
    };

    /// <summary>Writes the attribute line; <paramref name="flowRequest"/> adds the flowSpec's <c>CreateFlowRequest</c>.</summary>
    public static void Emit(SpecTypes types, bool flowRequest, CodeWriter w)
    {
        var json = new StringBuilder();
        json.Append('{');
        if (flowRequest)
        {
            var members = new List<(string, string, string)>(FlowRequestMembers);
            AppendMembers(json, "CreateFlowRequest", members);
        }

        foreach (var type in types.Objects)
        {
            if (type.ObjectSchemaJson is { } whole)
            {
                AppendEntry(json, type.Name, SpecSchemas.Object, whole, NamesIfNeeded(type));
            }
            else if (!type.Properties.IsEmpty)
            {
                var members = new List<(string, string, string)>();
                foreach (var property in type.Properties)
                {
                    members.Add((property.Name, property.JsonName, property.SchemaJson));
                }

                AppendMembers(json, type.Name, members);
            }
        }

        if (json.Length == 1)
        {
            return; // no record has a member to check
        }

        json.Append('}');
        w.Line("[global::AepFlow.Schema.SpecSchemas(" + CodeWriter.RawLiteral(json.ToString()) + ")]");
    }

    private static void AppendMembers(StringBuilder json, string typeName, List<(string Name, string JsonName, string Schema)> members)
    {
        var properties = new StringBuilder("{");
        var names = new List<(string, string)>();
        foreach (var (name, jsonName, schema) in members)
        {
            if (properties.Length > 1)
            {
                properties.Append(',');
            }

            CompactJson.WriteString(properties, jsonName);
            properties.Append(':').Append(schema);
            names.Add((name, jsonName));
        }

        properties.Append('}');
        AppendEntry(json, typeName, SpecSchemas.Properties, properties.ToString(), SpecSchemas.MatchesByName(names) ? null : names);
    }

    private static List<(string Name, string JsonName)>? NamesIfNeeded(ObjectTypeModel type)
    {
        var names = new List<(string, string)>();
        foreach (var property in type.Properties)
        {
            names.Add((property.Name, property.JsonName));
        }

        return SpecSchemas.MatchesByName(names) ? null : names;
    }

    private static void AppendEntry(StringBuilder json, string typeName, string key, string value, List<(string Name, string JsonName)>? names)
    {
        if (json.Length > 1)
        {
            json.Append(',');
        }

        CompactJson.WriteString(json, typeName);
        json.Append(":{\"").Append(key).Append("\":").Append(value);
        if (names is not null)
        {
            json.Append(",\"").Append(SpecSchemas.Names).Append("\":[");
            for (var i = 0; i < names.Count; i++)
            {
                if (i > 0)
                {
                    json.Append(',');
                }

                CompactJson.WriteString(json, names[i].Name.TrimStart('@'));
            }

            json.Append(']');
        }

        json.Append('}');
    }
}
