namespace AepFlow.Generator.Model;

/// <summary>The C# shape a schema maps to.</summary>
internal enum TypeKind
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    Enum,
    Object,
    Array,

    /// <summary>A JSON object of arbitrary keys (<c>additionalProperties</c> only); <see cref="TypeRef.Element"/> is the value type.</summary>
    Map,
    JsonElement,
}

/// <summary>A C# type of a generated member: a primitive, a generated enum/record (by name), or a list or string-keyed map of one.</summary>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Element = null)
{
    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef Int32 = new(TypeKind.Int32);
    public static readonly TypeRef Int64 = new(TypeKind.Int64);
    public static readonly TypeRef Double = new(TypeKind.Double);
    public static readonly TypeRef Boolean = new(TypeKind.Boolean);
    public static readonly TypeRef JsonElement = new(TypeKind.JsonElement);

    public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean or TypeKind.Enum or TypeKind.JsonElement;

    /// <summary>The C# spelling; generated types are referenced by their simple name (they are siblings in the spec class).</summary>
    public string ToCSharp() => Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Double => "double",
        TypeKind.Boolean => "bool",
        TypeKind.Enum or TypeKind.Object => Name!,
        TypeKind.Array => "global::System.Collections.Generic.IReadOnlyList<" + Element!.ToCSharp() + ">",
        TypeKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + Element!.ToCSharp() + ">",
        _ => "global::System.Text.Json.JsonElement",
    };
}

/// <summary>A property of a generated record.</summary>
// Name: C# property name.
// JsonName: The JSON member name, exactly as the schema spells it.
// Schema: The property's own subschema.
// SchemaJson: The property's own subschema as compact JSON without annotations (for the spec class's <c>[SpecSchemas]</c>).
// DefaultJson: The schema's <c>default</c> as compact JSON, documented only.
internal sealed record PropertyModel(
    string Name,
    string JsonName,
    TypeRef Type,
    bool Required,
    string? Description,
    SchemaModel Schema,
    string SchemaJson,
    string? DefaultJson)
{
    /// <summary>
    /// An optional (nullable) member the wire still requires: written as JSON null when unset (OpenAPI <c>required</c> +
    /// <c>nullable</c>). A <see cref="Required"/> member is always written anyway.
    /// </summary>
    public bool WritesNull { get; init; }
}

/// <summary>A generated <c>sealed record</c> for an object schema.</summary>
// ObjectSchemaJson: The whole schema as compact JSON without annotations when it has object-level rules; otherwise null.
internal sealed record ObjectTypeModel(
    string Name,
    string? Description,
    EquatableArray<PropertyModel> Properties,
    SchemaModel Schema,
    string? ObjectSchemaJson)
{
    /// <summary>
    /// A namespace member rather than a type nested in a spec class (OpenAPI DTOs): it carries <c>[GeneratedCode]</c> itself
    /// and offers public <c>ReadJson</c>/<c>FromJson</c> entry points, which the client's callers and operations use.
    /// </summary>
    public bool TopLevel { get; init; }

    /// <summary>
    /// Numbers and booleans are also read from their string spelling (<c>"15"</c>, <c>"true"</c>): Platform echoes stored
    /// values that way, so DTOs read from responses accept both. Writing and validation stay strict.
    /// </summary>
    public bool ReadsScalarsFromStrings { get; init; }
}

/// <summary>A generated enum for a string <c>enum</c>.</summary>
internal sealed record EnumTypeModel(string Name, string? Description, EquatableArray<EnumMemberModel> Members);

/// <summary>One enum member and the exact JSON string it stands for.</summary>
internal sealed record EnumMemberModel(string Name, string Value);
