using AepFlow.Generator.Analyzers;
using static AepFlow.Analyzers.Tests.AepFlowTest;

namespace AepFlow.Analyzers.Tests;

/// <summary>
/// AEPF010/011/012 on hand-written models that carry [JsonSchema] metadata the way generated models do: the analyzer is
/// spec-agnostic, so a user's own types (or a user flowSpec's generated types) get the same checks.
/// </summary>
public class ConstantAnalyzerTests
{
    // The schedule schema of CRMToAEP, and a model shaped like the generated ScheduleParams.
    internal const string Models = """"
        using AepFlow.Schema;
        namespace My;

        [JsonSchema("""{"type":"object","properties":{"startTime":{"type":"integer"},"frequency":{"type":"string","enum":["once","minute","hour","day","week"]},"interval":{"type":"integer"},"backfill":{"type":"boolean"}},"required":["startTime","frequency"],"if":{"properties":{"frequency":{"const":"once"}}},"then":{"allOf":[{"not":{"required":["interval"]}},{"not":{"required":["backfill"]}}]},"else":{"required":["interval"],"if":{"properties":{"frequency":{"const":"minute"}}},"then":{"properties":{"interval":{"minimum":15}}},"else":{"properties":{"interval":{"minimum":1}}}}}""")]
        public sealed record Schedule
        {
            [JsonSchema("""{"type":"integer"}""")] public required long StartTime { get; init; }
            [JsonSchema("""{"type":"string","enum":["once","minute","hour","day","week"]}""")] public required Frequency Frequency { get; init; }
            [JsonSchema("""{"type":"integer"}""")] public int? Interval { get; init; }
            [JsonSchema("""{"type":"boolean"}""")] public bool? Backfill { get; init; }
        }

        public enum Frequency { Once, Minute, Hour, Day, Week }

        public sealed record Mapping
        {
            [JsonSchema("""{"type":"string","pattern":"^([0-9a-f]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$"}""")]
            public string? MappingId { get; init; }
            [JsonSchema("""{"type":"string","minLength":1,"maxLength":8}""")] public string? MappingVersion { get; init; }
            [JsonSchema("""{"type":"string","format":"email"}""")] public string? Owner { get; init; }
            [JsonSchema("""{"type":"integer","minimum":0,"maximum":100}""")] public int? Percent { get; init; }
        }

        // Same member names, no metadata: never checked.
        public sealed record Lookalike
        {
            public long StartTime { get; init; }
            public Frequency Frequency { get; init; }
            public int? Interval { get; init; }
            public string? MappingId { get; init; }
        }
        """";

