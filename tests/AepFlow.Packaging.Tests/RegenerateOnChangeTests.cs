using System.Collections.Immutable;
using AepFlow.Generator;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Packaging.Tests;

/// <summary>
/// Keeping specs fresh has to be safe: when a pulled spec loses a member, the regenerated model loses it too and every line
/// of user code that used it stops compiling, with the compiler naming the member, instead of sending a field Platform no
/// longer accepts.
/// </summary>
public sealed class RegenerateOnChangeTests
{
    private const string SpecPath = "/project/specs/partner-feed-5f0e1c2d.flowspec.json";

    private const string UserCode = """
        using AepFlow.FlowSpecs;

        public static class Scheduling
        {
            public static PartnerFeedToAep.ScheduleParams Hourly() =>
                new() { StartTime = 1700000000, Frequency = PartnerFeedToAep.Frequency.Hour, Interval = 2 };

            public static int? IntervalOf(PartnerFeedToAep.ScheduleParams schedule) => schedule.Interval;

            // Names a bundled spec, so it is generated (bundled specs are generated when used).
            public const string Bundled = CrmToAep.Id;
        }
        """;

    private static string Spec(bool withInterval) => $$"""
        { "items": [ {
          "id": "5f0e1c2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f", "name": "PartnerFeedToAEP", "version": "1.0",
          "sourceConnectionSpecIds": ["cfc0fee1-7dc0-40ef-b73e-d8b134c436f5"],
          "targetConnectionSpecIds": ["c604ff05-7f1a-43c0-8e18-33bf874cb11c"],
          "scheduleSpec": { "name": "PeriodicSchedule", "type": "Periodic", "spec": {
            "type": "object", "required": ["startTime", "frequency"],
            "properties": {
              "startTime": { "type": "integer" },
              "frequency": { "type": "string", "enum": ["hour", "day"] }{{(withInterval ? ",\n      \"interval\": { \"type\": \"integer\", \"minimum\": 1 }" : "")}}
            } } }
        } ] }
        """;

    [Fact]
    public void Removing_a_member_from_a_spec_makes_code_that_used_it_fail_naming_the_member()
    {
        var compilation = CSharpCompilation.Create(
            "UserProject",
            [CSharpSyntaxTree.ParseText(UserCode, path: "/project/Scheduling.cs")],
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(AepFlow.Validation.ValidationResult).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var before = new SpecText(SpecPath, Spec(withInterval: true));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new AepFlowGenerator().AsSourceGenerator()], [before], (CSharpParseOptions)compilation.SyntaxTrees[0].Options);

        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
        Assert.Empty(generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var bundledBefore = GeneratedText(driver, "CrmToAep");

        driver = driver.ReplaceAdditionalText(before, new SpecText(SpecPath, Spec(withInterval: false)));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var regenerated, out _);

        var errors = regenerated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var initializer = Assert.Single(errors, e => e.Id == "CS0117");
        Assert.Contains("'Interval'", initializer.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("ScheduleParams", initializer.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(5, initializer.Location.GetLineSpan().StartLinePosition.Line);
        var access = Assert.Single(errors, e => e.Id == "CS1061");
        Assert.Contains("'Interval'", access.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(7, access.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(2, errors.Count);

        // Only the edited spec's output changed; a bundled spec's generated file is the same text.
        Assert.Equal(bundledBefore, GeneratedText(driver, "CrmToAep"));
    }

    private static string GeneratedText(GeneratorDriver driver, string className) =>
        driver.GetRunResult().Results.Single().GeneratedSources
            .Single(s => s.HintName.EndsWith($".{className}.g.cs", StringComparison.Ordinal)).SourceText.ToString();

    private sealed class SpecText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
