using System.Collections.Generic;
using AepFlow.Generator.Model;

namespace AepFlow.Generator.Emit;

/// <summary>Emits <c>AepFlow.FlowSpecs.&lt;ClassName&gt;</c> for one flowSpec.</summary>
internal static class FlowSpecEmitter
{
    public static string Emit(FlowSpecModel spec, string accessibility = "public", string rootNamespace = EmitOptions.DefaultRootNamespace)
    {
        var w = SourceFile.Begin(rootNamespace + ".FlowSpecs");
        w.Line("/// <summary>");
        w.Line("/// Typed requests for the flowSpec <c>" + CodeWriter.Xml(spec.Name) + "</c> (id <c>" + CodeWriter.Xml(spec.Id) + "</c>, version " + CodeWriter.Xml(spec.Version) + ").");
        if (!string.IsNullOrWhiteSpace(spec.Description))
        {
            w.Line("/// " + CodeWriter.Xml(spec.Description!));
        }

        w.Line("/// </summary>");
        w.Line(SourceFile.GeneratedCodeAttribute);
        SchemaMetadataEmitter.Emit(spec.Types, flowRequest: true, w);
        w.OpenBlock(accessibility + " static partial class " + spec.ClassName);
        w.Line("/// <summary>The flowSpec id, sent as <c>flowSpec.id</c>.</summary>");
        w.Line("public const string Id = " + CodeWriter.Literal(spec.Id) + ";");
        w.Line();
        w.Line("/// <summary>The flowSpec version, sent as <c>flowSpec.version</c>.</summary>");
        w.Line("public const string Version = " + CodeWriter.Literal(spec.Version) + ";");
        w.Line();
        w.Line("/// <summary>The flowSpec name as the Flow Service spells it.</summary>");
        w.Line("public const string Name = " + CodeWriter.Literal(spec.Name) + ";");
        w.Line();
        w.Line("/// <summary>Ids of the connectionSpecs whose source connections this flowSpec accepts.</summary>");
        w.Line("public static IReadOnlyList<string> SourceConnectionSpecIds { get; } = " + StringArray(spec.SourceConnectionSpecIds) + ";");
        w.Line();
        w.Line("/// <summary>Ids of the connectionSpecs whose target connections this flowSpec accepts.</summary>");
        w.Line("public static IReadOnlyList<string> TargetConnectionSpecIds { get; } = " + StringArray(spec.TargetConnectionSpecIds) + ";");
        w.Line();
        CreateFlowRequestEmitter.Emit(spec, w);

        foreach (var type in spec.Types.Objects)
        {
            w.Line();
            string? fallback = null;
            if (type.Name == spec.ScheduleTypeName)
            {
                fallback = "The <c>scheduleParams</c> of a " + CodeWriter.Xml(spec.Name) + " flow.";
            }

            foreach (var transformation in spec.Transformations)
            {
                if (transformation.TypeName == type.Name)
                {
                    fallback = "The params of the <c>" + CodeWriter.Xml(transformation.Name) + "</c> transformation.";
                }
            }

            ModelEmitter.EmitRecord(type, spec.Types, "global::" + rootNamespace + ".FlowSpecs." + spec.ClassName + ".", w, fallback);
        }

        foreach (var type in spec.Types.Enums)
        {
            w.Line();
            ModelEmitter.EmitEnum(type, w);
        }

        w.Close();
        return SourceFile.End(w);
    }

    public static string StringArray(EquatableArray<string> values)
    {
        if (values.IsEmpty)
        {
            return "global::System.Array.Empty<string>()";
        }

        var parts = new List<string>();
        foreach (var value in values)
        {
            parts.Add(CodeWriter.Literal(value));
        }

        return "global::System.Array.AsReadOnly(new[] { " + string.Join(", ", parts) + " })";
    }
}
