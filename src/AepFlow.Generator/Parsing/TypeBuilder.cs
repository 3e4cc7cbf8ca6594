using AepFlow.Generator.Json;
using System;
using System.Collections.Generic;
using AepFlow.Generator.Model;

namespace AepFlow.Generator.Parsing;

/// <summary>
/// Turns the schemas of one spec into the nested records and enums of its static class. Owns the spec's name scope, so
/// nested type names never clash with each other, with the spec class, with its members or with well-known System types.
/// </summary>
internal sealed class TypeBuilder
{
    private readonly SpecReadContext _context;
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private readonly List<ObjectTypeModel> _objects = new();
    private readonly List<EnumTypeModel> _enums = new();

    public TypeBuilder(SpecReadContext context, string className, IEnumerable<string> reservedNames)
    {
        _context = context;
        _usedNames.Add(className);
        foreach (var name in reservedNames)
        {
            _usedNames.Add(name);
        }
    }

    public SpecTypes Build() => new(EquatableArray.From(_objects), EquatableArray.From(_enums));

    /// <summary>Claims a fixed name (a transformation's params record) before nested names are handed out.</summary>
    public string Claim(string name) => Naming.Unique(name, _usedNames);

    /// <summary>Adds a record named <paramref name="typeName"/> (already claimed) for an object schema; a non-object gives an empty record.</summary>
    public void AddRecord(string typeName, JsonNode? schemaNode, string pointer)
    {
        if (schemaNode is null || !schemaNode.IsObject)
        {
            _objects.Add(new ObjectTypeModel(typeName, null, EquatableArray<PropertyModel>.Empty, SchemaModel.Empty, null));
            return;
        }

        var schema = SchemaReader.Read(schemaNode, _context, pointer);
        AddObject(typeName, schemaNode, schema, pointer);
    }

    private void AddObject(string typeName, JsonNode node, SchemaModel schema, string pointer)
    {
        // Reserve the slot first so nested types come after their owner in the file.
        var slot = _objects.Count;
        _objects.Add(null!);

        var properties = new List<PropertyModel>();
        var memberNames = new HashSet<string>(StringComparer.Ordinal) { typeName };
        if (node["properties"] is { Kind: JsonNodeKind.Object } propertiesNode)
        {
            var index = 0;
            foreach (var member in propertiesNode.Members)
            {
                var propertySchema = FindProperty(schema, member.Name, index++);
                var pascal = Naming.ToPascalCase(member.Name);
                var name = pascal == typeName || Naming.IsRecordMemberName(pascal) ? pascal + "Value" : pascal;
                name = Naming.Unique(name, memberNames);
                var propertyPointer = pointer + "/properties/" + SchemaReader.Escape(member.Name);
                var type = MapType(member.Value, propertySchema, pascal, typeName, member.Name, propertyPointer);
                properties.Add(new PropertyModel(
                    name,
                    member.Name,
                    type,
                    Contains(schema.Required, member.Name),
                    Describe(member.Value),
                    propertySchema,
                    Metadata.SchemaText.Write(member.Value),
                    member.Value["default"] is { } defaultValue ? CompactJson.Write(defaultValue) : null));
            }
        }

        ReportUndeclaredRequired(node, pointer);
        _objects[slot] = new ObjectTypeModel(
            typeName,
            Describe(node),
            EquatableArray.From(properties),
            schema,
            schema.HasObjectLevelRules ? Metadata.SchemaText.Write(node) : null);
    }

