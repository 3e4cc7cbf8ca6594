using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using AepFlow.Generator.Json;
using AepFlow.Generator.Declarative.Specs;
using AepFlow.Generator.Declarative.Xdm;
using AepFlow.Generator.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AepFlow.Generator.Declarative;

/// <summary>File-name conventions of the AdditionalFiles AepFlow reads, and loading helpers shared by analyzers and generators.</summary>
internal static class DeclarativeFiles
{
    public const string FlowSuffix = ".flow.json";
    public const string MappingSuffix = ".mapping.json";
    public const string XdmSuffix = ".xdm.json";

    public static bool Is(string path, string suffix) => path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The file name without its convention suffix: <c>crm-daily.flow.json</c> → <c>crm-daily</c>.</summary>
    public static string BaseName(string path, string suffix)
    {
        string name = Path.GetFileName(path);
        return name.Length > suffix.Length ? name.Substring(0, name.Length - suffix.Length) : name;
    }

    /// <summary>The specs of this compilation (its build options and spec AdditionalFiles), as the generator generates them.</summary>
    public static SpecCatalog LoadCatalog(ImmutableArray<AdditionalText> files, AnalyzerConfigOptions globalOptions, CancellationToken cancellationToken)
    {
        var specFiles = new List<KeyValuePair<string, string>>();
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (SpecRules.KindOfFile(file.Path) is null)
            {
                continue;
            }

            var text = file.GetText(cancellationToken)?.ToString();
            if (text != null)
            {
                specFiles.Add(new KeyValuePair<string, string>(file.Path, text));
            }
        }

        return SpecCatalog.Build(AepFlowGenerator.ReadOptions(globalOptions), specFiles);
    }

    /// <summary>
    /// Reads a declarative file with the one JSON reader: a syntax error becomes AEPF024 (<paramref name="what"/> names the
    /// file, "This flow file") and each duplicate key AEPF006. Null when the text is not JSON.
    /// </summary>
    public static JsonNode? Read(string text, string what, List<Finding> findings)
    {
        var parsed = JsonTreeReader.Parse(text);
        if (parsed.Error is { } error)
        {
            findings.Add(new Finding(Diagnostics.DiagnosticDescriptors.InvalidJsonFile, new Microsoft.CodeAnalysis.Text.TextSpan(error.Position, 0), what, error.Message));
            return null;
        }

        foreach (var duplicate in parsed.DuplicateKeys)
        {
            findings.Add(new Finding(Diagnostics.DiagnosticDescriptors.DuplicateJsonKey, duplicate.NameSpan, duplicate.Name));
        }

        return parsed.Root;
    }

    /// <summary>
    /// Every readable <c>*.xdm.json</c> AdditionalFile (unreadable ones are reported where they are analyzed), composed with
    /// the bundled standard components and each other, and the component library they form.
    /// </summary>
    public static (IReadOnlyList<XdmSchema> Schemas, XdmComponents Components) LoadXdm(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        var roots = new List<JsonNode>();
        foreach (var file in files.Where(f => Is(f.Path, XdmSuffix)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var text = file.GetText(cancellationToken)?.ToString();
            if (text != null && JsonTreeReader.Parse(text).Root is { Kind: JsonNodeKind.Object } root)
            {
                roots.Add(root);
            }
        }

        var components = roots.Count == 0 ? XdmComponents.Bundled : XdmComponents.Bundled.With(roots);
        return (roots.Select(root => XdmSchema.FromJson(root, components)).ToList(), components);
    }
}
