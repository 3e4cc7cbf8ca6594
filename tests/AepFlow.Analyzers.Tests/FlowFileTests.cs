namespace AepFlow.Analyzers.Tests;

/// <summary>AEPF012/014/020/021/024 on *.flow.json AdditionalFiles, run against the tutorials' own payloads.</summary>
public class FlowFileTests
{
    private static Harness.Result RunFlowFile(string name, string text, params AdditionalText[] more) =>
        Harness.Run(new[] { "class Empty { }" }, new AdditionalText[] { new InMemoryAdditionalText("/p/" + name, text) }.Concat(more));

    private static string Tutorial(string file) => File.ReadAllText(Harness.Reference("docs-examples/flows/" + file));

    [Fact]
    public void Database_tutorial_flow_reports_every_string_integer_and_the_numeric_mapping_version()
    {
        var result = RunFlowFile("bigquery.flow.json", Tutorial("database-bigquery-create-flow-request.json"));

        Expect.Exactly(result.Diagnostics,
            ("AEPF020", 29, 39, 29, 40),
            ("AEPF020", 34, 26, 34, 38),
            ("AEPF020", 36, 24, 36, 28),
            ("AEPF020", 37, 25, 37, 31));
        Assert.Equal("mappingVersion must be a string, not an integer (0): write \"0\" in quotes (transformation Mapping)", result.Diagnostics[0].Message);
        Assert.Equal("startTime must be an integer, not a string (\"1612310466\"): write 1612310466 without quotes", result.Diagnostics[1].Message);
        Assert.Equal("interval must be an integer, not a string (\"15\"): write 15 without quotes", result.Diagnostics[2].Message);
        Assert.Equal("backfill must be a boolean, not a string (\"true\"): write true without quotes", result.Diagnostics[3].Message);
    }

    [Fact]
    public void Crm_tutorial_flow_under_CloudStorageToAEP_names_a_Copy_transformation_that_flowSpec_does_not_define()
    {
        var result = RunFlowFile("salesforce.flow.json", Tutorial("crm-salesforce-create-flow-request.json"));

        Expect.Exactly(result.Diagnostics,
            ("AEPF014", 16, 25, 16, 31),
            ("AEPF020", 33, 26, 33, 38),
            ("AEPF020", 35, 24, 35, 28));
        Assert.Equal("flowSpec CloudStorageToAEP defines no transformation named \"Copy\": remove it or use one of \"Mapping\"", result.Diagnostics[0].Message);
    }

    [Fact]
    public void Minute_with_interval_10_is_located_at_the_interval_value()
    {
        const string flow = """
            {
              "name": "n",
              "flowSpec": { "id": "9753525b-82c7-4dce-8a9b-5ccfce2b9876", "version": "1.0" },
              "sourceConnectionIds": ["a"],
              "targetConnectionIds": ["b"],
              "scheduleParams": { "startTime": 1, "frequency": "minute", "interval": 10 }
            }
            """;

        var result = RunFlowFile("x.flow.json", flow);

        Expect.Exactly(result.Diagnostics, ("AEPF020", 6, 74, 6, 76));
        Assert.Equal("interval must be at least 15 when frequency is minute, not 10", result.Diagnostics[0].Message);
    }

    [Fact]
    public void Once_with_an_interval_is_reported_at_the_interval()
    {
        const string flow = """
            {
              "name": "n",
              "flowSpec": { "id": "14518937-270c-4525-bdec-c2ba7cce3860", "version": "1.0" },
              "sourceConnectionIds": ["a"],
              "targetConnectionIds": ["b"],
              "transformations": [ { "name": "Copy", "params": { "deltaColumn": { "name": "updatedAt" } } } ],
              "scheduleParams": { "startTime": 1, "frequency": "once", "interval": 5 }
            }
            """;

        var result = RunFlowFile("x.flow.json", flow);

        Expect.Exactly(result.Diagnostics, ("AEPF020", 7, 72, 7, 73));
        Assert.Equal("interval must not be set when frequency is once: remove it", result.Diagnostics[0].Message);
    }

    [Fact]
    public void Valid_flow_produces_no_diagnostic()
    {
        const string flow = """
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
            """;

        Assert.Empty(RunFlowFile("x.flow.json", flow).Diagnostics);
    }

    [Fact]
    public void Missing_required_transformation_and_malformed_mapping_id()
    {
        const string flow = """
            {
              "name": "n",
              "flowSpec": { "id": "14518937-270c-4525-bdec-c2ba7cce3860", "version": "1.0" },
              "sourceConnectionIds": ["a"],
              "targetConnectionIds": ["b"],
              "transformations": [ { "name": "Mapping", "params": { "mappingId": "7409d3017e24a3eb4a2dc21020f7a5b" } } ]
            }
            """;

        var result = RunFlowFile("x.flow.json", flow);

        Expect.Exactly(result.Diagnostics, ("AEPF014", 6, 3, 6, 20), ("AEPF012", 6, 70, 6, 103));
        Assert.StartsWith("flowSpec CRMToAEP requires a \"Copy\" transformation", result.Diagnostics[0].Message);
        Assert.Equal("mappingId \"7409d3017e24a3eb4a2dc21020f7a5b\" is 31 characters long, not 32: a mapping set id is 32 hexadecimal characters or a GUID; copy the id returned by POST /mappingSets",
            result.Diagnostics[1].Message);
    }

