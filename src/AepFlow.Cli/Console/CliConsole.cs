using AepFlow.Cli.Specs;
using Spectre.Console;

namespace AepFlow.Cli.Console;

/// <summary>The CLI's output: results to <see cref="Out"/>, progress and errors to <see cref="Error"/>.</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, bool errorIsTerminal)
{
    /// <summary>The process console; live progress only when stderr is a terminal.</summary>
    public static CliConsole System() =>
        new(global::System.Console.Out, global::System.Console.Error, !global::System.Console.IsErrorRedirected);

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Runs <paramref name="work"/> with a progress display suited to where stderr goes.</summary>
    public async Task<T> WithProgressAsync<T>(Func<IPullProgress, Task<T>> work)
    {
        if (!errorIsTerminal)
        {
            return await work(new PlainPullProgress(Error)).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Error),
            Interactive = InteractionSupport.Yes,
        });
        return await console.Status().StartAsync("Connecting...", context => work(new LivePullProgress(context))).ConfigureAwait(false);
    }

    /// <summary>The label used in messages for a spec.</summary>
    public static string Describe(SpecKind kind, string name, string id) => $"{kind.Label()} {name} ({id})";
}
