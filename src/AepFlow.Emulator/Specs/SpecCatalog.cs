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

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowDuplicateProperties = false,
    };

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

    /// <summary>Files or entries that could not be read, each with its file name; logged at start.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Loads the specs embedded in this assembly.</summary>
    public static SpecCatalog LoadEmbedded() => Load([]);

    /// <summary>
    /// Loads the embedded specs, then every <c>*.flowspec.json</c> and <c>*.connectionspec.json</c> in
    /// <paramref name="folders"/> (as <c>aepflow specs pull</c> writes them), in order: a spec with the id of an earlier one
    /// replaces it, as in the generator.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">A folder does not exist.</exception>
    public static SpecCatalog Load(IReadOnlyList<string> folders)
    {
        var assembly = typeof(SpecCatalog).Assembly;
        var names = assembly.GetManifestResourceNames().Order(StringComparer.Ordinal).ToArray();
        var flowSpecs = Files(assembly, names, FlowSpecPrefix).ToList();
        var connectionSpecs = Files(assembly, names, ConnectionSpecPrefix).ToList();
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"Spec folder '{folder}' does not exist.");
            }

            flowSpecs.AddRange(FolderFiles(folder, "*.flowspec.json"));
            connectionSpecs.AddRange(FolderFiles(folder, "*.connectionspec.json"));
        }

        return Load(flowSpecs, connectionSpecs);
    }

    private static IEnumerable<SpecFile> FolderFiles(string folder, string pattern) =>
        Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new SpecFile(path, () => File.OpenRead(path)));

    /// <summary>
    /// Reads spec files given by name and opener. A file that is not JSON, or not a spec, is skipped and listed in
    /// <see cref="Problems"/> with its name; nothing thrown by a bad file stops the others from loading.
    /// </summary>
    public static SpecCatalog Load(IEnumerable<SpecFile> flowSpecFiles, IEnumerable<SpecFile> connectionSpecFiles)
    {
        var problems = new List<string>();
        var flowSpecs = Load(flowSpecFiles, problems);
        var connectionSpecs = Load(connectionSpecFiles, problems);
        return new SpecCatalog(flowSpecs, connectionSpecs, problems);
    }

    /// <summary>The connectionSpec ids a flowSpec lists under <paramref name="property"/> (<c>sourceConnectionSpecIds</c>…).</summary>
    public static IReadOnlyList<string> ConnectionSpecIds(JsonObject flowSpec, string property) =>
        flowSpec[property] is JsonArray ids
            ? ids.Select(id => id?.GetValueKind() == JsonValueKind.String ? id.GetValue<string>() : null).OfType<string>().ToArray()
            : [];

    private static IEnumerable<SpecFile> Files(Assembly assembly, string[] names, string prefix) =>
        names
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => new SpecFile(name[prefix.Length..], () => assembly.GetManifestResourceStream(name) ?? Stream.Null));

    private static FrozenDictionary<string, JsonObject> Load(IEnumerable<SpecFile> files, List<string> problems)
    {
        var specs = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var (file, open) in files)
        {
            JsonNode? root;
            try
            {
                using var stream = open();
                // JsonNode materializes objects lazily, so a duplicate key would only fail inside a request: refuse it here.
                root = JsonNode.Parse(stream, documentOptions: DocumentOptions);
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                problems.Add($"{file}: not a readable JSON document ({ex.Message})");
                continue;
            }

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

/// <summary>One spec file: its name (for messages) and how to open it.</summary>
internal readonly record struct SpecFile(string Name, Func<Stream> Open);
