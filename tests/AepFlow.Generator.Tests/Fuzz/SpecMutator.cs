using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AepFlow.Generator.Tests.Fuzz;

/// <summary>One mutated input: the spec files to feed the generator and the mutations that made them.</summary>
internal sealed record FuzzCase(int Seed, IReadOnlyList<(string Path, string Content)> Files, IReadOnlyList<string> Mutations, bool WithBundledSpecs);

/// <summary>
/// Seeded mutations of the bundled specs (<c>specs/</c>): type flips, removed and added keywords, C#-hostile and Unicode
/// names and texts, extreme numbers, deep nesting, duplicate ids and case-colliding names, and cuts in the text. The same
/// seed always gives the same input, so a failure is reproduced from its seed alone.
/// </summary>
internal static class SpecMutator
{
    /// <summary>Names and texts that have broken generators: keywords, members of generated types, line terminators, markup.</summary>
    private static readonly string[] HostileTexts =
    [
        "class", "namespace", "global", "value", "field", "record", "params", "event", "_", "__", "@", "1abc", "", " ",
        "GetHashCode", "ToString", "Equals", "GetType", "EqualityContract", "Clone", "Deconstruct", "PrintMembers", "Finalize",
        "Validate", "ValidateInto", "WriteJson", "SpecName", "Id", "id", "Name", "name", "Version", "version", "Description",
        "CreateFlowRequest", "CreateFlowRequestJsonConverter", "ScheduleParams", "Schedule", "FlowSpecId", "FlowSpecVersion",
        "SourceConnectionIds", "TargetConnectionSpecIds", "FlowSpecCatalog", "FlowSpecEntry", "AepFlowJsonContext", "All", "Find",
        "TryReadFlow", "Error", "Default", "Options", "GetTypeInfo", "System", "AepFlow", "Microsoft", "String", "Type", "Regex",
        "JsonElement", "JsonSchema", "AepJson", "SchemaChecks", "JsonTokenType", "ValidationCollector", "IReadOnlyList", "List",
        "reader", "writer", "collector", "item", "items", "list", "i", "index", "exception", "transformation", "parameters",
        "Copy", "Mapping", "CopyParams", "MappingParams", "Frequency", "frequency", "Item", "Items", "Value", "value2",
        "Probe\u2028#error injected", "Probe\u2029[global::System.Obsolete(\"x\", true)]", "a\u0085#error x", "a\r#error x",
        "a\n#error x", "a\r\nb", "*/ </summary> <b>", "<!-- x", "&amp; &", "\"quoted\" \\ back\\slash", "{0} {{x}} $\"{y}\"",
        "tab\there", "nul\u0000char", "\u001f", "é", "日本語", "emoji \ud83d\ude00", "\u202eevil", "zero\u200bwidth", "\ufeffbom",
        "AbcDef", "abcdef", "ABCDEF", "abc_def", "abc-def", "abc def", "x" + new string('y', 300), "UPPER_CASE", "camelCase",
    ];

    private static readonly string[] Numbers =
    [
        "1e309", "-1e309", "1e-400", "79228162514264337593543950336", "-79228162514264337593543950336", "9007199254740993",
        "2147483648", "-2147483649", "9223372036854775808", "0", "-0", "0.1", "1.5", "1e20", "-1e-20", "1e-30", "123456789.123456789",
    ];

    private static readonly string[] Keywords =
    [
        "type", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength",
        "maxLength", "pattern", "format", "items", "properties", "required", "if", "then", "else", "allOf", "anyOf", "oneOf",
        "not", "default", "description", "title", "minItems", "maxItems", "uniqueItems", "additionalProperties", "$ref",
    ];

    private static readonly string[] TypeNames = ["string", "integer", "number", "boolean", "array", "object", "null", "date", "any"];

    private static readonly string[] Patterns = ["^[a-z]+$", "^(a+)+$", "[", "(?<x>a)\\k<x>", "\\p{L}+", "a{2,1}", "^\\d{4}-\\d{2}$", "(?i)abc", "\\"];

