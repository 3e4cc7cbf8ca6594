namespace AepFlow.Cli.Tests;

/// <summary><c>aepflow validate</c>: the build's AEPF020–AEPF024 checks, printed in compiler format, exit 1 on errors.</summary>
public sealed class ValidateTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string name, string text)
    {
        var path = _temp.Combine(name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Minute_with_interval_10_is_reported_at_its_line_and_column_with_exit_1()
    {
        var flow = Write("daily.flow.json", """
            {
              "name": "n",
              "flowSpec": { "id": "9753525b-82c7-4dce-8a9b-5ccfce2b9876", "version": "1.0" },
              "sourceConnectionIds": ["a"],
              "targetConnectionIds": ["b"],
              "scheduleParams": { "startTime": 1, "frequency": "minute", "interval": 10 }
            }
            """);

        var run = await CliRun.RunAsync("validate", flow);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal($"{flow}(6,74): error AEPF020: interval must be at least 15 when frequency is minute, not 10", run.Out.Trim());
    }

    [Fact]
    public async Task A_valid_flow_exits_0()
    {
        var flow = Write("ok.flow.json", """
            {
              "name": "n",
              "flowSpec": { "id": "9753525b-82c7-4dce-8a9b-5ccfce2b9876", "version": "1.0" },
              "sourceConnectionIds": ["a"],
              "targetConnectionIds": ["b"],
              "scheduleParams": { "startTime": 1, "frequency": "minute", "interval": 15 }
            }
            """);

        var run = await CliRun.RunAsync("validate", flow);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task The_tutorials_database_flow_reports_each_mistake()
    {
        var flow = Write("bigquery.flow.json", File.ReadAllText(Path.Combine(RepoPaths.Reference, "docs-examples", "flows", "database-bigquery-create-flow-request.json")));

        var run = await CliRun.RunAsync("validate", flow);

        Assert.Equal(1, run.ExitCode);
        var lines = run.Out.Trim().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.All(lines, l => Assert.Contains(": error AEPF020: ", l, StringComparison.Ordinal));
        Assert.StartsWith($"{flow}(34,26): error AEPF020: startTime must be an integer", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_flow_spec_id_is_AEPF021_and_a_user_flowspec_given_alongside_is_used()
    {
        const string id = "0b0b0b0b-1111-2222-3333-444444444444";
        var flow = Write("mine.flow.json", $$"""
            { "name": "n", "flowSpec": { "id": "{{id}}", "version": "1.0" }, "sourceConnectionIds": ["a"], "targetConnectionIds": ["b"] }
            """);
        var spec = Write("mine.flowspec.json", $$"""
            { "id": "{{id}}", "name": "Mine", "version": "1.0", "sourceConnectionSpecIds": [], "targetConnectionSpecIds": [] }
            """);

        var alone = await CliRun.RunAsync("validate", flow);
        var withSpec = await CliRun.RunAsync("validate", flow, spec);

        Assert.Equal(1, alone.ExitCode);
        Assert.Contains("error AEPF021", alone.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("AEPF021", withSpec.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_json_is_AEPF024()
    {
        var flow = Write("broken.flow.json", "{ \"name\": \"n\", }");

        var run = await CliRun.RunAsync("validate", flow);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error AEPF024", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_files_and_other_kinds_are_usage_errors()
    {
        Assert.Equal(2, (await CliRun.RunAsync("validate", _temp.Combine("nope.flow.json"))).ExitCode);
        Assert.Equal(2, (await CliRun.RunAsync("validate", Write("notes.txt", "x"))).ExitCode);
        Assert.Equal(2, (await CliRun.RunAsync("validate")).ExitCode);
    }
}
