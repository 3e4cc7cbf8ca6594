using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using AepFlow.Generator.Declarative;
using AepFlow.Generator.Diagnostics;
using AepFlow.Generator.Json;
using AepFlow.Generator.Declarative.Schema;
using AepFlow.Generator.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AepFlow.Generator.Analyzers;

/// <summary>
/// Checks compile-time constants assigned to members that carry <c>[AepFlow.Schema.JsonSchema]</c> metadata (every generated
/// model, and any user type that opts in): AEPF010 for rules an <c>if</c> in the schema switched on, AEPF011 for plain member
/// constraints, AEPF012 for mapping set ids. Object initializers, <c>with</c> expressions and constructor arguments are
/// checked; values known only at run time (and members an initializer does not set) decide nothing.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class ConstantValueAnalyzer : DiagnosticAnalyzer
{
    internal const string JsonSchemaAttributeName = "AepFlow.Schema.JsonSchemaAttribute";


    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ConditionalRule, DiagnosticDescriptors.MemberConstraint, DiagnosticDescriptors.MappingSetId);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // User code is what gets checked; generated code is trusted (its metadata is read from symbols, not analyzed).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var memberAttribute = start.Compilation.GetTypeByMetadataName(JsonSchemaAttributeName);
            var specAttribute = start.Compilation.GetTypeByMetadataName(SpecSchemas.AttributeMetadataName);
            if (memberAttribute == null && specAttribute == null)
            {
                return;
            }

            var metadata = new SchemaMetadata(memberAttribute, specAttribute);
            start.RegisterOperationAction(c => AnalyzeCreation(c, metadata), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzeWith(c, metadata), OperationKind.With);
        });
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, SchemaMetadata metadata)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not INamedTypeSymbol type)
        {
            return;
        }

        var assignments = new List<(IPropertySymbol Property, IOperation Value)>();
        if (creation.Initializer != null)
        {
            assignments.AddRange(MemberAssignments(creation.Initializer));
        }

        // Constructor arguments map to the property of the same name (positional records, hand-written models).
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is { } parameter &&
                type.GetMembers().OfType<IPropertySymbol>().FirstOrDefault(p => string.Equals(p.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase)) is { } property)
            {
                assignments.Add((property, argument.Value));
            }
        }

        var anchor = creation.Syntax is ObjectCreationExpressionSyntax { Type: { } typeSyntax } ? typeSyntax.GetLocation() : creation.Syntax.GetLocation();
        Check(context, metadata, type, assignments, anchor);
    }

    private static void AnalyzeWith(OperationAnalysisContext context, SchemaMetadata metadata)
    {
        var with = (IWithOperation)context.Operation;
        if (with.Type is INamedTypeSymbol type && with.Initializer != null)
        {
            Check(context, metadata, type, MemberAssignments(with.Initializer).ToList(), with.Syntax.GetLocation());
        }
    }

    internal static IEnumerable<(IPropertySymbol Property, IOperation Value)> MemberAssignments(IObjectOrCollectionInitializerOperation initializer)
    {
        foreach (var item in initializer.Initializers)
        {
            if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } property } } assignment)
            {
                yield return (property, assignment.Value);
            }
        }
    }

    private static void Check(OperationAnalysisContext context, SchemaMetadata metadata, INamedTypeSymbol type,
        List<(IPropertySymbol Property, IOperation Value)> assignments, Location anchor)
    {
        var typeSchema = metadata.ObjectSchemaOf(type);
        var reported = new HashSet<(Location, string)>();
        var members = new List<JsonMember>();
        var knownAbsent = new Dictionary<string, object?>();
        var perMember = new List<(string JsonName, JsonElement Schema, JsonNode Node)>();

        foreach (var (property, value) in assignments)
        {
            var (jsonName, propertySchema) = metadata.MemberOf(property, typeSchema);
            if (propertySchema == null && typeSchema == null)
            {
                continue;
            }

            var node = ConstantInstanceBuilder.ToNode(value, propertySchema);
            if (node == null)
            {
                knownAbsent[jsonName] = value.Syntax.GetLocation();
                continue;
            }

            members.Add(new JsonMember(jsonName, 0, 0, node));
            if (propertySchema != null)
            {
                perMember.Add((jsonName, propertySchema.Value, node));
            }

            if (jsonName == MappingSetIds.JsonName && node.AsString is { } id && MappingSetIds.Problem(id) is { } problem)
            {
                Report(context, reported, DiagnosticDescriptors.MappingSetId, (Location)node.Origin!, id, problem);
            }
        }

        IEnumerable<SchemaError> errors;
        if (typeSchema != null)
        {
            // The type's own schema covers its properties and the rules between them; members not set here may be set
            // elsewhere (a later 'with'), so the object is partial.
            var instance = JsonNode.Object(members, partial: true, knownAbsent: knownAbsent);
            errors = JsonSchemaEvaluator.Evaluate(typeSchema.Value, instance, SchemaMetadata.CamelCase(type.Name));
        }
        else
        {
            errors = perMember.SelectMany(m => JsonSchemaEvaluator.Evaluate(m.Schema, m.Node, m.JsonName, new[] { m.JsonName }));
        }

        foreach (var error in errors)
        {
            if (error.Path.EndsWith("/" + MappingSetIds.JsonName) && error.Keyword is "pattern" or "format" or "minLength" or "maxLength")
            {
                continue; // AEPF012 says it better
            }

            var location = error.Origin as Location ?? anchor;
            var properties = error.Limit == null ? null
                : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Limit, error.Limit).Add(DiagnosticProperties.Keyword, error.Keyword);
            Report(context, reported, error.Conditional ? DiagnosticDescriptors.ConditionalRule : DiagnosticDescriptors.MemberConstraint, location, properties, error.Message);
        }
    }

    private static void Report(OperationAnalysisContext context, HashSet<(Location, string)> reported, DiagnosticDescriptor descriptor, Location location, params object[] args) =>
        Report(context, reported, descriptor, location, (ImmutableDictionary<string, string?>?)null, args);

    private static void Report(OperationAnalysisContext context, HashSet<(Location, string)> reported, DiagnosticDescriptor descriptor, Location location,
        ImmutableDictionary<string, string?>? properties, params object[] args)
    {
        var diagnostic = Diagnostic.Create(descriptor, location, properties, args);
        if (reported.Add((location, diagnostic.GetMessage())))
        {
            context.ReportDiagnostic(diagnostic);
        }
    }
}

