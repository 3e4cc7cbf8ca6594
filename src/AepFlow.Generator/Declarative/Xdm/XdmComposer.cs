using System;
using System.Collections.Generic;
using System.Linq;
using AepFlow.Generator.Json;

namespace AepFlow.Generator.Declarative.Xdm;

/// <summary>The fields of a composed schema, and the <c>$ref</c>s that could not be followed (then the fields are incomplete).</summary>
internal sealed class XdmComposition
{
    public XdmComposition(IReadOnlyList<XdmField> fields, IReadOnlyList<string> unresolved)
    {
        Fields = fields;
        Unresolved = unresolved;
    }

    public IReadOnlyList<XdmField> Fields { get; }

    public IReadOnlyList<string> Unresolved { get; }

    /// <summary>True when every reference was found, so a path missing from <see cref="Fields"/> is really not in the schema.</summary>
    public bool IsComplete => Unresolved.Count == 0;
}

/// <summary>
/// Composes XDM schemas the way Schema Registry resolves them for <c>application/vnd.adobe.xed-full+json</c>: a class's
/// fields plus its field groups' fields merged into one tree, every <c>$ref</c> (and <c>allOf</c> member, and
/// <c>meta:extends</c> component) inlined, and field names in their compact form: <c>xdm:personalEmail</c> →
/// <c>personalEmail</c>, <c>@id</c> → <c>_id</c>, another namespace's <c>repo:createDate</c> → <c>_repo.createDate</c>.
/// One composition serves the typed paths, the <c>*.mapping.json</c> check (AEPF022) and the C# mapping check (AEPF025).
/// </summary>
internal static class XdmComposer
{
    private const int MaxDepth = 32;

    /// <summary>The schema a <c>CreateSchemaRequest</c> makes from <paramref name="classId"/> and <paramref name="fieldGroupIds"/>.</summary>
    public static XdmComposition Compose(XdmComponents components, string classId, IEnumerable<string> fieldGroupIds)
    {
        var context = new Context(components);
        var root = new Bag();
        foreach (var id in new[] { classId }.Concat(fieldGroupIds))
        {
            if (components.Find(id) is { } component)
            {
                context.CollectSchema(component, component, root, 0);
            }
            else
            {
                context.Unresolved.Add(id);
            }
        }

        return new XdmComposition(root.ToFields(""), context.Unresolved.Distinct().ToList());
    }

    /// <summary>The fields of one schema document (an exported schema or a single component), references followed.</summary>
    public static XdmComposition Fields(XdmComponents components, JsonNode root)
    {
        var context = new Context(components);
        var bag = new Bag();
        context.CollectSchema(root, root, bag, 0);
        return new XdmComposition(bag.ToFields(""), context.Unresolved.Distinct().ToList());
    }

    /// <summary>The compact name of a property and the namespace object it nests in (<c>repo:createDate</c> → (<c>_repo</c>, <c>createDate</c>)).</summary>
    internal static (string? Namespace, string Name) CompactName(string name)
    {
        if (name.StartsWith("@", StringComparison.Ordinal) && name.Length > 1)
        {
            return (null, "_" + name.Substring(1));
        }

        int colon = name.IndexOf(':');
        if (colon <= 0 || colon == name.Length - 1 || name.IndexOf('/') >= 0)
        {
            return (null, name);
        }

        string prefix = name.Substring(0, colon);
        string local = name.Substring(colon + 1);
        return prefix == "xdm" ? (null, local) : ("_" + prefix, local);
    }

    private sealed class Context
    {
        private readonly XdmComponents _components;

        // The references being expanded on the current path: a data type that contains itself stops there.
        private readonly HashSet<string> _active = new(StringComparer.Ordinal);

        public Context(XdmComponents components) => _components = components;

        public List<string> Unresolved { get; } = new();

