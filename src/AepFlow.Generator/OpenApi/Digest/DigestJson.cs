using System;
using System.Collections.Generic;
using System.Text.Json;
using AepFlow.Generator.Model;

namespace AepFlow.Generator.OpenApi.Digest;

/// <summary>
/// Writes and reads the digest's JSON form. Types are written in a JSON Schema subset (<c>type</c>, <c>format</c>,
/// <c>items</c>, <c>additionalProperties</c>, <c>$ref</c>, <c>enum</c>, <c>minimum</c>…) so the file reads like the schemas it came from.
/// </summary>
internal static class DigestJson
{
    public const int FormatVersion = 1;

    public static void Write(Utf8JsonWriter writer, ApiDigest digest)
    {
        writer.WriteStartObject();
        writer.WriteNumber("formatVersion", FormatVersion);
        writer.WriteStartArray("services");
        foreach (var service in digest.Services)
        {
            WriteService(writer, service);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static ApiDigest Read(ReadOnlyMemory<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        var root = document.RootElement;
        var version = root.GetProperty("formatVersion").GetInt32();
        if (version != FormatVersion)
        {
            throw new FormatException($"OpenAPI digest format {version} is not supported (expected {FormatVersion}).");
        }

        var services = new List<ServiceDigest>();
        foreach (var service in root.GetProperty("services").EnumerateArray())
        {
            services.Add(ReadService(service));
        }

        return new ApiDigest(new EquatableArray<ServiceDigest>(services));
    }

    private static void WriteService(Utf8JsonWriter writer, ServiceDigest service)
    {
        writer.WriteStartObject();
        writer.WriteString("name", service.Name);
        writer.WriteString("source", service.Source);
        writer.WriteString("basePath", service.BasePath);
        writer.WriteStartArray("operations");
        foreach (var operation in service.Operations)
        {
            writer.WriteStartObject();
            writer.WriteString("operationId", operation.OperationId);
            writer.WriteString("method", operation.MethodName);
            writer.WriteString("httpMethod", operation.HttpMethod);
            writer.WriteString("path", operation.Path);
            writer.WriteStartArray("parameters");
            foreach (var parameter in operation.Parameters)
            {
                writer.WriteStartObject();
                writer.WriteString("name", parameter.Name);
                writer.WriteString("csName", parameter.CsName);
                writer.WriteString("in", parameter.In);
                writer.WritePropertyName("schema");
                WriteType(writer, parameter.Type);
                writer.WriteBoolean("required", parameter.Required);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (operation.Body is { } body)
            {
                writer.WriteStartObject("body");
                writer.WritePropertyName("schema");
                WriteType(writer, body.Type);
                writer.WriteBoolean("required", body.Required);
                if (body.ClrType is not null)
                {
                    writer.WriteString("clrType", body.ClrType);
                }

                writer.WriteEndObject();
            }

            if (operation.Response is { } response)
            {
                writer.WritePropertyName("response");
                WriteType(writer, response);
            }

            if (operation.Accept is not null)
            {
                writer.WriteString("accept", operation.Accept);
            }

            writer.WriteBoolean("pages", operation.Pages);
            writer.WriteBoolean("idempotent", operation.Idempotent);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("schemas");
        foreach (var schema in service.Schemas)
        {
            writer.WriteStartObject(schema.Name);
            writer.WriteString("type", "object");
            if (schema.Description is not null)
            {
                writer.WriteString("description", schema.Description);
            }

            writer.WriteStartArray("properties");
            var required = new List<string>();
            foreach (var property in schema.Properties)
            {
                // An array keeps the member order and the C# name beside the JSON name.
                writer.WriteStartObject();
                writer.WriteString("name", property.JsonName);
                writer.WriteString("csName", property.CsName);
                writer.WritePropertyName("schema");
                WriteType(writer, property.Type);
                if (property.Description is not null)
                {
                    writer.WriteString("description", property.Description);
                }

                writer.WriteEndObject();
                if (property.Required)
                {
                    required.Add(property.JsonName);
                }
            }

            writer.WriteEndArray();
            writer.WriteStartArray("required");
            foreach (var name in required)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteType(Utf8JsonWriter writer, TypeRef type)
    {
        writer.WriteStartObject();
        switch (type.Kind)
        {
            case TypeRef.Ref:
                writer.WriteString("$ref", "#/schemas/" + type.RefName);
                break;
            case TypeRef.Map:
                writer.WriteString("type", "object");
                writer.WritePropertyName("additionalProperties");
                WriteType(writer, type.Items!);
                break;
            case TypeRef.Array:
                writer.WriteString("type", "array");
                writer.WritePropertyName("items");
                WriteType(writer, type.Items!);
                break;
            case TypeRef.Any:
                break;
            default:
                writer.WriteString("type", type.Kind);
                break;
        }

        if (type.Format is not null)
        {
            writer.WriteString("format", type.Format);
        }

        if (type.Enum is not null)
        {
            writer.WriteStartArray("enum");
            foreach (var value in type.Enum.Value)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        if (type.Minimum is { } minimum)
        {
            writer.WriteNumber("minimum", minimum);
        }

        if (type.Maximum is { } maximum)
        {
            writer.WriteNumber("maximum", maximum);
        }

        if (type.MinLength is { } minLength)
        {
            writer.WriteNumber("minLength", minLength);
        }

        if (type.MaxLength is { } maxLength)
        {
            writer.WriteNumber("maxLength", maxLength);
        }

        if (type.Nullable)
        {
            writer.WriteBoolean("nullable", true);
        }

        writer.WriteEndObject();
    }

    private static ServiceDigest ReadService(JsonElement service)
    {
        var operations = new List<OperationDigest>();
        foreach (var operation in service.GetProperty("operations").EnumerateArray())
        {
            var parameters = new List<ParameterDigest>();
            foreach (var parameter in operation.GetProperty("parameters").EnumerateArray())
            {
                parameters.Add(new ParameterDigest(
                    parameter.GetProperty("name").GetString()!,
                    parameter.GetProperty("csName").GetString()!,
                    parameter.GetProperty("in").GetString()!,
                    ReadType(parameter.GetProperty("schema")),
                    parameter.GetProperty("required").GetBoolean()));
            }

            BodyDigest? body = null;
            if (operation.TryGetProperty("body", out var bodyElement))
            {
                body = new BodyDigest(
                    ReadType(bodyElement.GetProperty("schema")),
                    bodyElement.GetProperty("required").GetBoolean(),
                    bodyElement.TryGetProperty("clrType", out var clrType) ? clrType.GetString() : null);
            }

            operations.Add(new OperationDigest(
                operation.GetProperty("operationId").GetString()!,
                operation.GetProperty("method").GetString()!,
                operation.GetProperty("httpMethod").GetString()!,
                operation.GetProperty("path").GetString()!,
                new EquatableArray<ParameterDigest>(parameters),
                body,
                operation.TryGetProperty("response", out var response) ? ReadType(response) : null,
                operation.TryGetProperty("accept", out var accept) ? accept.GetString() : null,
                operation.GetProperty("pages").GetBoolean(),
                operation.GetProperty("idempotent").GetBoolean()));
        }

        var schemas = new List<SchemaDigest>();
        foreach (var schema in service.GetProperty("schemas").EnumerateObject())
        {
            var required = new HashSet<string>();
            foreach (var name in schema.Value.GetProperty("required").EnumerateArray())
            {
                required.Add(name.GetString()!);
            }

            var properties = new List<PropertyDigest>();
            foreach (var property in schema.Value.GetProperty("properties").EnumerateArray())
            {
                var jsonName = property.GetProperty("name").GetString()!;
                properties.Add(new PropertyDigest(
                    jsonName,
                    property.GetProperty("csName").GetString()!,
                    ReadType(property.GetProperty("schema")),
                    required.Contains(jsonName),
                    OptionalString(property, "description")));
            }

            schemas.Add(new SchemaDigest(schema.Name, OptionalString(schema.Value, "description"), new EquatableArray<PropertyDigest>(properties)));
        }

        return new ServiceDigest(
            service.GetProperty("name").GetString()!,
            service.GetProperty("source").GetString()!,
            service.GetProperty("basePath").GetString()!,
            new EquatableArray<OperationDigest>(operations),
            new EquatableArray<SchemaDigest>(schemas));
    }

    private static TypeRef ReadType(JsonElement element)
    {
        string kind;
        string? refName = null;
        TypeRef? items = null;
        if (element.TryGetProperty("$ref", out var reference))
        {
            kind = TypeRef.Ref;
            refName = reference.GetString()!.Substring("#/schemas/".Length);
        }
        else if (!element.TryGetProperty("type", out var type))
        {
            kind = TypeRef.Any;
        }
        else if (type.GetString() == "object")
        {
            kind = TypeRef.Map;
            items = ReadType(element.GetProperty("additionalProperties"));
        }
        else if (type.GetString() == "array")
        {
            kind = TypeRef.Array;
            items = ReadType(element.GetProperty("items"));
        }
        else
        {
            kind = type.GetString()!;
        }

        EquatableArray<string>? values = null;
        if (element.TryGetProperty("enum", out var enumElement))
        {
            var list = new List<string>();
            foreach (var value in enumElement.EnumerateArray())
            {
                list.Add(value.GetString()!);
            }

            values = new EquatableArray<string>(list);
        }

        return new TypeRef(
            kind,
            OptionalString(element, "format"),
            refName,
            items,
            values,
            element.TryGetProperty("minimum", out var minimum) ? minimum.GetDouble() : null,
            element.TryGetProperty("maximum", out var maximum) ? maximum.GetDouble() : null,
            element.TryGetProperty("minLength", out var minLength) ? minLength.GetInt32() : null,
            element.TryGetProperty("maxLength", out var maxLength) ? maxLength.GetInt32() : null,
            element.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean());
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
