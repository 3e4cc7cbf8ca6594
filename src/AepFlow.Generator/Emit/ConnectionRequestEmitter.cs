using AepFlow.Generator.Model;

namespace AepFlow.Generator.Emit;

/// <summary>
/// Makes a connectionSpec class usable as the <c>TSpec</c> of the client's typed connection requests and ids
/// (<c>CreateSourceConnectionRequest&lt;Salesforce&gt;</c>, <c>SourceConnectionId&lt;Salesforce&gt;</c>): the spec's id, version
/// and source data format through <c>AepFlow.IConnectionSpec</c>, and each auth, source and target params record tagged with
/// its spec, so a Dynamics auth record cannot create a Salesforce connection.
/// </summary>
internal static class ConnectionRequestEmitter
{
    private const string SpecInterface = "global::AepFlow.IConnectionSpec";

    /// <summary>The base list of the spec class.</summary>
    public static string BaseList => " : " + SpecInterface;

    /// <summary>Writes the members inside the spec class (after the constants).</summary>
    public static void EmitMembers(ConnectionSpecModel spec, CodeWriter w)
    {
        w.Line();
        w.Line("/// <summary>The connectionSpec version, sent as <c>connectionSpec.version</c>.</summary>");
        w.Line("public const string Version = " + CodeWriter.Literal(spec.Version) + ";");
        w.Line();
        w.Line("// Never instantiated: the class is a namespace for the spec's types and the TSpec of typed requests and ids.");
        w.OpenBlock("private " + spec.ClassName + "()");
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("static string " + SpecInterface + ".SpecId => Id;");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("static string " + SpecInterface + ".SpecVersion => Version;");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("static string? " + SpecInterface + ".SourceDataFormat => " + (spec.SourceDataFormat is null ? "null" : CodeWriter.Literal(spec.SourceDataFormat)) + ";");
        foreach (var auth in spec.AuthSpecs)
        {
            var contract = "global::AepFlow.Requests.IConnectionAuth<" + spec.ClassName + ">";
            w.Line();
            w.OpenBlock("partial record " + auth.TypeName + " : " + contract);
            w.Line("/// <inheritdoc />");
            w.Line("string " + contract + ".AuthSpecName => SpecName;");
            w.Close();
        }

        if (spec.SourceParamsTypeName is not null)
        {
            w.Line();
            w.OpenBlock("partial record " + spec.SourceParamsTypeName + " : global::AepFlow.Requests.ISourceParams<" + spec.ClassName + ">");
            w.Close();
        }

        if (spec.TargetParamsTypeName is not null)
        {
            w.Line();
            w.OpenBlock("partial record " + spec.TargetParamsTypeName + " : global::AepFlow.Requests.ITargetParams<" + spec.ClassName + ">");
            w.Close();
        }
    }
}
