using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AepFlow.Generator.Tests.Differential;

/// <summary>
/// Seeded random JSON instances for one JSON Schema: half biased towards valid values, half mutated (members dropped,
/// wrong types, nulls, enum near-misses, values just across every bound the schema states). Every pool of
/// candidate values is derived from the schema itself, so a new bundled spec is covered without editing this file.
/// </summary>
internal sealed class InstanceGenerator
{
    // Wrong-type probes for any member; each is invalid for at least one declared type.
    private static readonly string[] WrongTypes = ["null", "\"30\"", "1.5", "true", "7", "\"text\"", "[]", "{}"];

    // Strings shaped like the values the Flow Service sees, plus near-misses for the patterns in bundled and test specs.
    private static readonly string[] StringSamples =
    [
        "", "a", "updatedAt", "YYYY-MM-DD", "UTC",
        "0b090130b58b4819afc78b6dc98b484d", "0B090130B58B4819AFC78B6DC98B484D", "0b090130b58b4819afc78b6dc98b484", "0b090130b58b4819afc78b6dc98b484dd",
        "0b090130-b58b-4819-afc7-8b6dc98b484d", "0B090130-B58B-4819-AFC7-8B6DC98B484D", "0b090130-b58b-4819-afc7-8b6dc98b484", "not-a-mapping",
        "DE1234", "de1234", "DE12345", "D1234",
        "ops@acme.example", "not-an-email",
    ];

    private readonly Random _random;
    private readonly JsonObject _schema;
    private readonly List<long> _integers = [0, 1, 2, -1, 30, 60, 1_000, 1_612_310_466];
    private readonly List<double> _numbers = [0, 0.5, -1, 12, 12.25];
    private readonly List<string> _strings = [.. StringSamples];
    private readonly Dictionary<string, List<string>> _constsByMember = new(StringComparer.Ordinal);

    public InstanceGenerator(JsonObject schema, int seed)
    {
        _schema = schema;
        _random = new Random(seed);
        CollectCandidates(schema);
    }