        /// <summary>Adds the properties <paramref name="schema"/> contributes (directly, via allOf, $ref, meta:extends) to <paramref name="into"/>.</summary>
        public void CollectSchema(JsonNode schema, JsonNode document, Bag into, int depth)
        {
            if (depth > MaxDepth || schema.Kind != JsonNodeKind.Object)
            {
                return;
            }

            if (schema["$ref"]?.AsString is { } reference)
            {
                FollowReference(reference, document, into, depth);
            }

            if (schema["properties"] is { Kind: JsonNodeKind.Object } properties)
            {
                foreach (var member in properties.Members)
                {
                    AddProperty(member.Name, member.Value, document, into, depth);
                }
            }

            if (schema["allOf"] is { Kind: JsonNodeKind.Array } allOf)
            {
                foreach (var part in allOf.Items)
                {
                    CollectSchema(part, document, into, depth + 1);
                }
            }

            // A class or data type extends behaviours and other types; those usually appear in allOf too (merging is idempotent).
            if (ReferenceEquals(schema, document) && schema["meta:extends"] is { Kind: JsonNodeKind.Array } extends)
            {
                foreach (var item in extends.Items)
                {
                    if (item.AsString is { } id && _components.Find(id) != null)
                    {
                        FollowReference(id, document, into, depth);
                    }
                }
            }
        }

        private void AddProperty(string rawName, JsonNode property, JsonNode document, Bag into, int depth)
        {
            var (ns, name) = CompactName(rawName);
            var parent = ns == null ? into : into.Child(ns, "object", null, null).Children;
            var (type, target) = property["type"]?.AsString == "array" && property["items"] is { Kind: JsonNodeKind.Object } items
                ? ("array", items)
                : (property["type"]?.AsString, property);
            var field = parent.Child(name, type, property["title"]?.AsString, property["description"]?.AsString);
            CollectSchema(target, document, field.Children, depth + 1);
            if (field.Type == null && field.Children.Count > 0)
            {
                field.Type = "object";
            }
        }

        private void FollowReference(string reference, JsonNode document, Bag into, int depth)
        {
            int hash = reference.IndexOf('#');
            string id = hash < 0 ? reference : reference.Substring(0, hash);
            string pointer = hash < 0 ? "" : reference.Substring(hash + 1);
            var target = id.Length == 0 ? document : _components.Find(id);
            if (target == null)
            {
                Unresolved.Add(id);
                return;
            }

            string key = (id.Length == 0 ? document["$id"]?.AsString ?? "" : id) + "#" + pointer;
            var node = Resolve(target, pointer);
            if (node == null)
            {
                Unresolved.Add(reference);
                return;
            }

            if (!_active.Add(key))
            {
                return;
            }

            CollectSchema(node, target, into, depth + 1);
            _active.Remove(key);
        }

        private static JsonNode? Resolve(JsonNode root, string pointer)
        {
            var node = root;
            foreach (var segment in pointer.Split('/').Where(s => s.Length > 0))
            {
                node = node?[segment.Replace("~1", "/").Replace("~0", "~")];
            }

            return node;
        }
    }

    /// <summary>Fields by compact name, in first-seen order; a name seen again merges its children.</summary>
    private sealed class Bag
    {
        private readonly List<Entry> _entries = new();

        public int Count => _entries.Count;

        public Entry Child(string name, string? type, string? title, string? description)
        {
            var entry = _entries.FirstOrDefault(e => e.Name == name);
            if (entry == null)
            {
                entry = new Entry(name);
                _entries.Add(entry);
            }

            entry.Type ??= type;
            entry.Title ??= title;
            entry.Description ??= description;
            return entry;
        }

        public IReadOnlyList<XdmField> ToFields(string prefix) => _entries
            .Select(e =>
            {
                string path = prefix.Length == 0 ? e.Name : prefix + "." + e.Name;
                return new XdmField(e.Name, path, e.Type, e.Title, e.Description, e.Children.ToFields(path));
            })
            .ToList();
    }

    private sealed class Entry
    {
        public Entry(string name) => Name = name;

        public string Name { get; }

        public string? Type { get; set; }

        public string? Title { get; set; }

        public string? Description { get; set; }

        public Bag Children { get; } = new();
    }
}
