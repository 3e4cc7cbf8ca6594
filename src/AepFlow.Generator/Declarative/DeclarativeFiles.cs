using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using AepFlow.Generator.Declarative.Json;
using AepFlow.Generator.Declarative.Specs;
using AepFlow.Generator.Declarative.Xdm;
using Microsoft.CodeAnalysis;

namespace AepFlow.Generator.Declarative;

/// <summary>File-name conventions of the AdditionalFiles AepFlow reads, and loading helpers shared by analyzers and generators.</summary>
internal static class DeclarativeFiles
{
    public const string FlowSuffix = ".flow.json";
    public const string MappingSuffix = ".mapping.json";
    public const string XdmSuffix = ".xdm.json";
    public const string FlowSpecSuffix = ".flowspec.json";
    public const string ConnectionSpecSuffix = ".connectionspec.json";

    public static bool Is(string path, string suffix) => path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The file name without its convention suffix: <c>crm-daily.flow.json</c> → <c>crm-daily</c>.</summary>
    public static string BaseName(string path, string suffix)
    {
        string name = Path.GetFileName(path);
        return name.Length > suffix.Length ? name.Substring(0, name.Length - suffix.Length) : name;
    }

    /// <summary>The bundled specs overlaid with the user's spec AdditionalFiles.</summary>
    public static SpecCatalog LoadCatalog(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        var flowSpecs = new List<KeyValuePair<string, string>>();
        var connectionSpecs = new List<KeyValuePair<string, string>>();
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            bool flow = Is(file.Path, FlowSpecSuffix);
            if (!flow && !Is(file.Path, ConnectionSpecSuffix))
            {
                continue;
            }

            var text = file.GetText(cancellationToken)?.ToString();
            if (text != null)
            {
                (flow ? flowSpecs : connectionSpecs).Add(new KeyValuePair<string, string>(file.Path, text));
            }
        }

        return flowSpecs.Count == 0 && connectionSpecs.Count == 0 ? SpecCatalog.Bundled : SpecCatalog.Bundled.With(flowSpecs, connectionSpecs);
    }

    /// <summary>Every readable <c>*.xdm.json</c> AdditionalFile (unreadable ones are reported where they are analyzed).</summary>
    public static IReadOnlyList<XdmSchema> LoadXdmSchemas(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        var schemas = new List<XdmSchema>();
        foreach (var file in files.Where(f => Is(f.Path, XdmSuffix)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var text = file.GetText(cancellationToken)?.ToString();
            if (text != null && PositionedJsonParser.Parse(text, out _) is { Kind: JsonNodeKind.Object } root)
            {
                schemas.Add(XdmSchema.FromJson(root));
            }
        }

        return schemas;
    }
}
