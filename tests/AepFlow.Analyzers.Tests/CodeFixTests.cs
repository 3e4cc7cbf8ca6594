using AepFlow.CodeFixes;
using AepFlow.Generator.Analyzers;
using Microsoft.CodeAnalysis.Testing;

namespace AepFlow.Analyzers.Tests;

/// <summary>
/// The "use the schema's bound" fix for AEPF010/AEPF011 on numeric literals. Each test applies the fix one diagnostic at a time
/// and through Fix All (document, project, solution); every route must reach the fixed state.
/// </summary>
public class CodeFixTests
{
    private static CodeFixTest<ConstantValueAnalyzer, UseSchemaBoundCodeFix> Test(string code, string fixedCode) => new()
    {
        TestState = { Sources = { ConstantAnalyzerTests.Models, code } },
        FixedState = { Sources = { ConstantAnalyzerTests.Models, fixedCode } },
    };

    [Fact]
    public Task Interval_10_with_minute_is_raised_to_15()
    {
        var test = Test("""
            namespace My;
            static class Use
            {
                static object M() => new Schedule { StartTime = 1, Frequency = Frequency.Minute, Interval = {|AEPF010:10|} };
            }
            """, """
            namespace My;
            static class Use
            {
                static object M() => new Schedule { StartTime = 1, Frequency = Frequency.Minute, Interval = 15 };
            }
            """);
        test.CodeActionVerifier = (action, verifier) => verifier.Equal("Use 15 (the minimum)", action.Title);
        return test.RunAsync();
    }

    [Fact]
    public Task Maximum_lowers_the_value_and_named_constants_get_no_fix()
    {
        var test = Test("""
            namespace My;
            static class Use
            {
                const int Big = 101;
                static object A() => new Mapping { Percent = {|AEPF011:250|} };
                static object B() => new Mapping { Percent = {|AEPF011:Big|} };
            }
            """, """
            namespace My;
            static class Use
            {
                const int Big = 101;
                static object A() => new Mapping { Percent = 100 };
                static object B() => new Mapping { Percent = {|AEPF011:Big|} };
            }
            """);
        test.CodeActionVerifier = (action, verifier) => verifier.Equal("Use 100 (the maximum)", action.Title);

        // AEPF011 is a fixable ID, so its markup in the fixed state is ignored unless asked for: the diagnostic on Big stays.
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_all_raises_every_literal_below_its_minimum_across_documents()
    {
        var test = new CodeFixTest<ConstantValueAnalyzer, UseSchemaBoundCodeFix>
        {
            TestState =
            {
                Sources =
                {
                    ConstantAnalyzerTests.Models,
                    """
                    namespace My;
                    static class Minutes
                    {
                        static object A() => new Schedule { StartTime = 1, Frequency = Frequency.Minute, Interval = {|AEPF010:10|} };
                        static object B(Schedule s) => s with { Frequency = Frequency.Minute, Interval = {|AEPF010:14|} };
                    }
                    """,
                    """
                    namespace My;
                    static class Hours
                    {
                        static object C() => new Schedule { StartTime = 1, Frequency = Frequency.Hour, Interval = {|AEPF010:0|} };
                        static object D() => new Schedule { StartTime = 1, Frequency = Frequency.Hour, Interval = {|AEPF010:-3|} };
                    }
                    """,
                },
            },
            FixedState =
            {
                Sources =
                {
                    ConstantAnalyzerTests.Models,
                    """
                    namespace My;
                    static class Minutes
                    {
                        static object A() => new Schedule { StartTime = 1, Frequency = Frequency.Minute, Interval = 15 };
                        static object B(Schedule s) => s with { Frequency = Frequency.Minute, Interval = 15 };
                    }
                    """,
                    """
                    namespace My;
                    static class Hours
                    {
                        static object C() => new Schedule { StartTime = 1, Frequency = Frequency.Hour, Interval = 1 };
                        static object D() => new Schedule { StartTime = 1, Frequency = Frequency.Hour, Interval = 1 };
                    }
                    """,
                },
            },
            // One fix per diagnostic; Fix All in a document fixes its two at once; in the project or solution, all four at once.
            NumberOfIncrementalIterations = 4,
            NumberOfFixAllInDocumentIterations = 2,
            NumberOfFixAllInProjectIterations = 1,
            NumberOfFixAllIterations = 1,
        };
        return test.RunAsync();
    }
}
