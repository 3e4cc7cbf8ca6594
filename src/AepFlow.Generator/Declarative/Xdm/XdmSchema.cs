using System.Collections.Generic;
using System.Linq;
using AepFlow.Generator.Json;

namespace AepFlow.Generator.Declarative.Xdm;

/// <summary>One field of an XDM schema, with its dot path as Data Prep destinations write it (<c>person.name.firstName</c>).</summary>
internal sealed class XdmField
{
    public XdmField(string name, string path, string? type, string? title, string? description, IReadOnlyList<XdmField> children)
    {
        Name = name;
        Path = path;
        Type = type;
        Title = title;
        Description = description;
        Children = children;
    }

    public string Name { get; }

    public string Path { get; }

    /// <summary>The XDM/JSON type (<c>string</c>, <c>object</c>, <c>array</c>…); for arrays of objects the children are the item's fields.</summary>
    public string? Type { get; }

    public string? Title { get; }

    public string? Description { get; }

    public IReadOnlyList<XdmField> Children { get; }
}

/// <summary>
/// An XDM schema as Schema Registry exports it with <c>Accept: application/vnd.adobe.xed-full+json</c>: field groups resolved
/// into nested <c>properties</c>; array fields nest under <c>items.properties</c>.
/// </summary>
internal sealed class XdmSchema
{
    private XdmSchema(string? id, string? altId, string? title, IReadOnlyList<XdmField> fields)
    {
        Id = id;
        AltId = altId;
        Title = title;
        Fields = fields;
    }

    public string? Id { get; }

    public string? AltId { get; }

    public string? Title { get; }

    public IReadOnlyList<XdmField> Fields { get; }

    /// <summary>Every field path, leaves and intermediate objects alike (a mapping may target an object).</summary>
    public IEnumerable<string> AllPaths => Flatten(Fields).Select(f => f.Path);

    /// <summary>True when <paramref name="reference"/> (a mapping's <c>xdmSchema</c> or <c>schemaRef.id</c>) names this schema.</summary>
    public bool IsNamedBy(string reference) => reference == Id || reference == AltId;

    public static XdmSchema FromJson(JsonNode root)
    {
        var fields = new List<XdmField>();
        CollectFields(root, "", fields, 0);
        return new XdmSchema(root["$id"]?.AsString, root["meta:altId"]?.AsString, root["title"]?.AsString, fields);
    }

    private static IEnumerable<XdmField> Flatten(IEnumerable<XdmField> fields) =>
        fields.SelectMany(f => new[] { f }.Concat(Flatten(f.Children)));

    private static void CollectFields(JsonNode schema, string prefix, List<XdmField> into, int depth)
    {
        if (depth > 32 || schema.Kind != JsonNodeKind.Object)
        {
            return;
        }

        if (schema["properties"] is { Kind: JsonNodeKind.Object } properties)
        {
            foreach (var member in properties.Members)
            {
                if (into.Any(f => f.Name == member.Name))
                {
                    continue;
                }

                var field = member.Value;
                string path = prefix.Length == 0 ? member.Name : prefix + "." + member.Name;
                string? type = field["type"]?.AsString;
                var children = new List<XdmField>();
                var nested = type == "array" && field["items"] is { } items ? items : field;
                CollectFields(nested, path, children, depth + 1);
                into.Add(new XdmField(member.Name, path, type, field["title"]?.AsString, field["description"]?.AsString, children));
            }
        }

        // Some exports keep field groups as allOf members; their properties belong to the same object.
        if (schema["allOf"] is { Kind: JsonNodeKind.Array } allOf)
        {
            foreach (var part in allOf.Items)
            {
                CollectFields(part, prefix, into, depth + 1);
            }
        }
    }
}
