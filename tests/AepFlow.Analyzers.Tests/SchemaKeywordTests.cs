using AepFlow.Generator.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using static AepFlow.Analyzers.Tests.AepFlowTest;

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

    // The subject is the file check. A valid flow file also becomes a factory, which builds on the spec models only the full
    // generator emits (slow to run per test): that it compiles is GeneratedSpecTests' subject, so compiler errors are not
    // expected here.
    private static AnalyzerTest<DeclarativeFileAnalyzer> Test(string flow)
    {
        var test = new AnalyzerTest<DeclarativeFileAnalyzer> { TestCode = "class C { }", CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.AdditionalFiles.Add(("/p/probe.flowspec.json", Spec));
        test.TestState.AdditionalFiles.Add(("/p/probe.flow.json", flow));
        return test;
    }

    private static DiagnosticResult Probe(int location, string message) =>
        Diagnostic("AEPF020").WithLocation(location).WithMessage(message + " (transformation Probe)");

    [Fact]
    public Task Each_keyword_reports_at_its_value_with_its_fix()
    {
        var test = Test("""
            {
              "name": "n", "flowSpec": { "id": "22222222-3333-4444-5555-666666666666", "version": "1.0" },
              "sourceConnectionIds": ["a"], "targetConnectionIds": ["b"],
              "transformations": [ { "name": "Probe", "params": {
                "currency": "eur",
                "ratio": {|#1:0.75|},
                "tags": ["x", "y", {|#2:"x"|}],
                "when": {|#3:"2024-01-31 12:00"|},
                "target": {|#4:"not-a-uuid"|},
                "mode": {|#5:"quick"|},
                "strict": { "a": 1, "b": 2 },
                "label": {|#7:"none"|}
              } } ]
            }
            """);
        test.ExpectedDiagnostics.AddRange(
        [
            Probe(1, "ratio must be a multiple of 0.5, not 0.75"),
            Probe(2, "tags[2] repeats item 0: list each value once"),
            Probe(3, "when must be an RFC 3339 date-time such as 2024-01-31T12:00:00Z, not \"2024-01-31 12:00\""),
            Probe(4, "target matches none of the allowed alternatives (closest alternative: target must be an integer, not a string (\"not-a-uuid\"))"),
            Probe(5, "mode matches none of the allowed alternatives (closest alternative: mode must be \"fast\", not \"quick\")"),
            Probe(7, "label matches a shape the schema forbids ('not')"),
        ]);
        return test.RunAsync();
    }

    // $ref and additionalProperties are AEPF003 for the generator (Validate() does not check them), so the build answers
    // "unknown" and reports nothing the run time would accept: "eur" breaks the referenced pattern, "b" is not in properties.
    [Fact]
    public Task Keywords_the_generated_validator_does_not_check_are_unknown_at_build_time_not_errors() => Test("""
        {
          "name": "n", "flowSpec": { "id": "22222222-3333-4444-5555-666666666666", "version": "1.0" },
          "sourceConnectionIds": ["a"], "targetConnectionIds": ["b"],
          "transformations": [ { "name": "Probe", "params": { "currency": "eur", "strict": { "a": 1, "b": 2 } } } ]
        }
        """).RunAsync();

    [Fact]
    public Task Valid_values_for_every_keyword_are_silent() => Test("""
        {
          "name": "n", "flowSpec": { "id": "22222222-3333-4444-5555-666666666666", "version": "1.0" },
          "sourceConnectionIds": ["a"], "targetConnectionIds": ["b"],
          "transformations": [ { "name": "Probe", "params": {
            "currency": "EUR", "ratio": 1.5, "tags": ["x", "y"], "when": "2024-01-31T12:00:00Z",
            "target": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "mode": "safe", "strict": { "a": 1 }, "label": "gold"
          } } ]
        }
        """).RunAsync();
}
