using System.Text;
using System.Text.Json;
using AepFlow.Generator.Tests.Infrastructure;
using AepFlow.Validation;

namespace AepFlow.Generator.Tests.Semantics;

/// <summary>
/// One schema semantics: a value in a *.flow.json gets an AEPF020 at build time exactly when the generated <c>Validate()</c>
/// rejects it at run time. The cases are the disagreements measured in issue 8, each with its passing neighbour.
/// </summary>
public sealed class BuildAndRunTimeAgreementTests
{
    private const string SpecId = "cccccccc-3333-4333-8333-333333333333";

    private static readonly (string Format, string Value, bool Valid)[] Cases =
    [
        ("date", "2024-02-31", false), // no such day: the build used to accept it
        ("date", "2024-02-29", true),
        ("time", "12:00:00", false), // RFC 3339 full-time needs an offset: the build used to accept it
        ("time", "12:00:00Z", true),
        ("time", "12:00:00.5+02:00", true),
        ("date-time", "2024-01-31 12:00:00Z", false), // a space is not the separator: run time used to accept it
        ("date-time", "2024-01-31T12:00:00Z", true),
        ("date-time", "2024-01-31T12:00:00", false),
        ("email", "a@localhost", true), // the build used to require a dot in the domain
        ("email", "a b@example.com", false),
        ("hostname", "-bad.example", false),
        ("ipv4", "192.168.001.1", false),
        ("uuid", "3fa85f64-5717-4562-b3fc-2c963f66afa6", true),
        ("json-pointer", "a/b", false),
    ];

    [Fact]
    public void EveryFormatCaseGetsTheSameVerdictAtBuildTimeAndAtRunTime()
    {
        var properties = string.Join(", ", Cases.Select((c, i) => $$"""
            "p{{i}}": { "type": "string", "format": "{{c.Format}}" }
            """));
        var spec = $$"""
            { "id": "{{SpecId}}", "name": "FormatProbe", "sourceConnectionSpecIds": ["s"], "targetConnectionSpecIds": ["t"],
              "transformationSpecs": [ { "name": "Probe", "spec": { "type": "object", "properties": { {{properties}} } } } ] }
            """;
        var values = string.Join(", ", Cases.Select((c, i) => $"\"p{i}\": {JsonSerializer.Serialize(c.Value)}"));
        var flow = $$"""
            { "name": "n", "flowSpec": { "id": "{{SpecId}}", "version": "1.0" }, "sourceConnectionIds": ["a"], "targetConnectionIds": ["b"],
              "transformations": [ { "name": "Probe", "params": { {{values}} } } ] }
            """;

        var run = GeneratorHarness.Run(
            [new InMemoryAdditionalText("/project/specs/probe.flowspec.json", spec), new InMemoryAdditionalText("/project/flows/probe.flow.json", flow)],
            buildProperties: new Dictionary<string, string> { ["AepFlowIncludeBundledSpecs"] = "false" }).AssertNoCrash();
        var buildTime = run.AnalyzerDiagnostics.Where(d => d.Id == "AEPF020").Select(d => d.GetMessage()).ToList();

        using var loaded = run.Load();
        var type = loaded.GetType("AepFlow.FlowSpecs.FormatProbe+ProbeParams");
        var model = (IAepModel)JsonSerializer.Deserialize("{" + values + "}", type)!;
        var runTime = model.Validate().Errors;

        var report = new StringBuilder();
        for (var i = 0; i < Cases.Length; i++)
        {
            var (format, value, valid) = Cases[i];
            var rejectedAtBuild = buildTime.Any(m => m.StartsWith($"p{i} must be", StringComparison.Ordinal));
            var rejectedAtRun = runTime.Any(e => e.Path == $"/p{i}");
            if (rejectedAtBuild == valid || rejectedAtRun == valid)
            {
                report.AppendLine($"{format} \"{value}\": expected {(valid ? "valid" : "invalid")}; build time {(rejectedAtBuild ? "rejects" : "accepts")}, run time {(rejectedAtRun ? "rejects" : "accepts")}");
            }
        }

        Assert.True(report.Length == 0, report.ToString());
    }
}
