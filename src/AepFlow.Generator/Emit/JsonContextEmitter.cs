using AepFlow.Generator.Model;

namespace AepFlow.Generator.Emit;

/// <summary>
/// Emits <c>AepFlowJsonContext</c>: a <c>JsonSerializerContext</c> whose type infos wrap the generated converters through
/// <c>JsonMetadataServices.CreateValueInfo</c>, shaped like the System.Text.Json generator's own output (no reflection, AOT-safe).
/// </summary>
internal static class JsonContextEmitter
{
    public static string Emit(CatalogModel catalog, string accessibility = "public", string rootNamespace = EmitOptions.DefaultRootNamespace)
    {
        var w = SourceFile.Begin(rootNamespace + ".FlowSpecs");
        w.Line("/// <summary>");
        w.Line("/// Source-generated serialization metadata for every generated flowSpec and connectionSpec model, for trimming and");
        w.Line("/// Native AOT: <c>JsonSerializer.Serialize(request, AepFlowJsonContext.Default.CrmToAepCreateFlowRequest)</c>.");
        w.Line("/// </summary>");
        w.Line(SourceFile.GeneratedCodeAttribute);
        w.OpenBlock(accessibility + " sealed partial class AepFlowJsonContext : JsonSerializerContext, IJsonTypeInfoResolver");
        w.Line("private static readonly JsonSerializerOptions s_defaultOptions = new();");
        w.Line();
        w.Line("/// <summary>Creates a context bound to default options.</summary>");
        w.Line("public AepFlowJsonContext()");
        w.Line("    : base(null)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Line("/// <summary>Creates a context bound to <paramref name=\"options\"/>.</summary>");
        w.Line("/// <param name=\"options\">The options the context's type infos use.</param>");
        w.Line("public AepFlowJsonContext(JsonSerializerOptions options)");
        w.Line("    : base(options)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Line("/// <summary>The shared instance.</summary>");
        w.Line("public static AepFlowJsonContext Default { get; } = new(new JsonSerializerOptions(s_defaultOptions));");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("protected override JsonSerializerOptions? GeneratedSerializerOptions { get; } = s_defaultOptions;");
        foreach (var type in catalog.Types)
        {
            var field = "_" + CodeWriter.Camel(type.PropertyName).TrimStart('@');
            w.Line();
            w.Line("private JsonTypeInfo<" + type.FullName + ">? " + field + ";");
            w.Line();
            w.Line("/// <summary>Metadata for <see cref=\"" + type.FullName.Replace("global::", string.Empty) + "\"/>.</summary>");
            w.Line("public JsonTypeInfo<" + type.FullName + "> " + type.PropertyName + " =>");
            w.Line("    " + field + " ??= (JsonTypeInfo<" + type.FullName + ">)Options.GetTypeInfo(typeof(" + type.FullName + "));");
        }

        w.Line();
        w.Line("/// <inheritdoc />");
        w.OpenBlock("public override JsonTypeInfo? GetTypeInfo(global::System.Type type)");
        w.Line("Options.TryGetTypeInfo(type, out var typeInfo);");
        w.Line("return typeInfo;");
        w.Close();
        w.Line();
        w.OpenBlock("JsonTypeInfo? IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, JsonSerializerOptions options)");
        foreach (var type in catalog.Types)
        {
            w.OpenBlock("if (type == typeof(" + type.FullName + "))");
            w.Line("return Create(options, new " + type.FullName + "JsonConverter());");
            w.Close();
            w.Line();
        }

        w.Line("return null;");
        w.Close();
        w.Line();
        w.OpenBlock("private JsonTypeInfo<T> Create<T>(JsonSerializerOptions options, JsonConverter<T> converter)");
        w.Line("var typeInfo = JsonMetadataServices.CreateValueInfo<T>(options, converter);");
        w.Line("typeInfo.OriginatingResolver = this;");
        w.Line("return typeInfo;");
        w.Close();
        w.Close();
        return SourceFile.End(w);
    }
}
