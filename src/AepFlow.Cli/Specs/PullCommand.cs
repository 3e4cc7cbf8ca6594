using System.CommandLine;
using AepFlow.Cli.Console;

namespace AepFlow.Cli.Specs;

/// <summary><c>aepflow specs pull</c>: every flowSpec and connectionSpec of a sandbox, written as normalised files.</summary>
internal static class PullCommand
{
    /// <summary>The token sent to an emulator given with <c>--base-url</c> when AEP_CLIENT_SECRET is not set (a relaxed emulator takes any).</summary>
    internal const string EmulatorToken = "aepflow-cli-emulator-token";

    public static Command Create(CliConsole console)
    {
        var output = new Option<string>("--out", "-o")
        {
            Description = "Folder to write the spec files to (created if missing; other files in it are kept).",
            DefaultValueFactory = _ => "specs",
        };
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = "Talk to this endpoint (e.g. a local emulator) with a fixed token instead of Platform with AEP_* credentials.",
        };
        var sandbox = new Option<string?>("--sandbox")
        {
            Description = "Sandbox to read (default: AEP_SANDBOX, else prod).",
        };
        var pageSize = new Option<int?>("--page-size")
        {
            Description = "Items per list page (the service default when omitted).",
        };
        var retries = new Option<int?>("--retries")
        {
            Description = "Retries of a failed page before the pull gives up (default 3).",
        };
        var command = new Command("pull", "Read every flowSpec and connectionSpec of a sandbox into one normalised JSON file per spec.")
        {
            output, baseUrl, sandbox, pageSize, retries,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            console,
            result.GetValue(output)!,
            result.GetValue(baseUrl),
            result.GetValue(sandbox),
            result.GetValue(pageSize),
            result.GetValue(retries),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string outDir, string? baseUrl, string? sandbox, int? pageSize, int? retries, CancellationToken cancellationToken)
    {
        if (pageSize is <= 0 || retries is < 0)
        {
            console.Error.WriteLine("error: --page-size must be positive and --retries zero or more.");
            return ExitCodes.Usage;
        }

        AepClientOptions options;
        try
        {
            options = ClientOptions(baseUrl, sandbox, retries);
        }
        catch (InvalidOperationException ex)
        {
            console.Error.WriteLine("error: " + ex.Message);
            return ExitCodes.Usage;
        }

        using var client = new AepClient(options);
        var puller = new SpecPuller(new PlatformSpecSource(client, pageSize));
        try
        {
            var specs = await console.WithProgressAsync(progress => puller.ReadAllAsync(progress, cancellationToken)).ConfigureAwait(false);
            var outcome = SpecFolderWriter.Write(outDir, specs);
            Report(console, outDir, specs, outcome);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is SpecPullException or AepApiException or HttpRequestException or TimeoutException
                                       or TaskCanceledException or System.Text.Json.JsonException or InvalidOperationException)
        {
            console.Error.WriteLine($"error: the pull failed, '{outDir}' was left unchanged: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>Emulator options for <c>--base-url</c>, otherwise the environment's Platform credentials.</summary>
    internal static AepClientOptions ClientOptions(string? baseUrl, string? sandbox, int? retries)
    {
        AepClientOptions options;
        if (baseUrl is not null)
        {
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException($"--base-url must be an absolute http(s) URL, got '{baseUrl}'.");
            }

            // With the credentials `aepflow emulator` prints, the token comes from the emulator's own IMS endpoint (it is
            // strict by default); without them a fixed token is sent, which an emulator started with --accept-any-credentials takes.
            var secret = Environment.GetEnvironmentVariable("AEP_CLIENT_SECRET");
            options = new AepClientOptions
            {
                BaseAddress = address,
                TokenEndpoint = new Uri(address, "ims/token/v3"),
                AccessToken = string.IsNullOrEmpty(secret) ? EmulatorToken : null,
                ClientSecret = string.IsNullOrEmpty(secret) ? null : secret,
                ClientId = Environment.GetEnvironmentVariable("AEP_CLIENT_ID") is { Length: > 0 } id ? id : "aepflow-cli",
                OrgId = Environment.GetEnvironmentVariable("AEP_ORG_ID") is { Length: > 0 } org ? org : "AEPFLOWCLI@AdobeOrg",
                SandboxName = Environment.GetEnvironmentVariable("AEP_SANDBOX") is { Length: > 0 } box ? box : "prod",
            };
        }
        else
        {
            if (!AepClientOptions.EnvironmentHasCredentials())
            {
                throw new InvalidOperationException(
                    "no Platform credentials: set AEP_CLIENT_ID, AEP_CLIENT_SECRET, AEP_ORG_ID and AEP_SANDBOX (optionally AEP_BASE_URL), " +
                    "or pass --base-url to read from an emulator.");
            }

            options = AepClientOptions.FromEnvironment();
        }

        if (!string.IsNullOrWhiteSpace(sandbox))
        {
            options.SandboxName = sandbox;
        }

        if (retries is { } count)
        {
            options.MaxRetries = count;
        }

        options.EnsureValid();
        return options;
    }

    private static void Report(CliConsole console, string outDir, IReadOnlyList<PulledSpec> specs, PullOutcome outcome)
    {
        var flows = specs.Count(s => s.Kind == SpecKind.FlowSpec);
        var connections = specs.Count - flows;
        if (outcome.IsUpToDate)
        {
            console.Out.WriteLine($"{outDir}: up to date ({flows} flowSpecs, {connections} connectionSpecs).");
            return;
        }

        foreach (var name in outcome.Added)
        {
            console.Out.WriteLine($"  added    {name}");
        }

        foreach (var name in outcome.Changed)
        {
            console.Out.WriteLine($"  changed  {name}");
        }

        foreach (var name in outcome.Removed)
        {
            console.Out.WriteLine($"  removed  {name}");
        }

        console.Out.WriteLine(
            $"{outDir}: {flows} flowSpecs, {connections} connectionSpecs " +
            $"({outcome.Added.Count} added, {outcome.Changed.Count} changed, {outcome.Removed.Count} removed, {outcome.Unchanged} unchanged).");
    }
}