    private static readonly string[] Formats = ["date-time", "date", "time", "email", "uri", "uuid", "ipv4", "ipv6", "hostname", "regex", "json-pointer", "bogus"];

    private static readonly Lazy<IReadOnlyList<(string Name, bool IsFlowSpec, string Text)>> Corpus = new(LoadCorpus);

    public static FuzzCase Create(int seed)
    {
        var random = new Random(seed);
        var corpus = Corpus.Value;
        var (name, isFlowSpec, text) = corpus[random.Next(corpus.Count)];
        var suffix = isFlowSpec ? ".flowspec.json" : ".connectionspec.json";
        var mutations = new List<string> { name };
        var files = new List<(string, string)>();

        var root = JsonNode.Parse(text)!;
        var structural = 1 + random.Next(3);
        for (var i = 0; i < structural; i++)
        {
            mutations.Add(Mutate(root, random));
        }

        // Half the inputs carry hostile characters raw in the file text (line terminators, bidi marks), half as \u escapes.
        var content = root.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = random.Next(2) == 0,
            MaxDepth = 1000,
            Encoder = random.Next(2) == 0 ? System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping : null,
        });
        if (random.Next(6) == 0)
        {
            var (cut, what) = MutateText(content, random);
            content = cut;
            mutations.Add(what);
        }

        files.Add(("/project/specs/fuzz" + suffix, content));

        // A second file whose spec collides with the first: same id, or a name that differs only in case.
        if (random.Next(8) == 0)
        {
            var second = JsonNode.Parse(text)!;
            var spec = FirstSpec(second);
            if (spec is not null)
            {
                if (random.Next(2) == 0)
                {
                    mutations.Add("second file with the same id");
                }
                else
                {
                    spec["id"] = "0000000" + random.Next(10).ToString(CultureInfo.InvariantCulture) + "-0000-4000-8000-000000000000";
                    var specName = spec["name"]?.GetValueKind() == JsonValueKind.String ? spec["name"]!.GetValue<string>() : "spec";
                    spec["name"] = random.Next(2) == 0 ? specName.ToLowerInvariant() : specName.ToUpperInvariant();
                    mutations.Add("second file with a case-colliding name");
                }

                files.Add(("/project/specs/fuzz-second" + suffix, second.ToJsonString(new JsonSerializerOptions { MaxDepth = 1000 })));
            }
        }

        return new FuzzCase(seed, files, mutations, WithBundledSpecs: random.Next(25) == 0);
    }

    private static string Mutate(JsonNode root, Random random)
    {
        var slots = new List<(JsonNode Parent, object Key, JsonNode? Value, string Path)>();
        Collect(root, "", slots);
        if (slots.Count == 0)
        {
            return "nothing to mutate";
        }

        var (parent, key, value, path) = slots[random.Next(slots.Count)];
        switch (random.Next(9))
        {
            case 0:
                Set(parent, key, RandomValue(random, depth: 0));
                return "type flip at " + path;
            case 1:
                if (parent is JsonObject removeFrom)
                {
                    removeFrom.Remove((string)key);
                    return "removed " + path;
                }

                ((JsonArray)parent).RemoveAt((int)key);
                return "removed item " + path;
            case 2:
            {
                var target = value as JsonObject ?? parent as JsonObject ?? (JsonObject)root.Root;
                var keyword = Keywords[random.Next(Keywords.Length)];
                target[keyword] = KeywordValue(keyword, random);
                return "added " + keyword + " at " + path;
            }

            case 3:
                if (parent is JsonObject renameIn)
                {
                    var newName = Hostile(random);
                    var moved = renameIn[(string)key];
                    renameIn.Remove((string)key);
                    if (!renameIn.ContainsKey(newName))
                    {
                        renameIn[newName] = moved;
                    }

                    return "renamed " + path + " to " + Show(newName);
                }

                Set(parent, key, Hostile(random));
                return "hostile item " + path;
            case 4:
                Set(parent, key, Hostile(random));
                return "hostile text at " + path;
            case 5:
                Set(parent, key, JsonNode.Parse(Numbers[random.Next(Numbers.Length)]));
                return "extreme number at " + path;
            case 6:
            {
                // Shallow, around the limits of other JSON readers (64 levels), and past the spec reader's own (128).
                var depth = random.Next(3) switch { 0 => 2 + random.Next(12), 1 => 20 + random.Next(45), _ => 60 + random.Next(80) };
                Set(parent, key, Nest(value?.DeepClone() ?? JsonValue.Create("leaf"), depth, random));
                return "nested " + depth + " deep at " + path;
            }

            case 7:
            {
                var schema = value as JsonObject ?? parent as JsonObject;
                if (schema is null)
                {
                    return "no schema at " + path;
                }

                if (schema["properties"] is not JsonObject properties)
                {
                    properties = new JsonObject();
                    schema["properties"] = properties;
                }

                schema["type"] = "object";
                var hostile = Hostile(random);
                if (!properties.ContainsKey(hostile))
                {
                    properties[hostile] = RandomSchema(random, 0);
                }

                if (random.Next(2) == 0)
                {
                    schema["required"] = new JsonArray(JsonValue.Create(hostile));
                }

                return "added property " + Show(hostile) + " at " + path;
            }

            default:
                // The spec itself: its name, id, version or description.
                var spec = FirstSpec(root);
                if (spec is null)
                {
                    return "no spec";
                }

                var field = new[] { "name", "id", "version", "description" }[random.Next(4)];
                spec[field] = random.Next(5) == 0 ? RandomValue(random, 0) : Hostile(random);
                return "spec " + field + " = " + Show(spec[field]?.ToJsonString() ?? "null");
        }
    }

    private static (string Text, string What) MutateText(string text, Random random)
    {
        var at = random.Next(text.Length);
        var length = Math.Min(text.Length - at, 1 + random.Next(40));
        return random.Next(5) switch
        {
            0 => (text[..at], "truncated at " + at),
            1 => (text.Remove(at, length), "cut " + length + " chars at " + at),
            2 => (text.Insert(at, text.Substring(at, length)), "duplicated " + length + " chars at " + at),
            3 => (InsertAfterBrace(text, at, "\"name\":\"Dup\","), "duplicate key after a brace near " + at),
            _ => (InsertInString(text, at, random.Next(2) == 0 ? "\\ud800" : "\\udc00x"), "lone surrogate escape near " + at),
        };
    }

    private static string InsertAfterBrace(string text, int from, string insert)
    {
        var brace = text.IndexOf('{', from);
        return brace < 0 ? text : text.Insert(brace + 1, insert);
    }

    private static string InsertInString(string text, int from, string insert)
    {
        var quote = text.IndexOf("\":\"", from, StringComparison.Ordinal);
        return quote < 0 ? text : text.Insert(quote + 3, insert);
    }

    private static JsonNode Nest(JsonNode leaf, int depth, Random random)
    {
        var node = leaf;
        var kind = random.Next(4);
        for (var i = 0; i < depth; i++)
        {
            node = (kind == 3 ? random.Next(3) : kind) switch
            {
                0 => new JsonObject { ["type"] = "array", ["items"] = node },
                1 => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["a"] = node } },
                _ => new JsonObject { ["allOf"] = new JsonArray(node) },
            };
        }

        return node;
    }

    private static JsonNode? KeywordValue(string keyword, Random random) => keyword switch
    {
        "type" => random.Next(4) == 0
            ? new JsonArray(JsonValue.Create(TypeNames[random.Next(TypeNames.Length)]), JsonValue.Create(TypeNames[random.Next(TypeNames.Length)]))
            : JsonValue.Create(TypeNames[random.Next(TypeNames.Length)]),
        "enum" => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, 1))]),
        "const" or "default" => RandomValue(random, 1),
        "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "multipleOf" => random.Next(4) == 0 ? RandomValue(random, 1) : JsonNode.Parse(Numbers[random.Next(Numbers.Length)]),
        "minLength" or "maxLength" or "minItems" or "maxItems" => JsonNode.Parse(new[] { "0", "1", "-1", "3", "2147483648", "1.5", "\"2\"" }[random.Next(7)]),
        "pattern" => random.Next(4) == 0 ? RandomValue(random, 1) : JsonValue.Create(Patterns[random.Next(Patterns.Length)]),
        "format" => JsonValue.Create(Formats[random.Next(Formats.Length)]),
        "items" or "not" or "if" or "then" or "else" or "additionalProperties" => RandomSchema(random, 0),
        "properties" => new JsonObject { [Hostile(random)] = RandomSchema(random, 0), ["b"] = RandomSchema(random, 0) },
        "required" => random.Next(3) == 0 ? JsonValue.Create(true) : new JsonArray(JsonValue.Create(Hostile(random)), JsonValue.Create("b")),
        "allOf" or "anyOf" or "oneOf" => new JsonArray([.. Enumerable.Range(0, random.Next(3)).Select(_ => RandomSchema(random, 0))]),
        "uniqueItems" => JsonValue.Create(random.Next(2) == 0),
        "$ref" => JsonValue.Create("#/definitions/x"),
        _ => JsonValue.Create(Hostile(random)),
    };

    private static JsonNode RandomSchema(Random random, int depth)
    {
        var schema = new JsonObject();
        var count = random.Next(4);
        for (var i = 0; i < count; i++)
        {
            var keyword = Keywords[random.Next(Keywords.Length)];
            schema[keyword] = depth > 2 && keyword is "items" or "not" or "if" or "then" or "else" or "properties" or "allOf" or "anyOf" or "oneOf"
                ? new JsonObject()
                : keyword is "items" or "not" or "if" or "then" or "else" ? RandomSchema(random, depth + 1) : KeywordValue(keyword, random);
        }

        return schema;
    }

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth > 1 ? 5 : 7) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonNode.Parse(Numbers[random.Next(Numbers.Length)]),
        3 => JsonValue.Create(Hostile(random)),
        4 => JsonValue.Create(TypeNames[random.Next(TypeNames.Length)]),
        5 => new JsonArray(RandomValue(random, depth + 1), RandomValue(random, depth + 1)),
        _ => new JsonObject { ["type"] = TypeNames[random.Next(TypeNames.Length)], [Hostile(random)] = RandomValue(random, depth + 1) },
    };

    private static string Hostile(Random random) => HostileTexts[random.Next(HostileTexts.Length)];

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[(string)key] = value;
        }
        else
        {
            ((JsonArray)parent)[(int)key] = value;
        }
    }

    private static void Collect(JsonNode node, string path, List<(JsonNode, object, JsonNode?, string)> slots)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj.ToList())
            {
                var childPath = path + "/" + key;
                slots.Add((obj, key, value, childPath));
                if (value is not null)
                {
                    Collect(value, childPath, slots);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var childPath = path + "/" + i.ToString(CultureInfo.InvariantCulture);
                slots.Add((array, i, array[i], childPath));
                if (array[i] is { } item)
                {
                    Collect(item, childPath, slots);
                }
            }
        }
    }

    private static JsonObject? FirstSpec(JsonNode root) =>
        root["items"] is JsonArray { Count: > 0 } items ? items[0] as JsonObject : root as JsonObject;

    private static string Show(string text)
    {
        var builder = new StringBuilder();
        foreach (var ch in text.Length > 60 ? text[..60] + "…" : text)
        {
            builder.Append(ch < 32 || ch is '\u0085' or '\u2028' or '\u2029' || char.IsSurrogate(ch) ? $"\\u{(int)ch:x4}" : ch.ToString());
        }

        return builder.ToString();
    }

    private static IReadOnlyList<(string Name, bool IsFlowSpec, string Text)> LoadCorpus()
    {
        var files = new List<(string, bool, string)>();
        foreach (var file in Directory.GetFiles(Infrastructure.RepoPaths.BundledFlowSpecs, "*.json").Order(StringComparer.Ordinal))
        {
            files.Add((Path.GetFileName(file), true, File.ReadAllText(file)));
        }

        foreach (var file in Directory.GetFiles(Infrastructure.RepoPaths.BundledConnectionSpecs, "*.json").Order(StringComparer.Ordinal))
        {
            files.Add((Path.GetFileName(file), false, File.ReadAllText(file)));
        }

        return files;
    }
}
