using System.Globalization;
using System.Text.Json;
using AepFlow.Cli.Json;
using AepFlow.Generator.Schema;

namespace AepFlow.Cli.Diff;

/// <summary>
/// Compares two draft-07 JSON Schemas the way a consumer feels the change: a value the old schema accepted that the new one
/// rejects is <see cref="ChangeSeverity.Breaking"/> (removed member, newly required member, higher minimum, lower maximum,
/// shorter maxLength, new pattern, narrower type, removed enum value); the reverse is <see cref="ChangeSeverity.Compatible"/>.
/// Keywords whose effect cannot be judged mechanically (<c>if</c>, <c>anyOf</c>, <c>not</c>…) are reported as breaking when
/// they change, so a review never misses them.
/// </summary>
internal sealed class SchemaDiffer(List<SpecChange> changes)
{
    // Annotations from the generator's one keyword table (linked): their changes never change which values are valid.
    // "definitions"/"$defs" hold schemas a $ref may point at, so their changes stay in the review.
    private static readonly HashSet<string> Ignored = new(
        SchemaKeywords.Annotations.Where(k => k is not ("definitions" or "$defs" or "default")), StringComparer.Ordinal);

    private static readonly HashSet<string> Handled = new(StringComparer.Ordinal)
    {
        "type", "properties", "required", "enum", "const", "items", "additionalProperties", "then", "else", "allOf", "default",
        "minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties",
        "maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties",
        "pattern", "format", "multipleOf", "uniqueItems",
    };

    private static readonly string[] LowerBounds = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"];
    private static readonly string[] UpperBounds = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"];
    private static readonly string[] ExactRules = ["pattern", "format", "multipleOf", "const"];

    public void Compare(string where, JsonElement old, JsonElement @new)
    {
        if (old.ValueKind != JsonValueKind.Object || @new.ValueKind != JsonValueKind.Object)
        {
            if (!JsonEquals(old, @new))
            {
                Add(ChangeSeverity.Breaking, where, $"schema changed from {Short(old)} to {Short(@new)}");
            }

            return;
        }

        CompareType(where, old, @new);
        CompareProperties(where, old, @new);
        CompareEnum(where, old, @new);
        foreach (var keyword in LowerBounds)
        {
            CompareBound(where, keyword, old, @new, raisedIsBreaking: true);
        }

        foreach (var keyword in UpperBounds)
        {
            CompareBound(where, keyword, old, @new, raisedIsBreaking: false);
        }

        foreach (var keyword in ExactRules)
        {
            CompareExact(where, keyword, old, @new);
        }

        CompareUniqueItems(where, old, @new);
        CompareAdditionalProperties(where, old, @new);
        CompareSubschema(where + "[]", "items", old, @new);
        CompareSubschema(where + " (then)", "then", old, @new);
        CompareSubschema(where + " (else)", "else", old, @new);
        CompareAllOf(where, old, @new);
        if (Get(old, "default") is var oldDefault && Get(@new, "default") is var newDefault && !JsonEquals(oldDefault, newDefault))
        {
            Add(ChangeSeverity.Compatible, where, $"default changed from {Short(oldDefault)} to {Short(newDefault)}");
        }

        CompareUnjudged(where, old, @new);
    }

    private void CompareType(string where, JsonElement old, JsonElement @new)
    {
        var oldTypes = Types(old);
        var newTypes = Types(@new);
        if (oldTypes.SetEquals(newTypes))
        {
            return;
        }

        var text = $"type changed from {Describe(oldTypes)} to {Describe(newTypes)}";
        if (newTypes.Count == 0)
        {
            Add(ChangeSeverity.Compatible, where, text);
            return;
        }

        // Everything the old type admitted must still be admitted; "number" admits "integer".
        var narrower = oldTypes.Count == 0 || oldTypes.Any(t => !Admits(newTypes, t));
        Add(narrower ? ChangeSeverity.Breaking : ChangeSeverity.Compatible, where, text);
    }

