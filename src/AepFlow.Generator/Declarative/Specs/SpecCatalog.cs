using System;
using System.Collections.Generic;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using AepFlow.Generator.Model;
using AepFlow.Generator.Parsing;
using AepFlow.Generator.Specs;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Generator.Declarative.Specs;

/// <summary>What the compile-time checks need from a flowSpec: ids, allowed connection specs, and its JSON Schemas.</summary>
internal sealed class FlowSpecInfo
{
    public FlowSpecInfo(string id, string name, string className, string? version, IReadOnlyList<string> sourceIds, IReadOnlyList<string> targetIds,
        IReadOnlyList<KeyValuePair<string, JsonElement>> transformations, JsonElement? schedule)
    {
        Id = id;
        Name = name;
        ClassName = className;
        Version = version;
        SourceConnectionSpecIds = sourceIds;
        TargetConnectionSpecIds = targetIds;
        Transformations = transformations;
        Schedule = schedule;
    }

    public string Id { get; }

    public string Name { get; }

    /// <summary>The generated class (<c>FlowSpecs.&lt;ClassName&gt;</c>), as the generator's resolver named it.</summary>
    public string ClassName { get; }

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
/// The flowSpecs and connectionSpecs the checks and the flow-file factories know — exactly the specs the generator generates:
/// the user's spec files are read by the generator's own <see cref="SpecFileReader"/>, bundled specs filtered by
/// <c>AepFlowSpecs</c>/<c>AepFlowIncludeBundledSpecs</c> (<see cref="BundledSpecs.Select"/>), ids and class names resolved by
/// <see cref="SpecResolver"/>. A spec the generator rejects (AEPF001/002) is not here, so it gets no factory and no check.
/// The schemas come from the same files through <see cref="SpecSet"/> (same reader, same precedence rule).
/// </summary>
internal sealed class SpecCatalog
{
    private static readonly ConcurrentDictionary<GeneratorOptions, SpecCatalog> BundledOnly = new();

    private readonly Dictionary<string, FlowSpecInfo> _flowSpecs;
    private readonly Dictionary<string, ConnectionSpecInfo> _connectionSpecs;

    private SpecCatalog(Dictionary<string, FlowSpecInfo> flowSpecs, Dictionary<string, ConnectionSpecInfo> connectionSpecs)
    {
        _flowSpecs = flowSpecs;
        _connectionSpecs = connectionSpecs;
    }

    public IEnumerable<FlowSpecInfo> FlowSpecs => _flowSpecs.Values;

    public IEnumerable<ConnectionSpecInfo> ConnectionSpecs => _connectionSpecs.Values;

    public FlowSpecInfo? FindFlowSpec(string id) => _flowSpecs.TryGetValue(id, out var spec) ? spec : null;

    public ConnectionSpecInfo? FindConnectionSpec(string id) => _connectionSpecs.TryGetValue(id, out var spec) ? spec : null;

    /// <summary>Every id that names a connection spec somewhere: connectionSpec files and the lists inside flowSpecs.</summary>
    public bool IsConnectionSpecId(string id) =>
        _connectionSpecs.ContainsKey(id) || _flowSpecs.Values.Any(f => f.SourceConnectionSpecIds.Contains(id) || f.TargetConnectionSpecIds.Contains(id));

    public string DescribeConnectionSpec(string id) =>
        _connectionSpecs.TryGetValue(id, out var spec) ? $"{spec.Name} ({id})" : id;

    /// <summary>
    /// The catalog for a build: its options and its <c>*.flowspec.json</c>/<c>*.connectionspec.json</c> AdditionalFiles
    /// (path, text). Without user files the result is cached per options.
    /// </summary>
    public static SpecCatalog Build(GeneratorOptions options, IReadOnlyList<KeyValuePair<string, string>> userSpecFiles)
    {
        if (userSpecFiles.Count == 0)
        {
            return BundledOnly.GetOrAdd(options, o => Create(o, userSpecFiles));
        }

        return Create(options, userSpecFiles);
    }

    private static SpecCatalog Create(GeneratorOptions options, IReadOnlyList<KeyValuePair<string, string>> userSpecFiles)
    {
        var sources = new List<SpecSource>();
        var parsed = ImmutableArray.CreateBuilder<ParsedSpecFile>();
        foreach (var file in userSpecFiles)
        {
            if (SpecRules.KindOfFile(file.Key) is { } kind)
            {
                sources.Add(new SpecSource(file.Key, file.Value, kind, isBundled: false));
                parsed.Add(SpecFileReader.Read(file.Key, SourceText.From(file.Value), kind, isBundled: false));
            }
        }

        var resolved = options.GenerateClient
            ? new ResolvedSpecs(EquatableArray<FlowSpecModel>.Empty, EquatableArray<ConnectionSpecModel>.Empty)
            : SpecResolver.Resolve(parsed.ToImmutable(), BundledSpecs.Select(options));
        var json = sources.Count == 0 ? BundledSpecs.Set : SpecSet.Build(BundledSpecs.Sources, sources);

        var flows = new Dictionary<string, FlowSpecInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in resolved.FlowSpecs)
        {
            if (json.FindFlowSpec(model.Id) is { } entry)
            {
                flows[model.Id] = ToFlowSpecInfo(model, entry);
            }
        }

        var connections = new Dictionary<string, ConnectionSpecInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in resolved.ConnectionSpecs)
        {
            connections[model.Id] = new ConnectionSpecInfo(model.Id, model.Name);
        }

        return new SpecCatalog(flows, connections);
    }

    private static FlowSpecInfo ToFlowSpecInfo(FlowSpecModel model, SpecEntry entry)
    {
        // The schemas are evaluated as JsonElements; the document stays alive with the catalog.
        // Any depth the spec reader accepted (JsonDocument's default of 64 threw into the compiler, CS8785).
        var item = JsonDocument.Parse(entry.Json, new JsonDocumentOptions { MaxDepth = AepFlow.Generator.Json.JsonTreeReader.MaxDepth + 1 }).RootElement;
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
        return new FlowSpecInfo(model.Id, model.Name, model.ClassName, String(item, "version"),
            model.SourceConnectionSpecIds.ToList(), model.TargetConnectionSpecIds.ToList(), transformations, schedule);
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
