using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using AepFlow.Generator.Tests.Infrastructure;
using AepFlow.Generator.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace AepFlow.Generator.Tests.Fuzz;

/// <summary>
/// Seeded mutation fuzzing of the spec generator: every mutated spec file either builds cleanly or gets a located AEPF
/// error; nothing crashes the compiler or reaches AEPF005 (<see cref="SpecOutcome"/>).
/// </summary>
/// <remarks>
/// <c>dotnet test</c> runs <see cref="DefaultCount"/> inputs. The long run is opt-in:
/// <c>AEPFLOW_FUZZ_COUNT=10000 dotnet test tests/AepFlow.Generator.Tests --filter FullyQualifiedName~SpecFuzzTests</c>;
/// <c>AEPFLOW_FUZZ_SEED</c> moves the first seed (input i uses seed first + i), so one failing seed is replayed with
/// <c>AEPFLOW_FUZZ_SEED=&lt;seed&gt; AEPFLOW_FUZZ_COUNT=1</c>. Results of the last long run: docs/benchmarks.md.
/// </remarks>
public sealed class SpecFuzzTests(ITestOutputHelper output)
{
    private const int DefaultCount = 200;
    private const int DefaultSeed = 20261202;

    private static readonly Dictionary<string, string> NoBundledSpecs = new() { ["AepFlowIncludeBundledSpecs"] = "false" };

    // The trivial program every input is compiled with: parsed once, shared by every run (compilations are immutable).
    private static readonly Lazy<CSharpCompilation> Program = new(() => GeneratorHarness.CreateCompilation(assemblyName: "FuzzProgram"));

    [Fact]
    public void MutatedSpecsBuildOrGetALocatedError()
    {
        var count = ReadInt("AEPFLOW_FUZZ_COUNT", DefaultCount);
        var first = ReadInt("AEPFLOW_FUZZ_SEED", DefaultSeed);
        var failures = new System.Collections.Concurrent.ConcurrentBag<(int Seed, string Text)>();
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();

        // Inputs are independent and seeded, so running them on every core changes nothing but the time.
        Parallel.For(first, first + count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, seed =>
        {
            var input = SpecMutator.Create(seed);
            var (violation, outcome) = Check(input);
            outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            if (violation is not null)
            {
                failures.Add((seed, $"seed {seed} ({string.Join("; ", input.Mutations)}): {violation}"));
            }
        });

        output.WriteLine($"{count} inputs from seed {first} in {watch.Elapsed.TotalSeconds:F1} s: "
            + string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Value} {o.Key}"))
            + $", {failures.Count} broken");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} mutated specs broke the build:\n" + string.Join("\n\n", failures.OrderBy(f => f.Seed).Take(10).Select(f => f.Text)));
    }

    private static (string? Violation, string Outcome) Check(FuzzCase input)
    {
        var files = input.Files.Select(f => new InMemoryAdditionalText(f.Path, f.Content)).ToImmutableArray();
        var driver = CSharpGeneratorDriver.Create(
            GeneratorHarness.Generators,
            additionalTexts: [.. files.Cast<AdditionalText>()],
            parseOptions: GeneratorHarness.ParseOptions,
            optionsProvider: TestAnalyzerConfigOptionsProvider.FromBuildProperties(input.WithBundledSpecs ? null : NoBundledSpecs));
        GeneratorRun run;
        try
        {
            run = GeneratorRun.Execute(driver, Program.Value, files);
        }
        catch (Exception ex)
        {
            return ("the generator driver threw: " + ex, "crash");
        }

        var violation = SpecOutcome.Violation(run);
        var outcome = violation is not null ? "broken"
            : run.AllDiagnostics.Any(d => d.Id.StartsWith("AEPF", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error) ? "AEPF error"
            : "clean build";
        return (violation, outcome);
    }

    private static int ReadInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
