using AepFlow.Emulator;

// Standalone: dotnet run --project src/AepFlow.Emulator -- [--urls http://127.0.0.1:5080]
// Only an explicit --urls widens the loopback default; ASPNETCORE_URLS is ignored.
var urls = args.SkipWhile(arg => arg != "--urls").Skip(1).Take(1).SelectMany(value => value.Split(';', StringSplitOptions.RemoveEmptyEntries)).ToArray();
var options = new EmulatorOptions { Port = 5080, Urls = urls, MinimumLogLevel = LogLevel.Information };
await using var emulator = await AepEmulator.StartAsync(options);
Console.WriteLine($"Client id {emulator.Credentials.ClientId}, secret {emulator.Credentials.ClientSecret}, org {emulator.Credentials.OrgId}");
Console.WriteLine($"Admin key {emulator.AdminKey}");
var stopped = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopped.TrySetResult();
};
await stopped.Task;
