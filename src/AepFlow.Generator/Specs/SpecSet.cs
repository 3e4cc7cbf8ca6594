using System;
using System.Collections.Generic;
using System.Globalization;
using AepFlow.Generator.Json;

namespace AepFlow.Generator.Specs;

/// <summary>Which kind of spec a file holds (decided by its name or resource folder).</summary>
internal enum SpecKind
{
    FlowSpec,
    ConnectionSpec,
}

/// <summary>One spec file to read: where it comes from (for messages and precedence), its text and kind.</summary>
internal sealed class SpecSource
{
    public SpecSource(string path, string text, SpecKind kind, bool isBundled)
    {
        Path = path;
        Text = text;
        Kind = kind;
        IsBundled = isBundled;
    }

    public string Path { get; }

    public string Text { get; }

    public SpecKind Kind { get; }

    /// <summary>Shipped with AepFlow; a user spec with the same id replaces it.</summary>
    public bool IsBundled { get; }
}

/// <summary>One spec of a <see cref="SpecSet"/>: its identity, its JSON value and the file it came from.</summary>
internal sealed class SpecEntry
{
    public SpecEntry(SpecKind kind, string id, string name, JsonNode node, SpecSource source)
    {
        Kind = kind;
        Id = id;
        Name = name;
        Node = node;
        Source = source;
    }

    public SpecKind Kind { get; }

    public string Id { get; }

    public string Name { get; }

    /// <summary>The spec object, with offsets into <see cref="SpecSource.Text"/>.</summary>
    public JsonNode Node { get; }

    public SpecSource Source { get; }

    public bool IsBundled => Source.IsBundled;

    /// <summary>The spec's own JSON text, exactly as written in its file (one item of an <c>{"items":[…]}</c> file).</summary>
    public string Json => Source.Text.Substring(Node.Start, Node.End - Node.Start);
}

/// <summary>Something in a spec file that kept a spec out of the set (or, for duplicate keys, only a warning).</summary>
internal sealed class SpecProblem
{
    public SpecProblem(string path, int position, string message, bool isError)
    {
        Path = path;
        Position = position;
        Message = message;
        IsError = isError;
    }

    /// <summary>True when a file or spec was left out; false for warnings (duplicate keys, a repeated id).</summary>
    public bool IsError { get; }

    public string Path { get; }

    /// <summary>Character offset in the file.</summary>
    public int Position { get; }

    public string Message { get; }

    public override string ToString() => Path + "@" + Position.ToString(CultureInfo.InvariantCulture) + ": " + Message;

    /// <summary>1-based line and column of a character offset (lines end at \n, \r\n or \r, as editors count them).</summary>
    public static (int Line, int Column) LineColumn(string text, int offset)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}

/// <summary>
/// The flowSpecs and connectionSpecs of a build, tool run or emulator: bundled spec files overlaid by user spec files, read
/// with the one JSON reader and resolved by the one rule (<see cref="SpecRules.Resolve{T}"/>): a user spec replaces the bundled
/// spec with its id, and among user files the first by ordinal path wins. Roslyn-free, so the CLI and the emulator compile
/// it too (with <c>Json/*.cs</c>); the generator reaches the same specs through <c>SpecFileReader</c> and <c>SpecResolver</c>,
/// which use the same <see cref="SpecRules"/>.
/// </summary>
/// <example><code>
/// var set = SpecSet.Build(bundledSources, userSources);       // user folder on top of bundled specs
/// foreach (var spec in set.FlowSpecs) Serve(spec.Id, spec.Json);
/// foreach (var problem in set.Problems) Log(problem);         // located: path + character offset + message
/// </code></example>
internal sealed class SpecSet
{
    private readonly Dictionary<string, SpecEntry> _flowSpecs;
    private readonly Dictionary<string, SpecEntry> _connectionSpecs;

    private SpecSet(List<SpecEntry> flowSpecs, List<SpecEntry> connectionSpecs, List<SpecProblem> problems)
    {
        FlowSpecs = flowSpecs;
        ConnectionSpecs = connectionSpecs;
        Problems = problems;
        _flowSpecs = Index(flowSpecs);
        _connectionSpecs = Index(connectionSpecs);
    }

    /// <summary>flowSpecs in resolution order: bundled ones not replaced, then user ones by file path.</summary>
    public IReadOnlyList<SpecEntry> FlowSpecs { get; }

