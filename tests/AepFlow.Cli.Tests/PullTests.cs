using System.Text;
using System.Text.Json;
using AepFlow.Cli.Json;
using AepFlow.Emulator;

namespace AepFlow.Cli.Tests;

/// <summary><c>aepflow specs pull</c> against the in-process emulator, which serves the bundled specs in pages.</summary>
public sealed class PullTests : IAsyncLifetime
{
    private AepEmulator _emulator = null!;
    private readonly TempFolder _temp = new();

    public async Task InitializeAsync() =>
        // Pages of 3 make both lists span several pages, so following _links.next is exercised.
        // Relaxed credentials: pull sends a fixed token to --base-url when no AEP_CLIENT_SECRET is set.
        _emulator = await AepEmulator.StartAsync(new EmulatorOptions { Port = 0, DefaultPageSize = 3, AcceptAnyCredentials = true });

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _temp.Dispose();
    }

    private Task<CliRun> PullAsync(string outDir, params string[] more) =>
        CliRun.RunAsync(["specs", "pull", "--base-url", _emulator.BaseAddress.ToString(), "--out", outDir, "--retries", "0", .. more]);

    [Fact]
    public async Task Pull_writes_every_spec_the_emulator_serves_under_stable_names_following_pages()
    {
        var outDir = _temp.Combine("specs");

        var run = await PullAsync(outDir);

        Assert.True(run.ExitCode == 0, run.ToString());
        var bundledFlow = BundledIds("flowspecs");
        var bundledConnection = BundledIds("connectionspecs");
        var pulledFlow = PulledIds(outDir, "*.flowspec.json");
        var pulledConnection = PulledIds(outDir, "*.connectionspec.json");
        Assert.Equal(bundledFlow.Keys.Order(), pulledFlow.Keys.Order());
        Assert.Equal(bundledConnection.Keys.Order(), pulledConnection.Keys.Order());

        // Same stem convention as the bundled specs folder: <kebab name>-<first 8 of id>.
        Assert.True(File.Exists(Path.Combine(outDir, "crm-to-aep-14518937.flowspec.json")));
        Assert.True(File.Exists(Path.Combine(outDir, "salesforce-cfc0fee1.connectionspec.json")));
        Assert.True(File.Exists(Path.Combine(outDir, "stream-data-with-optional-transformation-d69717ba.flowspec.json")));

        // The pulled schemas are the served ones, member for member.
        foreach (var (id, path) in pulledFlow)
        {
            var pulled = Item(path);
            var bundled = Item(bundledFlow[id]);
            foreach (var member in new[] { "name", "transformationSpecs", "scheduleSpec", "sourceConnectionSpecIds", "targetConnectionSpecIds" })
            {
                Assert.Equal(Compact(bundled, member), Compact(pulled, member));
            }
        }

        var listCalls = _emulator.Requests.Snapshot().Where(r => r.Path.EndsWith("/flowSpecs", StringComparison.Ordinal)).ToList();
        Assert.True(listCalls.Count >= 2, $"expected several pages of /flowSpecs, got {listCalls.Count} request(s)");
        Assert.Contains("flowSpecs", run.Error, StringComparison.Ordinal); // progress went to stderr
    }

    [Fact]
    public async Task Written_files_are_canonical_sorted_keys_two_space_indent_lf_and_trailing_newline()
    {
        var outDir = _temp.Combine("specs");
        Assert.Equal(0, (await PullAsync(outDir)).ExitCode);

        var bytes = File.ReadAllBytes(Path.Combine(outDir, "crm-to-aep-14518937.flowspec.json"));
        var text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"items\": [\n    {\n      \"id\": \"14518937-270c-4525-bdec-c2ba7cce3860\",\n      \"name\": \"CRMToAEP\",", text, StringComparison.Ordinal);

        // Below the spec's identity members every object's keys are in ordinal order; arrays keep their order.
        using var document = JsonDocument.Parse(bytes);
        AssertSorted(document.RootElement.GetProperty("items")[0].GetProperty("scheduleSpec"));
        Assert.Equal(bytes, CanonicalJson.ToUtf8(document.RootElement, ["id", "name", "providerId", "version", "description"], 2));
    }

    [Fact]
    public async Task A_second_pull_changes_nothing_not_even_timestamps()
    {
        var outDir = _temp.Combine("specs");
        Assert.Equal(0, (await PullAsync(outDir)).ExitCode);
        var first = TempFolder.Snapshot(outDir);
        var times = Directory.EnumerateFiles(outDir).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var second = await PullAsync(outDir);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("up to date", second.Out, StringComparison.Ordinal);
        Assert.Equal(first, TempFolder.Snapshot(outDir));
        Assert.All(times, t => Assert.Equal(t.Value, File.GetLastWriteTimeUtc(t.Key)));
    }

    [Fact]
    public async Task Pull_keeps_other_files_replaces_changed_specs_and_removes_specs_the_sandbox_no_longer_has()
    {
        var outDir = _temp.Combine("specs");
        Assert.Equal(0, (await PullAsync(outDir)).ExitCode);
        var expected = TempFolder.Snapshot(outDir);
        File.WriteAllText(Path.Combine(outDir, "README.md"), "notes\n");
        File.WriteAllText(Path.Combine(outDir, "gone-12345678.flowspec.json"), "{\"id\":\"12345678\"}\n");
        File.WriteAllText(Path.Combine(outDir, "crm-to-aep-14518937.flowspec.json"), "{}\n");

        var run = await PullAsync(outDir);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("removed  gone-12345678.flowspec.json", run.Out, StringComparison.Ordinal);
        Assert.Contains("changed  crm-to-aep-14518937.flowspec.json", run.Out, StringComparison.Ordinal);
        var after = TempFolder.Snapshot(outDir);
        Assert.Equal("notes\n", Encoding.UTF8.GetString(after["README.md"]));
        after.Remove("README.md");
        Assert.Equal(expected, after);
        Assert.Single(Directory.EnumerateFileSystemEntries(_temp.Path)); // no staging or backup folder left behind
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_pull_that_fails_part_way_leaves_the_folder_exactly_as_it_was(bool dropConnection)
    {
        var outDir = _temp.Combine("specs");
        Assert.Equal(0, (await PullAsync(outDir)).ExitCode);
        File.WriteAllText(Path.Combine(outDir, "crm-to-aep-14518937.flowspec.json"), "{\"stale\":true}\n");
        File.WriteAllText(Path.Combine(outDir, "gone-12345678.flowspec.json"), "{}\n");
        var before = TempFolder.Snapshot(outDir);

        // Every flowSpec page succeeds, then every connectionSpecs request fails: the pull dies half-way through.
        const string connectionSpecs = "/data/foundation/flowservice/connectionSpecs";
        if (dropConnection)
        {
            _emulator.Faults.DropConnections(count: 0, pathPrefix: connectionSpecs);
        }
        else
        {
            _emulator.Faults.InjectStatus(500, count: 0, pathPrefix: connectionSpecs);
        }

        var run = await PullAsync(outDir);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("left unchanged", run.Error, StringComparison.Ordinal);
        Assert.Contains(_emulator.Requests.Snapshot(), r => r.Path.EndsWith("/flowSpecs", StringComparison.Ordinal));
        Assert.Equal(before, TempFolder.Snapshot(outDir));
        Assert.Single(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task A_failed_first_pull_creates_no_folder()
    {
        var outDir = _temp.Combine("never");
        _emulator.Faults.InjectStatus(500, count: 0, pathPrefix: "/data/foundation/flowservice/connectionSpecs");

        var run = await PullAsync(outDir);

        Assert.Equal(1, run.ExitCode);
        Assert.False(Directory.Exists(outDir));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task Bad_arguments_are_usage_errors()
    {
        Assert.Equal(2, (await CliRun.RunAsync("specs", "pull", "--page-size", "0", "--base-url", "http://127.0.0.1:1/")).ExitCode);
        Assert.Equal(2, (await CliRun.RunAsync("specs", "pull", "--no-such-option")).ExitCode);
        if (!AepClientOptions.EnvironmentHasCredentials())
        {
            var run = await CliRun.RunAsync("specs", "pull", "--out", _temp.Combine("x"));
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("AEP_CLIENT_ID", run.Error, StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string> BundledIds(string folder) =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Specs, folder), "*.json").ToDictionary(f => Item(f).GetProperty("id").GetString()!, f => f);

    private static Dictionary<string, string> PulledIds(string folder, string pattern) =>
        Directory.EnumerateFiles(folder, pattern).ToDictionary(f => Item(f).GetProperty("id").GetString()!, f => f);

    private static JsonElement Item(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        return (root.TryGetProperty("items", out var items) ? items[0] : root).Clone();
    }

    private static string Compact(JsonElement spec, string member) =>
        spec.TryGetProperty(member, out var value) ? CanonicalJson.ToCompactText(value) : "(absent)";

    private static void AssertSorted(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            var names = value.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
            foreach (var property in value.EnumerateObject())
            {
                AssertSorted(property.Value);
            }
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                AssertSorted(item);
            }
        }
    }
}
