using System.Text.Json;
using AepFlow.Generator.OpenApi;
using AepFlow.Validation;
using Microsoft.CodeAnalysis;

namespace AepFlow.OpenApi.Tests;

/// <summary>
/// DTOs are written by the spec models' record emitter (Emit/ModelEmitter over the core model): what only DTOs have — maps,
/// required-but-nullable members, numbers and booleans read from strings, <c>ReadJson</c>/<c>FromJson</c> — and names that the
/// shared record code writes unqualified, which a schema or member must not capture.
/// </summary>
public sealed class DtoRecordTests
{
    private const string Document = """
        {"openapi":"3.0.1","info":{"title":"Shapes","version":"1"},"servers":[{"url":"https://platform.adobe.io/data/foundation/shapes"}],
         "paths":{"/shapes":{"post":{"operationId":"CreateShape",
           "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Shape"}}}},
           "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ValidationResult"}}}}}}}},
         "components":{"schemas":{
           "Shape":{"type":"object","required":["name","note"],"properties":{
             "name":{"type":"string","minLength":1},
             "note":{"type":"string","nullable":true},
             "labels":{"type":"object","additionalProperties":{"type":"string"}},
             "counts":{"type":"array","items":{"type":"integer","format":"int32","minimum":0}},
             "parts":{"type":"object","additionalProperties":{"$ref":"#/components/schemas/AepJson"}},
             "schemaChecks":{"type":"boolean"},
             "printMembers":{"type":"number"}}},
           "ValidationResult":{"type":"object","properties":{"ok":{"type":"boolean"}}},
           "AepJson":{"type":"object","required":["size"],"properties":{"size":{"type":"integer","maximum":9}}},
           "List":{"type":"object","properties":{"items":{"type":"array","items":{"$ref":"#/components/schemas/List"}}}}}}}
        """;

    [Fact]
    public void Names_the_record_code_writes_unqualified_are_not_captured_and_the_output_has_no_warnings()
    {
        var (output, diagnostics, _) = Generate();

        Assert.Empty(diagnostics);
        var problems = output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.Contains("AepFlow.Models", StringComparison.Ordinal) == true)
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var models = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("AepFlow.Models.Shapes.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("record ValidationResult2 ", models, StringComparison.Ordinal);
        Assert.Contains("record AepJson2 ", models, StringComparison.Ordinal);
        Assert.Contains("record List2 ", models, StringComparison.Ordinal);
        Assert.Contains(" SchemaChecks2 { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains(" PrintMembers2 { get; init; }", models, StringComparison.Ordinal);
    }

    [Fact]
    public void Maps_nullable_required_members_and_string_spelled_numbers_read_write_and_validate()
    {
        var (output, _, _) = Generate();
        GeneratorHarness.WithType(output, "Shape", shape =>
        {
            Assert.NotNull(shape.GetMethod("FromJson"));
            Assert.NotNull(shape.GetMethod("ReadJson"));
            object Read(string json) => JsonSerializer.Deserialize(json, shape)!;

            // "note" is required but nullable: optional in C#, written as null when unset; counts read "2" as 2.
            var model = (IAepModel)Read("""{"name":"a","labels":{"x":"1"},"counts":[1,"2"],"parts":{"p":{"size":3}},"schemaChecks":"true"}""");
            Assert.Equal(
                """{"name":"a","note":null,"labels":{"x":"1"},"counts":[1,2],"parts":{"p":{"size":3}},"schemaChecks":true}""",
                JsonSerializer.Serialize(model, shape));
            Assert.True(model.Validate().IsValid);

            var invalid = (IAepModel)Read("""{"name":"","note":"n","counts":[-1]}""");
            Assert.Equal(
                "/name minLength; /counts/0 minimum",
                string.Join("; ", invalid.Validate().Errors.Select(e => $"{e.Path} {e.Keyword}")));

            var wrong = Assert.ThrowsAny<JsonException>(() => Read("""{"name":"a","note":null,"parts":{"p":{"size":"big"}}}"""));
            Assert.Contains("'/parts/p/size'", wrong.Message, StringComparison.Ordinal);
        });
    }

    private static (Compilation Output, System.Collections.Immutable.ImmutableArray<Diagnostic> Diagnostics, GeneratorDriverRunResult Run) Generate() =>
        GeneratorHarness.Run(new AepClientGenerator(), generateClient: false, new GeneratorHarness.File("/project/shapes.openapi.json", Document));
}
