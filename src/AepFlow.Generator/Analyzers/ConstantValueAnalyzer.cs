using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using AepFlow.Generator.Declarative;
using AepFlow.Generator.Diagnostics;
using AepFlow.Generator.Json;
using AepFlow.Generator.Declarative.Schema;
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
            var attribute = start.Compilation.GetTypeByMetadataName(JsonSchemaAttributeName);
            if (attribute == null)
            {
                return;
            }

            var metadata = new SchemaMetadata(attribute);
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
        var typeSchema = metadata.SchemaOf(type);
        var reported = new HashSet<(Location, string)>();
        var members = new List<JsonMember>();
        var knownAbsent = new Dictionary<string, object?>();
        var perMember = new List<(string JsonName, JsonElement Schema, JsonNode Node)>();

        foreach (var (property, value) in assignments)
        {
            var propertySchema = metadata.SchemaOf(property);
            if (propertySchema == null && typeSchema == null)
            {
                continue;
            }

            string jsonName = SchemaMetadata.JsonName(property, typeSchema);
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

/// <summary>Reads <c>[JsonSchema("…")]</c> from symbols, parsing each distinct schema text once per compilation.</summary>
internal sealed class SchemaMetadata
{
    private readonly INamedTypeSymbol _attribute;
    private readonly ConcurrentDictionary<string, JsonElement?> _parsed = new();

    public SchemaMetadata(INamedTypeSymbol attribute) => _attribute = attribute;

    public JsonElement? SchemaOf(ISymbol symbol)
    {
        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, _attribute) &&
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
    /// The JSON name of a property: the key of the type schema's <c>properties</c> whose PascalCase is the property name
    /// (generated names are PascalCase of the JSON names), else the camelCase of the property name.
    /// </summary>
    public static string JsonName(IPropertySymbol property, JsonElement? typeSchema)
    {
        if (typeSchema is { ValueKind: JsonValueKind.Object } schema && schema.TryGetProperty("properties", out var properties) &&
            properties.ValueKind == JsonValueKind.Object)
        {
            string wanted = ConstantInstanceBuilder.Normalize(property.Name);
            foreach (var candidate in properties.EnumerateObject())
            {
                if (ConstantInstanceBuilder.Normalize(candidate.Name) == wanted)
                {
                    return candidate.Name;
                }
            }
        }

        return CamelCase(property.Name);
    }

    public static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);
}
