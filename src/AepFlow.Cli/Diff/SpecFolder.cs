using System.Text.Json;
using AepFlow.Cli.Specs;
using AepFlow.Generator.Specs;
using GeneratorSpecKind = AepFlow.Generator.Specs.SpecKind;
using SpecKind = AepFlow.Cli.Specs.SpecKind;

namespace AepFlow.Cli.Diff;

/// <summary>One spec read from a folder.</summary>
internal sealed record SpecDocument(SpecKind Kind, string Id, string Name, string File, JsonElement Json);

/// <summary>
/// Reads every spec in a folder and its sub-folders: <c>*.flowspec.json</c> and <c>*.connectionspec.json</c> files, and the
/// bundled layout (<c>flowspecs/*.json</c>, <c>connectionspecs/*.json</c>). A file holds one spec or <c>{"items":[…]}</c>.
/// Read and resolved by the generator's own <see cref="SpecSet"/> (linked source): the same strict JSON, the same idea of
/// what a spec is, and the same rule when ids repeat (the first file by ordinal path wins), so a diff compares exactly the
/// specs a build would generate.
/// </summary>
internal static class SpecFolder
{
    public static IReadOnlyDictionary<(SpecKind Kind, string Id), SpecDocument> Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new SpecFolderException($"'{folder}' is not a folder.");
        }

        var sources = new List<SpecSource>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories))
        {
            if (SpecKinds.OfFile(file) is { } kind)
            {
                sources.Add(new SpecSource(file, File.ReadAllText(file), kind == SpecKind.FlowSpec ? GeneratorSpecKind.FlowSpec : GeneratorSpecKind.ConnectionSpec, isBundled: false));
            }
        }

        var set = SpecSet.Build([], sources);
        if (set.Problems.FirstOrDefault(p => p.IsError) is { } problem)
        {
            var text = sources.First(s => s.Path == problem.Path).Text;
            var (line, column) = SpecProblem.LineColumn(text, problem.Position);
            throw new SpecFolderException($"{problem.Path}({line},{column}): {problem.Message}");
        }

        var specs = new Dictionary<(SpecKind, string), SpecDocument>();
        foreach (var spec in set.FlowSpecs.Concat(set.ConnectionSpecs))
        {
            var kind = spec.Kind == GeneratorSpecKind.FlowSpec ? SpecKind.FlowSpec : SpecKind.ConnectionSpec;
            using var document = JsonDocument.Parse(spec.Json);
            specs[(kind, spec.Id.ToLowerInvariant())] = new SpecDocument(kind, spec.Id, spec.Name, spec.Source.Path, document.RootElement.Clone());
        }

        return specs;
    }
}

/// <summary>A spec folder that cannot be read; the message names the file.</summary>
internal sealed class SpecFolderException(string message) : Exception(message);
