using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AepFlow.Generator.Model;
using NJsonSchema;
using NSwag;

namespace AepFlow.Generator.OpenApi.Digest;

/// <summary>A problem found while reading a document, with a 1-based position when the parser gave one.</summary>
internal sealed record DigestProblem(string Message, int Line, int Column);

/// <summary>The digest of one document, or the problems that stopped it.</summary>
internal sealed record DigestResult(ServiceDigest? Service, EquatableArray<DigestProblem> Problems);

/// <summary>
/// Reads an OpenAPI 3.x or Swagger 2.0 document (JSON or YAML) with NSwag.Core and reduces it to a <see cref="ServiceDigest"/>.
/// This is the only code that touches NSwag: the generator reaches it only for a user's own <c>*.openapi.json|yaml</c> file,
/// so ordinary builds never load NSwag (the bundled documents are digested when the generator itself is built).
/// </summary>
internal static class OpenApiDigestBuilder
{
    // Sent by the client pipeline on every call, so they are not parameters of the generated builders.
    private static readonly HashSet<string> AmbientHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "x-api-key", "x-gw-ims-org-id", "x-sandbox-name", "Content-Type", "Accept", "Accept-Encoding",
    };

    private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "patch", "head", "options" };

    public static DigestResult Load(string path, string text)
    {
        OpenApiDocument document;
        try
        {
            var isYaml = path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
            var schemaType = Regex.IsMatch(text, "^\\s*[\"']?swagger[\"']?\\s*:", RegexOptions.Multiline) ? SchemaType.Swagger2 : SchemaType.OpenApi3;
            document = isYaml
                ? OpenApiYamlDocument.FromYamlAsync(text, path, schemaType, null).GetAwaiter().GetResult()
                : OpenApiDocument.FromJsonAsync(text, path, schemaType, null).GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            return Failed(ex);
        }

        try
        {
            return new DigestResult(Build(document, path), EquatableArray<DigestProblem>.Empty);
        }
        catch (Exception ex)
        {
            return Failed(ex);
        }
    }

    /// <summary>Digests a document already parsed by NSwag.</summary>
    public static ServiceDigest Build(OpenApiDocument document, string path) => new Builder(document, path).Build();

    private static DigestResult Failed(Exception ex)
    {
        // Newtonsoft (JSON) and YamlDotNet (YAML) both carry positions; anything else is reported at the file's start.
        var inner = ex is AggregateException { InnerException: { } first } ? first : ex;
        var (line, column) = inner switch
        {
            Newtonsoft.Json.JsonReaderException json => (json.LineNumber, json.LinePosition),
            YamlDotNet.Core.YamlException yaml => ((int)yaml.Start.Line, (int)yaml.Start.Column),
            _ => (1, 1),
        };
        return new DigestResult(null, new EquatableArray<DigestProblem>(new[] { new DigestProblem(inner.Message, Math.Max(1, line), Math.Max(1, column)) }));
    }

    private sealed class Builder
    {
        private readonly OpenApiDocument _document;
        private readonly string _path;
        private readonly Dictionary<JsonSchema, string> _componentNames = new();
        private readonly Dictionary<JsonSchema, string> _emitted = new();
        // DTO names: a schema named like a type the generated record code writes unqualified (ValidationResult, AepJson…) gets a suffix.
        private readonly HashSet<string> _typeNames = new(Naming.UnqualifiedTypeNames, StringComparer.Ordinal);
        private readonly List<SchemaDigest> _schemas = new();
        private readonly Queue<(JsonSchema Schema, string Name)> _pending = new();

        public Builder(OpenApiDocument document, string path)
        {
            _document = document;
            _path = path;
        }

        public ServiceDigest Build()
        {
            var serviceName = Naming.ToPascalCase(Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(_path)));
            foreach (var component in _document.Definitions.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                _componentNames[component.Value] = Naming.Unique(Naming.ToPascalCase(component.Key), _typeNames);
            }

            var operations = new List<OperationDigest>();
            var methodNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pathItem in _document.Paths)
            {
                foreach (var method in HttpMethods)
                {
                    if (pathItem.Value.TryGetValue(method, out var operation))
                    {
                        operations.Add(BuildOperation(pathItem.Key, method, operation, methodNames));
                    }
                }
            }

            // Component schemas no operation reaches are still part of the service's model.
            foreach (var component in _componentNames)
            {
                TypeFor(component.Key, component.Value);
            }

            Drain();
            return new ServiceDigest(
                serviceName,
                Path.GetFileName(_path),
                BasePath(),
                new EquatableArray<OperationDigest>(operations),
                new EquatableArray<SchemaDigest>(_schemas.OrderBy(s => s.Name, StringComparer.Ordinal).ToArray()));
        }

        private string BasePath()
        {
            var url = _document.Servers.FirstOrDefault()?.Url ?? _document.BasePath ?? string.Empty;
            var path = Regex.Replace(url, "^([a-zA-Z][a-zA-Z0-9+.-]*:)?//[^/]*", string.Empty);
            return path.TrimEnd('/');
        }

        private OperationDigest BuildOperation(string path, string method, OpenApiOperation operation, HashSet<string> methodNames)
        {
            var operationId = string.IsNullOrEmpty(operation.OperationId) ? method + " " + path : operation.OperationId;
            var methodName = Naming.Unique(Naming.ToPascalCase(operationId), methodNames);
            var parameterNames = new HashSet<string>(StringComparer.Ordinal) { "request" };
            var parameters = new List<ParameterDigest>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            BodyDigest? body = null;
            foreach (var raw in operation.ActualParameters)
            {
                var parameter = raw.ActualParameter;
                var kind = parameter.Kind switch
                {
                    OpenApiParameterKind.Path => "path",
                    OpenApiParameterKind.Query => "query",
                    OpenApiParameterKind.Header => "header",
                    OpenApiParameterKind.Body => "body",
                    _ => null,
                };
                if (kind is null || (kind == "header" && AmbientHeaders.Contains(parameter.Name)) || !seen.Add(kind + ":" + parameter.Name))
                {
                    continue;
                }

                var schema = parameter.Schema ?? parameter;
                if (kind == "body")
                {
                    body = new BodyDigest(TypeFor(schema, methodName + "Request"), parameter.IsRequired, null);
                    continue;
                }

                var type = TypeFor(schema, methodName + Naming.ToPascalCase(parameter.Name));
                if (parameter.CollectionFormat == OpenApiParameterCollectionFormat.Multi && type.Kind != TypeRef.Array)
                {
                    type = new TypeRef(TypeRef.Array, Items: type);
                }

                var csName = Naming.Unique(Camel(parameter.Name), parameterNames);
                parameters.Add(new ParameterDigest(parameter.Name, csName, kind, type, parameter.IsRequired || kind == "path"));
            }

            var requestBody = operation.ActualRequestBody;
            if (requestBody is not null && PickContent(requestBody.Content) is { } content && content.Value.Schema is { } bodySchema)
            {
                body = new BodyDigest(TypeFor(bodySchema, methodName + "Request"), requestBody.IsRequired, null);
            }

            if (body is not null && Extension(operation, "x-aepflow-body-type") is string clrType)
            {
                body = body with { ClrType = clrType };
            }

            TypeRef? response = null;
            string? accept = null;
            var success = operation.ActualResponses
                .Where(r => r.Key.Length == 3 && r.Key[0] == '2')
                .OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => r.Value.ActualResponse)
                .FirstOrDefault();
            if (success is not null)
            {
                if (PickContent(success.Content) is { } responseContent)
                {
                    if (responseContent.Value.Schema is { } schema)
                    {
                        response = TypeFor(schema, methodName + "Response");
                    }

                    if (!IsPlainJson(responseContent.Key))
                    {
                        accept = responseContent.Key;
                    }
                }
                else if (success.Schema is { } schema)
                {
                    response = TypeFor(schema, methodName + "Response");
                }
            }

            var httpMethod = method.ToUpperInvariant();
            var idempotent = httpMethod is "GET" or "HEAD" or "PUT" or "DELETE" or "OPTIONS" || Extension(operation, "x-aepflow-idempotent") is true;
            var pages = httpMethod == "GET"
                && parameters.Any(p => p.In == "query" && p.Name is "continuationToken" or "start" or "limit")
                && response is { Kind: TypeRef.Ref } && ResolvesLinks(response.RefName!);
            return new OperationDigest(
                operationId,
                methodName,
                httpMethod,
                path,
                new EquatableArray<ParameterDigest>(OrderParameters(parameters, path).ToArray()),
                body,
                response,
                accept,
                pages,
                idempotent);
        }

        // Path parameters in template order first, then the rest as declared.
        private static IEnumerable<ParameterDigest> OrderParameters(List<ParameterDigest> parameters, string path) =>
            parameters.Where(p => p.In == "path").OrderBy(p => path.IndexOf("{" + p.Name + "}", StringComparison.Ordinal))
                .Concat(parameters.Where(p => p.In != "path"));

        private bool ResolvesLinks(string schemaName)
        {
            var schema = _componentNames.FirstOrDefault(c => c.Value == schemaName).Key
                ?? _emitted.FirstOrDefault(e => e.Value == schemaName).Key;
            return schema is not null && CollectProperties(schema).ContainsKey("_links");
        }

        private static KeyValuePair<string, OpenApiMediaType>? PickContent(IDictionary<string, OpenApiMediaType> content)
        {
            if (content.Count == 0)
            {
                return null;
            }

            foreach (var entry in content)
            {
                if (IsPlainJson(entry.Key))
                {
                    return entry;
                }
            }

            foreach (var entry in content)
            {
                if (entry.Key.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return entry;
                }
            }

            return content.First();
        }

        private static bool IsPlainJson(string mediaType) =>
            mediaType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || mediaType == "*/*";

        private static object? Extension(OpenApiOperation operation, string name) =>
            operation.ExtensionData is { } data && data.TryGetValue(name, out var value) ? value : null;

        private TypeRef TypeFor(JsonSchema schema, string contextName)
        {
            var nullable = schema.IsNullableRaw == true;
            var actual = schema.ActualSchema;
            nullable |= actual.IsNullableRaw == true;

            // allOf with a single reference and nothing else is how generators spell "this type" with extra keywords.
            if (actual.AllOf.Count == 1 && actual.Properties.Count == 0 && actual.Type == JsonObjectType.None)
            {
                return TypeFor(actual.AllOf.First(), contextName) with { Nullable = nullable };
            }

            var type = actual.Type & ~JsonObjectType.Null;
            nullable |= (actual.Type & JsonObjectType.Null) != 0;
            if (type.HasFlag(JsonObjectType.Array) || (type == JsonObjectType.None && actual.Item is not null))
            {
                var item = actual.Item ?? actual.Items.FirstOrDefault();
                var items = item is null ? TypeRef.AnyJson : TypeFor(item, contextName + "Item");
                return new TypeRef(TypeRef.Array, Items: items, Nullable: nullable);
            }

            var properties = CollectProperties(actual);
            if (properties.Count > 0)
            {
                if (!_emitted.TryGetValue(actual, out var name))
                {
                    name = _componentNames.TryGetValue(actual, out var componentName)
                        ? componentName
                        : Naming.Unique(Naming.ToPascalCase(contextName), _typeNames);
                    _emitted[actual] = name;
                    _pending.Enqueue((actual, name));
                }

                return new TypeRef(TypeRef.Ref, RefName: name, Nullable: nullable);
            }

            if (type.HasFlag(JsonObjectType.Object) || type == JsonObjectType.None)
            {
                if (actual.AdditionalPropertiesSchema is { } values && type.HasFlag(JsonObjectType.Object))
                {
                    return new TypeRef(TypeRef.Map, Items: TypeFor(values, contextName + "Value"), Nullable: nullable);
                }

                return new TypeRef(TypeRef.Any, Nullable: nullable);
            }

            var kind = type switch
            {
                JsonObjectType.String => TypeRef.String,
                JsonObjectType.Integer => TypeRef.Integer,
                JsonObjectType.Number => TypeRef.Number,
                JsonObjectType.Boolean => TypeRef.Boolean,
                _ => TypeRef.Any,
            };
            EquatableArray<string>? values2 = kind == TypeRef.String && actual.Enumeration.Count > 0
                ? new EquatableArray<string>(actual.Enumeration.Where(v => v is not null).Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)!).ToArray())
                : null;
            return new TypeRef(
                kind,
                string.IsNullOrEmpty(actual.Format) ? null : actual.Format,
                Enum: values2,
                Minimum: ToDouble(actual.Minimum),
                Maximum: ToDouble(actual.Maximum),
                MinLength: actual.MinLength,
                MaxLength: actual.MaxLength,
                Nullable: nullable);
        }

        // A parameter name: the core's PascalCase with a lower-case first letter, '@' when that is a C# keyword.
        private static string Camel(string name)
        {
            var pascal = Naming.ToPascalCase(name);
            return Naming.MakeIdentifier(char.ToLowerInvariant(pascal[0]) + pascal.Substring(1));
        }

        private static double? ToDouble(decimal? value) => value is { } v ? (double)v : null;

        // Own properties first, then those of allOf parts (first declaration wins), in declaration order.
        private static Dictionary<string, JsonSchemaProperty> CollectProperties(JsonSchema schema)
        {
            var result = new Dictionary<string, JsonSchemaProperty>(StringComparer.Ordinal);
            Collect(schema, result, new HashSet<JsonSchema>());
            return result;

            static void Collect(JsonSchema current, Dictionary<string, JsonSchemaProperty> into, HashSet<JsonSchema> visited)
            {
                current = current.ActualSchema;
                if (!visited.Add(current))
                {
                    return;
                }

                foreach (var property in current.Properties)
                {
                    if (!into.ContainsKey(property.Key))
                    {
                        into.Add(property.Key, property.Value);
                    }
                }

                foreach (var part in current.AllOf)
                {
                    Collect(part, into, visited);
                }
            }
        }

        private void Drain()
        {
            while (_pending.Count > 0)
            {
                var (schema, name) = _pending.Dequeue();
                // The record's own members, the DTO entry points, and the types its code names unqualified.
                var memberNames = new HashSet<string>(Naming.RecordMembers.Concat(Naming.UnqualifiedTypeNames), StringComparer.Ordinal)
                {
                    name, "ReadJson", "FromJson",
                };
                var required = new HashSet<string>(RequiredNames(schema), StringComparer.Ordinal);
                var properties = new List<PropertyDigest>();
                foreach (var property in CollectProperties(schema))
                {
                    var csName = Naming.Unique(Naming.ToPascalCase(property.Key), memberNames);
                    var type = TypeFor(property.Value, name + Naming.ToPascalCase(property.Key));
                    properties.Add(new PropertyDigest(
                        property.Key,
                        csName,
                        type,
                        property.Value.IsRequired || required.Contains(property.Key),
                        Describe(property.Value.Description)));
                }

                _schemas.Add(new SchemaDigest(name, Describe(schema.Description), new EquatableArray<PropertyDigest>(properties)));
            }
        }

        private static IEnumerable<string> RequiredNames(JsonSchema schema)
        {
            var actual = schema.ActualSchema;
            foreach (var name in actual.RequiredProperties)
            {
                yield return name;
            }

            foreach (var part in actual.AllOf)
            {
                foreach (var name in part.ActualSchema.RequiredProperties)
                {
                    yield return name;
                }
            }
        }

        // One line, as the XML doc summary of the generated member.
        private static string? Describe(string? description) =>
            string.IsNullOrWhiteSpace(description) ? null : Regex.Replace(description!.Trim(), "\\s+", " ");
    }
}