/// <summary>
/// The schema metadata of records, read from symbols and parsed once per compilation: a generated spec class's one
/// <c>[SpecSchemas("…")]</c> (format: <see cref="SpecSchemas"/>), or a hand-written type's <c>[JsonSchema("…")]</c> on the
/// type and its members.
/// </summary>
internal sealed class SchemaMetadata
{
    private readonly INamedTypeSymbol? _memberAttribute;
    private readonly INamedTypeSymbol? _specAttribute;
    private readonly ConcurrentDictionary<string, JsonElement?> _parsed = new();
    private readonly ConcurrentDictionary<ISymbol, RecordEntry?> _records = new(SymbolEqualityComparer.Default);

    public SchemaMetadata(INamedTypeSymbol? memberAttribute, INamedTypeSymbol? specAttribute)
    {
        _memberAttribute = memberAttribute;
        _specAttribute = specAttribute;
    }

    /// <summary>The record's schema when it is checked as a whole (rules across members), else null (members one by one).</summary>
    public JsonElement? ObjectSchemaOf(INamedTypeSymbol type) => Record(type) is { } record ? record.Object : AttributeSchema(type);

    /// <summary>A property's JSON name and own schema (null when it has none).</summary>
    public (string JsonName, JsonElement? Schema) MemberOf(IPropertySymbol property, JsonElement? objectSchema) =>
        Record(property.ContainingType) is { } record
            ? record.Member(property.Name)
            : (JsonName(property, objectSchema), AttributeSchema(property));