    // A required name without a "properties" entry has no member in the record: Validate() reports it missing on every value
    // (ValidatorEmitter), while the JSON of a flow file may have it; the build-time evaluator answers "unknown" there.
    private void ReportUndeclaredRequired(JsonNode node, string pointer)
    {
        if (node["required"] is not { Kind: JsonNodeKind.Array } required)
        {
            return;
        }

        var declared = node["properties"];
        for (var i = 0; i < required.Items.Count; i++)
        {
            var name = required.Items[i];
            if (name.IsString && (declared is not { Kind: JsonNodeKind.Object } || declared[name.Text!] is null))
            {
                _context.ReportUnsupported(name, "The required member \"" + name.Text + "\", which \"properties\" does not declare,", pointer + "/required/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "the record has no such member, so a value it reads or builds never has one and Validate() always reports it missing; declare it in \"properties\"");
            }
        }
    }

    /// <summary>
    /// Arrays nested deeper than this are typed as <c>JsonElement</c> (with AEPF003): the reader, writer and validator of a
    /// nested list repeat its element type and nest their loops, so output would grow with the square of the depth.
    /// </summary>
    internal const int MaxArrayNesting = 8;

    private TypeRef MapType(JsonNode node, SchemaModel schema, string nameHint, string owner, string jsonName, string pointer, int arrayNesting = 0)
    {
        if (!node.IsObject)
        {
            return TypeRef.JsonElement;
        }

        if (node["$ref"] is not null)
        {
            // Already reported by the schema reader as an unchecked keyword; the member is untyped as well.
            return TypeRef.JsonElement;
        }

        var typeNode = node["type"];
        var types = schema.Types & ~SchemaTypes.Null;
        if (typeNode is { Kind: JsonNodeKind.Array } && !IsSingle(types))
        {
            _context.ReportUnsupported(typeNode, "A \"type\" array", pointer + "/type", "the member is typed as JsonElement; use a single type (or [\"<type>\", \"null\"]) to get a typed member");
            return TypeRef.JsonElement;
        }

        if (typeNode is { Kind: JsonNodeKind.String } && schema.Types == SchemaTypes.Any)
        {
            _context.ReportUnsupported(typeNode, "The type \"" + typeNode.Text + "\"", pointer + "/type", "the member is typed as JsonElement; use string, integer, number, boolean, array or object");
            return TypeRef.JsonElement;
        }

        if (types == SchemaTypes.Any)
        {
            types = Infer(node);
            if (types == SchemaTypes.Any)
            {
                _context.ReportUnsupported(node, "A schema without \"type\"", pointer, "the member is typed as JsonElement; add a \"type\" to get a typed member");
                return TypeRef.JsonElement;
            }
        }

        switch (types)
        {
            case SchemaTypes.String:
                return !schema.Enum.IsEmpty && AllStrings(node["enum"]!) ? AddEnum(node, nameHint, owner) : TypeRef.String;
            case SchemaTypes.Integer:
                return IsLong(jsonName, node, schema) ? TypeRef.Int64 : TypeRef.Int32;
            case SchemaTypes.Number:
                return TypeRef.Double;
            case SchemaTypes.Boolean:
                return TypeRef.Boolean;
            case SchemaTypes.Array:
                var items = node["items"];
                if (items is null || items.Kind is JsonNodeKind.True)
                {
                    return new TypeRef(TypeKind.Array, Element: TypeRef.JsonElement);
                }

                if (!items.IsObject)
                {
                    _context.ReportUnsupported(items, "An \"items\" that is not a single schema", pointer + "/items", "the elements are typed as JsonElement; give \"items\" a single schema");
                    return new TypeRef(TypeKind.Array, Element: TypeRef.JsonElement);
                }

                if (arrayNesting == MaxArrayNesting)
                {
                    _context.ReportUnsupported(node, "An array nested more than " + MaxArrayNesting.ToString(System.Globalization.CultureInfo.InvariantCulture) + " levels deep", pointer, "the member is typed as JsonElement and its items are not checked; flatten the nesting");
                    return TypeRef.JsonElement;
                }

                var element = MapType(items, schema.Items ?? SchemaModel.Empty, Naming.Singularize(nameHint), owner, jsonName, pointer + "/items", arrayNesting + 1);
                if (schema.UniqueItems && element.Kind == TypeKind.Object && node["uniqueItems"] is { } uniqueItems)
                {
                    _context.ReportUnsupported(uniqueItems, "\"uniqueItems\" over objects", pointer + "/uniqueItems",
                        "Validate() compares the members the record declares (members it does not declare are not read), so objects that differ only there count as duplicates");
                }

                return new TypeRef(TypeKind.Array, Element: element);
            case SchemaTypes.Object:
                if (node["properties"] is not { Kind: JsonNodeKind.Object, Members.Count: > 0 })
                {
                    return TypeRef.JsonElement;
                }

                var typeName = AllocateName(nameHint, owner);
                AddObject(typeName, node, schema, pointer);
                return new TypeRef(TypeKind.Object, typeName);
            default:
                return TypeRef.JsonElement;
        }
    }