    public IEnumerable<string> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Object(_schema, mutate: i % 2 == 1).ToJsonString();
        }
    }

    private JsonObject Object(JsonObject schema, bool mutate)
    {
        var properties = schema["properties"] as JsonObject ?? [];
        var required = Names(schema["required"]).ToHashSet(StringComparer.Ordinal);
        var conditional = ConditionallyRequired(schema).ToHashSet(StringComparer.Ordinal);
        var forbidden = Names(schema["not"]?["required"]).ToHashSet(StringComparer.Ordinal);
        var names = properties.Select(p => p.Key).Union(PropertyNamesInSubschemas(schema)).Distinct().ToArray();
        var result = new JsonObject();
        foreach (var name in names)
        {
            // Valid-biased instances keep required members, usually keep the ones a branch requires, rarely set forbidden ones.
            var include = (mutate, required.Contains(name), forbidden.Contains(name), conditional.Contains(name)) switch
            {
                (true, true, _, _) => Chance(0.85),
                (false, true, _, _) => true,
                (false, _, true, _) => Chance(0.1),
                (false, _, _, true) => Chance(0.8),
                _ => Chance(0.5),
            };
            if (include)
            {
                result[name] = Value(name, properties[name] as JsonObject, mutate);
            }
        }

        if (mutate && Chance(0.1))
        {
            result["unknownMember"] = "schemas here allow additional properties";
        }

        return result;
    }

    private JsonNode? Value(string name, JsonObject? schema, bool mutate)
    {
        if (mutate && Chance(0.2))
        {
            return JsonNode.Parse(Pick(WrongTypes));
        }

        switch ((string?)schema?["type"])
        {
            case "object":
                return Object(schema!, mutate);
            case "array":
                var array = new JsonArray();
                for (var i = _random.Next(0, 4); i > 0; i--)
                {
                    array.Add(Value(name, schema!["items"] as JsonObject, mutate));
                }

                return array;
            case "integer":
                return JsonValue.Create(IntegerFor(name, schema!, mutate));
            case "number":
                return Chance(0.5) ? JsonValue.Create(NumberFor(schema!, mutate)) : JsonValue.Create(IntegerFor(name, schema!, mutate));
            case "boolean":
                return JsonValue.Create(Chance(0.5));
            case "string":
                return JsonValue.Create(StringFor(name, schema!, mutate));
            default:
                return Chance(0.5) ? JsonValue.Create(StringFor(name, [], mutate)) : JsonValue.Create(IntegerFor(name, [], mutate));
        }
    }

    // Integer members map to C# int unless they hold epoch times (docs/generated-api.md); an int member is never sent a
    // value beyond int's range, which no schema here allows to be meaningful and which the contract maps to int.
    private long IntegerFor(string name, JsonObject schema, bool mutate)
    {
        if (name.EndsWith("Time", StringComparison.Ordinal) && Chance(0.3))
        {
            return 4_102_444_800;
        }

        var candidates = mutate ? _integers : [.. _integers.Where(i => FitsBounds(i, schema))];
        return Pick(candidates.Count > 0 ? candidates : _integers);
    }

    private double NumberFor(JsonObject schema, bool mutate)
    {
        var candidates = mutate ? _numbers : [.. _numbers.Where(n => FitsBounds(n, schema))];
        return Pick(candidates.Count > 0 ? candidates : _numbers);
    }

    private string StringFor(string name, JsonObject schema, bool mutate)
    {
        if (schema["enum"] is JsonArray values && (!mutate || Chance(0.7)))
        {
            return (string)Pick(values.ToArray())!;
        }

        if (!mutate)
        {
            // Bias only: the verdicts come from the two validators, never from these approximations.
            if (_constsByMember.TryGetValue(name, out var consts) && Chance(0.8))
            {
                return Pick(consts);
            }

            var fitting = _strings.Where(s => FitsString(s, schema)).ToArray();
            if (fitting.Length > 0)
            {
                return Pick(fitting);
            }
        }

        return Pick(_strings);
    }

    private static bool FitsBounds(double value, JsonObject schema) =>
        !(schema["minimum"] is JsonValue min && value < min.GetValue<double>())
        && !(schema["maximum"] is JsonValue max && value > max.GetValue<double>())
        && !(schema["exclusiveMinimum"] is JsonValue xmin && value <= xmin.GetValue<double>())
        && !(schema["exclusiveMaximum"] is JsonValue xmax && value >= xmax.GetValue<double>());

    private static bool FitsString(string value, JsonObject schema) =>
        !(schema["pattern"] is JsonValue pattern && !Regex.IsMatch(value, (string)pattern!))
        && !(schema["minLength"] is JsonValue min && value.Length < min.GetValue<int>())
        && !(schema["maxLength"] is JsonValue max && value.Length > max.GetValue<int>())
        && !((string?)schema["format"] == "email" && !value.Contains('@'))
        && !(schema["const"] is JsonValue constant && (string?)constant != value);

    private void CollectCandidates(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    switch (key)
                    {
                        case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" when child is JsonValue bound:
                            var v = bound.GetValue<double>();
                            _numbers.AddRange([v - 0.5, v, v + 0.5, v - 0.001, v + 0.001]);
                            if (Math.Floor(v) == v)
                            {
                                _integers.AddRange([(long)v - 1, (long)v, (long)v + 1]);
                            }

                            break;
                        case "properties" when child is JsonObject members:
                            foreach (var (member, memberSchema) in members)
                            {
                                if (memberSchema?["const"] is JsonValue constant && constant.TryGetValue<string>(out var text))
                                {
                                    (_constsByMember.TryGetValue(member, out var list) ? list : _constsByMember[member] = []).Add(text);
                                }
                            }

                            break;
                        case "minLength" or "maxLength" when child is JsonValue length:
                            var n = length.GetValue<int>();
                            _strings.AddRange([new string('x', Math.Max(0, n - 1)), new string('x', n), new string('x', n + 1)]);
                            break;
                        case "const" or "enum":
                            foreach (var value in child is JsonArray array ? [.. array] : new[] { child })
                            {
                                if (value is JsonValue text && text.TryGetValue<string>(out var s))
                                {
                                    _strings.AddRange([s, CultureInfo.InvariantCulture.TextInfo.ToTitleCase(s), s + "ly"]);
                                }
                            }

                            break;
                    }

                    CollectCandidates(child);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    CollectCandidates(item);
                }

                break;
        }
    }

    // Members named only inside if/then/else, allOf, anyOf, oneOf or not still belong to this object.
    private static IEnumerable<string> PropertyNamesInSubschemas(JsonObject schema)
    {
        foreach (var key in new[] { "if", "then", "else", "not" })
        {
            if (schema[key] is JsonObject sub)
            {
                foreach (var name in OwnNames(sub).Concat(PropertyNamesInSubschemas(sub)))
                {
                    yield return name;
                }
            }
        }

        foreach (var key in new[] { "allOf", "anyOf", "oneOf" })
        {
            foreach (var sub in (schema[key] as JsonArray ?? []).OfType<JsonObject>())
            {
                foreach (var name in OwnNames(sub).Concat(PropertyNamesInSubschemas(sub)))
                {
                    yield return name;
                }
            }
        }
    }

    // Members some branch (allOf/anyOf/oneOf/then/else) requires; "not" branches excluded.
    private static IEnumerable<string> ConditionallyRequired(JsonObject schema)
    {
        foreach (var key in new[] { "then", "else" })
        {
            if (schema[key] is JsonObject sub)
            {
                foreach (var name in Names(sub["required"]).Concat(ConditionallyRequired(sub)))
                {
                    yield return name;
                }
            }
        }

        foreach (var key in new[] { "allOf", "anyOf", "oneOf" })
        {
            foreach (var sub in (schema[key] as JsonArray ?? []).OfType<JsonObject>())
            {
                foreach (var name in Names(sub["required"]).Concat(ConditionallyRequired(sub)))
                {
                    yield return name;
                }
            }
        }
    }

    private static IEnumerable<string> Names(JsonNode? array) => (array as JsonArray ?? []).Select(n => (string)n!);

    private static IEnumerable<string> OwnNames(JsonObject schema) =>
        (schema["properties"] as JsonObject ?? []).Select(p => p.Key)
            .Concat((schema["required"] as JsonArray ?? []).Select(n => (string)n!));

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
