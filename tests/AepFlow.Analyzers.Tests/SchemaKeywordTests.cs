namespace AepFlow.Analyzers.Tests;

/// <summary>
/// The schema evaluator's keywords, exercised through a user flowSpec's transformation schema and a *.flow.json that breaks it
/// (AEPF020 messages and positions), plus the rule that failures inside if/not/anyOf branches are never reported on their own.
/// </summary>
public class SchemaKeywordTests
{
    private const string Spec = """
        { "id": "22222222-3333-4444-5555-666666666666", "name": "KeywordProbe", "version": "1.0",
          "sourceConnectionSpecIds": [], "targetConnectionSpecIds": [],
          "transformationSpecs": [ { "name": "Probe", "spec": {
            "type": "object",
            "definitions": { "code": { "type": "string", "pattern": "^[A-Z]{3}$" } },
            "properties": {
              "currency": { "$ref": "#/definitions/code" },
              "ratio": { "type": "number", "exclusiveMinimum": 0, "multipleOf": 0.5 },
              "tags": { "type": "array", "items": { "type": "string" }, "uniqueItems": true, "maxItems": 3 },
              "when": { "type": "string", "format": "date-time" },
              "target": { "anyOf": [ { "type": "integer" }, { "type": "string", "format": "uuid" } ] },
              "mode": { "oneOf": [ { "const": "fast" }, { "const": "safe" } ] },
              "strict": { "type": "object", "properties": { "a": { "type": "integer" } }, "additionalProperties": false },
              "label": { "not": { "const": "none" } }
            } } } ] }
        """;

    [Fact]
    public void Each_keyword_reports_at_its_value_with_its_fix()
    {
        const string flow = """
            {
              "name": "n", "flowSpec": { "id": "22222222-3333-4444-5555-666666666666", "version": "1.0" },
              "sourceConnectionIds": ["a"], "targetConnectionIds": ["b"],
              "transformations": [ { "name": "Probe", "params": {
                "currency": "eur",
                "ratio": 0.75,
                "tags": ["x", "y", "x"],
                "when": "2024-01-31 12:00",
                "target": "not-a-uuid",
                "mode": "quick",
                "strict": { "a": 1, "b": 2 },
                "label": "none"
              } } ]
            }
            """;

        var result = Harness.Run(new[] { "class C { }" },
            new[] { new InMemoryAdditionalText("/p/probe.flowspec.json", Spec), new InMemoryAdditionalText("/p/probe.flow.json", flow) });

        var messages = result.Diagnostics.Select(d => (d.Line, d.Message.Replace(" (transformation Probe)", ""))).ToList();
        Assert.Equal(new[]
        {
            (5, "currency must match the pattern ^[A-Z]{3}$, not \"eur\""),
            (6, "ratio must be a multiple of 0.5, not 0.75"),
            (7, "tags[2] repeats item 0: list each value once"),
            (8, "when must be an RFC 3339 date-time such as 2024-01-31T12:00:00Z, not \"2024-01-31 12:00\""),
            (9, "target matches none of the allowed alternatives (closest alternative: target must be an integer, not a string (\"not-a-uuid\"))"),
            (10, "mode matches none of the allowed alternatives (closest alternative: mode must be \"fast\", not \"quick\")"),
            (11, "b is not a known property: did you mean \"a\"?"),
            (12, "label matches a shape the schema forbids ('not')"),
        }, messages);
        Assert.All(result.Diagnostics, d => Assert.Equal("AEPF020", d.Id));
    }

    [Fact]
    public void Valid_values_for_every_keyword_are_silent()
    {
        const string flow = """
            {
              "name": "n", "flowSpec": { "id": "22222222-3333-4444-5555-666666666666", "version": "1.0" },
              "sourceConnectionIds": ["a"], "targetConnectionIds": ["b"],
              "transformations": [ { "name": "Probe", "params": {
                "currency": "EUR", "ratio": 1.5, "tags": ["x", "y"], "when": "2024-01-31T12:00:00Z",
                "target": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "mode": "safe", "strict": { "a": 1 }, "label": "gold"
              } } ]
            }
            """;

        var result = Harness.Run(new[] { "class C { }" },
            new[] { new InMemoryAdditionalText("/p/probe.flowspec.json", Spec), new InMemoryAdditionalText("/p/probe.flow.json", flow) });

        Assert.Empty(result.Diagnostics);
    }
}
