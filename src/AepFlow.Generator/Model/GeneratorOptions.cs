namespace AepFlow.Generator.Model;

/// <summary>The build properties the generator reads (declared as CompilerVisibleProperty in build/AepFlow.Generator.props).</summary>
/// <param name="GenerateClient"><c>AepFlowGenerateClient</c>: the compilation gets the OpenAPI client, not the spec models.</param>
/// <param name="IncludeBundledSpecs"><c>AepFlowIncludeBundledSpecs</c> (default true).</param>
/// <param name="SelectedSpecs">
/// <c>AepFlowSpecs</c>: names or ids of bundled specs to generate; <c>*</c> means all; empty means those the project names.
/// </param>
/// <param name="BundledPrecompiled">
/// <c>AepFlowBundledSpecsPrecompiled</c>, set by the package's build targets only: the compilation references the bundled
/// specs' types precompiled (<c>AepFlow.Specs.dll</c>), so none of them is generated here; they still take part in resolution
/// and checks as they would if generated.
/// </param>
internal sealed record GeneratorOptions(bool GenerateClient, bool IncludeBundledSpecs, EquatableArray<string> SelectedSpecs, bool BundledPrecompiled = false);

/// <summary>The bundled specs that pass the options' filter.</summary>
// Placeholders: ids of the bundled specs the project does not use; their models (no types) only keep their class names
// taken during resolution, and are dropped after it.
internal sealed record BundledSpecSet(EquatableArray<FlowSpecModel> FlowSpecs, EquatableArray<ConnectionSpecModel> ConnectionSpecs, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<string> Placeholders);

/// <summary>The specs to generate after user files replaced bundled ones and class names were made unique.</summary>
internal sealed record ResolvedSpecs(EquatableArray<FlowSpecModel> FlowSpecs, EquatableArray<ConnectionSpecModel> ConnectionSpecs);

/// <summary>Build properties that shape the emitted text only (read apart from <see cref="GeneratorOptions"/> so spec steps stay cached).</summary>
/// <param name="Accessibility"><c>AepFlowGeneratedAccessibility</c>: <c>public</c> (default) or <c>internal</c>.</param>
/// <param name="RootNamespace"><c>AepFlowNamespace</c>: root of the generated namespaces (default <c>AepFlow</c>).</param>
internal sealed record EmitOptions(string Accessibility, string RootNamespace)
{
    public const string DefaultRootNamespace = "AepFlow";
}
