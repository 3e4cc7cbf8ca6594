using System.Text.Json.Nodes;

namespace AepFlow.Cli.Tests;

/// <summary><c>aepflow specs diff</c> on crafted pairs of spec folders: each change classified, exit code 1 only when breaking.</summary>
public sealed class DiffTests : IDisposable
{
    private const string FlowId = "11111111-2222-3333-4444-555555555555";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A small flowSpec with a schedule schema in the shape Platform uses.</summary>
    private static JsonObject FlowSpec() => (JsonObject)JsonNode.Parse($$"""
        {
          "id": "{{FlowId}}", "name": "CRMToAEP", "version": "1.0",
          "sourceConnectionSpecIds": ["aaaaaaaa-0000-0000-0000-000000000000", "bbbbbbbb-0000-0000-0000-000000000000"],
          "targetConnectionSpecIds": ["c604ff05-7f1a-43c0-8e18-33bf874cb11c"],
          "transformationSpecs": [
            { "name": "Copy", "spec": { "type": "object", "properties": {
                "deltaColumn": { "type": "object", "required": ["name"], "properties": {
                  "name": { "type": "string", "maxLength": 100 },
                  "dateFormat": { "type": "string", "pattern": "^.+$" },
                  "ratio": { "type": "number" } } } } } }
          ],
          "scheduleSpec": { "name": "PeriodicSchedule", "type": "Periodic", "spec": {
            "type": "object", "required": ["startTime", "frequency"],
            "properties": {
              "startTime": { "type": "integer" },
              "frequency": { "type": "string", "enum": ["minute", "hour", "day"] },
              "interval": { "type": "integer", "minimum": 1, "maximum": 100 },
              "backfill": { "type": "boolean", "default": true } } } }
        }
        """)!;

    private static JsonObject Schedule(JsonObject spec) => spec["scheduleSpec"]!["spec"]!.AsObject();

    private static JsonObject ScheduleProperty(JsonObject spec, string name) => Schedule(spec)["properties"]![name]!.AsObject();

    private static JsonObject DeltaColumn(JsonObject spec, string name) =>
        spec["transformationSpecs"]![0]!["spec"]!["properties"]!["deltaColumn"]!["properties"]![name]!.AsObject();

    private async Task<CliRun> DiffAsync(Action<JsonObject> change, bool oldCompactLayout = false)
    {
        var oldSpec = FlowSpec();
        var newSpec = FlowSpec();
        change(newSpec);
        var oldDir = _temp.Combine("old");
        var newDir = _temp.Combine("new");
        Directory.CreateDirectory(oldDir);
        Directory.CreateDirectory(newDir);
        File.WriteAllText(Path.Combine(oldDir, "crm-to-aep-11111111.flowspec.json"), oldSpec.ToJsonString());
        File.WriteAllText(Path.Combine(newDir, "crm-to-aep-11111111.flowspec.json"),
            new JsonObject { ["items"] = new JsonArray(newSpec) }.ToJsonString(new() { WriteIndented = !oldCompactLayout }));
        return await CliRun.RunAsync("specs", "diff", oldDir, newDir);
    }

    public static TheoryData<string, Action<JsonObject>, string> Breaking => new()
    {
        { "removed member", s => ScheduleProperty(s, "interval").Parent!.AsObject().Remove("interval"), "scheduleSpec: interval: member removed" },
        { "nested member removed", s => s["transformationSpecs"]![0]!["spec"]!["properties"]!["deltaColumn"]!["properties"]!.AsObject().Remove("dateFormat"), "transformationSpecs[Copy]: deltaColumn.dateFormat: member removed" },
        { "newly required", s => Schedule(s)["required"]!.AsArray().Add("interval"), "scheduleSpec: interval: member is now required" },
        { "required member added", s => { ScheduleProperty(s, "startTime").Parent!.AsObject()["endTime"] = new JsonObject { ["type"] = "integer" }; Schedule(s)["required"]!.AsArray().Add("endTime"); }, "scheduleSpec: endTime: required member added" },
        { "higher minimum", s => ScheduleProperty(s, "interval")["minimum"] = 15, "scheduleSpec: interval: minimum raised from 1 to 15" },
        { "lower maximum", s => ScheduleProperty(s, "interval")["maximum"] = 50, "scheduleSpec: interval: maximum lowered from 100 to 50" },
        { "shorter maxLength", s => DeltaColumn(s, "name")["maxLength"] = 10, "deltaColumn.name: maxLength lowered from 100 to 10" },
        { "new pattern", s => DeltaColumn(s, "name")["pattern"] = "^[a-z]+$", "deltaColumn.name: pattern \"^[a-z]+$\" added" },
        { "narrower type", s => DeltaColumn(s, "ratio")["type"] = "integer", "deltaColumn.ratio: type changed from number to integer" },
        { "different type", s => ScheduleProperty(s, "startTime")["type"] = "string", "scheduleSpec: startTime: type changed from integer to string" },
        { "removed enum value", s => ScheduleProperty(s, "frequency")["enum"] = new JsonArray("minute", "hour"), "scheduleSpec: frequency: enum value \"day\" removed" },
        { "removed connection spec", s => s["sourceConnectionSpecIds"]!.AsArray().RemoveAt(1), "sourceConnectionSpecIds: connection spec bbbbbbbb-0000-0000-0000-000000000000 removed" },
        { "removed transformation", s => s["transformationSpecs"]!.AsArray().Clear(), "transformationSpecs[Copy]: removed" },
        { "renamed", s => s["name"] = "CrmToPlatform", "name: renamed from 'CRMToAEP' to 'CrmToPlatform'" },
    };

