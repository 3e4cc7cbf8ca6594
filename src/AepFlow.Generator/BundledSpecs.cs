using System;
using System.Collections.Generic;
using System.IO;
using AepFlow.Generator.Model;
using AepFlow.Generator.Parsing;
using AepFlow.Generator.Specs;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Generator;

/// <summary>
/// The specs embedded in the generator (<c>AepFlow.Specs.flowspecs.*</c>, <c>AepFlow.Specs.connectionspecs.*</c>), read once
/// per process: the resources never change while the assembly is loaded. The index (each spec's kind, id and name, computed
/// when the generator was built: <see cref="BundledSpecIndex"/>) is all a build reads up front; a file's JSON is read only
/// when one of its specs is generated or checked.
/// </summary>
internal static class BundledSpecs
{
    /// <summary><c>AepFlowSpecs=*</c>: every bundled spec, named in the project or not.</summary>
    public const string All = "*";

    private static readonly Lazy<IReadOnlyList<SpecSource>> AllSources = new(LoadSources);
    private static readonly Lazy<IReadOnlyList<BundledFile>> AllFiles = new(LoadFiles);
    private static readonly Lazy<SpecSet> AllSet = new(() => SpecSet.Build(Sources, new SpecSource[0]));

    /// <summary>The embedded spec files' texts, in resource-name order.</summary>
    public static IReadOnlyList<SpecSource> Sources => AllSources.Value;

    /// <summary>The embedded specs as JSON (the compile-time checks' view of their schemas).</summary>
    public static SpecSet Set => AllSet.Value;

    /// <summary>Every bundled spec's kind, id and name, in resource order (no schema read).</summary>
    public static IEnumerable<BundledSpecEntry> Index
    {
        get
        {
            foreach (var file in AllFiles.Value)
            {
                foreach (var entry in file.Entries)
                {
                    yield return entry;
                }
            }
        }
    }

    /// <summary>
    /// Every bundled spec the options let the generator generate: by default (empty <c>AepFlowSpecs</c>) all of them, since
    /// any one becomes generated once the project names it (the compile-time checks' and flow factories' view).
    /// </summary>
    public static BundledSpecSet Select(GeneratorOptions options) => SelectSafely(options, used: null);

    /// <summary>The bundled specs to generate in this compilation.</summary>
    /// <param name="options">The build properties.</param>
    /// <param name="used">
    /// Class names and ids of bundled specs the project's code or flow files name (<see cref="Usage.BundledUsage"/>); decides
    /// only when <c>AepFlowSpecs</c> is empty. The others become placeholders: they keep their class names taken, so a user
    /// spec's class name does not depend on what the code uses, and are dropped after resolution.
    /// </param>
    public static BundledSpecSet SelectUsed(GeneratorOptions options, EquatableArray<string> used) => SelectSafely(options, used);

