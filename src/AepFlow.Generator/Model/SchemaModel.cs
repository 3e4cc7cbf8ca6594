using System;

namespace AepFlow.Generator.Model;

/// <summary>The JSON types a schema's <c>type</c> keyword allows (flags; <see cref="Any"/> when it has none).</summary>
[Flags]
internal enum SchemaTypes
{
    Any = 0,
    Null = 1,
    Boolean = 2,
    Integer = 4,
    Number = 8,
    String = 16,
    Array = 32,
    Object = 64,
}

/// <summary>
/// The validation rules of one JSON Schema node, value-equal so a spec model caches. The validator emitter turns it into
/// straight-line C#; nothing of it is interpreted at run time.
/// </summary>
internal sealed record SchemaModel
{
    public static readonly SchemaModel Empty = new();

    /// <summary><see langword="true"/>/<see langword="false"/> for the boolean schemas; null for object schemas.</summary>
    public bool? BooleanSchema { get; init; }

    public SchemaTypes Types { get; init; }

    public EquatableArray<string> Required { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<NamedSchema> Properties { get; init; } = EquatableArray<NamedSchema>.Empty;

    /// <summary>Allowed values as compact JSON texts.</summary>
    public EquatableArray<string> Enum { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The <c>const</c> value as compact JSON text.</summary>
    public string? Const { get; init; }

    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    public double? ExclusiveMinimum { get; init; }

    public double? ExclusiveMaximum { get; init; }

    /// <summary>Kept as the literal text so the emitted check uses exact decimal arithmetic.</summary>
    public string? MultipleOf { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    public bool UniqueItems { get; init; }

    public string? Pattern { get; init; }

    public string? Format { get; init; }

    public SchemaModel? Items { get; init; }

    /// <summary>At least one array item must match it.</summary>
    public SchemaModel? Contains { get; init; }

    public SchemaModel? If { get; init; }

    public SchemaModel? Then { get; init; }

    public SchemaModel? Else { get; init; }

    public SchemaModel? Not { get; init; }

    public EquatableArray<SchemaModel> AllOf { get; init; } = EquatableArray<SchemaModel>.Empty;

    public EquatableArray<SchemaModel> AnyOf { get; init; } = EquatableArray<SchemaModel>.Empty;

    public EquatableArray<SchemaModel> OneOf { get; init; } = EquatableArray<SchemaModel>.Empty;

    /// <summary>Whether the schema has rules that span several members (they go on the type, not on one property).</summary>
    public bool HasObjectLevelRules =>
        If is not null || Not is not null || !AllOf.IsEmpty || !AnyOf.IsEmpty || !OneOf.IsEmpty;
}

/// <summary>One entry of a schema's <c>properties</c>.</summary>
internal sealed record NamedSchema(string Name, SchemaModel Schema);
