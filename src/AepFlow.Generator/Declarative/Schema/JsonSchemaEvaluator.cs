using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AepFlow.Generator.Json;
using AepFlow.Generator.Schema;
using AepFlow.Validation;

namespace AepFlow.Generator.Declarative.Schema;

/// <summary>
/// Compile-time JSON Schema (draft-07 subset used by flowSpecs and connectionSpecs) over a <see cref="JsonNode"/> instance.
/// Three-valued: a run-time (<see cref="JsonNodeKind.Unknown"/>) value or a member that may be set elsewhere makes a keyword
/// <see cref="SchemaOutcome.Unknown"/>, and an <c>if</c> that is not decided applies neither branch, so nothing is guessed.
/// Errors found while testing <c>if</c>, <c>not</c>, <c>anyOf</c> and <c>oneOf</c> branches are never reported as such.
/// </summary>
internal sealed class JsonSchemaEvaluator
{
    private const int MaxDepth = 64;
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    private readonly List<string> _path = new();
    private readonly List<string> _conditions = new();

    // Per object value, the members its own schema declares in "properties" (the first schema that sees the value, before
    // any allOf/then/else): only those become members of the generated record, so only those can be required at run time.
    private readonly Dictionary<JsonNode, HashSet<string>?> _declared = new(ReferenceComparer.Instance);

    // Values already seen by their own (member or item) schema: only that schema decides the generated member's C# type.
    private readonly HashSet<JsonNode> _typed = new(ReferenceComparer.Instance);
    private readonly string _rootName;
    private int _conditionalDepth;
    private int _depth;

    private JsonSchemaEvaluator(JsonElement root, string rootName, IEnumerable<string> basePath)
    {
        _rootName = rootName;
        _path.AddRange(basePath);
    }

    /// <summary>Evaluates <paramref name="schema"/> over <paramref name="instance"/> and returns every reportable error.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="instance">The value to check; may hold unknown values and partial objects.</param>
    /// <param name="rootName">How messages name the instance itself (a property's JSON name, or "value").</param>
    /// <param name="basePath">JSON Pointer segments of the instance inside the document being checked.</param>
    public static IReadOnlyList<SchemaError> Evaluate(JsonElement schema, JsonNode instance, string rootName = "value", IEnumerable<string>? basePath = null)
    {
        var evaluator = new JsonSchemaEvaluator(schema, rootName, basePath ?? Array.Empty<string>());
        var errors = new List<SchemaError>();
        evaluator.Eval(schema, instance, errors);
        return errors;
    }

    /// <summary>
    /// The verdict alone: <see cref="SchemaOutcome.Unknown"/> where the build cannot decide (a run-time value, or a keyword the
    /// generated validators do not check). The differential tests hold it against <c>Validate()</c> and JsonSchema.Net.
    /// </summary>
    public static SchemaOutcome Decide(JsonElement schema, JsonNode instance, string rootName = "value") =>
        new JsonSchemaEvaluator(schema, rootName, Array.Empty<string>()).Eval(schema, instance, new List<SchemaError>());

    private string Pointer => _path.Count == 0 ? "" : "/" + string.Join("/", _path.Select(s => s.Replace("~", "~0").Replace("/", "~1")));

    /// <summary>The name messages use for the current value: its property name, or <c>items[2]</c> for array items.</summary>
    private string Subject
    {
        get
        {
            if (_path.Count == 0)
            {
                return _rootName;
            }

            string last = _path[_path.Count - 1];
            if (last.Length > 0 && char.IsDigit(last[0]) && last.All(char.IsDigit))
            {
                string parent = _path.Count > 1 ? _path[_path.Count - 2] : _rootName;
                return $"{parent}[{last}]";
            }

            return last;
        }
    }

    private string When => _conditions.Count == 0 ? "" : " when " + string.Join(" and ", _conditions.Distinct());

    /// <summary>Adds an error; the condition that made the rule apply goes before the fix ("… when frequency is once: remove it").</summary>
    /// <remarks>Reads as rule, condition, actual value, fix: "interval must be at least 15 when frequency is minute, not 10".</remarks>
    private void Report(List<SchemaError> errors, JsonNode node, string keyword, string message, object? origin = null, string? fix = null, string? actual = null, string? limit = null) =>
        errors.Add(new SchemaError(Pointer, keyword, message + When + (actual == null ? "" : ", not " + actual) + (fix == null ? "" : ": " + fix),
            node, _conditionalDepth > 0, origin) { Limit = limit });

