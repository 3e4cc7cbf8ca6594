using System.CommandLine;
using AepFlow.Cli.Console;
using AepFlow.Cli.Specs;

namespace AepFlow.Cli.Diff;

/// <summary><c>aepflow specs diff OLD NEW</c>: what changed between two spec folders; exit 1 when anything is breaking.</summary>
internal static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var old = new Argument<string>("OLD") { Description = "The spec folder before (e.g. the committed specs/)." };
        var @new = new Argument<string>("NEW") { Description = "The spec folder after (e.g. a fresh 'aepflow specs pull --out')." };
        var command = new Command("diff", "Classify the changes between two spec folders as breaking or compatible (exit code 1 on breaking).")
        {
            old, @new,
        };
        command.SetAction(result => Run(console, result.GetValue(old)!, result.GetValue(@new)!));
        return command;
    }

    internal static int Run(CliConsole console, string oldFolder, string newFolder)
    {
        IReadOnlyList<SpecDiff> diffs;
        try
        {
            diffs = SpecDiffer.Compare(SpecFolder.Load(oldFolder), SpecFolder.Load(newFolder));
        }
        catch (Exception ex) when (ex is SpecFolderException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine("error: " + ex.Message);
            return ExitCodes.Usage;
        }

        Print(console.Out, diffs);
        return diffs.Any(d => d.IsBreaking) ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static void Print(TextWriter output, IReadOnlyList<SpecDiff> diffs)
    {
        if (diffs.Count == 0)
        {
            output.WriteLine("No changes.");
            return;
        }

        foreach (var diff in diffs)
        {
            var title = $"{diff.Kind.Label()} {diff.Name} ({diff.Id})";
            switch (diff.Status)
            {
                case SpecDiffStatus.Removed:
                    output.WriteLine($"{title}: removed");
                    output.WriteLine("  breaking    spec removed (its generated class and flows using it go away)");
                    break;
                case SpecDiffStatus.Added:
                    output.WriteLine($"{title}: added");
                    output.WriteLine("  compatible  spec added");
                    break;
                default:
                    output.WriteLine($"{title}: changed");
                    foreach (var change in diff.Changes.OrderBy(c => c.Severity))
                    {
                        var label = change.Severity == ChangeSeverity.Breaking ? "breaking  " : "compatible";
                        output.WriteLine($"  {label}  {change.Where.TrimEnd(':')}: {change.What}");
                    }

                    break;
            }
        }

        var breaking = diffs.Sum(d => d.Status == SpecDiffStatus.Removed ? 1 : d.Changes.Count(c => c.Severity == ChangeSeverity.Breaking));
        var compatible = diffs.Sum(d => d.Status == SpecDiffStatus.Added ? 1 : d.Changes.Count(c => c.Severity == ChangeSeverity.Compatible));
        output.WriteLine();
        output.WriteLine(
            $"{breaking} breaking, {compatible} compatible change(s) in {diffs.Count} spec(s): " +
            $"{diffs.Count(d => d.Status == SpecDiffStatus.Added)} added, {diffs.Count(d => d.Status == SpecDiffStatus.Removed)} removed, " +
            $"{diffs.Count(d => d.Status == SpecDiffStatus.Changed)} changed.");
    }
}
