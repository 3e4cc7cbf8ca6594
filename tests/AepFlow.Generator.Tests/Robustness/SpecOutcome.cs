using AepFlow.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AepFlow.Generator.Tests.Robustness;

/// <summary>
/// The rule no spec file may break: the generator does not crash and does not give up on a spec (AEPF005); then either
/// the build is clean (no error anywhere, no warning inside generated code) or an AEPF error says what is wrong, located
/// in the spec file.
/// </summary>
internal static class SpecOutcome
{
    /// <summary>Why <paramref name="run"/> breaks the rule, or null when it keeps it.</summary>
    public static string? Violation(GeneratorRun run)
    {
        foreach (var result in run.RunResult.Results)
        {
            if (result.Exception is not null)
            {
                return $"{result.Generator.GetGeneratorType().Name} threw: {result.Exception}";
            }
        }

        var all = run.AllDiagnostics;
        var crashes = all.Where(d => d.Id is "CS8784" or "CS8785" or "AD0001" or "AEPF005").ToArray();
        if (crashes.Length > 0)
        {
            return "generator crashed or gave up:\n" + DiagnosticText.Describe(crashes);
        }

        var aepfErrors = all.Where(d => d.Id.StartsWith("AEPF", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error).ToArray();
        if (aepfErrors.Length > 0)
        {
            var unlocated = aepfErrors.Where(d => !d.Location.IsInSource && d.Location.Kind != LocationKind.ExternalFile).ToArray();
            return unlocated.Length == 0 ? null : "AEPF error without a location:\n" + DiagnosticText.Describe(unlocated);
        }

        var userTrees = run.InputCompilation.SyntaxTrees.ToHashSet();
        var broken = run.CompilationDiagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error
                || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && !userTrees.Contains(tree)))
            .ToArray();
        return broken.Length == 0 ? null : "generated code does not build cleanly and no AEPF error says why:\n" + DiagnosticText.Describe(broken);
    }

    public static GeneratorRun AssertKept(GeneratorRun run)
    {
        var violation = Violation(run);
        Assert.True(violation is null, violation);
        return run;
    }
}
