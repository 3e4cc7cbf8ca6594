using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using AepFlow.Generator.Declarative;
using AepFlow.Generator.Json;
using Microsoft.CodeAnalysis;

using AepFlow.Generator.Emit;

namespace AepFlow.Generator.Declarative.Xdm;

/// <summary>
/// Emits typed XDM field paths from <c>*.xdm.json</c> AdditionalFiles: <c>AepFlow.Xdm.&lt;SchemaTitle&gt;.Person.Name.FirstName</c>
/// is the constant <c>"person.name.firstName"</c>, so mappings written in C# cannot name a field the schema lacks.
/// Every object field is a nested static class with a <c>Path</c> constant; every leaf is a constant.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class XdmPathGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Each file's parsed root; composed after Collect, because a file may $ref a component another file defines.
        // AepFlowNamespace replaces the AepFlow root of the schema classes too (<root>.Xdm), as for every generated type.
        // Classes only between steps, Combine over classes (PipelineValues.cs says why).
        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => AepFlowGenerator.ReadRootNamespace(provider.GlobalOptions));
        var files = context.AdditionalTextsProvider
            .Where(static file => DeclarativeFiles.Is(file.Path, DeclarativeFiles.XdmSuffix))
            .Select(static (file, cancellationToken) => new FileText(file.Path, file.GetText(cancellationToken)?.ToString() ?? ""))
            .WithTrackingName("XdmSchemas")
            .Collect();
        var schemas = rootNamespace
            .Combine(files)
            .Select(static (input, _) => Emit(input.Right, input.Left))
            .WithTrackingName("XdmSources");

        context.RegisterSourceOutput(schemas, static (output, sources) =>
        {
            foreach (var source in sources)
            {
                output.AddSource(source.Key, source.Value);
            }
        });

        // The bundled standard components: one file, emitted only when the project names <root>.Xdm.Standard or asks for every
        // bundled output (AepFlowSpecs=*), and never where the client library itself compiles (pay for what is used).
        // AepFlowNamespace replaces its AepFlow root too (<root>.Xdm.Standard).
        var named = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, ct) => Usage.StandardXdmUsage.IsCandidate(node, ct), static (_, _) => Flag.Yes)
            .Collect()
            .Select(static (uses, _) => Flag.Of(!uses.IsEmpty))
            .WithTrackingName("XdmStandardNamed");
        var standard = context.AnalyzerConfigOptionsProvider
            .Combine(named)
            .Select(static (input, _) => StandardOptions(input.Left.GlobalOptions, input.Right.Value))
            .WithTrackingName("XdmStandard");
        context.RegisterSourceOutput(standard, static (output, options) =>
        {
            if (options is not null)
            {
                output.AddSource("Xdm.Standard.g.cs", StandardXdm.Emit(options.Accessibility, options.RootNamespace));
            }
        });
    }

    /// <summary>Accessibility and root namespace of <c>Xdm.Standard.g.cs</c>, or null when it is not generated.</summary>
    private static Model.EmitOptions? StandardOptions(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options, bool named)
    {
        var specs = AepFlowGenerator.ReadOptions(options);
        // Precompiled: the referenced AepFlow.Specs.dll has the file's types already.
        if (specs.GenerateClient || specs.BundledPrecompiled || !(named || specs.SelectedSpecs.Contains(BundledSpecs.All)))
        {
            return null;
        }

        return new Model.EmitOptions(AepFlowGenerator.ReadAccessibility(options), AepFlowGenerator.ReadRootNamespace(options));
    }

    private sealed class XdmFile
    {
        public XdmFile(string fileName, XdmSchema schema)
        {
            FileName = fileName;
            Schema = schema;
        }

        public string FileName { get; }

        public XdmSchema Schema { get; }
    }

    /// <summary>One source per schema; class names unique across files (a title used twice gets 2, 3…) and never <c>Standard</c>.</summary>
    private static EquatableSources Emit(System.Collections.Immutable.ImmutableArray<FileText> files, string rootNamespace)
    {
        if (files.IsEmpty)
        {
            return new EquatableSources(Array.Empty<KeyValuePair<string, string>>()); // no *.xdm.json: nothing parsed, nothing loaded
        }

        var roots = new List<(string Path, JsonNode Root)>();
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (JsonTreeReader.Parse(file.Text).Root is { Kind: JsonNodeKind.Object } root)
            {
                roots.Add((file.Path, root));
            }
        }

        if (roots.Count == 0)
        {
            return new EquatableSources(Array.Empty<KeyValuePair<string, string>>()); // nothing to do: the bundled components are not even loaded
        }

        var components = XdmComponents.Bundled.With(roots.Select(r => r.Root));
        var taken = new HashSet<string>(StringComparer.Ordinal) { "Standard" };
        var sources = new List<KeyValuePair<string, string>>();
        foreach (var (path, root) in roots)
        {
            var file = new XdmFile(DeclarativeFiles.BaseName(path, DeclarativeFiles.XdmSuffix), XdmSchema.FromJson(root, components));
            string className = Naming.Unique(CodeNames.Pascal(file.Schema.Title ?? file.FileName), taken);
            sources.Add(new KeyValuePair<string, string>($"Xdm.{className}.g.cs", EmitSchema(className, file, rootNamespace)));
        }

        return new EquatableSources(sources);
    }

    private static string EmitSchema(string className, XdmFile file, string rootNamespace)
    {
        var schema = file.Schema;
        var sb = new StringBuilder();
        sb.AppendLine("// <auto-generated/>");
        sb.AppendLine("#nullable enable");
        sb.AppendLine();
        sb.AppendLine("namespace " + rootNamespace + ".Xdm");
        sb.AppendLine("{");
        sb.AppendLine($"    /// <summary>Field paths of the XDM schema {CodeWriter.Xml(schema.Title ?? file.FileName)} (from {CodeWriter.Xml(file.FileName)}.xdm.json), as mapping destinations write them.</summary>");
        sb.AppendLine("    [global::System.CodeDom.Compiler.GeneratedCode(\"AepFlow.Generator\", \"1.0\")]");
        sb.AppendLine($"    public static partial class {className}");
        sb.AppendLine("    {");
        var reserved = new HashSet<string>(StringComparer.Ordinal) { className };
        if (schema.Id != null)
        {
            sb.AppendLine("        /// <summary>The schema's <c>$id</c>, as a mapping set's <c>outputSchema.schemaRef.id</c> names it.</summary>");
            sb.AppendLine($"        public const string SchemaId = {CodeWriter.Literal(schema.Id)};");
            reserved.Add("SchemaId");
        }

        if (schema.AltId != null)
        {
            sb.AppendLine("        /// <summary>The schema's <c>meta:altId</c>.</summary>");
            sb.AppendLine($"        public const string AltId = {CodeWriter.Literal(schema.AltId)};");
            reserved.Add("AltId");
        }

        XdmPathEmitter.EmitFields(sb, schema.Fields, reserved, "        ", titlesOnly: false);
        sb.AppendLine("    }");
        sb.AppendLine("}");
        return sb.ToString();
    }
}