    private static SchemaOutcome Combine(SchemaOutcome a, SchemaOutcome b) =>
        a == SchemaOutcome.Invalid || b == SchemaOutcome.Invalid ? SchemaOutcome.Invalid
        : a == SchemaOutcome.Unknown || b == SchemaOutcome.Unknown ? SchemaOutcome.Unknown
        : SchemaOutcome.Valid;

    private SchemaOutcome Eval(JsonElement schema, JsonNode node, List<SchemaError> errors)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return SchemaOutcome.Valid;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            if (!node.IsKnown)
            {
                return SchemaOutcome.Unknown;
            }

            Report(errors, node, "false", $"{Subject} is not allowed here");
            return SchemaOutcome.Invalid;
        }

        if (schema.ValueKind != JsonValueKind.Object || _depth > MaxDepth)
        {
            return SchemaOutcome.Valid;
        }

        _depth++;
        try
        {
            // What the generated validator does not check is not decided here either: "unknown", never an error Validate()
            // would not give (SchemaKeywords.NotEnforced; the generator reports each as AEPF003).
            var outcome = HasNotEnforcedKeyword(schema) ? SchemaOutcome.Unknown : SchemaOutcome.Valid;

            if (node.Kind == JsonNodeKind.Object && !_declared.ContainsKey(node))
            {
                // No "properties": the member is an untyped JsonElement and Validate() looks required names up in the JSON (null: any name).
                _declared[node] = schema.TryGetProperty("properties", out var declared) && declared.ValueKind == JsonValueKind.Object && declared.EnumerateObject().Any()
                    ? new HashSet<string>(declared.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal)
                    : null;
            }

            bool primary = _typed.Add(node);
            if (node.IsKnown)
            {
                outcome = Combine(outcome, CheckType(schema, node, errors));
                if (primary && outcome != SchemaOutcome.Invalid)
                {
                    outcome = Combine(outcome, CheckIntegerWidth(schema, node, errors));
                }

                outcome = Combine(outcome, CheckEnumAndConst(schema, node, errors));
                outcome = node.Kind switch
                {
                    JsonNodeKind.Number => Combine(outcome, CheckNumber(schema, node, errors)),
                    JsonNodeKind.String => Combine(outcome, CheckString(schema, node, errors)),
                    JsonNodeKind.Array => Combine(outcome, CheckArray(schema, node, errors)),
                    JsonNodeKind.Object => Combine(outcome, CheckObject(schema, node, errors)),
                    _ => outcome,
                };
            }
            else
            {
                outcome = SchemaOutcome.Unknown;
            }

            // Applicators run for unknown values too: their branches may still be decided (or stay unknown).
            outcome = Combine(outcome, CheckCombinators(schema, node, errors));
            outcome = Combine(outcome, CheckConditional(schema, node, errors));
            return outcome;
        }
        finally
        {
            _depth--;
        }
    }

    // Counts as the generator reads them (SchemaReader): a non-negative whole number, or the keyword is ignored (AEPF007).
    private static bool IsCount(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.GetDouble() is var number && number >= 0 && number <= int.MaxValue && number == Math.Floor(number);

    private static bool HasNotEnforcedKeyword(JsonElement schema)
    {
        foreach (var keyword in SchemaKeywords.NotEnforced)
        {
            if (schema.TryGetProperty(keyword, out _))
            {
                return true;
            }
        }

        // A list of item schemas (tuple form) is typed as JsonElement and not validated at run time.
        return schema.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array;
    }

    // ---- type, enum, const ----

    private SchemaOutcome CheckType(JsonElement schema, JsonNode node, List<SchemaError> errors)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return SchemaOutcome.Valid;
        }

        var allowed = type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList()
            : type.ValueKind == JsonValueKind.String ? new List<string> { type.GetString()! } : new List<string>();
        if (allowed.Count == 0 || allowed.Any(t => HasType(node, t)))
        {
            return SchemaOutcome.Valid;
        }

        string expected = string.Join(" or ", allowed.Select(WithArticle));
        string message = $"{Subject} must be {expected}";
        string? fix = null;
        if (node.Kind == JsonNodeKind.String && allowed.Any(t => HasType(Reparse(node.Text!), t)))
        {
            fix = $"write {node.Text} without quotes";
        }
        else if (allowed.Contains("string") && node.Kind is JsonNodeKind.Number or JsonNodeKind.True or JsonNodeKind.False)
        {
            fix = $"write \"{node.Display}\" in quotes";
        }

        Report(errors, node, "type", message, fix: fix, actual: DescribeKind(node));
        return SchemaOutcome.Invalid;
    }

    /// <summary>An "integer" member is a C# int or long (<see cref="IntegerWidth"/>); a value that type cannot hold does not read at run time.</summary>
    private SchemaOutcome CheckIntegerWidth(JsonElement schema, JsonNode node, List<SchemaError> errors)
    {
        if (node.Kind != JsonNodeKind.Number || !schema.TryGetProperty("type", out var type) || !IsIntegerOnly(type))
        {
            return SchemaOutcome.Valid;
        }

        bool isLong = IntegerWidth.IsLong(MemberName, schema.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null,
            Bound(schema, "minimum"), Bound(schema, "maximum"), Bound(schema, "exclusiveMinimum"), Bound(schema, "exclusiveMaximum"));
        if (IntegerWidth.Fits(node.Text!, isLong))
        {
            return SchemaOutcome.Valid;
        }

        Report(errors, node, "type", $"{Subject} {(isLong ? IntegerWidth.Int64Message : IntegerWidth.Int32Message)}", actual: node.Text);
        return SchemaOutcome.Invalid;
    }

    private static bool IsIntegerOnly(JsonElement type)
    {
        if (type.ValueKind == JsonValueKind.String)
        {
            return type.GetString() == "integer";
        }

        if (type.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var names = type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()).Where(t => t != "null").Distinct().ToList();
        return names.Count == 1 && names[0] == "integer";
    }

    private static double? Bound(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) ? number : null;

    /// <summary>The JSON name the generator types this value by: its member's name (array items take their array's name).</summary>
    private string MemberName
    {
        get
        {
            for (int i = _path.Count - 1; i >= 0; i--)
            {
                if (!(_path[i].Length > 0 && _path[i].All(char.IsDigit)))
                {
                    return _path[i];
                }
            }

            return _rootName;
        }
    }

    private static JsonNode Reparse(string text)
    {
        var parsed = JsonTreeReader.Parse(text.Trim()).Root;
        return parsed != null && text.Trim().Length > 0 ? parsed : JsonNode.String(text);
    }

    private static bool HasType(JsonNode node, string type) => type switch
    {
        "string" => node.Kind == JsonNodeKind.String,
        "number" => node.Kind == JsonNodeKind.Number,
        "integer" => node.Kind == JsonNodeKind.Number && JsonSchemaValues.IsInteger(node.Text!),
        "boolean" => node.Kind is JsonNodeKind.True or JsonNodeKind.False,
        "null" => node.Kind == JsonNodeKind.Null,
        "object" => node.Kind == JsonNodeKind.Object,
        "array" => node.Kind == JsonNodeKind.Array,
        _ => true,
    };

    private static string WithArticle(string type) => type switch
    {
        "integer" => "an integer",
        "array" => "an array",
        "object" => "an object",
        "null" => "null",
        _ => "a " + type,
    };

    private static string DescribeKind(JsonNode node) => node.Kind switch
    {
        JsonNodeKind.String => $"a string ({node.Display})",
        JsonNodeKind.Number => JsonSchemaValues.IsInteger(node.Text!) ? $"an integer ({node.Text})" : $"a number ({node.Text})",
        JsonNodeKind.True or JsonNodeKind.False => $"a boolean ({node.Display})",
        JsonNodeKind.Null => "null",
        JsonNodeKind.Array => "an array",
        JsonNodeKind.Object => "an object",
        _ => "a run-time value",
    };

    private SchemaOutcome CheckEnumAndConst(JsonElement schema, JsonNode node, List<SchemaError> errors)
    {
        var outcome = SchemaOutcome.Valid;
        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            if (!values.EnumerateArray().Any(v => JsonEquality.AreEqual(v, node)))
            {
                var options = values.EnumerateArray().Select(v => v.GetRawText()).ToList();
                string message = SchemaKeywords.Enum(Subject, string.Join(", ", options));
                string? fix = null;
                if (node.Kind == JsonNodeKind.String)
                {
                    var close = Suggest.Closest(node.Text!, values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!));
                    fix = close == null ? null : $"did you mean \"{close}\"?";
                }

                Report(errors, node, "enum", message, fix: fix, actual: node.Display);
                outcome = SchemaOutcome.Invalid;
            }
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonEquality.AreEqual(constant, node))
        {
            Report(errors, node, "const", $"{Subject} must be {constant.GetRawText()}", actual: node.Display);
            outcome = SchemaOutcome.Invalid;
        }

        return outcome;
    }

    // ---- numbers ----

    private SchemaOutcome CheckNumber(JsonElement schema, JsonNode node, List<SchemaError> errors)
    {
        var outcome = SchemaOutcome.Valid;
        double value = JsonEquality.ToDouble(node.Text!);
        bool draft4ExclusiveMin = schema.TryGetProperty("exclusiveMinimum", out var exMin) && exMin.ValueKind == JsonValueKind.True;
        bool draft4ExclusiveMax = schema.TryGetProperty("exclusiveMaximum", out var exMax) && exMax.ValueKind == JsonValueKind.True;

        if (schema.TryGetProperty("minimum", out var min) && min.ValueKind == JsonValueKind.Number)
        {
            double limit = min.GetDouble();
            if (draft4ExclusiveMin ? value <= limit : value < limit)
            {
                Report(errors, node, "minimum", draft4ExclusiveMin ? SchemaKeywords.ExclusiveMinimum(Subject, limit) : SchemaKeywords.Minimum(Subject, limit), actual: node.Text, limit: draft4ExclusiveMin ? null : min.GetRawText());
                outcome = SchemaOutcome.Invalid;
            }
        }

        if (schema.TryGetProperty("maximum", out var max) && max.ValueKind == JsonValueKind.Number)
        {
            double limit = max.GetDouble();
            if (draft4ExclusiveMax ? value >= limit : value > limit)
            {
                Report(errors, node, "maximum", draft4ExclusiveMax ? SchemaKeywords.ExclusiveMaximum(Subject, limit) : SchemaKeywords.Maximum(Subject, limit), actual: node.Text, limit: draft4ExclusiveMax ? null : max.GetRawText());
                outcome = SchemaOutcome.Invalid;
            }
        }

        if (exMin.ValueKind == JsonValueKind.Number && value <= exMin.GetDouble())
        {
            Report(errors, node, "exclusiveMinimum", SchemaKeywords.ExclusiveMinimum(Subject, exMin.GetDouble()), actual: node.Text);
            outcome = SchemaOutcome.Invalid;
        }

        if (exMax.ValueKind == JsonValueKind.Number && value >= exMax.GetDouble())
        {
            Report(errors, node, "exclusiveMaximum", SchemaKeywords.ExclusiveMaximum(Subject, exMax.GetDouble()), actual: node.Text);
            outcome = SchemaOutcome.Invalid;
        }

        if (schema.TryGetProperty("multipleOf", out var multiple) && multiple.ValueKind == JsonValueKind.Number
            && !JsonSchemaValues.IsMultipleOf(value, multiple.GetRawText()))
        {
            Report(errors, node, "multipleOf", SchemaKeywords.MultipleOf(Subject, multiple.GetRawText()), actual: node.Text);
            outcome = SchemaOutcome.Invalid;
        }

        return outcome;
    }

    // ---- strings ----

    private SchemaOutcome CheckString(JsonElement schema, JsonNode node, List<SchemaError> errors)
    {
        var outcome = SchemaOutcome.Valid;
        string text = node.Text!;
        int length = JsonSchemaValues.Length(text);
        if (schema.TryGetProperty("minLength", out var minLength) && IsCount(minLength) && length < minLength.GetDouble())
        {
            int least = (int)minLength.GetDouble();
            Report(errors, node, "minLength", SchemaKeywords.MinLength(Subject, least), actual: least == 1 ? null : length.ToString(CultureInfo.InvariantCulture));
            outcome = SchemaOutcome.Invalid;
        }

        if (schema.TryGetProperty("maxLength", out var maxLength) && IsCount(maxLength) && length > maxLength.GetDouble())
        {
            Report(errors, node, "maxLength", SchemaKeywords.MaxLength(Subject, (int)maxLength.GetDouble()), actual: length.ToString(CultureInfo.InvariantCulture));
            outcome = SchemaOutcome.Invalid;
        }

        if (schema.TryGetProperty("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String)
        {
            var matches = Matches(pattern.GetString()!, text);
            if (matches == SchemaOutcome.Invalid)
            {
                Report(errors, node, "pattern", SchemaKeywords.Pattern(Subject, pattern.GetString()!), actual: node.Display);
            }

            outcome = Combine(outcome, matches);
        }

        if (schema.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String &&
            !JsonSchemaFormats.Check(format.GetString()!, text))
        {
            Report(errors, node, "format", $"{Subject} must be {JsonSchemaFormats.Describe(format.GetString()!)}", actual: node.Display);
            outcome = SchemaOutcome.Invalid;
        }

        return outcome;
    }

    // As the generated validators run it (SchemaKeywords.PatternOptions). A match that runs out of time is not decided
    // here (Validate() would report it, after its own, longer timeout).
    private static SchemaOutcome Matches(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, pattern, SchemaKeywords.PatternOptions, RegexTimeout) ? SchemaOutcome.Valid : SchemaOutcome.Invalid;
        }
        catch (ArgumentException)
        {
            return SchemaOutcome.Valid; // a pattern .NET cannot read is the spec's problem (AEPF003), not the value's
        }
        catch (RegexMatchTimeoutException)
        {
            return SchemaOutcome.Unknown;
        }
    }

    // ---- arrays ----

    private SchemaOutcome CheckArray(JsonElement schema, JsonNode node, List<SchemaError> errors)
    {
        var outcome = SchemaOutcome.Valid;
        if (schema.TryGetProperty("items", out var items))
        {
            for (int i = 0; i < node.Items.Count && items.ValueKind != JsonValueKind.Array; i++)
            {
                var itemSchema = items;
                _path.Add(i.ToString(CultureInfo.InvariantCulture));
                outcome = Combine(outcome, Eval(itemSchema, node.Items[i], errors));
                _path.RemoveAt(_path.Count - 1);
            }
        }

        if (schema.TryGetProperty("contains", out var contains))
        {
            outcome = Combine(outcome, CheckContains(contains, hasItemSchema: items.ValueKind == JsonValueKind.Object, node, errors));
        }

        if (schema.TryGetProperty("minItems", out var minItems) && IsCount(minItems) && node.Items.Count < minItems.GetDouble())
        {
            Report(errors, node, "minItems", SchemaKeywords.MinItems(Subject, (int)minItems.GetDouble()), actual: node.Items.Count.ToString(CultureInfo.InvariantCulture));
            outcome = SchemaOutcome.Invalid;
        }

        if (schema.TryGetProperty("maxItems", out var maxItems) && IsCount(maxItems) && node.Items.Count > maxItems.GetDouble())
        {
            Report(errors, node, "maxItems", SchemaKeywords.MaxItems(Subject, (int)maxItems.GetDouble()), actual: node.Items.Count.ToString(CultureInfo.InvariantCulture));
            outcome = SchemaOutcome.Invalid;
        }

        if (schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True)
        {
            // Items with declared properties are generated records (others stay JSON and compare as JSON at run time).
            bool recordItems = items.ValueKind == JsonValueKind.Object && items.TryGetProperty("properties", out var itemProperties)
                && itemProperties.ValueKind == JsonValueKind.Object && itemProperties.EnumerateObject().Any();
            for (int i = 1; i < node.Items.Count; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    if (recordItems && node.Items[i].Kind == JsonNodeKind.Object && node.Items[j].Kind == JsonNodeKind.Object)
                    {
                        // Generated records compare the members they declare, not the JSON (AEPF003): not decided here.
                        outcome = Combine(outcome, SchemaOutcome.Unknown);
                        continue;
                    }

                    if (node.Items[i].IsKnown && JsonEquality.AreEqual(node.Items[i], node.Items[j]))
                    {
                        _path.Add(i.ToString(CultureInfo.InvariantCulture));
                        Report(errors, node.Items[i], "uniqueItems", $"{Subject} repeats item {j}: list each value once");
                        _path.RemoveAt(_path.Count - 1);
                        outcome = SchemaOutcome.Invalid;
                        goto doneUnique;
                    }
                }
            }

        doneUnique:;
        }

        return outcome;
    }

    // "contains": one item that matches decides; the others are tested quietly (as the generated matcher does).
    private SchemaOutcome CheckContains(JsonElement contains, bool hasItemSchema, JsonNode node, List<SchemaError> errors)
    {
        var unknown = false;
        foreach (var item in node.Items)
        {
            if (!hasItemSchema)
            {
                // Without an item schema the items are JSON values at run time: the contains schema does not type them.
                _typed.Add(item);
                if (item.Kind == JsonNodeKind.Object && !_declared.ContainsKey(item))
                {
                    _declared[item] = null;
                }
            }

            switch (Eval(contains, item, new List<SchemaError>()))
            {
                case SchemaOutcome.Valid:
                    return SchemaOutcome.Valid;
                case SchemaOutcome.Unknown:
                    unknown = true;
                    break;
            }
        }

        if (unknown)
        {
            return SchemaOutcome.Unknown;
        }

        Report(errors, node, "contains", SchemaKeywords.Contains(Subject));
        return SchemaOutcome.Invalid;
    }

    // ---- objects ----

    private SchemaOutcome CheckObject(JsonElement schema, JsonNode node, List<SchemaError> errors)
    {
        var outcome = SchemaOutcome.Valid;
        bool hasProperties = schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object;
        if (hasProperties)
        {
            foreach (var property in properties.EnumerateObject())
            {
                var member = node.Member(property.Name);
                if (member == null)
                {
                    if (MayBePresent(node, property.Name))
                    {
                        outcome = Combine(outcome, SchemaOutcome.Unknown);
                    }

                    continue;
                }

                _path.Add(property.Name);
                outcome = Combine(outcome, Eval(property.Value, member.Value, errors));
                _path.RemoveAt(_path.Count - 1);
            }
        }

        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!))
            {
                if (node.Member(name) != null)
                {
                    // Present in the JSON but not declared in "properties": the generated record has no such member (AEPF003)
                    // and Validate() reports it missing, so the JSON and the run-time model disagree: not decided here.
                    if (_declared[node] is { } declared && !declared.Contains(name))
                    {
                        outcome = Combine(outcome, SchemaOutcome.Unknown);
                    }

                    continue;
                }

                if (MayBePresent(node, name))
                {
                    outcome = Combine(outcome, SchemaOutcome.Unknown);
                    continue;
                }

                object? origin = node.KnownAbsent != null && node.KnownAbsent.TryGetValue(name, out var o) ? o : null;
                Report(errors, node, "required", SchemaKeywords.Required(name), origin);
                outcome = SchemaOutcome.Invalid;
            }
        }

        return outcome;
    }

    private static bool MayBePresent(JsonNode node, string name) =>
        node.IsPartial && (node.KnownAbsent == null || !node.KnownAbsent.ContainsKey(name));

    // ---- applicators ----

    private SchemaOutcome CheckCombinators(JsonElement schema, JsonNode node, List<SchemaError> errors)
    {
        var outcome = SchemaOutcome.Valid;
        if (schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
        {
            foreach (var sub in allOf.EnumerateArray())
            {
                outcome = Combine(outcome, Eval(sub, node, errors));
            }
        }

        if (schema.TryGetProperty("anyOf", out var anyOf) && anyOf.ValueKind == JsonValueKind.Array)
        {
            outcome = Combine(outcome, Alternatives(anyOf, node, errors, exactlyOne: false));
        }

        if (schema.TryGetProperty("oneOf", out var oneOf) && oneOf.ValueKind == JsonValueKind.Array)
        {
            outcome = Combine(outcome, Alternatives(oneOf, node, errors, exactlyOne: true));
        }

        if (schema.TryGetProperty("not", out var not))
        {
            var scratch = new List<SchemaError>();
            var inner = Eval(not, node, scratch);
            if (inner == SchemaOutcome.Valid)
            {
                ReportNot(not, node, errors);
                outcome = SchemaOutcome.Invalid;
            }
            else if (inner == SchemaOutcome.Unknown)
            {
                outcome = Combine(outcome, SchemaOutcome.Unknown);
            }
        }

        return outcome;
    }

    private SchemaOutcome Alternatives(JsonElement branches, JsonNode node, List<SchemaError> errors, bool exactlyOne)
    {
        int valid = 0, unknown = 0;
        List<SchemaError>? closest = null;
        foreach (var branch in branches.EnumerateArray())
        {
            var scratch = new List<SchemaError>();
            switch (Eval(branch, node, scratch))
            {
                case SchemaOutcome.Valid: valid++; break;
                case SchemaOutcome.Unknown: unknown++; break;
                default:
                    if (closest == null || scratch.Count < closest.Count)
                    {
                        closest = scratch;
                    }

                    break;
            }
        }

        string keyword = exactlyOne ? "oneOf" : "anyOf";
        if (exactlyOne && valid > 1)
        {
            Report(errors, node, keyword, $"{Subject} matches {valid} of the alternatives, but must match exactly one");
            return SchemaOutcome.Invalid;
        }

        if (valid > 0)
        {
            return unknown > 0 && exactlyOne ? SchemaOutcome.Unknown : SchemaOutcome.Valid;
        }

        if (unknown > 0)
        {
            return SchemaOutcome.Unknown;
        }

        string hint = closest != null && closest.Count > 0 ? $" (closest alternative: {closest[0].Message})" : "";
        Report(errors, node, keyword, $"{Subject} matches none of the allowed alternatives{hint}");
        return SchemaOutcome.Invalid;
    }

    /// <summary><c>not: {required: [x]}</c> is how specs forbid a member; say so and point at that member.</summary>
    private void ReportNot(JsonElement not, JsonNode node, List<SchemaError> errors)
    {
        if (node.Kind == JsonNodeKind.Object && not.ValueKind == JsonValueKind.Object &&
            not.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.Array && req.GetArrayLength() > 0)
        {
            var names = req.EnumerateArray().Select(r => r.GetString()).Where(n => n != null).Select(n => n!).ToList();
            var present = node.Member(names[0]);
            if (present != null)
            {
                _path.Add(present.Name);
                string what = names.Count == 1 ? $"{names[0]} must not be set" : $"{string.Join(" and ", names)} must not all be set";
                Report(errors, present.Value, "not", what, fix: "remove it");
                _path.RemoveAt(_path.Count - 1);
                return;
            }
        }

        Report(errors, node, "not", $"{Subject} matches a shape the schema forbids ('not')");
    }

    private SchemaOutcome CheckConditional(JsonElement schema, JsonNode node, List<SchemaError> errors)
    {
        if (!schema.TryGetProperty("if", out var condition))
        {
            return SchemaOutcome.Valid;
        }

        bool hasThen = schema.TryGetProperty("then", out var then);
        bool hasElse = schema.TryGetProperty("else", out var otherwise);
        var decided = Eval(condition, node, new List<SchemaError>());
        if (decided == SchemaOutcome.Unknown)
        {
            return hasThen || hasElse ? SchemaOutcome.Unknown : SchemaOutcome.Valid;
        }

        bool holds = decided == SchemaOutcome.Valid;
        if (holds ? !hasThen : !hasElse)
        {
            return SchemaOutcome.Valid;
        }

        _conditions.Add(DescribeCondition(condition, node, holds));
        _conditionalDepth++;
        try
        {
            return Eval(holds ? then : otherwise, node, errors);
        }
        finally
        {
            _conditionalDepth--;
            _conditions.RemoveAt(_conditions.Count - 1);
        }
    }

    /// <summary>
    /// "frequency is minute": names the members the <c>if</c> looks at with the values the instance actually has, which reads
    /// right for both branches ("when frequency is hour" in an else branch).
    /// </summary>
    private string DescribeCondition(JsonElement condition, JsonNode node, bool holds)
    {
        var parts = new List<string>();
        if (condition.ValueKind == JsonValueKind.Object && node.Kind == JsonNodeKind.Object &&
            condition.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
        {
            foreach (var prop in props.EnumerateObject())
            {
                var value = node[prop.Name];
                parts.Add(value == null ? $"{prop.Name} is not set"
                    : value.Kind == JsonNodeKind.String ? $"{prop.Name} is {value.Text}"
                    : $"{prop.Name} is {value.Display}");
            }
        }

        if (parts.Count == 0)
        {
            return holds ? "the schema's 'if' condition holds" : "the schema's 'if' condition does not hold";
        }

        return string.Join(" and ", parts);
    }
}

/// <summary>Identity, not value, for the per-value bookkeeping of <see cref="JsonSchemaEvaluator"/>.</summary>
internal sealed class ReferenceComparer : IEqualityComparer<JsonNode>
{
    public static readonly ReferenceComparer Instance = new();

    public bool Equals(JsonNode? x, JsonNode? y) => ReferenceEquals(x, y);

    public int GetHashCode(JsonNode obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
}
