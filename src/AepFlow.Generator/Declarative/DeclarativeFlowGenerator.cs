using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

using AepFlow.Generator.Emit;

namespace AepFlow.Generator.Declarative;

/// <summary>
/// Turns each valid <c>*.flow.json</c> AdditionalFile into a typed factory: <c>AepFlow.Flows.&lt;FileName&gt;.Create()</c>
/// (<c>&lt;root&gt;.Flows</c> when <c>AepFlowNamespace</c> sets another root)
/// returns the flowSpec's generated <c>CreateFlowRequest</c>, read from the file's JSON through the generated
/// <c>AepFlowJsonContext</c> (no reflection), with the connection ids replaceable per call. Files with errors get no factory;
/// <see cref="Analyzers.DeclarativeFileAnalyzer"/> reports why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DeclarativeFlowGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Classes only between steps, Combine over classes (PipelineValues.cs says why).
        var flows = context.AdditionalTextsProvider
            .Where(static f => DeclarativeFiles.Is(f.Path, DeclarativeFiles.FlowSuffix))
            .Select(static (f, ct) => new FileText(f.Path, f.GetText(ct)?.ToString() ?? ""))
            .Collect()
            .Select(static (files, _) => Sources(files))
            .WithTrackingName("FlowFiles");

        // The user's spec files change which flowSpec ids exist and what their class is called.
        var specs = context.AdditionalTextsProvider
            .Where(static f => Generator.Specs.SpecRules.KindOfFile(f.Path) is not null)
            .Select(static (f, ct) => new FileText(f.Path, f.GetText(ct)?.ToString() ?? ""))
            .Collect()
            .Select(static (files, _) => Sources(files))
            .WithTrackingName("FlowSpecFiles");

        // AepFlowNamespace: the same root the spec generator uses, so the factories find its classes; AepFlowSpecs and
        // AepFlowIncludeBundledSpecs: the same specs it generates, so no factory names a class that does not exist.
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => new FlowOptions(AepFlowGenerator.ReadRootNamespace(provider.GlobalOptions), AepFlowGenerator.ReadOptions(provider.GlobalOptions)));

        var sources = flows
            .Combine(specs)
            .Select(static (pair, _) => new FlowInputs(pair.Left, pair.Right))
            .Combine(options)
            .Select(static (pair, _) => Emit(pair.Left.Flows, pair.Left.Specs, pair.Right.Specs, pair.Right.Root))
            .WithTrackingName("FlowFactories");

        context.RegisterSourceOutput(sources, static (output, files) =>
        {
            foreach (var file in files)
            {
                output.AddSource(file.Key, file.Value);
            }
        });
    }

    private static EquatableSources Sources(System.Collections.Immutable.ImmutableArray<FileText> files)
    {
        if (files.IsEmpty)
        {
            return Empty;
        }

        var pairs = new List<KeyValuePair<string, string>>(files.Length);
        foreach (var file in files)
        {
            pairs.Add(new KeyValuePair<string, string>(file.Path, file.Text));
        }

        pairs.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new EquatableSources(pairs);
    }

    private static readonly EquatableSources Empty = new(Array.Empty<KeyValuePair<string, string>>());

    private sealed record FlowOptions(string Root, Model.GeneratorOptions Specs);

    private sealed record FlowInputs(EquatableSources Flows, EquatableSources Specs);

    private static EquatableSources Emit(EquatableSources flowFiles, EquatableSources specFiles, Model.GeneratorOptions options, string rootNamespace)
    {
        if (flowFiles.Count == 0)
        {
            return flowFiles; // nothing to do: the spec catalog is not even loaded
        }

        var catalog = Specs.SpecCatalog.Build(options, specFiles.ToList());
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<KeyValuePair<string, string>>();
        foreach (var file in flowFiles)
        {
            var findings = FlowFileChecker.Check(file.Value, catalog, out _, out var flowSpec);
            if (flowSpec == null || findings.Any(f => f.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
            {
                continue;
            }

            string baseName = DeclarativeFiles.BaseName(file.Key, DeclarativeFiles.FlowSuffix);
            string className = Naming.Unique(CodeNames.Pascal(baseName), taken);
            result.Add(new KeyValuePair<string, string>($"Flows.{className}.g.cs", EmitFactory(className, baseName, file.Value, flowSpec, rootNamespace)));
        }

        return new EquatableSources(result);
    }

    private static string EmitFactory(string className, string baseName, string json, Specs.FlowSpecInfo flowSpec, string rootNamespace)
    {
        // The class the generator emitted for this flowSpec, as its resolver named it (suffixes, collisions).
        string specClass = flowSpec.ClassName;
        string requestType = $"global::{rootNamespace}.FlowSpecs.{specClass}.CreateFlowRequest";
        var sb = new StringBuilder();
        sb.AppendLine("// <auto-generated/>");
        sb.AppendLine("#nullable enable");
        sb.AppendLine();
        sb.AppendLine($"namespace {rootNamespace}.Flows");
        sb.AppendLine("{");
        sb.AppendLine($"    /// <summary>The flow declared in {CodeWriter.Xml(baseName)}.flow.json (flowSpec {CodeWriter.Xml(flowSpec.Name)}), checked at build time.</summary>");
        sb.AppendLine("    [global::System.CodeDom.Compiler.GeneratedCode(\"AepFlow.Generator\", \"1.0\")]");
        sb.AppendLine($"    public static partial class {className}");
        sb.AppendLine("    {");
        sb.AppendLine("        /// <summary>The file's POST /flows body, as written.</summary>");
        sb.AppendLine($"        public const string Json = {CodeWriter.Literal(json)};");
        sb.AppendLine();
        sb.AppendLine("        /// <summary>The flow as a typed request; pass connection ids to replace the file's (they differ per sandbox).</summary>");
        sb.AppendLine("        /// <param name=\"sourceConnectionIds\">Source connection ids to use instead of the file's, or null to keep them.</param>");
        sb.AppendLine("        /// <param name=\"targetConnectionIds\">Target connection ids to use instead of the file's, or null to keep them.</param>");
        sb.AppendLine($"        public static {requestType} Create(");
        sb.AppendLine("            global::System.Collections.Generic.IReadOnlyList<string>? sourceConnectionIds = null,");
        sb.AppendLine("            global::System.Collections.Generic.IReadOnlyList<string>? targetConnectionIds = null)");
        sb.AppendLine("        {");
        sb.AppendLine($"            var request = global::System.Text.Json.JsonSerializer.Deserialize(Json, global::{rootNamespace}.FlowSpecs.AepFlowJsonContext.Default.{specClass}CreateFlowRequest)!;");
        sb.AppendLine("            return request with");
        sb.AppendLine("            {");
        sb.AppendLine("                SourceConnectionIds = sourceConnectionIds ?? request.SourceConnectionIds,");
        sb.AppendLine("                TargetConnectionIds = targetConnectionIds ?? request.TargetConnectionIds,");
        sb.AppendLine("            };");
        sb.AppendLine("        }");
        sb.AppendLine("    }");
        sb.AppendLine("}");
        return sb.ToString();
    }
}
