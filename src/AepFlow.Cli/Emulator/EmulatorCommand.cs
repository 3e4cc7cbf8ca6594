using System.CommandLine;
using AepFlow.Cli.Console;
using AepFlow.Emulator;

namespace AepFlow.Cli.Emulator;

/// <summary>
/// <c>aepflow emulator</c>: runs the AepFlow emulator until Ctrl+C, and prints its base URL, the credentials its IMS
/// endpoint accepts, the admin key and the dashboard's address.
/// </summary>
internal static class EmulatorCommand
{
    public static Command Create(CliConsole console)
    {
        var port = new Option<int>("--port", "-p")
        {
            Description = "Port on 127.0.0.1 (0 picks a free one).",
            DefaultValueFactory = _ => 5080,
        };
        var urls = new Option<string[]>("--urls")
        {
            Description = "Listen here instead of 127.0.0.1 (e.g. http://0.0.0.0:5080; repeat or separate with ';'). ASPNETCORE_URLS is ignored.",
            AllowMultipleArgumentsPerToken = true,
        };
        var specs = new Option<string[]>("--specs")
        {
            Description = "Folder of *.flowspec.json / *.connectionspec.json files (as 'aepflow specs pull' writes them) served on top of the bundled specs; a spec with a bundled id replaces it. Repeatable.",
            AllowMultipleArgumentsPerToken = true,
        };
        var clientId = new Option<string?>("--client-id") { Description = "Client id (and x-api-key) the IMS endpoint issues tokens for (default aepflow-emulator)." };
        var clientSecret = new Option<string?>("--client-secret") { Description = "Client secret to accept (default: generated at start)." };
        var orgId = new Option<string?>("--org-id") { Description = "IMS org id requests must carry (default AEPFLOWEMULATOR@AdobeOrg)." };
        var sandboxes = new Option<string[]>("--sandbox")
        {
            Description = "Sandboxes that exist, the first being the default (default: prod, dev). Repeatable.",
            AllowMultipleArgumentsPerToken = true,
        };
        var adminKey = new Option<string?>("--admin-key") { Description = "Key for /__emulator and the dashboard (default: generated at start)." };
        var acceptAny = new Option<bool>("--accept-any-credentials")
        {
            Description = "Accept any bearer token, API key, org and sandbox (for quick experiments with curl).",
        };
        var command = new Command("emulator", "Run the local Flow Service emulator: Platform's paths, in memory, with a dashboard at its base URL.")
        {
            port, urls, specs, clientId, clientSecret, orgId, sandboxes, adminKey, acceptAny,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var options = new EmulatorOptions
            {
                Port = result.GetValue(port),
                Urls = Split(result.GetValue(urls)),
                SpecFolders = result.GetValue(specs) ?? [],
                ClientSecret = result.GetValue(clientSecret),
                AdminKey = result.GetValue(adminKey),
                AcceptAnyCredentials = result.GetValue(acceptAny),
                MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Information,
            };
            if (result.GetValue(clientId) is { Length: > 0 } id)
            {
                options.ClientId = id;
            }

            if (result.GetValue(orgId) is { Length: > 0 } org)
            {
                options.OrgId = org;
            }

            if (result.GetValue(sandboxes) is { Length: > 0 } names)
            {
                options.Sandboxes = Split(names);
            }

            return RunAsync(console, options, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, EmulatorOptions options, CancellationToken cancellationToken)
    {
        AepEmulator emulator;
        try
        {
            emulator = await AepEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ArgumentException or DirectoryNotFoundException or IOException)
        {
            console.Error.WriteLine("error: " + ex.Message);
            return ExitCodes.Usage;
        }

        await using (emulator.ConfigureAwait(false))
        {
            Print(console.Out, emulator);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                console.Error.WriteLine("Stopping the emulator.");
            }
        }

        return ExitCodes.Success;
    }

    private static void Print(TextWriter output, AepEmulator emulator)
    {
        var credentials = emulator.Credentials;
        output.WriteLine("AepFlow emulator");
        output.WriteLine($"  Base URL        {emulator.BaseAddress}");
        output.WriteLine($"  Token endpoint  {emulator.TokenEndpoint}");
        output.WriteLine($"  Dashboard       {emulator.DashboardAddress}");
        output.WriteLine($"  Client id       {credentials.ClientId}   (also the x-api-key)");
        output.WriteLine($"  Client secret   {credentials.ClientSecret}");
        output.WriteLine($"  Org id          {credentials.OrgId}");
        output.WriteLine($"  Sandboxes       {string.Join(", ", credentials.Sandboxes)}");
        output.WriteLine($"  Admin key       {emulator.AdminKey}   (header x-emulator-admin-key)");
        output.WriteLine();
        output.WriteLine("Point a client or the sample at it:");
        output.WriteLine($"  export AEP_BASE_URL={emulator.BaseAddress} AEP_TOKEN_ENDPOINT={emulator.TokenEndpoint}");
        output.WriteLine($"  export AEP_CLIENT_ID={credentials.ClientId} AEP_CLIENT_SECRET={credentials.ClientSecret}");
        output.WriteLine($"  export AEP_ORG_ID={credentials.OrgId} AEP_SANDBOX={credentials.DefaultSandbox}");
        output.WriteLine("Press Ctrl+C to stop.");
        output.Flush();
    }

    private static string[] Split(string[]? values) =>
        values is null ? [] : [.. values.SelectMany(v => v.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