    private void CompareProperties(string where, JsonElement old, JsonElement @new)
    {
        var oldProperties = Properties(old);
        var newProperties = Properties(@new);
        var oldRequired = Required(old);
        var newRequired = Required(@new);
        foreach (var (name, oldSchema) in oldProperties)
        {
            var member = Join(where, name);
            if (!newProperties.TryGetValue(name, out var newSchema))
            {
                Add(ChangeSeverity.Breaking, member, "member removed");
                continue;
            }

            if (!oldRequired.Contains(name) && newRequired.Contains(name))
            {
                Add(ChangeSeverity.Breaking, member, "member is now required");
            }
            else if (oldRequired.Contains(name) && !newRequired.Contains(name))
            {
                Add(ChangeSeverity.Compatible, member, "member is no longer required");
            }

            Compare(member, oldSchema, newSchema);
        }

        foreach (var (name, _) in newProperties.Where(p => !oldProperties.ContainsKey(p.Key)))
        {
            Add(newRequired.Contains(name) ? ChangeSeverity.Breaking : ChangeSeverity.Compatible, Join(where, name),
                newRequired.Contains(name) ? "required member added" : "optional member added");
        }

        // Required names without a property schema (draft-07 allows them) still change what a value must carry.
        foreach (var name in newRequired.Where(n => !oldRequired.Contains(n) && !newProperties.ContainsKey(n) && !oldProperties.ContainsKey(n)))
        {
            Add(ChangeSeverity.Breaking, Join(where, name), "member is now required");
        }

        foreach (var name in oldRequired.Where(n => !newRequired.Contains(n) && !newProperties.ContainsKey(n) && !oldProperties.ContainsKey(n)))
        {
            Add(ChangeSeverity.Compatible, Join(where, name), "member is no longer required");
        }
    }

    private void CompareEnum(string where, JsonElement old, JsonElement @new)
    {
        var oldEnum = Get(old, "enum");
        var newEnum = Get(@new, "enum");
        if (oldEnum.ValueKind != JsonValueKind.Array && newEnum.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        if (oldEnum.ValueKind != JsonValueKind.Array)
        {
            Add(ChangeSeverity.Breaking, where, $"values restricted to {Short(newEnum)}");
            return;
        }

        if (newEnum.ValueKind != JsonValueKind.Array)
        {
            Add(ChangeSeverity.Compatible, where, "enum restriction removed");
            return;
        }

        var oldValues = oldEnum.EnumerateArray().Select(Canonical).ToList();
        var newValues = newEnum.EnumerateArray().Select(Canonical).ToList();
        foreach (var value in oldValues.Where(v => !newValues.Contains(v)))
        {
            Add(ChangeSeverity.Breaking, where, $"enum value {value} removed");
        }

        foreach (var value in newValues.Where(v => !oldValues.Contains(v)))
        {
            Add(ChangeSeverity.Compatible, where, $"enum value {value} added");
        }
    }

    private void CompareBound(string where, string keyword, JsonElement old, JsonElement @new, bool raisedIsBreaking)
    {
        var oldBound = Number(Get(old, keyword));
        var newBound = Number(Get(@new, keyword));
        if (oldBound == newBound)
        {
            return;
        }

        if (oldBound is null)
        {
            Add(ChangeSeverity.Breaking, where, $"{keyword} {Format(newBound)} added");
        }
        else if (newBound is null)
        {
            Add(ChangeSeverity.Compatible, where, $"{keyword} {Format(oldBound)} removed");
        }
        else
        {
            var raised = newBound > oldBound;
            Add(raised == raisedIsBreaking ? ChangeSeverity.Breaking : ChangeSeverity.Compatible, where,
                $"{keyword} {(raised ? "raised" : "lowered")} from {Format(oldBound)} to {Format(newBound)}");
        }
    }

    private void CompareExact(string where, string keyword, JsonElement old, JsonElement @new)
    {
        var oldRule = Get(old, keyword);
        var newRule = Get(@new, keyword);
        if (JsonEquals(oldRule, newRule))
        {
            return;
        }

        if (oldRule.ValueKind == JsonValueKind.Undefined)
        {
            Add(ChangeSeverity.Breaking, where, $"{keyword} {Short(newRule)} added");
        }
        else if (newRule.ValueKind == JsonValueKind.Undefined)
        {
            Add(ChangeSeverity.Compatible, where, $"{keyword} {Short(oldRule)} removed");
        }
        else
        {
            Add(ChangeSeverity.Breaking, where, $"{keyword} changed from {Short(oldRule)} to {Short(newRule)}");
        }
    }

    private void CompareUniqueItems(string where, JsonElement old, JsonElement @new)
    {
        var oldUnique = Get(old, "uniqueItems").ValueKind == JsonValueKind.True;
        var newUnique = Get(@new, "uniqueItems").ValueKind == JsonValueKind.True;
        if (oldUnique != newUnique)
        {
            Add(newUnique ? ChangeSeverity.Breaking : ChangeSeverity.Compatible, where, newUnique ? "items must now be unique" : "items no longer need to be unique");
        }
    }

    private void CompareAdditionalProperties(string where, JsonElement old, JsonElement @new)
    {
        var oldValue = Get(old, "additionalProperties");
        var newValue = Get(@new, "additionalProperties");
        var oldClosed = oldValue.ValueKind == JsonValueKind.False;
        var newClosed = newValue.ValueKind == JsonValueKind.False;
        if (oldClosed != newClosed)
        {
            Add(newClosed ? ChangeSeverity.Breaking : ChangeSeverity.Compatible, where,
                newClosed ? "no longer accepts members it does not declare" : "now accepts members it does not declare");
        }
        else if (oldValue.ValueKind == JsonValueKind.Object && newValue.ValueKind == JsonValueKind.Object)
        {
            Compare(where + "{*}", oldValue, newValue);
        }
    }

    private void CompareSubschema(string where, string keyword, JsonElement old, JsonElement @new)
    {
        var oldSchema = Get(old, keyword);
        var newSchema = Get(@new, keyword);
        if (oldSchema.ValueKind == JsonValueKind.Undefined && newSchema.ValueKind == JsonValueKind.Undefined)
        {
            return;
        }

        if (oldSchema.ValueKind == JsonValueKind.Undefined)
        {
            Add(ChangeSeverity.Breaking, where, $"'{keyword}' rules added");
        }
        else if (newSchema.ValueKind == JsonValueKind.Undefined)
        {
            Add(ChangeSeverity.Compatible, where, $"'{keyword}' rules removed");
        }
        else if (oldSchema.ValueKind == JsonValueKind.Array || newSchema.ValueKind == JsonValueKind.Array)
        {
            if (!JsonEquals(oldSchema, newSchema))
            {
                Add(ChangeSeverity.Breaking, where, $"'{keyword}' changed");
            }
        }
        else
        {
            Compare(where, oldSchema, newSchema);
        }
    }

    private void CompareAllOf(string where, JsonElement old, JsonElement @new)
    {
        var oldAll = Get(old, "allOf");
        var newAll = Get(@new, "allOf");
        var oldList = oldAll.ValueKind == JsonValueKind.Array ? oldAll.EnumerateArray().ToList() : [];
        var newList = newAll.ValueKind == JsonValueKind.Array ? newAll.EnumerateArray().ToList() : [];
        for (var i = 0; i < Math.Max(oldList.Count, newList.Count); i++)
        {
            var part = $"{where} (allOf {i})";
            if (i >= newList.Count)
            {
                Add(ChangeSeverity.Compatible, part, "rule set removed");
            }
            else if (i >= oldList.Count)
            {
                Add(ChangeSeverity.Breaking, part, "rule set added");
            }
            else
            {
                Compare(part, oldList[i], newList[i]);
            }
        }
    }

    /// <summary>Keywords without a mechanical rule: any change is flagged as breaking so it gets read.</summary>
    private void CompareUnjudged(string where, JsonElement old, JsonElement @new)
    {
        var keywords = Keys(old).Union(Keys(@new)).Where(k => !Ignored.Contains(k) && !Handled.Contains(k)).Order(StringComparer.Ordinal);
        foreach (var keyword in keywords)
        {
            if (!JsonEquals(Get(old, keyword), Get(@new, keyword)))
            {
                Add(ChangeSeverity.Breaking, where, $"'{keyword}' changed (not judged automatically; review it)");
            }
        }
    }

    private void Add(ChangeSeverity severity, string where, string what) => changes.Add(new SpecChange(severity, where, what));

    private static string Join(string where, string member) => where.EndsWith(':') ? $"{where} {member}" : $"{where}.{member}";

    internal static JsonElement Get(JsonElement schema, string keyword) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var value) ? value : default;

