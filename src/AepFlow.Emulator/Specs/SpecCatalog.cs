using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AepFlow.Emulator.Specs;

/// <summary>
/// The flowSpecs and connectionSpecs the emulator serves, read once from the JSON files embedded from the repository's
/// <c>specs/</c> folder. A file holds one spec or <c>{"items":[...]}</c>; a later file with the same id replaces an earlier one.
/// </summary>
internal sealed class SpecCatalog
{
    private const string FlowSpecPrefix = "AepFlow.Emulator.Specs.flowspecs.";
    private const string ConnectionSpecPrefix = "AepFlow.Emulator.Specs.connectionspecs.";

    private SpecCatalog(
        FrozenDictionary<string, JsonObject> flowSpecs,
        FrozenDictionary<string, JsonObject> connectionSpecs,
        IReadOnlyList<string> problems)
    {
        FlowSpecs = flowSpecs;
        ConnectionSpecs = connectionSpecs;
        Problems = problems;
    }

    /// <summary>flowSpecs by id (case-insensitive).</summary>
    public FrozenDictionary<string, JsonObject> FlowSpecs { get; }

    /// <summary>connectionSpecs by id (case-insensitive).</summary>
    public FrozenDictionary<string, JsonObject> ConnectionSpecs { get; }

    /// <summary>Files or entries that could not be read, each with its resource name; logged at start.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Loads the specs embedded in this assembly.</summary>
    public static SpecCatalog LoadEmbedded()
    {
        var assembly = typeof(SpecCatalog).Assembly;
        var names = assembly.GetManifestResourceNames().Order(StringComparer.Ordinal).ToArray();
        var problems = new List<string>();
        var flowSpecs = Load(assembly, names, FlowSpecPrefix, problems);
        var connectionSpecs = Load(assembly, names, ConnectionSpecPrefix, problems);
        return new SpecCatalog(flowSpecs, connectionSpecs, problems);
    }

    /// <summary>Builds a catalog from spec objects already in memory (tests).</summary>
    public static SpecCatalog FromSpecs(IEnumerable<JsonObject> flowSpecs, IEnumerable<JsonObject> connectionSpecs)
    {
        var problems = new List<string>();
        var flows = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in flowSpecs)
        {
            Add(flows, spec, "(in memory)", problems);
        }

        var connections = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in connectionSpecs)
        {
            Add(connections, spec, "(in memory)", problems);
        }

        return new SpecCatalog(
            flows.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            connections.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            problems);
    }

    /// <summary>The connectionSpec ids a flowSpec lists under <paramref name="property"/> (<c>sourceConnectionSpecIds</c>…).</summary>
    public static IReadOnlyList<string> ConnectionSpecIds(JsonObject flowSpec, string property) =>
        flowSpec[property] is JsonArray ids
            ? ids.Select(id => id?.GetValueKind() == JsonValueKind.String ? id.GetValue<string>() : null).OfType<string>().ToArray()
            : [];

    private static FrozenDictionary<string, JsonObject> Load(Assembly assembly, string[] names, string prefix, List<string> problems)
    {
        var specs = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name);
            if (stream is null)
            {
                continue;
            }

            JsonNode? root;
            try
            {
                root = JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException ex)
            {
                problems.Add($"{name}: not valid JSON ({ex.Message})");
                continue;
            }

            var file = name[prefix.Length..];
            if (root is JsonObject { } obj && obj["items"] is JsonArray items)
            {
                foreach (var item in items)
                {
                    if (item is JsonObject spec)
                    {
                        Add(specs, spec, file, problems);
                    }
                    else
                    {
                        problems.Add($"{file}: an entry of 'items' is not an object");
                    }
                }
            }
            else if (root is JsonObject single)
            {
                Add(specs, single, file, problems);
            }
            else
            {
                problems.Add($"{file}: expected a spec object or {{\"items\":[...]}}");
            }
        }

        return specs.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static void Add(Dictionary<string, JsonObject> specs, JsonObject spec, string file, List<string> problems)
    {
        if (spec["id"] is JsonValue id && id.TryGetValue(out string? value) && !string.IsNullOrWhiteSpace(value))
        {
            // Detach from the file's tree so the spec can be served on its own.
            specs[value] = spec.Parent is null ? spec : (JsonObject)spec.DeepClone();
        }
        else
        {
            problems.Add($"{file}: a spec without a string 'id' was skipped");
        }
    }
}
