using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace AepFlow.Emulator.Tests;

/// <summary>The emulator as <c>dotnet run</c> starts it: its own process, address from <c>--urls</c>.</summary>
public sealed partial class StandaloneTests
{
    [Fact]
    public async Task Standalone_process_answers_lookups_and_refuses_anonymous_calls()
    {
        var assembly = typeof(AepEmulator).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { assembly, "--urls", "http://127.0.0.1:0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        try
        {
            var (address, clientId, secret, org) = await ReadStartAsync(process);
            using var anonymous = new HttpClient { BaseAddress = address };
            using var tokenResponse = await anonymous.PostAsync("ims/token/v3", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
            }));
            using var client = new HttpClient { BaseAddress = address };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await TestEmulator.ReadAsync(tokenResponse))["access_token"]!.GetValue<string>());
            client.DefaultRequestHeaders.Add("x-api-key", clientId);
            client.DefaultRequestHeaders.Add("x-gw-ims-org-id", org);

            using var refused = await anonymous.GetAsync($"{TestEmulator.FlowService}/flowSpecs");
            using var lookup = await client.GetAsync($"{TestEmulator.FlowService}/flowSpecs?property=name==CRMToAEP");

            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal(TestEmulator.CrmToAep, Scenario.Single(await TestEmulator.ReadAsync(lookup))["id"]!.GetValue<string>());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<(Uri Address, string ClientId, string Secret, string Org)> ReadStartAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Uri? address = null;
        Match? credentials = null;
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                address = new Uri(match.Groups[1].Value + "/");
            }

            if (CredentialsLine().Match(line) is { Success: true } found)
            {
                credentials = found;
            }

            if (address is not null && credentials is not null)
            {
                return (address, credentials.Groups[1].Value, credentials.Groups[2].Value, credentials.Groups[3].Value);
            }
        }

        throw new InvalidOperationException("The emulator exited before reporting its address: " + await process.StandardError.ReadToEndAsync());
    }

    [GeneratedRegex(@"AepFlow emulator listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"Client id (\S+), secret (\S+), org (\S+)")]
    private static partial Regex CredentialsLine();
}
