using AepFlow.Generator.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using static AepFlow.Analyzers.Tests.AepFlowTest;

namespace AepFlow.Analyzers.Tests;

/// <summary>AEPF012/014/020/021/024 on *.flow.json AdditionalFiles, run against the tutorials' own payloads.</summary>
public class FlowFileTests
{
    // The subject is the file check. A valid flow file also becomes a factory, which builds on the spec models only the full
    // generator emits (slow to run per test): that it compiles is GeneratedSpecTests' subject, so compiler errors are not
    // expected here.
    private static AnalyzerTest<DeclarativeFileAnalyzer> Test(string path, string text, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<DeclarativeFileAnalyzer> { TestCode = "class C { }", CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.AdditionalFiles.Add((path, text));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    private static string Tutorial(string file) => File.ReadAllText(Harness.Reference("docs-examples/flows/" + file));

    [Fact]
    public Task Database_tutorial_flow_reports_every_string_integer_and_the_numeric_mapping_version()
    {
        const string path = "/p/bigquery.flow.json";
        return Test(path, Tutorial("database-bigquery-create-flow-request.json"),
            Diagnostic("AEPF020").WithSpan(path, 29, 39, 29, 40)
                .WithMessage("mappingVersion must be a string, not an integer (0): write \"0\" in quotes (transformation Mapping)"),
            Diagnostic("AEPF020").WithSpan(path, 34, 26, 34, 38)
                .WithMessage("startTime must be an integer, not a string (\"1612310466\"): write 1612310466 without quotes"),
            Diagnostic("AEPF020").WithSpan(path, 36, 24, 36, 28)
                .WithMessage("interval must be an integer, not a string (\"15\"): write 15 without quotes"),
            Diagnostic("AEPF020").WithSpan(path, 37, 25, 37, 31)
                .WithMessage("backfill must be a boolean, not a string (\"true\"): write true without quotes")).RunAsync();
    }

    [Fact]
    public Task Crm_tutorial_flow_under_CloudStorageToAEP_names_a_Copy_transformation_that_flowSpec_does_not_define()
    {
        const string path = "/p/salesforce.flow.json";
        return Test(path, Tutorial("crm-salesforce-create-flow-request.json"),
            Diagnostic("AEPF014").WithSpan(path, 16, 25, 16, 31)
                .WithMessage("flowSpec CloudStorageToAEP defines no transformation named \"Copy\": remove it or use one of \"Mapping\""),
            Diagnostic("AEPF020").WithSpan(path, 33, 26, 33, 38),
            Diagnostic("AEPF020").WithSpan(path, 35, 24, 35, 28)).RunAsync();
    }

    [Fact]
    public Task Minute_with_interval_10_is_located_at_the_interval_value() => Test("/p/x.flow.json", """
        {
          "name": "n",
          "flowSpec": { "id": "9753525b-82c7-4dce-8a9b-5ccfce2b9876", "version": "1.0" },
          "sourceConnectionIds": ["a"],
          "targetConnectionIds": ["b"],
          "scheduleParams": { "startTime": 1, "frequency": "minute", "interval": {|#0:10|} }
        }
        """,
        Diagnostic("AEPF020").WithLocation(0).WithMessage("interval must be at least 15 when frequency is minute, not 10")).RunAsync();

    [Fact]
    public Task Once_with_an_interval_is_reported_at_the_interval() => Test("/p/x.flow.json", """
        {
          "name": "n",
          "flowSpec": { "id": "14518937-270c-4525-bdec-c2ba7cce3860", "version": "1.0" },
          "sourceConnectionIds": ["a"],
          "targetConnectionIds": ["b"],
          "transformations": [ { "name": "Copy", "params": { "deltaColumn": { "name": "updatedAt" } } } ],
          "scheduleParams": { "startTime": 1, "frequency": "once", "interval": {|#0:5|} }
        }
        """,
        Diagnostic("AEPF020").WithLocation(0).WithMessage("interval must not be set when frequency is once: remove it")).RunAsync();

    [Fact]
    public Task Valid_flow_produces_no_diagnostic() => Test("/p/x.flow.json", """
        {
          "name": "n",
          "flowSpec": { "id": "14518937-270c-4525-bdec-c2ba7cce3860", "version": "1.0" },
          "sourceConnectionIds": ["a"],
          "targetConnectionIds": ["b"],
          "transformations": [
            { "name": "Copy", "params": { "deltaColumn": { "name": "updatedAt" } } },
            { "name": "Mapping", "params": { "mappingId": "0b090130b58b4819afc78b6dc98b484d", "mappingVersion": "0" } }
          ],
          "scheduleParams": { "startTime": 1612310466, "frequency": "minute", "interval": 15, "backfill": true }
        }
        """).RunAsync();

    [Fact]
    public Task Missing_required_transformation_and_malformed_mapping_id() => Test("/p/x.flow.json", """
        {
          "name": "n",
          "flowSpec": { "id": "14518937-270c-4525-bdec-c2ba7cce3860", "version": "1.0" },
          "sourceConnectionIds": ["a"],
          "targetConnectionIds": ["b"],
          {|#0:"transformations"|}: [ { "name": "Mapping", "params": { "mappingId": {|#1:"7409d3017e24a3eb4a2dc21020f7a5b"|} } } ]
        }
        """,
        Diagnostic("AEPF014").WithLocation(0).WithMessage(
            "flowSpec CRMToAEP requires a \"Copy\" transformation (its params have required members): add {\"name\": \"Copy\", \"params\": {…}} to transformations"),
        Diagnostic("AEPF012").WithLocation(1).WithMessage(
            "mappingId \"7409d3017e24a3eb4a2dc21020f7a5b\" is 31 characters long, not 32: a mapping set id is 32 hexadecimal characters or a GUID; copy the id returned by POST /mappingSets")).RunAsync();

    [Fact]
    public Task Unknown_flowSpec_id_is_located_at_the_id_and_suggests_the_closest() => Test("/p/x.flow.json", """
        {
          "name": "n",
          "flowSpec": { "id": {|#0:"14518937-270c-4525-bdec-c2ba7cce3861"|}, "version": "1.0" },
          "sourceConnectionIds": ["a"],
          "targetConnectionIds": ["b"]
        }
        """,
        Diagnostic("AEPF021").WithLocation(0).WithMessage(
            "flowSpec id \"14518937-270c-4525-bdec-c2ba7cce3861\" is neither bundled nor in a *.flowspec.json AdditionalFile: did you mean 14518937-270c-4525-bdec-c2ba7cce3860 (CRMToAEP)?")).RunAsync();

    [Fact]
    public Task User_flowSpec_AdditionalFile_makes_its_id_known_and_applies_its_own_constraints()
    {
        var test = Test("/p/x.flow.json", """
            {
              "name": "n",
              "flowSpec": { "id": "11111111-2222-3333-4444-555555555555", "version": "2.0" },
              "sourceConnectionIds": ["a"],
              "targetConnectionIds": ["b"],
              "scheduleParams": { "frequency": {|#0:"houre"|}, "interval": {|#1:24|} }
            }
            """,
            Diagnostic("AEPF020").WithLocation(0).WithMessage("frequency must be one of: \"hour\", not \"houre\": did you mean \"hour\"?"),
            Diagnostic("AEPF020").WithLocation(1).WithMessage("interval must be at most 12, not 24"));
        test.TestState.AdditionalFiles.Add(("/p/hourly.flowspec.json", """
            { "id": "11111111-2222-3333-4444-555555555555", "name": "HourlyOnly", "version": "2.0",
              "sourceConnectionSpecIds": [], "targetConnectionSpecIds": [],
              "scheduleSpec": { "spec": { "type": "object", "properties": {
                  "frequency": { "type": "string", "enum": ["hour"] },
                  "interval": { "type": "integer", "minimum": 2, "maximum": 12 } } } } }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Broken_json_from_the_tutorials_is_one_located_error()
    {
        const string path = "/p/broken.flow.json";
        return Test(path, File.ReadAllText(Harness.Reference("docs-examples/invalid/crm-create-flow-response.json")),
            Diagnostic("AEPF024").WithSpan(path, 3, 5, 3, 5)
                .WithMessage("This flow file is not valid JSON: expected ',' or '}' after a property value")).RunAsync();
    }

    [Fact]
    public Task Streaming_tutorial_flow_is_checked_against_the_streaming_flowSpec() =>
        // The streaming flowSpec declares only mappingId; an undeclared mappingVersion is not forbidden by it.
        Test("/p/streaming.flow.json", Tutorial("streaming-create-flow-request.json")).RunAsync();

    [Fact]
    public Task Duplicate_key_is_AEPF006_at_the_second_key_and_the_last_value_is_checked() =>
        // The first "interval" (15) would pass; the last one (10) counts, exactly as the generator reads spec files.
        Test("/p/x.flow.json", """
            {
              "name": "n",
              "flowSpec": { "id": "9753525b-82c7-4dce-8a9b-5ccfce2b9876", "version": "1.0" },
              "sourceConnectionIds": ["a"],
              "targetConnectionIds": ["b"],
              "scheduleParams": { "startTime": 1, "frequency": "minute", "interval": 15, {|#0:"interval"|}: {|#1:10|} }
            }
            """,
            Diagnostic("AEPF006").WithLocation(0).WithMessage("The key \"interval\" appears twice in this object; the last value is used. Remove one of the two."),
            Diagnostic("AEPF020").WithLocation(1)).RunAsync();

    [Fact]
    public Task Lone_surrogate_escape_in_a_flow_file_is_AEPF024_at_the_escape() =>
        Test("/p/x.flow.json", """{"name": "n{|#0:|}\udc00"}""",
            Diagnostic("AEPF024").WithLocation(0).WithMessage(
                "This flow file is not valid JSON: \\udc00 is a lone UTF-16 surrogate, not valid Unicode text; escape the whole character (a high and a low surrogate) or remove it")).RunAsync();
}
