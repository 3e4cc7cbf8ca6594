using AepFlow.Emulator;

// Standalone: dotnet run --project src/AepFlow.Emulator -- --urls http://127.0.0.1:5080
// Options bind from the "Emulator" section: --Emulator:DefaultPageSize=5, --Emulator:Faults:0:Status=503 ...
var configuration = new ConfigurationBuilder()
    .AddEnvironmentVariables("AEPFLOW_")
    .AddCommandLine(args)
    .Build();
var options = new EmulatorOptions { Port = 5080, MinimumLogLevel = LogLevel.Information };
configuration.GetSection("Emulator").Bind(options);

await using var app = EmulatorApplication.Build(args, options, useConfiguredUrls: true);
await app.RunAsync();
