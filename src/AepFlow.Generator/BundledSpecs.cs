using AepFlow.Generator.Json;
using System;
using System.Collections.Generic;
using System.IO;
using AepFlow.Generator.Model;
using AepFlow.Generator.Specs;
using AepFlow.Generator.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Generator;

/// <summary>
/// The specs embedded in the generator (<c>AepFlow.Specs.flowspecs.*</c>, <c>AepFlow.Specs.connectionspecs.*</c>).
/// Parsed once per process: the resources never change while the assembly is loaded.
/// </summary>
internal static class BundledSpecs
{
    private const string FlowPrefix = "AepFlow.Specs.flowspecs.";
    private const string ConnectionPrefix = "AepFlow.Specs.connectionspecs.";

    private static readonly Lazy<IReadOnlyList<SpecSource>> AllSources = new(LoadSources);
    private static readonly Lazy<IReadOnlyList<ParsedSpecFile>> All = new(Load);
    private static readonly Lazy<SpecSet> AllSet = new(() => SpecSet.Build(Sources, new SpecSource[0]));

    /// <summary>The embedded spec files' texts, in resource-name order.</summary>
    public static IReadOnlyList<SpecSource> Sources => AllSources.Value;

    /// <summary>The embedded specs as models (the generator's view).</summary>
    public static IReadOnlyList<ParsedSpecFile> Files => All.Value;

    /// <summary>The embedded specs as JSON (the compile-time checks' view of their schemas).</summary>
    public static SpecSet Set => AllSet.Value;

    public static BundledSpecSet Select(GeneratorOptions options)
    {
        try
        {
            return SelectCore(options);
        }
        catch (Exception ex)
        {
            // A broken resource must not fail the build with CS8785: report it and generate the user's specs alone.
            var diagnostic = DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.InternalError, null, "the bundled specs", ex.GetType().Name + ": " + ex.Message);
            return new BundledSpecSet(EquatableArray<FlowSpecModel>.Empty, EquatableArray<ConnectionSpecModel>.Empty, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));
        }
    }

    private static BundledSpecSet SelectCore(GeneratorOptions options)
    {
        var flowSpecs = new List<FlowSpecModel>();
        var connectionSpecs = new List<ConnectionSpecModel>();
        var diagnostics = new List<DiagnosticInfo>();
        if (!options.IncludeBundledSpecs || options.GenerateClient)
        {
            return new BundledSpecSet(EquatableArray<FlowSpecModel>.Empty, EquatableArray<ConnectionSpecModel>.Empty, EquatableArray<DiagnosticInfo>.Empty);
        }

        foreach (var file in Files)
        {
            diagnostics.AddRange(file.Diagnostics);
            foreach (var spec in file.FlowSpecs)
            {
                if (IsSelected(options, spec.Id, spec.Name))
                {
                    flowSpecs.Add(spec);
                }
            }

            foreach (var spec in file.ConnectionSpecs)
            {
                if (IsSelected(options, spec.Id, spec.Name))
                {
                    connectionSpecs.Add(spec);
                }
            }
        }

        return new BundledSpecSet(EquatableArray.From(flowSpecs), EquatableArray.From(connectionSpecs), EquatableArray.From(diagnostics));
    }

    /// <summary><c>AepFlowSpecs</c>: a bundled spec is generated when the list is empty or names its id, name or class name.</summary>
    internal static bool IsSelected(GeneratorOptions options, string id, string name)
    {
        if (options.SelectedSpecs.IsEmpty)
        {
            return true;
        }

        foreach (var selected in options.SelectedSpecs)
        {
            if (string.Equals(selected, id, StringComparison.OrdinalIgnoreCase) || string.Equals(selected, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(selected, Naming.ToPascalCase(name), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static IReadOnlyList<ParsedSpecFile> Load()
    {
        var result = new List<ParsedSpecFile>();
        foreach (var source in Sources)
        {
            result.Add(SpecFileReader.Read(source.Path, SourceText.From(source.Text), source.Kind, isBundled: true));
        }

        return result;
    }

    private static IReadOnlyList<SpecSource> LoadSources()
    {
        var result = new List<SpecSource>();
        var assembly = typeof(BundledSpecs).Assembly;
        var names = assembly.GetManifestResourceNames();
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            SpecKind kind;
            if (name.StartsWith(FlowPrefix, StringComparison.Ordinal))
            {
                kind = SpecKind.FlowSpec;
            }
            else if (name.StartsWith(ConnectionPrefix, StringComparison.Ordinal))
            {
                kind = SpecKind.ConnectionSpec;
            }
            else
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name);
            if (stream is null)
            {
                continue;
            }

            using var reader = new StreamReader(stream);
            result.Add(new SpecSource(name, reader.ReadToEnd(), kind, isBundled: true));
        }

        return result;
    }
}
