using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AepFlow.Generator.Declarative;
using AepFlow.Generator.Diagnostics;
using AepFlow.Generator.Declarative.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AepFlow.Generator.Analyzers;

/// <summary>
/// Checks how a flow request is composed against its flowSpec (found through the request's containing class's
/// <c>const string Id</c>, among the bundled specs and the user's <c>*.flowspec.json</c> files):
/// AEPF014 when a transformation whose params have required members is not set; AEPF013 when a connection id flowing into
/// <c>SourceConnectionIds</c>/<c>TargetConnectionIds</c> was made, within the same method, from a connection spec the flowSpec
/// does not list (the spec id is found as a constant — <c>AepFlow.ConnectionSpecs.Salesforce.Id</c> or a literal — in the
/// expression that produced the id or in the initializers of the locals it reads).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FlowCompositionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ConnectionSpecNotAccepted, DiagnosticDescriptors.Transformation);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var flowRequest = start.Compilation.GetTypeByMetadataName("AepFlow.Validation.IFlowRequest");
            if (flowRequest == null)
            {
                return;
            }

            var files = start.Options.AdditionalFiles;
            var catalog = new System.Lazy<SpecCatalog>(() => DeclarativeFiles.LoadCatalog(files, start.Options.AnalyzerConfigOptionsProvider.GlobalOptions, start.CancellationToken));
            start.RegisterOperationAction(c => Analyze(c, flowRequest, catalog.Value), OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol flowRequest, SpecCatalog catalog)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not INamedTypeSymbol type || !type.AllInterfaces.Contains(flowRequest, SymbolEqualityComparer.Default) ||
            type.ContainingType?.GetMembers("Id").OfType<IFieldSymbol>().FirstOrDefault(f => f.IsConst)?.ConstantValue is not string flowSpecId ||
            catalog.FindFlowSpec(flowSpecId) is not { } flowSpec)
        {
            return;
        }

        var assignments = creation.Initializer == null
            ? new List<(IPropertySymbol Property, IOperation Value)>()
            : ConstantValueAnalyzer.MemberAssignments(creation.Initializer).ToList();
        var anchor = creation.Syntax switch
        {
            ObjectCreationExpressionSyntax { Type: { } typeSyntax } => typeSyntax.GetLocation(),
            ImplicitObjectCreationExpressionSyntax implicitNew => implicitNew.NewKeyword.GetLocation(),
            _ => creation.Syntax.GetLocation(),
        };

        CheckTransformations(context, type, flowSpec, assignments, anchor);
        foreach (var (property, value) in assignments)
        {
            string name = ConstantInstanceBuilder.Normalize(property.Name);
            if (name == "sourceconnectionids")
            {
                CheckConnections(context, creation, flowSpec, catalog, value, source: true);
            }
            else if (name == "targetconnectionids")
            {
                CheckConnections(context, creation, flowSpec, catalog, value, source: false);
            }
        }
    }

    private static void CheckTransformations(OperationAnalysisContext context, INamedTypeSymbol type, FlowSpecInfo flowSpec,
        List<(IPropertySymbol Property, IOperation Value)> assignments, Location anchor)
    {
        foreach (var required in flowSpec.RequiredTransformations)
        {
            string wanted = ConstantInstanceBuilder.Normalize(required);
            var property = type.GetMembers().OfType<IPropertySymbol>().FirstOrDefault(p => ConstantInstanceBuilder.Normalize(p.Name) == wanted);
            if (property == null)
            {
                continue;
            }

            bool set = assignments.Any(a => SymbolEqualityComparer.Default.Equals(a.Property, property) &&
                !(ConstantInstanceBuilder.Unwrap(a.Value).ConstantValue is { HasValue: true, Value: null }));
            if (!set)
            {
                var members = flowSpec.TransformationSchema(required) is { } schema && schema.TryGetProperty("required", out var r)
                    ? string.Join(", ", r.EnumerateArray().Select(x => x.ToString()))
                    : "";
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Transformation, anchor,
                    $"flowSpec {flowSpec.Name} requires the {required} transformation (its params require {members}): set {property.Name} = new {ShortName(property.Type)} {{ … }}"));
            }
        }
    }

    /// <summary><c>CrmToAep.CopyParams</c>: generated types are nested in their spec class, which names them best.</summary>
    private static string ShortName(ITypeSymbol type) =>
        type.ContainingType != null ? type.ContainingType.Name + "." + type.Name : type.Name;

    private static void CheckConnections(OperationAnalysisContext context, IOperation creation, FlowSpecInfo flowSpec, SpecCatalog catalog,
        IOperation value, bool source)
    {
        var elements = Elements(value);
        if (elements == null)
        {
            return;
        }

        var allowed = source ? flowSpec.SourceConnectionSpecIds : flowSpec.TargetConnectionSpecIds;
        var root = LocalTrace.Root(creation);

        foreach (var element in elements)
        {
            var evidence = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            Collect(element, root, catalog, evidence);
            if (evidence.Count == 0 || evidence.Any(id => allowed.Contains(id, System.StringComparer.OrdinalIgnoreCase)))
            {
                continue;
            }

            string role = source ? "source" : "target";
            string specs = string.Join(" and ", evidence.OrderBy(e => e).Select(catalog.DescribeConnectionSpec));
            var accepting = catalog.FlowSpecs
                .Where(f => evidence.All(id => (source ? f.SourceConnectionSpecIds : f.TargetConnectionSpecIds).Contains(id, System.StringComparer.OrdinalIgnoreCase)))
                .Select(f => f.Name).OrderBy(n => n).ToList();
            string fix = accepting.Count > 0
                ? $"use a flowSpec that lists it, such as {string.Join(" or ", accepting)}"
                : $"no known flowSpec accepts it as a {role}; connect a {role} whose spec {flowSpec.Name} lists";
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ConnectionSpecNotAccepted, element.Syntax.GetLocation(),
                $"{role} connection {element.Syntax} comes from connection spec {specs}, which flowSpec {flowSpec.Name} does not list as a {role}: {fix}"));
        }
    }

    private static IReadOnlyList<IOperation>? Elements(IOperation value)
    {
        if (ConstantInstanceBuilder.ConstantElements(value) is { } elements)
        {
            return elements;
        }

        // new List<string> { a, b }
        if (ConstantInstanceBuilder.Unwrap(value) is IObjectCreationOperation { Initializer: { } init })
        {
            return init.Initializers.OfType<IInvocationOperation>().Where(i => i.Arguments.Length == 1).Select(i => i.Arguments[0].Value).ToList();
        }

        return null;
    }

    /// <summary>Gathers connection spec ids mentioned as constants by <paramref name="operation"/> or the locals it reads.</summary>
    private static void Collect(IOperation operation, IOperation root, SpecCatalog catalog, HashSet<string> into)
    {
        foreach (var node in LocalTrace.Reachable(operation, root))
        {
            switch (node)
            {
                case IFieldReferenceOperation { Field: { IsConst: true, ConstantValue: string id } field }
                    when catalog.IsConnectionSpecId(id) || (field.Name == "Id" && field.ContainingType?.ContainingNamespace is { Name: "ConnectionSpecs" }):
                    into.Add(id);
                    break;
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: string literal } } when catalog.IsConnectionSpecId(literal):
                    into.Add(literal);
                    break;
            }
        }
    }
}
