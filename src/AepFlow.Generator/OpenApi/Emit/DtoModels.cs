using System.Collections.Generic;
using System.Text;
using AepFlow.Generator.Emit;
using AepFlow.Generator.Model;
using AepFlow.Generator.Parsing;
using DigestType = AepFlow.Generator.OpenApi.Digest.TypeRef;
using PropertyDigest = AepFlow.Generator.OpenApi.Digest.PropertyDigest;
using ServiceDigest = AepFlow.Generator.OpenApi.Digest.ServiceDigest;

namespace AepFlow.Generator.OpenApi.Emit;

/// <summary>
/// OpenAPI DTOs are records of the core model: the digest's object schemas become <see cref="ObjectTypeModel"/>s and their
/// keywords a <see cref="SchemaModel"/>, so <c>Emit/ModelEmitter</c> and <c>Emit/ValidatorEmitter</c> write them exactly as
/// they write spec models (one reader, one writer, one keyword semantics). What only DTOs have is said on the model:
/// <see cref="ObjectTypeModel.TopLevel"/> (namespace members with <c>ReadJson</c>/<c>FromJson</c>),
/// <see cref="ObjectTypeModel.ReadsScalarsFromStrings"/>, <see cref="PropertyModel.WritesNull"/> (required but nullable).
/// </summary>
internal static class DtoModels
{
    public static string ModelNamespace(ServiceDigest service) => "AepFlow.Models." + service.Name;

    /// <summary>All models of one service in one file: a short hint name, whatever the schema names.</summary>
    public static string Emit(ServiceDigest service)
    {
        var ns = ModelNamespace(service);
        var types = Map(service);
        var w = SourceFile.Begin(ns);
        var first = true;
        foreach (var type in types.Objects)
        {
            if (!first)
            {
                w.Line();
            }

            var fallback = "The <c>" + CodeWriter.Xml(type.Name) + "</c> object of " + service.Name + " (from " + CodeWriter.Xml(service.Source) + ").";
            ModelEmitter.EmitRecord(type, types, "global::" + ns + ".", w, fallback);
            first = false;
        }

        return SourceFile.End(w);
    }

    public static SpecTypes Map(ServiceDigest service)
    {
        var objects = new List<ObjectTypeModel>();
        foreach (var schema in service.Schemas)
        {
            var properties = new List<PropertyModel>();
            foreach (var property in schema.Properties)
            {
                properties.Add(Property(property));
            }

            objects.Add(new ObjectTypeModel(schema.Name, schema.Description, EquatableArray.From(properties), SchemaModel.Empty, ObjectSchemaJson: null)
            {
                TopLevel = true,
                ReadsScalarsFromStrings = true,
            });
        }

        return new SpecTypes(EquatableArray.From(objects), EquatableArray<EnumTypeModel>.Empty);
    }

    // Required and not nullable: a required, non-nullable member. Required and nullable: optional in C#, written as null
    // when unset. The member's JSON type is not a validation rule of a DTO (responses break it; reading decides).
    private static PropertyModel Property(PropertyDigest property) =>
        new(
            property.CsName,
            property.JsonName,
            Type(property.Type),
            Required: property.Required && !property.Type.Nullable,
            property.Description,
            Keywords(property.Type),
            SchemaJson: string.Empty, // DTOs carry no [SpecSchemas] metadata: no analyzer reads them.
            DefaultJson: null)
        {
            WritesNull = property.Required && property.Type.Nullable,
        };

    private static TypeRef Type(DigestType type) => type.Kind switch
    {
        DigestType.String => TypeRef.String,
        DigestType.Integer => type.Format == "int32" ? TypeRef.Int32 : TypeRef.Int64,
        DigestType.Number => TypeRef.Double,
        DigestType.Boolean => TypeRef.Boolean,
        DigestType.Array => new TypeRef(TypeKind.Array, Element: Type(type.Items!)),
        DigestType.Map => new TypeRef(TypeKind.Map, Element: Type(type.Items!)),
        DigestType.Ref => new TypeRef(TypeKind.Object, type.RefName),
        _ => TypeRef.JsonElement,
    };

    // The keywords the digest keeps, where they apply to the member's type (an enum is of strings, bounds of numbers, lengths of strings).
    private static SchemaModel Keywords(DigestType type)
    {
        var isString = type.Kind == DigestType.String;
        var isNumber = type.Kind is DigestType.Integer or DigestType.Number;
        var values = new List<string>();
        if (isString && type.Enum is { } allowed)
        {
            foreach (var value in allowed)
            {
                var literal = new StringBuilder();
                CompactJson.WriteString(literal, value);
                values.Add(literal.ToString());
            }
        }

        var items = type.Kind == DigestType.Array ? Keywords(type.Items!) : SchemaModel.Empty;
        return SchemaModel.Empty with
        {
            Enum = EquatableArray.From(values),
            Minimum = isNumber ? type.Minimum : null,
            Maximum = isNumber ? type.Maximum : null,
            MinLength = isString ? type.MinLength : null,
            MaxLength = isString ? type.MaxLength : null,
            Items = items.Equals(SchemaModel.Empty) ? null : items,
        };
    }
}
