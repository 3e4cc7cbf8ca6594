using AepFlow.Generator.Model;

namespace AepFlow.Generator.Emit;

/// <summary>Emits <c>AepFlow.ConnectionSpecs.&lt;ClassName&gt;</c> for one connectionSpec.</summary>
internal static class ConnectionSpecEmitter
{
    public static string Emit(ConnectionSpecModel spec, string accessibility = "public", string rootNamespace = EmitOptions.DefaultRootNamespace)
    {
        var w = SourceFile.Begin(rootNamespace + ".ConnectionSpecs");
        w.Line("/// <summary>");
        w.Line("/// Typed parameters for the connectionSpec <c>" + CodeWriter.Xml(spec.Name) + "</c> (id <c>" + CodeWriter.Xml(spec.Id) + "</c>).");
        if (!string.IsNullOrWhiteSpace(spec.Description))
        {
            w.Line("/// " + CodeWriter.Xml(spec.Description!));
        }

        w.Line("/// </summary>");
        w.Line(SourceFile.GeneratedCodeAttribute);
        SchemaMetadataEmitter.Emit(spec.Types, flowRequest: false, w);
        w.OpenBlock(accessibility + " sealed partial class " + spec.ClassName + ConnectionRequestEmitter.BaseList);
        w.Line("/// <summary>The connectionSpec id, sent as <c>connectionSpec.id</c>.</summary>");
        w.Line("public const string Id = " + CodeWriter.Literal(spec.Id) + ";");
        w.Line();
        w.Line("/// <summary>The connectionSpec name as the Flow Service spells it.</summary>");
        w.Line("public const string Name = " + CodeWriter.Literal(spec.Name) + ";");
        if (spec.ProviderId is not null)
        {
            w.Line();
            w.Line("/// <summary>The id of the provider that owns the connectionSpec.</summary>");
            w.Line("public const string ProviderId = " + CodeWriter.Literal(spec.ProviderId) + ";");
        }

        ConnectionRequestEmitter.EmitMembers(spec, w);

        foreach (var type in spec.Types.Objects)
        {
            w.Line();
            var authName = AuthSpecName(spec, type.Name);
            if (authName is not null)
            {
                EmitAuthRecord(type, authName, spec, rootNamespace, w);
            }
            else
            {
                var fallback = type.Name == spec.SourceParamsTypeName
                    ? "The <c>params</c> of a source connection for " + CodeWriter.Xml(spec.Name) + "."
                    : type.Name == spec.TargetParamsTypeName
                        ? "The <c>params</c> of a target connection for " + CodeWriter.Xml(spec.Name) + "."
                        : null;
                ModelEmitter.EmitRecord(type, spec.Types, "global::" + rootNamespace + ".ConnectionSpecs." + spec.ClassName + ".", w, fallback);
            }
        }

        foreach (var type in spec.Types.Enums)
        {
            w.Line();
            ModelEmitter.EmitEnum(type, w);
        }

        w.Close();
        return SourceFile.End(w);
    }

    private static void EmitAuthRecord(ObjectTypeModel type, string authName, ConnectionSpecModel spec, string rootNamespace, CodeWriter w)
    {
        // The auth record also carries the authSpec name, which a base connection's "auth.specName" must repeat.
        var fallback = "The <c>auth.params</c> of a " + CodeWriter.Xml(spec.Name) + " base connection using <c>" + CodeWriter.Xml(authName) + "</c>.";
        ModelEmitter.EmitRecord(type, spec.Types, "global::" + rootNamespace + ".ConnectionSpecs." + spec.ClassName + ".", w, fallback, members =>
        {
            members.Line("/// <summary>The authSpec name, sent as <c>auth.specName</c>.</summary>");
            members.Line("public const string SpecName = " + CodeWriter.Literal(authName) + ";");
            members.Line();
        });
    }

    private static string? AuthSpecName(ConnectionSpecModel spec, string typeName)
    {
        foreach (var auth in spec.AuthSpecs)
        {
            if (auth.TypeName == typeName)
            {
                return auth.SpecName;
            }
        }

        return null;
    }
}
