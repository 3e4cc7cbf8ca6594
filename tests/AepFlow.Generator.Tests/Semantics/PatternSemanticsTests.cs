using System.Text.Json;
using AepFlow.Generator.Declarative.Schema;
using AepFlow.Generator.Json;

namespace AepFlow.Generator.Tests.Semantics;

/// <summary>
/// How a <c>pattern</c> runs (<c>SchemaKeywords.PatternOptions</c>, used by the generated validators and the build-time
/// evaluator alike): .NET's ECMAScript mode, which still reads .NET syntax such as <c>\p{Lu}</c>; a match that runs out of
/// time is undecided at build time. <c>KeywordAgreementTests</c> holds the ECMAScript cases
/// (<c>\d</c>, <c>\w</c>) against JsonSchema.Net.
/// </summary>
public sealed class PatternSemanticsTests
{
    [Theory]
    [InlineData(@"^\p{Lu}+$", "\"ÉA\"", true)]
    [InlineData(@"^\p{Lu}+$", "\"éa\"", false)]
    [InlineData(@"^\d+$", "\"\u0661\"", false)] // ECMA-262: \d is [0-9]
    public void The_build_time_evaluator_runs_a_pattern_with_those_options(string pattern, string instance, bool valid)
    {
        using var schema = JsonDocument.Parse(JsonSerializer.Serialize(new { type = "string", pattern }));

        var expected = valid ? SchemaOutcome.Valid : SchemaOutcome.Invalid;
        Assert.Equal(expected, JsonSchemaEvaluator.Decide(schema.RootElement, JsonTreeReader.Parse(instance).Root!));
    }

    [Fact]
    public void A_match_that_runs_out_of_time_is_undecided_at_build_time_not_valid()
    {
        // Nested quantifiers backtrack exponentially on a near miss; Validate() reports the value after its own timeout.
        using var schema = JsonDocument.Parse("""{"type":"string","pattern":"^(\\w|\\w\\w)*$"}""");
        var instance = JsonTreeReader.Parse("\"" + new string('a', 64) + "!\"").Root!;

        Assert.Equal(SchemaOutcome.Unknown, JsonSchemaEvaluator.Decide(schema.RootElement, instance));
    }
}