    [Fact]
    public void Unknown_flowSpec_id_is_located_at_the_id_and_suggests_the_closest()
    {
        const string flow = """
            {
              "name": "n",
              "flowSpec": { "id": "14518937-270c-4525-bdec-c2ba7cce3861", "version": "1.0" },
              "sourceConnectionIds": ["a"],
              "targetConnectionIds": ["b"]
            }
            """;

        var result = RunFlowFile("x.flow.json", flow);

        Expect.Exactly(result.Diagnostics, ("AEPF021", 3, 23, 3, 61));
        Assert.Contains("did you mean 14518937-270c-4525-bdec-c2ba7cce3860 (CRMToAEP)?", result.Diagnostics[0].Message);
    }

    [Fact]
    public void User_flowSpec_AdditionalFile_makes_its_id_known_and_applies_its_own_constraints()
    {
        const string spec = """
            { "id": "11111111-2222-3333-4444-555555555555", "name": "HourlyOnly", "version": "2.0",
              "sourceConnectionSpecIds": [], "targetConnectionSpecIds": [],
              "scheduleSpec": { "spec": { "type": "object", "properties": {
                  "frequency": { "type": "string", "enum": ["hour"] },
                  "interval": { "type": "integer", "minimum": 2, "maximum": 12 } } } } }
            """;
        const string flow = """
            {
              "name": "n",
              "flowSpec": { "id": "11111111-2222-3333-4444-555555555555", "version": "2.0" },
              "sourceConnectionIds": ["a"],
              "targetConnectionIds": ["b"],
              "scheduleParams": { "frequency": "houre", "interval": 24 }
            }
            """;

        var result = RunFlowFile("x.flow.json", flow, new InMemoryAdditionalText("/p/hourly.flowspec.json", spec));

        Expect.Exactly(result.WithId("AEPF020"), ("AEPF020", 6, 36, 6, 43), ("AEPF020", 6, 57, 6, 59));
        Assert.Equal("frequency must be one of \"hour\", not \"houre\": did you mean \"hour\"?", result.WithId("AEPF020")[0].Message);
        Assert.Equal("interval must be at most 12, not 24", result.WithId("AEPF020")[1].Message);
    }

    [Fact]
    public void Broken_json_from_the_tutorials_is_one_located_error()
    {
        var text = File.ReadAllText(Harness.Reference("docs-examples/invalid/crm-create-flow-response.json"));

        var result = RunFlowFile("broken.flow.json", text);

        Expect.Exactly(result.Diagnostics, ("AEPF024", 3, 5, 3, 5));
        Assert.Equal("This flow file is not valid JSON: expected ',' or '}' after a property value", result.Diagnostics[0].Message);
    }

    [Fact]
    public void Streaming_tutorial_flow_is_checked_against_the_streaming_flowSpec()
    {
        var result = RunFlowFile("streaming.flow.json", Tutorial("streaming-create-flow-request.json"));

        // The streaming flowSpec declares only mappingId; an undeclared mappingVersion is not forbidden by it.
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Duplicate_key_is_AEPF006_at_the_second_key_and_the_last_value_is_checked()
    {
        // The first "interval" (15) would pass; the last one (10) counts, exactly as the generator reads spec files.
        const string flow = """
            {
              "name": "n",
              "flowSpec": { "id": "9753525b-82c7-4dce-8a9b-5ccfce2b9876", "version": "1.0" },
              "sourceConnectionIds": ["a"],
              "targetConnectionIds": ["b"],
              "scheduleParams": { "startTime": 1, "frequency": "minute", "interval": 15, "interval": 10 }
            }
            """;

        var result = RunFlowFile("x.flow.json", flow);

        Expect.Exactly(result.Diagnostics, ("AEPF006", 6, 78, 6, 88), ("AEPF020", 6, 90, 6, 92));
        Assert.Equal("The key \"interval\" appears twice in this object; the last value is used. Remove one of the two.", result.Diagnostics[0].Message);
    }

    [Fact]
    public void Lone_surrogate_escape_in_a_flow_file_is_AEPF024_at_the_escape()
    {
        const string flow = """{"name": "n\udc00"}""";

        var result = RunFlowFile("x.flow.json", flow);

        Expect.Exactly(result.Diagnostics, ("AEPF024", 1, 12, 1, 12));
        Assert.StartsWith("This flow file is not valid JSON: \\udc00 is a lone UTF-16 surrogate", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }
}
