using System;
using System.Collections.Generic;
using System.Globalization;
using AepFlow.Generator.Json;

namespace AepFlow.Generator.Specs;

/// <summary>
/// The rules every reader of spec files shares (generator, compile-time checks, CLI, emulator): file naming, what counts as
/// a spec, and which spec wins when ids repeat. Roslyn-free.
/// </summary>
internal static class SpecRules
{
    public const string FlowSpecSuffix = ".flowspec.json";
    public const string ConnectionSpecSuffix = ".connectionspec.json";

    /// <summary>The kind a user spec file holds by its name, or null when it is not a spec file.</summary>
    public static SpecKind? KindOfFile(string path)
    {
        if (path.EndsWith(FlowSpecSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return SpecKind.FlowSpec;
        }

        return path.EndsWith(ConnectionSpecSuffix, StringComparison.OrdinalIgnoreCase) ? SpecKind.ConnectionSpec : null;
    }

    public static string Label(SpecKind kind) => kind == SpecKind.FlowSpec ? "flowSpec" : "connectionSpec";

    /// <summary>
    /// The spec values of a file: the root, or each entry of <c>{"items":[…]}</c> (an object with "items" and no "id") with
    /// its JSON pointer. Null when "items" is not an array (<paramref name="badItems"/> is then that value).
    /// </summary>
    public static List<(JsonNode Node, string Pointer)>? Items(JsonNode root, out JsonNode? badItems)
    {
        badItems = null;
        var items = new List<(JsonNode Node, string Pointer)>();
        if (root.IsObject && root["items"] is { } list && root["id"] is null)
        {
            if (!list.IsArray)
            {
                badItems = list;
                return null;
            }

            for (var i = 0; i < list.Items.Count; i++)
            {
                items.Add((list.Items[i], "/items/" + i.ToString(CultureInfo.InvariantCulture)));
            }
        }
        else
        {
            items.Add((root, string.Empty));
        }

        return items;
    }

    /// <summary>Why this JSON value is not a spec of the expected kind, or null when it is one.</summary>
    public static string? WhyNotASpec(JsonNode node, SpecKind kind)
    {
        if (!node.IsObject)
        {
            return "it is " + Describe(node) + ", not an object";
        }

        if (node["flowSpec"] is not null && node["sourceConnectionIds"] is not null)
        {
            return "it is a flow (it has \"flowSpec\" and \"sourceConnectionIds\"), not a spec";
        }

        if (node["id"] is not { Kind: JsonNodeKind.String })
        {
            return node["id"] is null ? "it has no \"id\"" : "its \"id\" is not a string";
        }

        if (node["name"] is not { Kind: JsonNodeKind.String })
        {
            return node["name"] is null ? "it has no \"name\"" : "its \"name\" is not a string";
        }

        var looksLikeConnection = node["authSpec"] is not null || node["sourceSpec"] is not null;
        var looksLikeFlow = node["sourceConnectionSpecIds"] is not null || node["transformationSpecs"] is not null
            || node["transformationSpec"] is not null || node["scheduleSpec"] is not null;
        if (kind == SpecKind.FlowSpec && looksLikeConnection && !looksLikeFlow)
        {
            return "it has \"authSpec\"/\"sourceSpec\" like a connectionSpec; name the file *.connectionspec.json";
        }

        if (kind == SpecKind.ConnectionSpec && looksLikeFlow && !looksLikeConnection)
        {
            return "it has \"sourceConnectionSpecIds\"/\"transformationSpecs\" like a flowSpec; name the file *.flowspec.json";
        }

        return null;
    }

    /// <summary>Files in ordinal path order, each path once (the same file listed twice counts once).</summary>
    public static List<T> InPathOrder<T>(IEnumerable<T> files, Func<T, string> path)
    {
        var sorted = new List<T>(files);
        sorted.Sort((a, b) => string.CompareOrdinal(path(a), path(b)));
        for (var i = sorted.Count - 1; i > 0; i--)
        {
            if (path(sorted[i]) == path(sorted[i - 1]))
            {
                sorted.RemoveAt(i);
            }
        }

        return sorted;
    }

    /// <summary>
    /// The one precedence rule. <paramref name="user"/> in path order: the first declaration of an id wins
    /// (<paramref name="duplicate"/> hears of each later one); a user spec replaces the bundled spec with its id. Result:
    /// bundled specs not replaced, in their order, then user specs. Ids compare case-insensitively.
    /// </summary>
    public static List<T> Resolve<T>(IEnumerable<T> bundled, IEnumerable<T> user, Func<T, string> id, Action<T, T>? duplicate = null)
    {
        var userById = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        var userSpecs = new List<T>();
        foreach (var spec in user)
        {
            if (userById.TryGetValue(id(spec), out var first))
            {
                duplicate?.Invoke(spec, first);
                continue;
            }

            userById[id(spec)] = spec;
            userSpecs.Add(spec);
        }

        var result = new List<T>();
        var bundledIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in bundled)
        {
            if (!userById.ContainsKey(id(spec)) && bundledIds.Add(id(spec)))
            {
                result.Add(spec);
            }
        }

        result.AddRange(userSpecs);
        return result;
    }

    private static string Describe(JsonNode node) => node.Kind switch
    {
        JsonNodeKind.Array => "an array",
        JsonNodeKind.String => "a string",
        JsonNodeKind.Number => "a number",
        JsonNodeKind.True or JsonNodeKind.False => "a boolean",
        JsonNodeKind.Null => "null",
        _ => "an object",
    };
}