    private RecordEntry? Record(INamedTypeSymbol type) =>
        _specAttribute == null || type.ContainingType is not { } specClass ? null : _records.GetOrAdd(type, _ => ReadRecord(type.Name, specClass));

    private RecordEntry? ReadRecord(string name, INamedTypeSymbol specClass)
    {
        foreach (var data in specClass.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, _specAttribute) &&
                data.ConstructorArguments.Length == 1 && data.ConstructorArguments[0].Value is string text &&
                _parsed.GetOrAdd(text, Parse) is { ValueKind: JsonValueKind.Object } table &&
                table.TryGetProperty(name, out var entry) && entry.ValueKind == JsonValueKind.Object)
            {
                return new RecordEntry(entry);
            }
        }

        return null;
    }

    private JsonElement? AttributeSchema(ISymbol symbol)
    {
        if (_memberAttribute == null)
        {
            return null;
        }

        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, _memberAttribute) &&
                data.ConstructorArguments.Length == 1 && data.ConstructorArguments[0].Value is string text)
            {
                return _parsed.GetOrAdd(text, Parse);
            }
        }

        return null;
    }

    private static JsonElement? Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null; // a malformed attribute is the generator's (or the user's) problem; nothing to check against
        }
    }

    /// <summary>
    /// The JSON name of a property: the key of the type schema's <c>properties</c> whose letters match the property name's
    /// (generated names are PascalCase of the JSON names), else the camelCase of the property name.
    /// </summary>
    public static string JsonName(IPropertySymbol property, JsonElement? typeSchema)
    {
        if (typeSchema is { ValueKind: JsonValueKind.Object } schema && schema.TryGetProperty("properties", out var properties) &&
            properties.ValueKind == JsonValueKind.Object &&
            SpecSchemas.JsonNameOf(property.Name, properties.EnumerateObject().Select(p => p.Name)) is { } jsonName)
        {
            return jsonName;
        }

        return CamelCase(property.Name);
    }

    public static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

    /// <summary>One record's entry of a <c>[SpecSchemas]</c> table, its members resolved once.</summary>
    private sealed class RecordEntry
    {
        // Members by C# name when the entry lists "names"; otherwise the properties, matched by SpecSchemas.JsonNameOf.
        private readonly Dictionary<string, (string JsonName, JsonElement Schema)> _members = new(System.StringComparer.Ordinal);
        private readonly List<JsonProperty>? _keys;

        public RecordEntry(JsonElement entry)
        {
            Object = entry.TryGetProperty(SpecSchemas.Object, out var whole) ? whole : null;
            var holder = Object ?? entry;
            if (!holder.TryGetProperty(SpecSchemas.Properties, out var properties) || properties.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            var members = properties.EnumerateObject().ToList();
            if (entry.TryGetProperty(SpecSchemas.Names, out var names) && names.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (var name in names.EnumerateArray())
                {
                    if (i < members.Count && name.GetString() is { } propertyName)
                    {
                        _members[propertyName] = (members[i].Name, members[i].Value);
                    }

                    i++;
                }
            }
            else
            {
                _keys = members;
            }
        }

        public JsonElement? Object { get; }

        public (string JsonName, JsonElement? Schema) Member(string propertyName)
        {
            if (_members.TryGetValue(propertyName, out var known))
            {
                return (known.JsonName, known.Schema);
            }

            if (_keys != null && SpecSchemas.JsonNameOf(propertyName, _keys.Select(k => k.Name)) is { } jsonName)
            {
                return (jsonName, _keys.First(k => k.Name == jsonName).Value);
            }

            return (CamelCase(propertyName), null);
        }
    }
}