    private TypeRef AddEnum(JsonNode node, string nameHint, string owner)
    {
        var name = AllocateName(nameHint, owner);
        var members = new List<EnumMemberModel>();
        var memberNames = new HashSet<string>(StringComparer.Ordinal) { name };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in node["enum"]!.Items!)
        {
            if (seen.Add(item.Text!))
            {
                members.Add(new EnumMemberModel(Naming.Unique(Naming.ToPascalCase(item.Text!), memberNames), item.Text!));
            }
        }

        _enums.Add(new EnumTypeModel(name, Describe(node), EquatableArray.From(members)));
        return new TypeRef(TypeKind.Enum, name);
    }

    // A nested type is named after its property; on a clash the owner's name goes in front (Column + Type → ColumnType).
    private string AllocateName(string hint, string owner)
    {
        // A record named like one of its own synthesized members (EqualityContract, Validate, ...) does not compile (CS0542).
        if (!Naming.IsReservedTypeName(hint) && !Naming.IsRecordMemberName(hint) && _usedNames.Add(hint))
        {
            return hint;
        }

        return Naming.Unique(owner + hint, _usedNames);
    }

    private static SchemaTypes Infer(JsonNode node)
    {
        if (node["properties"] is not null)
        {
            return SchemaTypes.Object;
        }

        if (node["items"] is not null)
        {
            return SchemaTypes.Array;
        }

        if (node["enum"] is { Kind: JsonNodeKind.Array, Items.Count: > 0 } values && AllStrings(values))
        {
            return SchemaTypes.String;
        }

        return node["const"] is { Kind: JsonNodeKind.String } ? SchemaTypes.String : SchemaTypes.Any;
    }

    // "startTime" is epoch seconds today and overflows int in 2038; epoch values in milliseconds overflow already.
    private static bool IsLong(string jsonName, JsonNode node, SchemaModel schema) =>
        Schema.IntegerWidth.IsLong(jsonName, node.GetString("description"), schema.Minimum, schema.Maximum, schema.ExclusiveMinimum, schema.ExclusiveMaximum);

    private static bool IsSingle(SchemaTypes types) => types != 0 && (types & (types - 1)) == 0;

    private static bool AllStrings(JsonNode values)
    {
        if (values.Items is null || values.Items.Count == 0)
        {
            return false;
        }

        foreach (var item in values.Items)
        {
            if (!item.IsString)
            {
                return false;
            }
        }

        return true;
    }

    private static SchemaModel FindProperty(SchemaModel schema, string name, int index) =>
        index < schema.Properties.Count && schema.Properties[index].Name == name ? schema.Properties[index].Schema : SchemaModel.Empty;

    private static bool Contains(EquatableArray<string> values, string value)
    {
        foreach (var item in values)
        {
            if (item == value)
            {
                return true;
            }
        }

        return false;
    }

    public static string? Describe(JsonNode node)
    {
        if (!node.IsObject)
        {
            return null;
        }

        var description = node.GetString("description");
        return string.IsNullOrWhiteSpace(description) ? node.GetString("title") : description;
    }
}
