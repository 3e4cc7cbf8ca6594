using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AepFlow.Generator.Json;

namespace AepFlow.Generator.Declarative.Xdm;

/// <summary>
/// XDM component schemas (classes, field groups, data types, behaviours) by <c>$id</c>: the standard ones bundled in the
/// generator (<c>specs/xdm</c>, embedded as <c>AepFlow.Xdm.*</c>; CC BY 4.0 © Adobe, see specs/xdm/README.md), overlaid with
/// the user's <c>*.xdm.json</c> files. A <c>$ref</c> names a component by its <c>$id</c>, never by a file path.
/// </summary>
internal sealed class XdmComponents
{
    private const string ResourcePrefix = "AepFlow.Xdm.";

    private static readonly Lazy<XdmComponents> BundledComponents = new(LoadBundled);

    private readonly Dictionary<string, JsonNode> _byId;

    private XdmComponents(Dictionary<string, JsonNode> byId) => _byId = byId;

    /// <summary>The standard components embedded in the generator; parsed once per process.</summary>
    public static XdmComponents Bundled => BundledComponents.Value;

    /// <summary>Every component root, in <c>$id</c> order.</summary>
    public IEnumerable<JsonNode> All => _byId.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value);

    /// <summary>The component with this <c>$id</c> (compared without a trailing <c>#</c> or <c>/</c>).</summary>
    public JsonNode? Find(string id) => _byId.TryGetValue(Key(id), out var root) ? root : null;

    /// <summary>These components plus <paramref name="roots"/> (a user file with a bundled <c>$id</c> replaces it).</summary>
    public XdmComponents With(IEnumerable<JsonNode> roots)
    {
        var byId = new Dictionary<string, JsonNode>(_byId, StringComparer.Ordinal);
        foreach (var root in roots)
        {
            if (root["$id"]?.AsString is { } id)
            {
                byId[Key(id)] = root;
            }
        }

        return new XdmComponents(byId);
    }

    private static string Key(string id) => id.TrimEnd('#', '/');

    private static XdmComponents LoadBundled()
    {
        var byId = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var assembly = typeof(XdmComponents).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name);
            if (stream == null)
            {
                continue;
            }

            using var reader = new StreamReader(stream);
            if (JsonTreeReader.Parse(reader.ReadToEnd()).Root is { Kind: JsonNodeKind.Object } root && root["$id"]?.AsString is { } id)
            {
                byId[Key(id)] = root;
            }
        }

        return new XdmComponents(byId);
    }
}