    private static Task Verify(string code, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<ConstantValueAnalyzer> { TestState = { Sources = { Models, code } } };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task Minute_with_interval_10_is_AEPF010_on_the_value() => Verify("""
        namespace My;
        static class Use
        {
            static object M() => new Schedule { StartTime = 1, Frequency = Frequency.Minute, Interval = {|#0:10|} };
        }
        """,
        Diagnostic("AEPF010").WithLocation(0).WithMessage("interval must be at least 15 when frequency is minute, not 10"));

    [Fact]
    public Task Named_constants_are_followed_and_the_diagnostic_sits_on_the_reference() => Verify("""
        namespace My;
        static class Use
        {
            const int Every = 5;
            const Frequency Unit = Frequency.Minute;
            static object M() => new Schedule { StartTime = 1, Frequency = Unit, Interval = {|AEPF010:Every|} };
        }
        """);

    [Fact]
    public Task Once_with_an_interval_is_AEPF010_on_the_interval() => Verify("""
        namespace My;
        static class Use
        {
            static object M() => new Schedule { StartTime = 1, Frequency = Frequency.Once, Interval = {|#0:3|} };
        }
        """,
        Diagnostic("AEPF010").WithLocation(0).WithMessage("interval must not be set when frequency is once: remove it"));

    [Fact]
    public Task Hour_with_interval_0_uses_the_else_branch_minimum() => Verify("""
        namespace My;
        static class Use
        {
            static object M() => new Schedule { StartTime = 1, Frequency = Frequency.Hour, Interval = {|#0:0|} };
        }
        """,
        Diagnostic("AEPF010").WithLocation(0).WithMessage("interval must be at least 1 when frequency is hour, not 0"));

    [Fact]
    public Task With_expression_is_checked_but_an_unknown_frequency_decides_nothing() => Verify("""
        namespace My;
        static class Use
        {
            static object A(Schedule s) => s with { Frequency = Frequency.Minute, Interval = {|AEPF010:14|} };
            static object B(Schedule s) => s with { Interval = 1 };
        }
        """);

    [Fact]
    public Task Run_time_values_valid_constants_and_lookalike_types_produce_nothing() => Verify("""
        namespace My;
        static class Use
        {
            static object A(int n, Frequency f) => new Schedule { StartTime = 1, Frequency = Frequency.Minute, Interval = n };
            static object B(int n, Frequency f) => new Schedule { StartTime = 1, Frequency = f, Interval = 10 };
            static object C() => new Schedule { StartTime = 1, Frequency = Frequency.Minute, Interval = 15 };
            static object D() => new Schedule { StartTime = 1, Frequency = Frequency.Once };
            static object E() => new Schedule { StartTime = 1, Frequency = Frequency.Week, Interval = 1, Backfill = false };
            static object F() => new Lookalike { StartTime = 1, Frequency = Frequency.Minute, Interval = 10, MappingId = "x" };
            static object G() => new Mapping { MappingId = "0b090130b58b4819afc78b6dc98b484d", MappingVersion = "0", Owner = "a@b.example", Percent = 100 };
            static object H() => new Mapping { MappingId = "3fa85f64-5717-4562-b3fc-2c963f66afa6" };
            static object I() => new Schedule { StartTime = 1, Frequency = Frequency.Once, Interval = null };
        }
        """);

    [Fact]
    public Task Tutorial_mapping_id_with_a_dropped_character_is_AEPF012() => Verify("""
        namespace My;
        static class Use
        {
            const string Id = "7409d3017e24a3eb4a2dc21020f7a5b";
            static object M() => new Mapping { MappingId = {|#0:Id|} };
        }
        """,
        Diagnostic("AEPF012").WithLocation(0).WithMessage(
            "mappingId \"7409d3017e24a3eb4a2dc21020f7a5b\" is 31 characters long, not 32: a mapping set id is 32 hexadecimal characters or a GUID; copy the id returned by POST /mappingSets"));

    [Fact]
    public Task Member_constraints_are_AEPF011() => Verify("""
        namespace My;
        static class Use
        {
            static object M() => new Mapping { MappingVersion = {|#0:""|}, Owner = {|#1:"nobody"|}, Percent = {|#2:101|} };
        }
        """,
        Diagnostic("AEPF011").WithLocation(0).WithMessage("mappingVersion must not be empty"),
        Diagnostic("AEPF011").WithLocation(1).WithMessage("owner must be an e-mail address, not \"nobody\""),
        Diagnostic("AEPF011").WithLocation(2).WithMessage("percent must be at most 100, not 101"));

    [Fact]
    public Task A_user_schema_with_different_constraints_gets_its_own_rules()
    {
        var test = new AnalyzerTest<ConstantValueAnalyzer>
        {
            TestCode = """"
                using AepFlow.Schema;
                namespace Mine;
                [JsonSchema("""{"type":"object","properties":{"unit":{"type":"string","enum":["hour","day"]},"every":{"type":"integer","maximum":48}},"if":{"properties":{"unit":{"const":"day"}}},"then":{"properties":{"every":{"maximum":7}}}}""")]
                public sealed record Cadence
                {
                    [JsonSchema("""{"type":"string","enum":["hour","day"]}""")] public Unit Unit { get; init; }
                    [JsonSchema("""{"type":"integer","maximum":48}""")] public int Every { get; init; }
                }
                public enum Unit { Hour, Day }
                static class Use
                {
                    static object A() => new Cadence { Unit = Unit.Day, Every = {|#0:8|} };
                    static object B() => new Cadence { Unit = Unit.Hour, Every = 8 };
                    static object C() => new Cadence { Unit = Unit.Hour, Every = {|#1:49|} };
                }
                """",
            ExpectedDiagnostics =
            {
                Diagnostic("AEPF010").WithLocation(0).WithMessage("every must be at most 7 when unit is day, not 8"),
                Diagnostic("AEPF011").WithLocation(1).WithMessage("every must be at most 48, not 49"),
            },
        };
        return test.RunAsync();
    }
}