    public static TheoryData<string, Action<JsonObject>, string> Compatible => new()
    {
        { "optional member added", s => ScheduleProperty(s, "startTime").Parent!.AsObject()["endTime"] = new JsonObject { ["type"] = "integer" }, "scheduleSpec: endTime: optional member added" },
        { "no longer required", s => Schedule(s)["required"] = new JsonArray("startTime"), "scheduleSpec: frequency: member is no longer required" },
        { "lower minimum", s => ScheduleProperty(s, "interval")["minimum"] = 0, "scheduleSpec: interval: minimum lowered from 1 to 0" },
        { "higher maximum", s => ScheduleProperty(s, "interval")["maximum"] = 1000, "scheduleSpec: interval: maximum raised from 100 to 1000" },
        { "wider type", s => ScheduleProperty(s, "interval")["type"] = "number", "scheduleSpec: interval: type changed from integer to number" },
        { "added enum value", s => ScheduleProperty(s, "frequency")["enum"]!.AsArray().Add("week"), "scheduleSpec: frequency: enum value \"week\" added" },
        { "added connection spec", s => s["sourceConnectionSpecIds"]!.AsArray().Add("cccccccc-0000-0000-0000-000000000000"), "sourceConnectionSpecIds: connection spec cccccccc-0000-0000-0000-000000000000 added" },
        { "pattern removed", s => DeltaColumn(s, "dateFormat").Remove("pattern"), "deltaColumn.dateFormat: pattern \"^.+$\" removed" },
        { "default changed", s => ScheduleProperty(s, "backfill")["default"] = false, "scheduleSpec: backfill: default changed from true to false" },
        { "description only", s => ScheduleProperty(s, "interval")["description"] = "words", "No changes." },
    };

    [Theory]
    [MemberData(nameof(Breaking))]
    public async Task Breaking_changes_exit_1_and_are_named(string title, Action<JsonObject> change, string expected)
    {
        var run = await DiffAsync(change);

        Assert.True(run.ExitCode == 1, title + "\n" + run);
        var line = Assert.Single(run.Out.Split('\n'), l => l.Contains(expected, StringComparison.Ordinal));
        Assert.StartsWith("  breaking", line, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Compatible))]
    public async Task Compatible_changes_exit_0(string title, Action<JsonObject> change, string expected)
    {
        var run = await DiffAsync(change, oldCompactLayout: true);

        Assert.True(run.ExitCode == 0, title + "\n" + run);
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("breaking  ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removed_spec_is_breaking_and_added_spec_is_compatible()
    {
        var a = _temp.Combine("a");
        var b = _temp.Combine("b");
        Directory.CreateDirectory(a);
        Directory.CreateDirectory(b);
        File.WriteAllText(Path.Combine(a, "x-11111111.flowspec.json"), FlowSpec().ToJsonString());
        File.WriteAllText(Path.Combine(b, "s-cfc0fee1.connectionspec.json"), """{"id":"cfc0fee1-7dc0-40ef-b73e-d8b134c436f5","name":"salesforce"}""");

        var forward = await CliRun.RunAsync("specs", "diff", a, b);
        var backward = await CliRun.RunAsync("specs", "diff", b, a);

        Assert.Equal(1, forward.ExitCode);
        Assert.Contains($"flowSpec CRMToAEP ({FlowId}): removed", forward.Out, StringComparison.Ordinal);
        Assert.Contains("connectionSpec salesforce (cfc0fee1-7dc0-40ef-b73e-d8b134c436f5): added", forward.Out, StringComparison.Ordinal);
        Assert.Equal(1, backward.ExitCode); // the connectionSpec is removed the other way round
    }

    [Fact]
    public async Task Bundled_specs_compared_with_a_pull_style_copy_of_themselves_show_no_changes()
    {
        // The bundled layout (flowspecs/*.json) and the pull layout (*.flowspec.json) hold the same specs: matched by id.
        var copy = _temp.Combine("pulled");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Specs, "flowspecs"), "*.json"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileNameWithoutExtension(file) + ".flowspec.json"));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Specs, "connectionspecs"), "*.json"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileNameWithoutExtension(file) + ".connectionspec.json"));
        }

        var run = await CliRun.RunAsync("specs", "diff", RepoPaths.Specs, copy);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("No changes.", run.Out.Trim());
    }

    [Fact]
    public async Task Missing_folders_and_broken_json_are_usage_errors_with_the_file_named()
    {
        var good = _temp.Combine("good");
        var broken = _temp.Combine("broken");
        Directory.CreateDirectory(good);
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "x.flowspec.json"), "{ \"id\": ");

        Assert.Equal(2, (await CliRun.RunAsync("specs", "diff", good, _temp.Combine("missing"))).ExitCode);
        Assert.Equal(2, (await CliRun.RunAsync("specs", "diff", good)).ExitCode);
        var run = await CliRun.RunAsync("specs", "diff", good, broken);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("x.flowspec.json(1,", run.Error, StringComparison.Ordinal);
    }
}
