using System;
using System.Collections.Generic;
using System.Text;
using AepFlow.Generator.Json;
using AepFlow.Generator.Specs;

namespace AepFlow.Generator;

/// <summary>
/// The bundled-spec index: each embedded spec file's resource name with its specs' kind, id, name and class name — all the
/// usage scan and an unused build need. It is computed when the generator itself is built (<c>AepFlow.OpenApi.Digest
/// --spec-index</c>, which compiles this file) and embedded as <see cref="ResourceName"/>, so a consumer's build reads 28
/// short lines instead of parsing 132 KB of spec JSON. The same <see cref="Read"/> computes it at run time when the resource
/// is missing; a test holds the embedded index equal to what reading the embedded specs gives.
/// </summary>
internal static class BundledSpecIndex
{
    /// <summary>The embedded index's resource name.</summary>
    public const string ResourceName = "AepFlow.Specs.index";

    /// <summary>Resource name prefix of the bundled flowSpec files.</summary>
    public const string FlowPrefix = "AepFlow.Specs.flowspecs.";

    /// <summary>Resource name prefix of the bundled connectionSpec files.</summary>
    public const string ConnectionPrefix = "AepFlow.Specs.connectionspecs.";

    /// <summary>The kind of specs an embedded resource holds, or null when it is no spec file.</summary>
    public static SpecKind? KindOfResource(string resourceName) =>
        resourceName.StartsWith(FlowPrefix, StringComparison.Ordinal) ? SpecKind.FlowSpec
        : resourceName.StartsWith(ConnectionPrefix, StringComparison.Ordinal) ? SpecKind.ConnectionSpec
        : null;

    /// <summary>
    /// A spec file's index entries: only each spec's id and name, with the one JSON reader and the one rule of what a spec
    /// value is, and the class name <see cref="Naming.ToPascalCase"/> gives it. A file whose index cannot be read gets no
    /// entries and is read in full when used, so its diagnostics are what <c>SpecFileReader</c> says.
    /// </summary>
    public static List<BundledSpecEntry> Read(string text, SpecKind kind)
    {
        var entries = new List<BundledSpecEntry>();
        if (JsonTreeReader.Parse(text).Root is { } root && SpecRules.Items(root, out _) is { } items)
        {
            foreach (var (node, _) in items)
            {
                if (SpecRules.WhyNotASpec(node, kind) is null && node.GetString("id") is { } id && node.GetString("name") is { } name)
                {
                    entries.Add(new BundledSpecEntry(kind, id, name, Naming.ToPascalCase(name)));
                }
            }
        }

        return entries;
    }

    // Format: one line per file, tab-separated: the resource name, then kind ("F"/"C"), id, name and class name per spec.
    // Plain text, so reading it needs no JSON reader; a field holding a tab or a line break cannot be written (the
    // generator's build fails), so nothing needs escaping.

    /// <summary>The index as text.</summary>
    public static string Write(IEnumerable<IndexedFile> files)
    {
        var text = new StringBuilder();
        foreach (var file in files)
        {
            text.Append(Field(file.ResourceName));
            foreach (var entry in file.Entries)
            {
                text.Append('\t').Append(entry.Kind == SpecKind.FlowSpec ? "F" : "C")
                    .Append('\t').Append(Field(entry.Id))
                    .Append('\t').Append(Field(entry.Name))
                    .Append('\t').Append(Field(entry.ClassName));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The index from its text; null when the text is not an index (the caller then reads the specs).</summary>
    public static List<IndexedFile>? Parse(string text)
    {
        var files = new List<IndexedFile>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length % 4 != 1 || KindOfResource(fields[0]) is null)
            {
                return null;
            }

            var entries = new List<BundledSpecEntry>();
            for (var i = 1; i < fields.Length; i += 4)
            {
                var kind = fields[i] switch
                {
                    "F" => SpecKind.FlowSpec,
                    "C" => (SpecKind?)SpecKind.ConnectionSpec,
                    _ => null,
                };
                if (kind is null)
                {
                    return null;
                }

                entries.Add(new BundledSpecEntry(kind.Value, fields[i + 1], fields[i + 2], fields[i + 3]));
            }

            files.Add(new IndexedFile(fields[0], entries));
        }

        return files;
    }

    private static string Field(string value) =>
        value.IndexOfAny(new[] { '\t', '\r', '\n' }) < 0
            ? value
            : throw new ArgumentException("A bundled spec's resource name, id or name holds a tab or line break: " + value);
}

/// <summary>One bundled spec file in the index: its resource name and its specs.</summary>
internal sealed class IndexedFile
{
    public IndexedFile(string resourceName, List<BundledSpecEntry> entries)
    {
        ResourceName = resourceName;
        Entries = entries;
    }

    public string ResourceName { get; }

    public List<BundledSpecEntry> Entries { get; }
}

/// <summary>One bundled spec as the index knows it: enough to decide whether to generate it.</summary>
// ClassName: the class name the generator gives it (CrmToAep), before collisions with user specs.
internal sealed record BundledSpecEntry(SpecKind Kind, string Id, string Name, string ClassName);
