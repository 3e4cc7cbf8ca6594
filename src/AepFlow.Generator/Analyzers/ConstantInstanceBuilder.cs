using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using AepFlow.Generator.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AepFlow.Generator.Analyzers;

/// <summary>
/// Turns C# operations into <see cref="JsonNode"/>s the schema evaluator understands: compile-time constants become JSON
/// scalars (enum members become their JSON strings), constant arrays become arrays, anything else is
/// <see cref="JsonNodeKind.Unknown"/>. Each node's origin is the value's syntax location, so errors land on the value.
/// </summary>
internal static class ConstantInstanceBuilder
{
    /// <summary>The value as JSON, or null when it is the constant <c>null</c> (an omitted member on the wire).</summary>
    public static JsonNode? ToNode(IOperation value, JsonElement? memberSchema)
    {
        var location = value.Syntax.GetLocation();
        var operation = Unwrap(value);

        if (operation.Type?.TypeKind == TypeKind.Enum || (value.Type is INamedTypeSymbol { IsGenericType: true } n && n.TypeArguments[0].TypeKind == TypeKind.Enum))
        {
            if (operation.ConstantValue.HasValue && operation.ConstantValue.Value == null)
            {
                return null;
            }

            return EnumValue(operation, memberSchema) is { } text ? WithOrigin(JsonNode.String(text), location) : JsonNode.Unknown(location);
        }

        if (operation.ConstantValue.HasValue)
        {
            return operation.ConstantValue.Value switch
            {
                null => null,
                string s => WithOrigin(JsonNode.String(s), location),
                bool b => WithOrigin(JsonNode.Bool(b), location),
                double d => Number(d.ToString("R", CultureInfo.InvariantCulture), location),
                float f => Number(f.ToString("R", CultureInfo.InvariantCulture), location),
                decimal m => Number(m.ToString(CultureInfo.InvariantCulture), location),
                char => JsonNode.Unknown(location),
                IFormattable number => Number(number.ToString(null, CultureInfo.InvariantCulture), location),
                _ => JsonNode.Unknown(location),
            };
        }

        if (ConstantElements(operation) is { } elements)
        {
            JsonElement? itemSchema = memberSchema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("items", out var items) ? items : null;
            var nodes = elements.Select(e => ToNode(e, itemSchema) ?? WithOrigin(JsonNode.Null(), e.Syntax.GetLocation())).ToList();
            return WithOrigin(JsonNode.Array(nodes), location);
        }

        return JsonNode.Unknown(location);
    }

    /// <summary>Strips conversions (int → int?, enum → enum?) that hide a constant.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The element operations of an array creation or collection expression, or null for anything else.</summary>
    public static IReadOnlyList<IOperation>? ConstantElements(IOperation operation)
    {
        operation = Unwrap(operation);
        if (operation is IArrayCreationOperation { Initializer: { } init })
        {
            return init.ElementValues;
        }

        if (operation.Kind == OperationKind.CollectionExpression && operation is ICollectionExpressionOperation collection &&
            collection.Elements.All(e => e.Kind != OperationKind.Spread))
        {
            return collection.Elements;
        }

        return null;
    }

    private static JsonNode Number(string literal, Location location) => WithOrigin(JsonNode.Number(literal), location);

    private static JsonNode WithOrigin(JsonNode node, Location location)
    {
        node.Origin = location;
        return node;
    }

    /// <summary>
    /// The JSON string of an enum constant: generated enums name members by PascalCase of the JSON values and keep their
    /// order, so the member matches the schema's <c>enum</c> entry by normalized name, else by position.
    /// </summary>
    private static string? EnumValue(IOperation operation, JsonElement? schema)
    {
        var enumType = operation.Type as INamedTypeSymbol;
        if (enumType?.TypeKind != TypeKind.Enum)
        {
            return null;
        }

        IFieldSymbol? field = operation is IFieldReferenceOperation f && f.Field.ContainingType.Equals(enumType, SymbolEqualityComparer.Default) ? f.Field : null;
        var members = enumType.GetMembers().OfType<IFieldSymbol>().Where(m => m.HasConstantValue).ToList();
        if (field == null && operation.ConstantValue.HasValue)
        {
            field = members.FirstOrDefault(m => Equals(m.ConstantValue, operation.ConstantValue.Value));
        }

        if (field == null)
        {
            return null;
        }

        var values = schema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("enum", out var e) && e.ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : new List<string>();
        var byName = values.FirstOrDefault(v => Normalize(v) == Normalize(field.Name));
        if (byName != null)
        {
            return byName;
        }

        int index = members.IndexOf(field);
        return index >= 0 && index < values.Count ? values[index] : null;
    }

    public static string Normalize(string name) => Metadata.SpecSchemas.Normalize(name);
}
