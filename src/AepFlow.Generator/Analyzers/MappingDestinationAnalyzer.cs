using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AepFlow.Generator.Declarative;
using AepFlow.Generator.Diagnostics;
using AepFlow.Generator.Declarative.Xdm;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AepFlow.Generator.Analyzers;

/// <summary>
/// AEPF025, the C# twin of AEPF022: in a <c>CreateMappingSetRequest</c> whose target schema can be traced within the method —
/// a <c>CreateSchemaRequest</c> with a constant class and constant field groups (bundled standard or <c>*.xdm.json</c>
/// components), or the <c>$id</c>/<c>meta:altId</c> of a <c>*.xdm.json</c> schema — every constant
/// <c>MappingRule</c> destination must be a path of the composed schema. Reported at the destination, naming the closest
/// path; the typed constant for it travels in <see cref="DiagnosticProperties.TypedPath"/> for the code fix. Unknown values are never errors.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MappingDestinationAnalyzer : DiagnosticAnalyzer
{

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnknownXdmPathInCode);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var mappingSet = start.Compilation.GetTypeByMetadataName("AepFlow.Requests.CreateMappingSetRequest");
            var rule = start.Compilation.GetTypeByMetadataName("AepFlow.Requests.MappingRule");
            var schemaRequest = start.Compilation.GetTypeByMetadataName("AepFlow.Requests.CreateSchemaRequest");
            if (mappingSet == null || rule == null || schemaRequest == null)
            {
                return;
            }

            var files = start.Options.AdditionalFiles;
            var xdm = new System.Lazy<(IReadOnlyList<XdmSchema> Schemas, XdmComponents Components)>(() => DeclarativeFiles.LoadXdm(files, start.CancellationToken));
            // Typed paths are generated under AepFlowNamespace (default AepFlow): look them up where the generator put them.
            var root = AepFlowGenerator.ReadRootNamespace(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            var types = new Types(mappingSet, rule, schemaRequest, root);
            start.RegisterOperationAction(c => Analyze(c, types, xdm.Value.Schemas, xdm.Value.Components), OperationKind.ObjectCreation);
        });
    }

    private sealed class Types
    {
        public Types(INamedTypeSymbol mappingSet, INamedTypeSymbol rule, INamedTypeSymbol schemaRequest, string rootNamespace)
        {
            MappingSet = mappingSet;
            Rule = rule;
            SchemaRequest = schemaRequest;
            RootNamespace = rootNamespace;
        }

        /// <summary>The project's <c>AepFlowNamespace</c>, where the typed XDM paths are generated.</summary>
        public string RootNamespace { get; }

        public INamedTypeSymbol MappingSet { get; }

        public INamedTypeSymbol Rule { get; }

        public INamedTypeSymbol SchemaRequest { get; }
    }

    /// <summary>A traced target schema: its fields, its name for messages, and where its typed paths are generated.</summary>
    private sealed class Target
    {
        public Target(string key, XdmSchema schema, string name, string? typedClass)
        {
            Key = key;
            Schema = schema;
            Name = name;
            TypedClass = typedClass;
        }

        public string Key { get; }

        public XdmSchema Schema { get; }

        public string Name { get; }

        /// <summary>The generated class holding the schema's path constants (metadata name), if any.</summary>
        public string? TypedClass { get; }
    }

    private static void Analyze(OperationAnalysisContext context, Types types, IReadOnlyList<XdmSchema> schemas, XdmComponents components)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!SymbolEqualityComparer.Default.Equals(creation.Type, types.MappingSet) || creation.Initializer == null)
        {
            return;
        }

        IOperation? schemaValue = null;
        IOperation? mappingsValue = null;
        foreach (var (property, value) in ConstantValueAnalyzer.MemberAssignments(creation.Initializer))
        {
            if (property.Name == "XdmSchema")
            {
                schemaValue = value;
            }
            else if (property.Name == "Mappings")
            {
                mappingsValue = value;
            }
        }

        var root = LocalTrace.Root(creation);
        if (schemaValue == null || mappingsValue == null || TraceTarget(schemaValue, root, types, schemas, components) is not { } target)
        {
            return;
        }

        foreach (var node in LocalTrace.Reachable(mappingsValue, root))
        {
            if (node is not IObjectCreationOperation ruleCreation ||
                !SymbolEqualityComparer.Default.Equals(ruleCreation.Type, types.Rule))
            {
                continue;
            }

            var argument = ruleCreation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "DestinationXdmPath");
            if (argument?.Value.ConstantValue is not { HasValue: true, Value: string destination } ||
                XdmDestinations.Check(destination, target.Schema, target.Name, out var closest) is not { } message)
            {
                continue;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (closest != null && target.TypedClass != null && TypedPath(context.Compilation, types.RootNamespace, target.TypedClass, closest) is { } typed)
            {
                properties = properties.Add(DiagnosticProperties.TypedPath, typed);
                message += $" The typed path is {typed}.";
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnknownXdmPathInCode, argument.Value.Syntax.GetLocation(), properties, message));
        }
    }

    /// <summary>The one schema the <c>XdmSchema</c> value leads to, or null when none (or more than one, or an unknown one) does.</summary>
    private static Target? TraceTarget(IOperation schemaValue, IOperation root, Types types, IReadOnlyList<XdmSchema> schemas, XdmComponents components)
    {
        var found = new Dictionary<string, Target>(System.StringComparer.Ordinal);
        foreach (var node in LocalTrace.Reachable(schemaValue, root))
        {
            if (node is IObjectCreationOperation { Initializer: { } initializer } schemaCreation &&
                SymbolEqualityComparer.Default.Equals(schemaCreation.Type, types.SchemaRequest))
            {
                if (Composed(initializer, components, types.RootNamespace) is not { } composed)
                {
                    return null;
                }

                found[composed.Key] = composed;
            }
            else if (node.ConstantValue is { HasValue: true, Value: string id } && schemas.FirstOrDefault(s => s.IsNamedBy(id)) is { } schema)
            {
                found["file:" + schema.Id] = new Target("file:" + schema.Id, schema, schema.Title ?? id, FileClass(schema));
            }
        }

        return found.Count == 1 ? found.Values.Single() : null;
    }

    private static Target? Composed(IObjectOrCollectionInitializerOperation initializer, XdmComponents components, string rootNamespace)
    {
        string? classId = null;
        var fieldGroups = new List<string>();
        foreach (var (property, value) in ConstantValueAnalyzer.MemberAssignments(initializer))
        {
            if (property.Name == "ClassId")
            {
                classId = value.ConstantValue is { HasValue: true, Value: string id } ? id : null;
                if (classId == null)
                {
                    return null;
                }
            }
            else if (property.Name == "FieldGroupIds")
            {
                if (ConstantInstanceBuilder.ConstantElements(value) is not { } elements)
                {
                    return null;
                }

                foreach (var element in elements)
                {
                    if (element.ConstantValue is not { HasValue: true, Value: string group })
                    {
                        return null;
                    }

                    fieldGroups.Add(group);
                }
            }
        }

        if (classId == null || components.Find(classId) is not { } classRoot)
        {
            return null;
        }

        string title = classRoot["title"]?.AsString ?? classId;
        string name = fieldGroups.Count == 0 ? title : title + " with " + string.Join(", ", fieldGroups.Select(g => g.Substring(g.TrimEnd('/').LastIndexOf('/') + 1)));
        var schema = XdmSchema.Composed(name, components, classId, fieldGroups);
        string key = classId + "|" + string.Join("|", fieldGroups.OrderBy(g => g, System.StringComparer.Ordinal));
        string? typedClass = StandardXdm.FindClass(classId) is { } standard ? rootNamespace + ".Xdm.Standard." + standard.Name : null;
        return new Target(key, schema, name, typedClass);
    }

    /// <summary>The generated <c>AepFlow.Xdm.&lt;Title&gt;</c> class of a <c>*.xdm.json</c> schema is found by its <c>SchemaId</c> constant.</summary>
    private static string? FileClass(XdmSchema schema) => schema.Id == null ? null : "SchemaId:" + schema.Id;

    /// <summary>The fully qualified constant (<c>AepFlow.Xdm.Standard.Profile.PersonalEmail.Address</c>) whose value is <paramref name="path"/>.</summary>
    private static string? TypedPath(Compilation compilation, string rootNamespace, string typedClass, string path)
    {
        INamedTypeSymbol? type;
        if (typedClass.StartsWith("SchemaId:", System.StringComparison.Ordinal))
        {
            string id = typedClass.Substring("SchemaId:".Length);
            INamespaceSymbol? xdm = compilation.GlobalNamespace;
            foreach (var part in (rootNamespace + ".Xdm").Split('.'))
            {
                xdm = xdm?.GetNamespaceMembers().FirstOrDefault(n => n.Name == part);
            }

            type = xdm?.GetTypeMembers()
                .FirstOrDefault(t => t.GetMembers("SchemaId").OfType<IFieldSymbol>().Any(f => f.ConstantValue as string == id));
        }

        else
        {
            type = compilation.GetTypeByMetadataName(typedClass);
        }

        return type == null ? null : Find(type, path)?.ToDisplayString();
    }

    private static IFieldSymbol? Find(INamedTypeSymbol type, string path)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsConst: true } field && field.ConstantValue as string == path && field.Name != "ClassId" && field.Name != "SchemaId" && field.Name != "AltId")
            {
                return field;
            }

            if (member is INamedTypeSymbol nested && Find(nested, path) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
