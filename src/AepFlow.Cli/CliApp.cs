using System.CommandLine;
using AepFlow.Cli.Console;
using AepFlow.Cli.Diff;
using AepFlow.Cli.Emulator;
using AepFlow.Cli.Specs;
using AepFlow.Cli.Validation;

namespace AepFlow.Cli;

/// <summary>The <c>aepflow</c> command tree. Separate from <c>Main</c> so tests run it in-process with their own writers.</summary>
internal static class CliApp
{
    public static RootCommand Build(CliConsole console)
    {
        var specs = new Command("specs", "Pull the specs of a sandbox and compare spec folders.")
        {
            PullCommand.Create(console),
            DiffCommand.Create(console),
        };
        return new RootCommand("aepflow: keep AepFlow's Flow Service specs in step with a sandbox and check flow files outside a build.")
        {
            specs,
            ValidateCommand.Create(console),
            EmulatorCommand.Create(console),
        };
    }

    /// <summary>Parses and runs <paramref name="args"/>; usage errors print help hints and exit with <see cref="ExitCodes.Usage"/>.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = Build(console);
        var result = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                console.Error.WriteLine("error: " + error.Message);
            }

            console.Error.WriteLine("Run 'aepflow --help' for usage.");
            return ExitCodes.Usage;
        }

        return await result.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
