using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace AepFlow.Generator.Declarative.Specs;

/// <summary>What the compile-time checks need from a flowSpec: ids, allowed connection specs, and its JSON Schemas.</summary>
internal sealed class FlowSpecInfo
{
    public FlowSpecInfo(string id, string name, string? version, IReadOnlyList<string> sourceIds, IReadOnlyList<string> targetIds,
        IReadOnlyList<KeyValuePair<string, JsonElement>> transformations, JsonElement? schedule)
    {
        Id = id;
        Name = name;
        Version = version;
        SourceConnectionSpecIds = sourceIds;
        TargetConnectionSpecIds = targetIds;
        Transformations = transformations;
        Schedule = schedule;
    }

    public string Id { get; }

    public string Name { get; }

    public string? Version { get; }

    public IReadOnlyList<string> SourceConnectionSpecIds { get; }

    public IReadOnlyList<string> TargetConnectionSpecIds { get; }

    /// <summary>Transformation name → params schema, in spec order.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonElement>> Transformations { get; }

    /// <summary>The scheduleSpec's schema, when the flowSpec is scheduled.</summary>
    public JsonElement? Schedule { get; }

    /// <summary>
    /// Transformations a flow must carry: those whose params schema requires members, since a flow cannot supply them
    /// without naming the transformation (CRMToAEP's Copy requires deltaColumn).
    /// </summary>
    public IEnumerable<string> RequiredTransformations =>
        Transformations.Where(t => t.Value.ValueKind == JsonValueKind.Object && t.Value.TryGetProperty("required", out var r) &&
            r.ValueKind == JsonValueKind.Array && r.GetArrayLength() > 0).Select(t => t.Key);

    public JsonElement? TransformationSchema(string name)
    {
        foreach (var t in Transformations)
        {
            if (t.Key == name)
            {
                return t.Value;
            }
        }

        return null;
    }
}

/// <summary>Id and display name of a connectionSpec, for AEPF013 messages.</summary>
internal sealed class ConnectionSpecInfo
{
    public ConnectionSpecInfo(string id, string name)
    {
        Id = id;
        Name = name;
    }

    public string Id { get; }

    public string Name { get; }
}

/// <summary>
/// The flowSpecs and connectionSpecs the checks know: the bundled specs embedded in this assembly (read once per process),
/// overlaid by the user's <c>*.flowspec.json</c> / <c>*.connectionspec.json</c> AdditionalFiles (same id replaces).
/// Unreadable files are skipped here; reporting them is the spec reader's job (AEPF001–004).
/// </summary>
internal sealed class SpecCatalog
{
    private static readonly Lazy<SpecCatalog> LazyBundled = new(LoadBundled);

    private readonly Dictionary<string, FlowSpecInfo> _flowSpecs;
    private readonly Dictionary<string, ConnectionSpecInfo> _connectionSpecs;

    private SpecCatalog(Dictionary<string, FlowSpecInfo> flowSpecs, Dictionary<string, ConnectionSpecInfo> connectionSpecs)
    {
        _flowSpecs = flowSpecs;
        _connectionSpecs = connectionSpecs;
    }

    public static SpecCatalog Bundled => LazyBundled.Value;

    public IEnumerable<FlowSpecInfo> FlowSpecs => _flowSpecs.Values;

    public IEnumerable<ConnectionSpecInfo> ConnectionSpecs => _connectionSpecs.Values;

    public FlowSpecInfo? FindFlowSpec(string id) => _flowSpecs.TryGetValue(id, out var spec) ? spec : null;

    public ConnectionSpecInfo? FindConnectionSpec(string id) => _connectionSpecs.TryGetValue(id, out var spec) ? spec : null;

    /// <summary>Every id that names a connection spec somewhere: connectionSpec files and the lists inside flowSpecs.</summary>
    public bool IsConnectionSpecId(string id) =>
        _connectionSpecs.ContainsKey(id) || _flowSpecs.Values.Any(f => f.SourceConnectionSpecIds.Contains(id) || f.TargetConnectionSpecIds.Contains(id));

