using AepFlow.Cli;
using AepFlow.Cli.Console;

using var cancellation = new CancellationTokenSource();
System.Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C cancels the pull cleanly (nothing is written); the process then exits on its own.
    e.Cancel = true;
    cancellation.Cancel();
};
return await CliApp.RunAsync(args, CliConsole.System(), cancellation.Token);
