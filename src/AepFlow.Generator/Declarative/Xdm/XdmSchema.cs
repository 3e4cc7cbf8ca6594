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
/// An XDM schema's fields: a whole schema exported with <c>Accept: application/vnd.adobe.xed-full+json</c> (field groups
/// resolved into nested <c>properties</c>, array fields under <c>items.properties</c>), or a component (class, field group)
/// whose <c>allOf</c>/<c>$ref</c>s <see cref="XdmComposer"/> follows into the bundled and the user's components.
/// </summary>
internal sealed class XdmSchema
{
    private XdmSchema(string? id, string? altId, string? title, XdmComposition composition)
    {
        Id = id;
        AltId = altId;
        Title = title;
        Fields = composition.Fields;
        IsComplete = composition.IsComplete;
    }

    public string? Id { get; }

    public string? AltId { get; }

    public string? Title { get; }

    public IReadOnlyList<XdmField> Fields { get; }

    /// <summary>False when a <c>$ref</c> could not be followed: a path missing from <see cref="Fields"/> may still exist.</summary>
    public bool IsComplete { get; }

    /// <summary>Every field path, leaves and intermediate objects alike (a mapping may target an object).</summary>
    public IEnumerable<string> AllPaths => Flatten(Fields).Select(f => f.Path);

    /// <summary>True when <paramref name="reference"/> (a mapping's <c>xdmSchema</c> or <c>schemaRef.id</c>) names this schema.</summary>
    public bool IsNamedBy(string reference) => reference == Id || reference == AltId;

    public static XdmSchema FromJson(JsonNode root, XdmComponents components) =>
        new(root["$id"]?.AsString, root["meta:altId"]?.AsString, root["title"]?.AsString, XdmComposer.Fields(components, root));

    /// <summary>The schema a class and field groups compose (a <c>CreateSchemaRequest</c>'s <c>allOf</c>).</summary>
    public static XdmSchema Composed(string? title, XdmComponents components, string classId, IEnumerable<string> fieldGroupIds) =>
        new(null, null, title, XdmComposer.Compose(components, classId, fieldGroupIds));

    private static IEnumerable<XdmField> Flatten(IEnumerable<XdmField> fields) =>
        fields.SelectMany(f => new[] { f }.Concat(Flatten(f.Children)));
}
