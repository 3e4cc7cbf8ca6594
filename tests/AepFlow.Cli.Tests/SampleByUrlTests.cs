using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AepFlow.Resources;

namespace AepFlow.Cli.Tests;

/// <summary>
/// The README's walk-through, as a user does it: <c>aepflow emulator --specs DIR</c> started as a process, the CrmToAep sample
/// run as another process pointed at it by URL with the <c>export</c> lines the emulator printed, then an <see cref="AepClient"/>
/// configured the same way, the dashboard at <c>/</c> showing the sample's flow and its runs, and <c>aepflow specs pull</c>
/// reading the served specs back with the same credentials.
/// </summary>
public sealed partial class SampleByUrlTests : IDisposable
{
    private const string CrmToAepId = "14518937-270c-4525-bdec-c2ba7cce3860";
    private const string PartnerFlowSpecId = "5f0e1c2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f";

    private static readonly string Aepflow = Path.Combine(AppContext.BaseDirectory, "aepflow.dll");

    private readonly TempFolder _temp = new();

    [Fact]
    public async Task The_sample_runs_against_aepflow_emulator_by_url_and_the_page_shows_its_flow_and_runs()
    {
        var specs = PulledSpecFolder();
        await using var emulator = ChildProcess.Start(Aepflow, new Dictionary<string, string>(), "emulator", "--port", "0", "--specs", specs);
        var printed = await emulator.WaitForOutputAsync("Press Ctrl+C to stop.", TimeSpan.FromSeconds(60));
        var environment = ExportedVariables(printed);
        var baseUrl = new Uri(environment["AEP_BASE_URL"]);
        var adminKey = AdminKey().Match(printed).Groups[1].Value;
        Assert.Equal("127.0.0.1", baseUrl.Host);

        // The sample, unchanged, switched from the in-process emulator to this one by the environment alone.
        await using var sample = ChildProcess.Start(SamplePath(), environment);
        var sampleExit = await sample.WaitForExitAsync(TimeSpan.FromMinutes(3));
        Assert.True(sampleExit == 0, $"the sample exited with {sampleExit}:\n{sample.Output}\n--- emulator\n{emulator.Output}");
        Assert.Contains($"Platform: {baseUrl}", sample.Output, StringComparison.Ordinal);
        Assert.Contains("First run succeeded", sample.Output, StringComparison.Ordinal);
        var flowId = SampleFlowId().Match(sample.Output) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("the sample printed no dataflow id:\n" + sample.Output);

        // A client configured by URL and the printed credentials sees the sample's flow and the pulled specs.
        using var client = new AepClient(new AepClientOptions
        {
            BaseAddress = baseUrl,
            TokenEndpoint = new Uri(environment["AEP_TOKEN_ENDPOINT"]),
            ClientId = environment["AEP_CLIENT_ID"],
            ClientSecret = environment["AEP_CLIENT_SECRET"],
            OrgId = environment["AEP_ORG_ID"],
            SandboxName = environment["AEP_SANDBOX"],
        });
        var flow = await client.Flows.GetAsync(flowId);
        Assert.Equal(CrmToAepId, flow.FlowSpec?.Id);
        Assert.Equal(PartnerFlowSpecId, (await client.FlowSpecs.FindByNameAsync("PartnerFeedToAEP"))?.Id);

        // The sample's schedule starts when it creates the flow, every 15 minutes, and the sample waited for the first run:
        // 25 more simulated minutes make the second (at 15), and both have ended.
        using var admin = new HttpClient { BaseAddress = baseUrl };
        admin.DefaultRequestHeaders.Add("x-emulator-admin-key", adminKey);
        using (var clock = await admin.PostAsync("__emulator/clock", new StringContent("""{ "advanceSeconds": 1500 }""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, clock.StatusCode);
        }

        var runs = new List<FlowRun>();
        await foreach (var run in client.Runs.ListForFlowAsync(flowId))
        {
            runs.Add(run);
        }

        Assert.Equal(2, runs.Count);
        Assert.All(runs, run => Assert.Equal("success", run.Status));

        using var page = await admin.GetAsync("/");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var flows = Section(html, "flows-prod");
        Assert.Contains("Salesforce contacts to the data lake", flows);
        Assert.Contains(flowId, flows);
        Assert.Contains("CRMToAEP", flows);
        Assert.Contains("every 15 minutes", flows);
        var runTable = Section(html, "runs-prod");
        Assert.All(runs, run => Assert.Contains(run.Id, runTable));
        Assert.Contains("success", runTable);
        Assert.Contains("Salesforce base connection", Section(html, "connections-prod"));
        Assert.DoesNotContain("not-a-real-password", html);

        // The round trip: 'aepflow specs pull' with the same printed credentials reads back the spec the folder added.
        var pulled = _temp.Combine("pulled");
        await using (var pull = ChildProcess.Start(Aepflow, environment, "specs", "pull", "--base-url", baseUrl.ToString(), "--out", pulled))
        {
            var pullExit = await pull.WaitForExitAsync(TimeSpan.FromMinutes(1));
            Assert.True(pullExit == 0, $"specs pull exited with {pullExit}:\n{pull.Output}");
        }

        var partner = Assert.Single(Directory.GetFiles(pulled, "*-5f0e1c2d.flowspec.json"));
        Assert.Contains("PartnerFeedToAEP", File.ReadAllText(partner), StringComparison.Ordinal);

        // Ctrl+C stops it cleanly.
        Assert.Equal(0, await emulator.InterruptAsync(TimeSpan.FromSeconds(30)));
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>A folder as <c>aepflow specs pull</c> writes it: CRMToAEP as pulled (same id as the bundled one) and a new flowSpec.</summary>
    private string PulledSpecFolder()
    {
        var folder = _temp.Combine("specs");
        Directory.CreateDirectory(folder);
        var bundled = Directory.GetFiles(Path.Combine(RepoPaths.Specs, "flowspecs"), "*.json")
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!)
            .SelectMany(n => n["items"] is JsonArray items ? items.Select(i => i!) : [n])
            .Single(n => n["id"]?.GetValue<string>() == CrmToAepId);
        File.WriteAllText(Path.Combine(folder, "crm-to-aep-14518937.flowspec.json"), bundled.ToJsonString());
        File.WriteAllText(Path.Combine(folder, "partner-feed-to-aep-5f0e1c2d.flowspec.json"), $$"""
            { "id": "{{PartnerFlowSpecId}}", "name": "PartnerFeedToAEP", "version": "1.0",
              "sourceConnectionSpecIds": ["cfc0fee1-7dc0-40ef-b73e-d8b134c436f5"],
              "targetConnectionSpecIds": ["c604ff05-7f1a-43c0-8e18-33bf874cb11c"] }
            """);
        return folder;
    }

    /// <summary>The variables of the <c>export K=V …</c> lines the emulator prints.</summary>
    private static Dictionary<string, string> ExportedVariables(string printed)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in printed.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("export ", StringComparison.Ordinal)))
        {
            foreach (var pair in line["export ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                variables[pair[..equals]] = pair[(equals + 1)..];
            }
        }

        foreach (var name in new[] { "AEP_BASE_URL", "AEP_TOKEN_ENDPOINT", "AEP_CLIENT_ID", "AEP_CLIENT_SECRET", "AEP_ORG_ID", "AEP_SANDBOX" })
        {
            Assert.True(variables.ContainsKey(name), $"{name} was not printed:\n{printed}");
        }

        return variables;
    }

    private static string SamplePath() =>
        typeof(SampleByUrlTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrmToAepSample").Value
        ?? throw new InvalidOperationException("the test project did not record where the sample was built");

    /// <summary>The HTML of one table section of the dashboard.</summary>
    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id} in the page");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex(@"Admin key +([0-9a-f]+)")]
    private static partial Regex AdminKey();

    [GeneratedRegex(@"^Dataflow id: (\S+)", RegexOptions.Multiline)]
    private static partial Regex SampleFlowId();
}

/// <summary>A <c>dotnet</c> child process with its output collected; killed (with its children) if still running at dispose.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ChildProcess Start(string assembly, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only what the test passes decides where the sample goes.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AEP_", StringComparison.Ordinal) || k == "ASPNETCORE_URLS").ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var child = new ChildProcess(new Process { StartInfo = start });
        child._process.OutputDataReceived += child.Collect;
        child._process.ErrorDataReceived += child.Collect;
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    public async Task<string> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var output = Output;
            if (output.Contains(text, StringComparison.Ordinal))
            {
                return output;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the process exited with {_process.ExitCode} before printing '{text}':\n{output}");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"'{text}' not printed in {timeout}:\n{Output}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the process did not exit in {timeout}:\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>Sends SIGINT (what Ctrl+C sends) and waits for the exit code.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Collect(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is not null)
        {
            lock (_output)
            {
                _output.AppendLine(e.Data);
            }
        }
    }
}
