using System.Collections.Generic;
using AepFlow.Generator.Model;

namespace AepFlow.Generator.Emit;

/// <summary>
/// Emits the typed way to compose a flow: <c>new CrmToAep.CreateFlowRequest(source, target, name) { … }</c> (and
/// <c>CreateFlowRequest.Create(…)</c>), whose id parameters convert implicitly only from the
/// <c>SourceConnectionId&lt;TSpec&gt;</c>/<c>TargetConnectionId&lt;TSpec&gt;</c> of specs the flowSpec lists, so a
/// <c>SourceConnectionId&lt;AmazonS3&gt;</c> in a CRMToAEP flow does not compile. The body written is the same as with
/// string ids; the other members are set by object initializer as before.
/// </summary>
internal static class FlowFactoryEmitter
{
    /// <summary>One model per flowSpec that lists at least one source and one target connectionSpec.</summary>
    public static EquatableArray<FlowFactoryModel> Models(ResolvedSpecs specs)
    {
        var classes = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var connectionSpec in specs.ConnectionSpecs)
        {
            classes[connectionSpec.Id.ToLowerInvariant()] = connectionSpec.ClassName;
        }

        var models = new List<FlowFactoryModel>();
        foreach (var flowSpec in specs.FlowSpecs)
        {
            if (Model(flowSpec, classes) is { } model)
            {
                models.Add(model);
            }
        }

        return EquatableArray.From(models);
    }

    /// <summary>
    /// Builds the model: the accepted spec ids that are generated here, by class name; null when the flowSpec lists no
    /// source or no target. A side may have no generated spec (bundled specs are generated when named): the factory is
    /// still emitted, so a connection of a spec the flowSpec does not list fails with CS1503 at the argument, not with
    /// "no Create" — and naming an accepted spec generates it and its conversion.
    /// </summary>
    public static FlowFactoryModel? Model(FlowSpecModel spec, IReadOnlyDictionary<string, string> connectionClasses)
    {
        if (spec.SourceConnectionSpecIds.Count == 0 || spec.TargetConnectionSpecIds.Count == 0)
        {
            return null;
        }

        var sources = Classes(spec.SourceConnectionSpecIds, connectionClasses);
        var targets = Classes(spec.TargetConnectionSpecIds, connectionClasses);

        // Nested in CreateFlowRequest: only its transformation properties can take these names.
        var taken = new HashSet<string>(System.StringComparer.Ordinal) { "CreateFlowRequest", "Name", "Description", "Schedule" };
        foreach (var transformation in spec.Transformations)
        {
            taken.Add(transformation.PropertyName);
        }

        return new FlowFactoryModel(spec.ClassName, spec.Name, EquatableArray.From(sources), EquatableArray.From(targets),
            Naming.Unique("AcceptedSource", taken), Naming.Unique("AcceptedTarget", taken));
    }

    public static string Emit(FlowFactoryModel model, string accessibility, string rootNamespace)
    {
        var specs = "global::" + rootNamespace + ".ConnectionSpecs.";
        var w = SourceFile.Begin(rootNamespace + ".FlowSpecs");
        w.OpenBlock(accessibility + " static partial class " + model.ClassName);
        w.OpenBlock("public sealed partial record CreateFlowRequest");
        w.Line("/// <summary>");
        w.Line("/// A " + CodeWriter.Xml(model.Name) + " flow from <paramref name=\"source\"/> to <paramref name=\"target\"/>: ids typed by their");
        w.Line("/// connectionSpec, so only specs this flowSpec lists compile. Set the transformations and schedule by initializer.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"source\">The source connection, e.g. the <c>SourceConnectionId&lt;TSpec&gt;</c> a typed create returned.</param>");
        w.Line("/// <param name=\"target\">The target connection.</param>");
        w.Line("/// <param name=\"name\">The flow's display name.</param>");
        w.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
        w.OpenBlock("public CreateFlowRequest(" + model.SourceTypeName + " source, " + model.TargetTypeName + " target, string name)");
        w.Line("Name = name;");
        w.Line("SourceConnectionIds = new[] { source.Id };");
        w.Line("TargetConnectionIds = new[] { target.Id };");
        w.Close();
        w.Line();
        w.Line("/// <summary>An empty request, for object initializers with string ids (checked by AEPF013 where traceable).</summary>");
        w.OpenBlock("public CreateFlowRequest()");
        w.Close();
        w.Line();
        w.Line("/// <summary>The same as <see cref=\"CreateFlowRequest(" + model.SourceTypeName + ", " + model.TargetTypeName + ", string)\"/>.</summary>");
        w.Line("/// <param name=\"source\">The source connection.</param>");
        w.Line("/// <param name=\"target\">The target connection.</param>");
        w.Line("/// <param name=\"name\">The flow's display name.</param>");
        w.Line("/// <returns>The request; add transformations and schedule with a <c>with</c> expression.</returns>");
        w.Line("public static CreateFlowRequest Create(" + model.SourceTypeName + " source, " + model.TargetTypeName + " target, string name) => new(source, target, name);");
        w.Line();
        // The contract is Create(source, target): a flow needs a name, so this overload names it after its flowSpec.
        w.Line("/// <summary>A flow named <c>" + CodeWriter.Xml(DefaultName(model)) + "</c>; the same as <see cref=\"Create(" + model.SourceTypeName + ", " + model.TargetTypeName + ", string)\"/>.</summary>");
        w.Line("/// <param name=\"source\">The source connection.</param>");
        w.Line("/// <param name=\"target\">The target connection.</param>");
        w.Line("/// <returns>The request; rename it, add transformations and schedule with a <c>with</c> expression.</returns>");
        w.Line("public static CreateFlowRequest Create(" + model.SourceTypeName + " source, " + model.TargetTypeName + " target) => new(source, target, " + CodeWriter.Literal(DefaultName(model)) + ");");
        w.Line();
        EmitAccepted(w, model.SourceTypeName, "source", "SourceConnectionId", model.SourceClasses, model.Name, specs);
        w.Line();
        EmitAccepted(w, model.TargetTypeName, "target", "TargetConnectionId", model.TargetClasses, model.Name, specs);
        w.Close();
        w.Close();
        return SourceFile.End(w);
    }

    private static string DefaultName(FlowFactoryModel model) => model.Name + " flow";

    private static void EmitAccepted(CodeWriter w, string typeName, string role, string idType, EquatableArray<string> classes, string flowSpecName, string specs)
    {
        w.Line("/// <summary>A " + role + " connection id whose connectionSpec " + CodeWriter.Xml(flowSpecName) + " lists; converts implicitly from the <c>" + idType + "&lt;TSpec&gt;</c> of those specs only.</summary>");
        w.OpenBlock("public readonly struct " + typeName);
        w.Line("private " + typeName + "(string id) => Id = id;");
        w.Line();
        w.Line("/// <summary>The connection id.</summary>");
        w.Line("public string Id { get; }");
        foreach (var className in classes)
        {
            w.Line();
            w.Line("/// <summary>A " + role + " connection of <see cref=\"" + specs + className + "\"/>.</summary>");
            w.Line("public static implicit operator " + typeName + "(global::AepFlow." + idType + "<" + specs + className + "> id) => new(id.Value);");
        }

        w.Close();
    }

    private static List<string> Classes(EquatableArray<string> ids, IReadOnlyDictionary<string, string> connectionClasses)
    {
        var classes = new List<string>();
        foreach (var id in ids)
        {
            if (connectionClasses.TryGetValue(id.ToLowerInvariant(), out var className) && !classes.Contains(className))
            {
                classes.Add(className);
            }
        }

        return classes;
    }
}
