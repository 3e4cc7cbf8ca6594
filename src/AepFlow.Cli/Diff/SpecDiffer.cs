using System.Text.Json;
using AepFlow.Cli.Specs;

namespace AepFlow.Cli.Diff;

/// <summary>The changes of one spec between two folders.</summary>
/// <param name="Kind">flowSpec or connectionSpec.</param>
/// <param name="Id">The spec id (specs are matched by id, not by file name).</param>
/// <param name="Name">The spec name (the new one when it changed).</param>
/// <param name="Status">Added, removed or changed.</param>
/// <param name="Changes">What changed inside it; empty for added/removed specs.</param>
internal sealed record SpecDiff(SpecKind Kind, string Id, string Name, SpecDiffStatus Status, IReadOnlyList<SpecChange> Changes)
{
    public bool IsBreaking => Status == SpecDiffStatus.Removed || Changes.Any(c => c.Severity == ChangeSeverity.Breaking);
}

/// <summary>What happened to a spec as a whole.</summary>
internal enum SpecDiffStatus
{
    /// <summary>Only in the new folder (compatible).</summary>
    Added,

    /// <summary>Only in the old folder (breaking: its generated class disappears).</summary>
    Removed,

    /// <summary>In both, with differences.</summary>
    Changed,
}

/// <summary>
/// Compares two spec sets. Inside a spec: the name (the generated class is named after it), the flowSpec's allowed source and
/// target connection spec ids, and every schema-bearing member: arrays of named specs (<c>transformationSpecs</c>,
/// <c>authSpec</c>) matched by name, and single specs (<c>scheduleSpec</c>, <c>sourceSpec</c>) — each compared with
/// <see cref="SchemaDiffer"/>.
/// </summary>
internal static class SpecDiffer
{
    public static IReadOnlyList<SpecDiff> Compare(
        IReadOnlyDictionary<(SpecKind Kind, string Id), SpecDocument> old,
        IReadOnlyDictionary<(SpecKind Kind, string Id), SpecDocument> @new)
    {
        var diffs = new List<SpecDiff>();
        foreach (var key in old.Keys.Union(@new.Keys).OrderBy(k => k.Kind).ThenBy(k => k.Id, StringComparer.Ordinal))
        {
            var hasOld = old.TryGetValue(key, out var before);
            var hasNew = @new.TryGetValue(key, out var after);
            if (!hasNew)
            {
                diffs.Add(new SpecDiff(key.Kind, before!.Id, before.Name, SpecDiffStatus.Removed, []));
            }
            else if (!hasOld)
            {
                diffs.Add(new SpecDiff(key.Kind, after!.Id, after.Name, SpecDiffStatus.Added, []));
            }
            else
            {
                var changes = CompareSpec(before!, after!);
                if (changes.Count > 0)
                {
                    diffs.Add(new SpecDiff(key.Kind, after!.Id, after.Name, SpecDiffStatus.Changed, changes));
                }
            }
        }

        return diffs;
    }

    internal static List<SpecChange> CompareSpec(SpecDocument old, SpecDocument @new)
    {
        var changes = new List<SpecChange>();
        if (!string.Equals(old.Name, @new.Name, StringComparison.Ordinal))
        {
            changes.Add(new SpecChange(ChangeSeverity.Breaking, "name", $"renamed from '{old.Name}' to '{@new.Name}' (the generated class is named after it)"));
        }

        var oldVersion = Text(old.Json, "version");
        var newVersion = Text(@new.Json, "version");
        if (!string.Equals(oldVersion, newVersion, StringComparison.Ordinal))
        {
            changes.Add(new SpecChange(ChangeSeverity.Compatible, "version", $"changed from {oldVersion ?? "none"} to {newVersion ?? "none"}"));
        }

        foreach (var list in (ReadOnlySpan<string>)["sourceConnectionSpecIds", "targetConnectionSpecIds"])
        {
            var before = Strings(old.Json, list);
            var after = Strings(@new.Json, list);
            foreach (var id in before.Where(id => !after.Contains(id)))
            {
                changes.Add(new SpecChange(ChangeSeverity.Breaking, list, $"connection spec {id} removed (flows using it are rejected)"));
            }

            foreach (var id in after.Where(id => !before.Contains(id)))
            {
                changes.Add(new SpecChange(ChangeSeverity.Compatible, list, $"connection spec {id} added"));
            }
        }

        var differ = new SchemaDiffer(changes);
        foreach (var member in SpecMembers(old.Json).Union(SpecMembers(@new.Json)).Order(StringComparer.Ordinal))
        {
            CompareSpecMember(differ, changes, member, SchemaDiffer.Get(old.Json, member), SchemaDiffer.Get(@new.Json, member));
        }

        return changes;
    }

    /// <summary>Top-level members that carry schemas: <c>…Spec</c> and <c>…Specs</c> (but not the id lists).</summary>
    private static IEnumerable<string> SpecMembers(JsonElement spec) =>
        spec.EnumerateObject()
            .Select(p => p.Name)
            .Where(n => (n.EndsWith("Spec", StringComparison.Ordinal) || n.EndsWith("Specs", StringComparison.Ordinal)) && !n.EndsWith("SpecIds", StringComparison.Ordinal));

    private static void CompareSpecMember(SchemaDiffer differ, List<SpecChange> changes, string member, JsonElement old, JsonElement @new)
    {
        var oldParts = Parts(member, old);
        var newParts = Parts(member, @new);
        foreach (var (label, oldSchema) in oldParts)
        {
            if (!newParts.TryGetValue(label, out var newSchema))
            {
                changes.Add(new SpecChange(ChangeSeverity.Breaking, label, "removed"));
            }
            else
            {
                differ.Compare(label + ":", oldSchema, newSchema);
            }
        }

        foreach (var label in newParts.Keys.Where(k => !oldParts.ContainsKey(k)))
        {
            changes.Add(new SpecChange(ChangeSeverity.Compatible, label, "added"));
        }
    }

    /// <summary>The schemas inside one member, labelled <c>transformationSpecs[Copy]</c> or <c>scheduleSpec</c>.</summary>
    private static Dictionary<string, JsonElement> Parts(string member, JsonElement value)
    {
        var parts = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var name = Text(item, "name") ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    parts.TryAdd($"{member}[{name}]", SchemaOf(item));
                    index++;
                }

                break;
            case JsonValueKind.Object:
                parts[member] = SchemaOf(value);
                break;
        }

        return parts;
    }

    /// <summary>A spec entry's <c>spec</c> schema; an entry without one is compared as a whole.</summary>
    private static JsonElement SchemaOf(JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("spec", out var spec) ? spec : entry;

    private static string? Text(JsonElement value, string member) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(member, out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;

    private static List<string> Strings(JsonElement value, string member) =>
        SchemaDiffer.Get(value, member) is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];
}