    private static IEnumerable<string> Keys(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object ? schema.EnumerateObject().Select(p => p.Name) : [];

    private static Dictionary<string, JsonElement> Properties(JsonElement schema)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (Get(schema, "properties") is { ValueKind: JsonValueKind.Object } properties)
        {
            foreach (var property in properties.EnumerateObject())
            {
                result[property.Name] = property.Value;
            }
        }

        return result;
    }

    private static HashSet<string> Required(JsonElement schema) =>
        Get(schema, "required") is { ValueKind: JsonValueKind.Array } required
            ? required.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];

    private static HashSet<string> Types(JsonElement schema)
    {
        var type = Get(schema, "type");
        return type.ValueKind switch
        {
            JsonValueKind.String => [type.GetString()!],
            JsonValueKind.Array => type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToHashSet(StringComparer.Ordinal),
            _ => [],
        };
    }

    private static bool Admits(HashSet<string> types, string type) =>
        types.Contains(type) || (type == "integer" && types.Contains("number"));

    private static string Describe(HashSet<string> types) =>
        types.Count == 0 ? "any" : string.Join("|", types.Order(StringComparer.Ordinal));

    private static decimal? Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number : null;

    private static string Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "none";

    internal static bool JsonEquals(JsonElement a, JsonElement b) =>
        a.ValueKind == JsonValueKind.Undefined || b.ValueKind == JsonValueKind.Undefined
            ? a.ValueKind == b.ValueKind
            : Canonical(a) == Canonical(b);

    private static string Canonical(JsonElement value) => CanonicalJson.ToCompactText(value);

    private static string Short(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            return "none";
        }

        var text = Canonical(value);
        return text.Length <= 80 ? text : text[..77] + "...";
    }
}