    private static BundledSpecSet SelectSafely(GeneratorOptions options, EquatableArray<string>? used)
    {
        try
        {
            return SelectCore(options, used);
        }
        catch (Exception ex)
        {
            // A broken resource must not fail the build with CS8785: report it and generate the user's specs alone.
            var diagnostic = DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.InternalError, null, "the bundled specs", ex.GetType().Name + ": " + ex.Message);
            return new BundledSpecSet(EquatableArray<FlowSpecModel>.Empty, EquatableArray<ConnectionSpecModel>.Empty, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }), EquatableArray<string>.Empty);
        }
    }

    private static BundledSpecSet SelectCore(GeneratorOptions options, EquatableArray<string>? used)
    {
        var flowSpecs = new List<FlowSpecModel>();
        var connectionSpecs = new List<ConnectionSpecModel>();
        var diagnostics = new List<DiagnosticInfo>();
        var placeholders = new List<string>();
        if (!options.IncludeBundledSpecs || options.GenerateClient)
        {
            return new BundledSpecSet(EquatableArray<FlowSpecModel>.Empty, EquatableArray<ConnectionSpecModel>.Empty, EquatableArray<DiagnosticInfo>.Empty, EquatableArray<string>.Empty);
        }

        // Precompiled (the package's targets say so): the types exist in a referenced assembly, so every bundled spec is a
        // placeholder here, whatever the code names: it keeps its class name taken and is generated nowhere.
        var byUse = (options.SelectedSpecs.IsEmpty || options.BundledPrecompiled) && used is not null;
        var usedKeys = new HashSet<string>(options.BundledPrecompiled ? EquatableArray<string>.Empty : used ?? EquatableArray<string>.Empty, StringComparer.OrdinalIgnoreCase);
        foreach (var file in AllFiles.Value)
        {
            ParsedSpecFile? parsed = null;
            if (file.Entries.Count == 0)
            {
                // Its index could not be read: the full reader says why (AEPF001/AEPF002).
                diagnostics.AddRange(file.Parsed.Value.Diagnostics);
            }

            foreach (var entry in file.Entries)
            {
                var generate = byUse ? usedKeys.Contains(entry.ClassName) || usedKeys.Contains(entry.Id) : IsSelected(options, entry.Id, entry.Name);
                if (!generate)
                {
                    if (byUse)
                    {
                        placeholders.Add(entry.Id);
                        if (entry.Kind == SpecKind.FlowSpec)
                        {
                            flowSpecs.Add(new FlowSpecModel(entry.Id, entry.Name, string.Empty, entry.ClassName, null, EquatableArray<string>.Empty, EquatableArray<string>.Empty,
                                EquatableArray<TransformationModel>.Empty, null, EmptyTypes, IsBundled: true));
                        }
                        else
                        {
                            connectionSpecs.Add(new ConnectionSpecModel(entry.Id, entry.Name, entry.ClassName, null, null, EquatableArray<AuthSpecModel>.Empty, null, EmptyTypes, IsBundled: true));
                        }
                    }

                    continue;
                }

                if (parsed is null)
                {
                    parsed = file.Parsed.Value;
                    diagnostics.AddRange(parsed.Diagnostics);
                }

                foreach (var spec in parsed.FlowSpecs)
                {
                    if (string.Equals(spec.Id, entry.Id, StringComparison.Ordinal))
                    {
                        flowSpecs.Add(spec);
                    }
                }

                foreach (var spec in parsed.ConnectionSpecs)
                {
                    if (string.Equals(spec.Id, entry.Id, StringComparison.Ordinal))
                    {
                        connectionSpecs.Add(spec);
                    }
                }
            }
        }

        return new BundledSpecSet(EquatableArray.From(flowSpecs), EquatableArray.From(connectionSpecs), EquatableArray.From(diagnostics), EquatableArray.From(placeholders));
    }

    private static readonly SpecTypes EmptyTypes = new(EquatableArray<ObjectTypeModel>.Empty, EquatableArray<EnumTypeModel>.Empty);

    /// <summary><c>AepFlowSpecs</c>: a bundled spec is selected when the list is empty or <c>*</c>, or names its id, name or class name.</summary>
    internal static bool IsSelected(GeneratorOptions options, string id, string name)
    {
        if (options.SelectedSpecs.IsEmpty)
        {
            return true;
        }

        foreach (var selected in options.SelectedSpecs)
        {
            if (selected == All || string.Equals(selected, id, StringComparison.OrdinalIgnoreCase) || string.Equals(selected, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(selected, Naming.ToPascalCase(name), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static IReadOnlyList<BundledFile> LoadFiles()
    {
        var result = new List<BundledFile>();
        if (EmbeddedIndex() is { } index)
        {
            foreach (var file in index)
            {
                var name = file.ResourceName;
                var kind = BundledSpecIndex.KindOfResource(name)!.Value;
                result.Add(new BundledFile(file.Entries, new Lazy<ParsedSpecFile>(() => Parse(new SpecSource(name, ReadResource(name) ?? string.Empty, kind, isBundled: true)))));
            }

            return result;
        }

        // No index embedded (a build of the generator that skipped its index step): read it from the specs, by the same rule.
        foreach (var source in Sources)
        {
            result.Add(new BundledFile(BundledSpecIndex.Read(source.Text, source.Kind), new Lazy<ParsedSpecFile>(() => Parse(source))));
        }

        return result;
    }

    /// <summary>The index embedded when the generator was built, or null when there is none.</summary>
    internal static List<IndexedFile>? EmbeddedIndex() => ReadResource(BundledSpecIndex.ResourceName) is { } text ? BundledSpecIndex.Parse(text) : null;

    private static ParsedSpecFile Parse(SpecSource source) => SpecFileReader.Read(source.Path, SourceText.From(source.Text), source.Kind, isBundled: true);

    private static IReadOnlyList<SpecSource> LoadSources()
    {
        var result = new List<SpecSource>();
        var names = typeof(BundledSpecs).Assembly.GetManifestResourceNames();
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (BundledSpecIndex.KindOfResource(name) is { } kind && ReadResource(name) is { } text)
            {
                result.Add(new SpecSource(name, text, kind, isBundled: true));
            }
        }

        return result;
    }

    private static string? ReadResource(string name)
    {
        using var stream = typeof(BundledSpecs).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record BundledFile(List<BundledSpecEntry> Entries, Lazy<ParsedSpecFile> Parsed);
}
