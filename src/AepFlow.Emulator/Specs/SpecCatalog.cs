using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AepFlow.Generator.Specs;

namespace AepFlow.Emulator.Specs;

/// <summary>
/// The flowSpecs and connectionSpecs the emulator serves: the bundled specs embedded from the repository's <c>specs/</c>
/// folder, then the user's spec folders, read and resolved by the generator core's <see cref="SpecSet"/> (linked from
/// src/AepFlow.Generator/Specs) — so the emulator and the generator agree on file names, on what is a spec and on which
/// spec wins (a user spec replaces the bundled spec with its id; among user files the first in path order wins).
/// </summary>
internal sealed class SpecCatalog
{
    private const string FlowSpecPrefix = "AepFlow.Emulator.Specs.flowspecs.";
    private const string ConnectionSpecPrefix = "AepFlow.Emulator.Specs.connectionspecs.";

    private SpecCatalog(
        FrozenDictionary<string, JsonObject> flowSpecs,
        FrozenDictionary<string, JsonObject> connectionSpecs,
        IReadOnlyList<string> problems,
        int userSpecCount)
    {
        FlowSpecs = flowSpecs;
        ConnectionSpecs = connectionSpecs;
        Problems = problems;
        UserSpecCount = userSpecCount;
    }

    /// <summary>flowSpecs by id (case-insensitive).</summary>
    public FrozenDictionary<string, JsonObject> FlowSpecs { get; }

    /// <summary>connectionSpecs by id (case-insensitive).</summary>
    public FrozenDictionary<string, JsonObject> ConnectionSpecs { get; }

    /// <summary>Files or entries that could not be read, each with its file and line; logged at start.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>How many served specs came from the user's folders.</summary>
    public int UserSpecCount { get; }

    /// <summary>Loads the specs embedded in this assembly.</summary>
    public static SpecCatalog LoadEmbedded() => Load([]);

    /// <summary>Loads the embedded specs and every <c>*.flowspec.json</c> / <c>*.connectionspec.json</c> below <paramref name="folders"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">A folder does not exist.</exception>
    public static SpecCatalog Load(IReadOnlyList<string> folders)
    {
        var user = new List<SpecSource>();
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"Spec folder '{folder}' does not exist.");
            }

            foreach (var path in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories))
            {
                if (SpecRules.KindOfFile(path) is { } kind)
                {
                    user.Add(new SpecSource(Path.GetFullPath(path), File.ReadAllText(path), kind, isBundled: false));
                }
            }
        }

        return Load(Embedded(), user);
    }

    /// <summary>Resolves <paramref name="bundled"/> and <paramref name="user"/> sources with the core's rules.</summary>
    public static SpecCatalog Load(IEnumerable<SpecSource> bundled, IEnumerable<SpecSource> user)
    {
        var set = SpecSet.Build(bundled, user);
        var problems = set.Problems.Select(Describe).ToList();
        var userCount = set.FlowSpecs.Count(e => !e.IsBundled) + set.ConnectionSpecs.Count(e => !e.IsBundled);
        return new SpecCatalog(ToObjects(set.FlowSpecs, problems), ToObjects(set.ConnectionSpecs, problems), problems, userCount);
    }

    /// <summary>The connectionSpec ids a flowSpec lists under <paramref name="property"/> (<c>sourceConnectionSpecIds</c>…).</summary>
    public static IReadOnlyList<string> ConnectionSpecIds(JsonObject flowSpec, string property) =>
        flowSpec[property] is JsonArray ids
            ? ids.Select(id => id?.GetValueKind() == JsonValueKind.String ? id.GetValue<string>() : null).OfType<string>().ToArray()
            : [];

    private static IEnumerable<SpecSource> Embedded()
    {
        var assembly = typeof(SpecCatalog).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            var kind = name.StartsWith(FlowSpecPrefix, StringComparison.Ordinal) ? SpecKind.FlowSpec
                : name.StartsWith(ConnectionSpecPrefix, StringComparison.Ordinal) ? SpecKind.ConnectionSpec
                : (SpecKind?)null;
            if (kind is null)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            yield return new SpecSource("specs/" + name[(kind == SpecKind.FlowSpec ? FlowSpecPrefix : ConnectionSpecPrefix).Length..], reader.ReadToEnd(), kind.Value, isBundled: true);
        }
    }

    /// <summary>The resolved entries as the JSON objects the endpoints serve.</summary>
    private static FrozenDictionary<string, JsonObject> ToObjects(IReadOnlyList<SpecEntry> entries, List<string> problems)
    {
        var specs = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            try
            {
                // The core's writer resolves duplicate keys (last wins, reported), which System.Text.Json.Nodes would trip over.
                specs[entry.Id] = JsonNode.Parse(AepFlow.Generator.Json.JsonNodeWriter.ToJson(entry.Node))!.AsObject();
            }
            catch (JsonException ex)
            {
                problems.Add($"{entry.Source.Path}: {SpecRules.Label(entry.Kind)} '{entry.Id}' could not be served ({ex.Message})");
            }
        }

        return specs.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static string Describe(SpecProblem problem)
    {
        var source = problem.Path;
        var (line, column) = File.Exists(source) ? SpecProblem.LineColumn(File.ReadAllText(source), problem.Position) : (0, 0);
        return line > 0 ? $"{source}({line},{column}): {problem.Message}" : $"{source}: {problem.Message}";
    }
}