    public IReadOnlyList<SpecEntry> ConnectionSpecs { get; }

    /// <summary>Unreadable files, values that are not specs, duplicate keys and duplicate ids, each located.</summary>
    public IReadOnlyList<SpecProblem> Problems { get; }

    public SpecEntry? FindFlowSpec(string id) => _flowSpecs.TryGetValue(id, out var spec) ? spec : null;

    public SpecEntry? FindConnectionSpec(string id) => _connectionSpecs.TryGetValue(id, out var spec) ? spec : null;

    /// <summary>
    /// Reads <paramref name="bundled"/> and <paramref name="user"/> spec files and resolves ids.
    /// <paramref name="includeBundled"/> decides per bundled spec whether it is wanted (the generator's
    /// <c>AepFlowSpecs</c>/<c>AepFlowIncludeBundledSpecs</c>); null keeps them all. Never throws on file content.
    /// </summary>
    public static SpecSet Build(IEnumerable<SpecSource> bundled, IEnumerable<SpecSource> user, Func<SpecEntry, bool>? includeBundled = null)
    {
        var problems = new List<SpecProblem>();
        var bundledEntries = new List<SpecEntry>();
        foreach (var source in bundled)
        {
            foreach (var entry in Read(source, problems))
            {
                if (includeBundled is null || includeBundled(entry))
                {
                    bundledEntries.Add(entry);
                }
            }
        }

        var userEntries = new List<SpecEntry>();
        foreach (var source in SpecRules.InPathOrder(user, s => s.Path))
        {
            userEntries.AddRange(Read(source, problems));
        }

        void Duplicate(SpecEntry later, SpecEntry first) =>
            problems.Add(new SpecProblem(later.Source.Path, later.Node.Start,
                $"the {SpecRules.Label(later.Kind)} id '{later.Id}' is already declared in '{first.Source.Path}'; this one is ignored", isError: false));

        var flows = SpecRules.Resolve(Of(bundledEntries, SpecKind.FlowSpec), Of(userEntries, SpecKind.FlowSpec), e => e.Id, Duplicate);
        var connections = SpecRules.Resolve(Of(bundledEntries, SpecKind.ConnectionSpec), Of(userEntries, SpecKind.ConnectionSpec), e => e.Id, Duplicate);
        return new SpecSet(flows, connections, problems);
    }

    /// <summary>The specs of one file (one spec or <c>{"items":[…]}</c>); problems are added to <paramref name="problems"/>.</summary>
    public static List<SpecEntry> Read(SpecSource source, List<SpecProblem> problems)
    {
        var result = new List<SpecEntry>();
        var parsed = JsonTreeReader.Parse(source.Text);
        foreach (var duplicate in parsed.DuplicateKeys)
        {
            problems.Add(new SpecProblem(source.Path, duplicate.NameStart, $"the key \"{duplicate.Name}\" appears twice in this object; the last value is used", isError: false));
        }

        if (parsed.Root is null)
        {
            problems.Add(new SpecProblem(source.Path, parsed.Error!.Position, "not valid JSON: " + parsed.Error.Message, isError: true));
            return result;
        }

        if (SpecRules.Items(parsed.Root, out var notAList) is not { } items)
        {
            problems.Add(new SpecProblem(source.Path, notAList!.Start, $"not a {SpecRules.Label(source.Kind)}: \"items\" is not an array", isError: true));
            return result;
        }

        foreach (var (node, _) in items)
        {
            if (SpecRules.WhyNotASpec(node, source.Kind) is { } problem)
            {
                problems.Add(new SpecProblem(source.Path, node.Start, $"not a {SpecRules.Label(source.Kind)}: {problem}", isError: true));
                continue;
            }

            result.Add(new SpecEntry(source.Kind, node.GetString("id")!, node.GetString("name")!, node, source));
        }

        return result;
    }

    private static IEnumerable<SpecEntry> Of(List<SpecEntry> entries, SpecKind kind)
    {
        foreach (var entry in entries)
        {
            if (entry.Kind == kind)
            {
                yield return entry;
            }
        }
    }

    private static Dictionary<string, SpecEntry> Index(List<SpecEntry> entries)
    {
        var index = new Dictionary<string, SpecEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            index[entry.Id] = entry;
        }

        return index;
    }
}