    public string DescribeConnectionSpec(string id) =>
        _connectionSpecs.TryGetValue(id, out var spec) ? $"{spec.Name} ({id})" : id;

    /// <summary>A catalog with the user's spec files laid over this one.</summary>
    public SpecCatalog With(IEnumerable<KeyValuePair<string, string>> flowSpecFiles, IEnumerable<KeyValuePair<string, string>> connectionSpecFiles)
    {
        var flows = new Dictionary<string, FlowSpecInfo>(_flowSpecs, StringComparer.OrdinalIgnoreCase);
        var connections = new Dictionary<string, ConnectionSpecInfo>(_connectionSpecs, StringComparer.OrdinalIgnoreCase);
        foreach (var file in flowSpecFiles)
        {
            AddFlowSpecs(file.Value, flows);
        }

        foreach (var file in connectionSpecFiles)
        {
            AddConnectionSpecs(file.Value, connections);
        }

        return new SpecCatalog(flows, connections);
    }

    private static SpecCatalog LoadBundled()
    {
        var flows = new Dictionary<string, FlowSpecInfo>(StringComparer.OrdinalIgnoreCase);
        var connections = new Dictionary<string, ConnectionSpecInfo>(StringComparer.OrdinalIgnoreCase);
        var assembly = typeof(SpecCatalog).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().OrderBy(n => n, StringComparer.Ordinal))
        {
            bool isFlow = resource.StartsWith("AepFlow.Specs.flowspecs.", StringComparison.Ordinal);
            bool isConnection = resource.StartsWith("AepFlow.Specs.connectionspecs.", StringComparison.Ordinal);
            if (!isFlow && !isConnection)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource);
            if (stream == null)
            {
                continue;
            }

            using var reader = new StreamReader(stream);
            string text = reader.ReadToEnd();
            if (isFlow)
            {
                AddFlowSpecs(text, flows);
            }
            else
            {
                AddConnectionSpecs(text, connections);
            }
        }

        return new SpecCatalog(flows, connections);
    }

    private static IEnumerable<JsonElement> Items(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            yield break;
        }

        // The document stays alive with the catalog: schemas are JsonElements into it.
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    yield return item;
                }
            }
        }
        else if (root.ValueKind == JsonValueKind.Object)
        {
            yield return root;
        }
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IReadOnlyList<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : new List<string>();

    private static void AddFlowSpecs(string text, Dictionary<string, FlowSpecInfo> into)
    {
        foreach (var item in Items(text))
        {
            string? id = String(item, "id");
            if (id == null)
            {
                continue;
            }

            var transformations = new List<KeyValuePair<string, JsonElement>>();
            // Newer Platform revisions spell it transformationSpec (singular); both carry the same array.
            foreach (var key in new[] { "transformationSpecs", "transformationSpec" })
            {
                if (item.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var t in list.EnumerateArray())
                    {
                        if (t.ValueKind == JsonValueKind.Object && String(t, "name") is { } tname)
                        {
                            var spec = t.TryGetProperty("spec", out var s) ? s : default;
                            transformations.Add(new KeyValuePair<string, JsonElement>(tname, spec));
                        }
                    }
                }
            }

            JsonElement? schedule = item.TryGetProperty("scheduleSpec", out var sched) && sched.ValueKind == JsonValueKind.Object &&
                sched.TryGetProperty("spec", out var schedSpec) && schedSpec.ValueKind == JsonValueKind.Object ? schedSpec : null;
            into[id] = new FlowSpecInfo(id, String(item, "name") ?? id, String(item, "version"),
                Strings(item, "sourceConnectionSpecIds"), Strings(item, "targetConnectionSpecIds"), transformations, schedule);
        }
    }

    private static void AddConnectionSpecs(string text, Dictionary<string, ConnectionSpecInfo> into)
    {
        foreach (var item in Items(text))
        {
            if (String(item, "id") is { } id)
            {
                into[id] = new ConnectionSpecInfo(id, String(item, "name") ?? id);
            }
        }
    }
}
