using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AepFlow.Cli.Console;

namespace AepFlow.Cli.Tests;

/// <summary><c>aepflow emulator</c> in-process: it prints what a client needs, serves user spec folders, stops on cancel.</summary>
public sealed partial class EmulatorCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Emulator_prints_its_url_and_credentials_serves_the_spec_folder_and_stops_on_cancel()
    {
        var specs = _temp.Combine("specs");
        Directory.CreateDirectory(specs);
        var bundled = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "specs", "flowspecs", BundledCrmFile())))!;
        var spec = (JsonObject)(bundled["items"]?[0] ?? bundled)!.DeepClone();
        spec["name"] = "CRMToAEP from my sandbox";
        File.WriteAllText(Path.Combine(specs, "crm-to-aep-14518937.flowspec.json"), spec.ToJsonString());

        var text = new StringWriter();
        var output = TextWriter.Synchronized(text);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var run = CliApp.RunAsync(["emulator", "--port", "0", "--specs", specs], new CliConsole(output, TextWriter.Null, errorIsTerminal: false), stop.Token);

        var printed = await WaitForAsync(() => { lock (output) { return text.ToString(); } }, s => s.Contains("Press Ctrl+C", StringComparison.Ordinal), run);
        var baseUrl = new Uri(Field(printed, "Base URL"));
        var clientId = Field(printed, "Client id");
        var secret = Field(printed, "Client secret");
        var org = Field(printed, "Org id");
        Assert.Equal("127.0.0.1", baseUrl.Host);
        Assert.Matches("Admin key +[0-9a-f]{32}", printed);
        Assert.Contains($"AEP_BASE_URL={baseUrl}", printed);

        using var http = new HttpClient { BaseAddress = baseUrl };
        using var token = await http.PostAsync("ims/token/v3", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "data/foundation/flowservice/flowSpecs/14518937-270c-4525-bdec-c2ba7cce3860");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", JsonNode.Parse(await token.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>());
        request.Headers.Add("x-api-key", clientId);
        request.Headers.Add("x-gw-ims-org-id", org);
        using var lookup = await http.SendAsync(request);
        var served = JsonNode.Parse(await lookup.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        Assert.Equal("CRMToAEP from my sandbox", served["items"]![0]!["name"]!.GetValue<string>());

        stop.Cancel();
        Assert.Equal(0, await run);
    }

    [Fact]
    public async Task A_missing_spec_folder_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("emulator", "--port", "0", "--specs", _temp.Combine("nope"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private static string BundledCrmFile() =>
        Path.GetFileName(Directory.GetFiles(Path.Combine(RepoPaths.Root, "specs", "flowspecs"), "*.json")
            .First(f => File.ReadAllText(f).Contains("14518937-270c-4525-bdec-c2ba7cce3860", StringComparison.Ordinal)));

    private static string Field(string printed, string label) =>
        Regex.Match(printed, "^  " + Regex.Escape(label) + @" +(\S+)", RegexOptions.Multiline) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"'{label}' not printed:\n{printed}");

    private static async Task<string> WaitForAsync(Func<string> read, Func<string, bool> done, Task<int> run)
    {
        for (var i = 0; i < 600; i++)
        {
            var text = read();
            if (done(text))
            {
                return text;
            }

            if (run.IsCompleted)
            {
                throw new InvalidOperationException($"aepflow emulator exited with {await run}:\n{text}");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("aepflow emulator printed nothing in 60 s:\n" + read());
    }
}
