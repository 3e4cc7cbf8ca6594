using System.Text.Json;
using AepFlow.Generator.OpenApi;
using AepFlow.Validation;

namespace AepFlow.OpenApi.Tests;

/// <summary>
/// OpenAPI DTOs check a keyword the way spec models do: string lengths in code points (a surrogate pair is one character)
/// and the same message for the same failure (Schema/SchemaKeywords), so a value reads the same whichever record holds it.
/// </summary>
public sealed class KeywordSemanticsTests
{
    private const string Document = """
        {"openapi":"3.0.1","info":{"title":"Tags","version":"1"},"servers":[{"url":"https://platform.adobe.io/data/foundation/tags"}],
         "paths":{"/tags":{"post":{"operationId":"CreateTag",
           "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Tag"}}}},
           "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Tag"}}}}}}}},
         "components":{"schemas":{"Tag":{"type":"object","required":["name"],"properties":{
           "name":{"type":"string","minLength":2,"maxLength":3},
           "label":{"type":"string","minLength":1},
           "size":{"type":"integer","minimum":1,"maximum":9},
           "kind":{"type":"string","enum":["a","b"]}}}}}}
        """;

    [Theory]
    [InlineData("""{"name":"ab"}""", "")]
    [InlineData("""{"name":"😀😀"}""", "")] // two code points, four UTF-16 units: within maxLength 3
    [InlineData("""{"name":"😀"}""", "/name minLength name must be at least 2 characters long")]
    [InlineData("""{"name":"abcd"}""", "/name maxLength name must be at most 3 characters long")]
    [InlineData("""{"name":"ab","label":""}""", "/label minLength label must not be empty")]
    [InlineData("""{"name":"ab","size":0}""", "/size minimum size must be at least 1")]
    [InlineData("""{"name":"ab","size":10}""", "/size maximum size must be at most 9")]
    [InlineData("""{"name":"ab","kind":"c"}""", "/kind enum kind must be one of: a, b")]
    public void A_DTO_reports_what_a_spec_model_reports(string json, string expected)
    {
        var (output, diagnostics, _) = GeneratorHarness.Run(
            new AepClientGenerator(), generateClient: false, new GeneratorHarness.File("/project/tags.openapi.json", Document));
        var errors = diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Concat(GeneratorHarness.Errors(output)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        GeneratorHarness.WithType(output, "Tag", type =>
        {
            var model = (IAepModel)JsonSerializer.Deserialize(json, type)!;
            var reported = model.Validate().Errors.Select(e => $"{e.Path} {e.Keyword} {e.Message}");
            Assert.Equal(expected, string.Join("; ", reported));
        });
    }
}
