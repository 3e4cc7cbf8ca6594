namespace AepFlow.Packaging.Tests;

/// <summary>
/// The package's targets reference <c>precompiled/&lt;tfm&gt;/AepFlow.Specs.dll</c> instead of generating the bundled specs exactly
/// where that gives the same types: an application with the default namespace and accessibility, every bundled spec
/// available and no spec file of its own. There it builds, runs and is checked at build time as a generating build is; every
/// other project keeps generating what it names.
/// </summary>
[Trait("Category", "Slow")]
[Collection(PackedFeedCollection.Name)]
public sealed class PrecompiledConsumerTests(PackedFeed feed)
{
    private const string Program = """
        using AepFlow.ConnectionSpecs;
        using AepFlow.FlowSpecs;

        // Not a constant: the run-time validator answers, not the analyzer.
        var interval = args.Length + 10;
        var schedule = new CrmToAep.ScheduleParams { StartTime = 1700000000, Frequency = CrmToAep.Frequency.Minute, Interval = interval };
        var auth = new Salesforce.BasicAuthentication { Username = "user", Password = "secret", SecurityToken = "token" };
        Console.WriteLine($"valid:{schedule.Validate().IsValid}:{auth.Validate().IsValid}");
        Console.WriteLine($"printed:{auth}");
        Console.WriteLine($"json:{System.Text.Json.JsonSerializer.Serialize(schedule with { Interval = 15 }, AepFlowJsonContext.Default.CrmToAepScheduleParams)}");
        Console.WriteLine($"catalog:{FlowSpecCatalog.All.Count}");
        Console.WriteLine($"xdm:{AepFlow.Xdm.Standard.Classes.Profile}");
        """;

    [Fact]
    public async Task An_application_with_default_options_uses_the_precompiled_specs_runs_and_generates_none()
    {
        var app = Consumer("precompiled-app", Program);
        var generated = Path.Combine(app, "generated");

        var build = await DotNet.RunAsync(app, feed.Environment, "build", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary",
            "-p:EmitCompilerGeneratedFiles=true", $"-p:CompilerGeneratedFilesOutputPath={generated}");
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = await DotNet.RunAsync(app, feed.Environment, "run", "--no-build");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("valid:False:True", run.Output, StringComparison.Ordinal);
        Assert.Contains("Password = ***", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"interval\":15", run.Output, StringComparison.Ordinal);
        Assert.Contains("catalog:5", run.Output, StringComparison.Ordinal);
        Assert.Contains("xdm:https://ns.adobe.com/xdm/context/profile", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(app, "bin", "Debug", "net10.0", "AepFlow.Specs.dll")));
        var aepFlowFiles = Directory.Exists(generated)
            ? Directory.GetFiles(generated, "*.cs", SearchOption.AllDirectories).Where(f => f.Contains("AepFlow.Generator", StringComparison.Ordinal)).ToArray()
            : [];
        Assert.Empty(aepFlowFiles);
    }

    [Fact]
    public async Task Constants_and_flow_files_are_checked_against_the_precompiled_specs()
    {
        var app = Consumer("precompiled-aepf010", BrokenInputs.MinuteInterval5Program);
        BrokenInputs.WriteDailyFlowWithInterval10(app);

        Assert.Equal(["net10.0"], await PrecompiledReference(app));
        var build = await DotNet.RunAsync(app, feed.Environment, "build", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"Program\.cs\(3,\d+\): error AEPF010:.*15", build.Output);
        Assert.Matches(@"daily\.flow\.json\(6,\d+\): error AEPF020", build.Output);
    }

    /// <summary>Where the precompiled types would not be what the build generates, the build generates (none is referenced).</summary>
    [Theory]
    [InlineData("library", "<OutputType>Library</OutputType>", "")]
    [InlineData("opt-out", "<AepFlowPrecompiledSpecs>false</AepFlowPrecompiledSpecs>", "")]
    [InlineData("namespace", "<AepFlowNamespace>Contoso.Aep</AepFlowNamespace>", "")]
    [InlineData("internal", "<AepFlowGeneratedAccessibility>internal</AepFlowGeneratedAccessibility>", "")]
    [InlineData("selected", "<AepFlowSpecs>CRMToAEP</AepFlowSpecs>", "")]
    [InlineData("no-bundled", "<AepFlowIncludeBundledSpecs>false</AepFlowIncludeBundledSpecs>", "")]
    [InlineData("own-spec", "", "specs/mine.connectionspec.json")]
    public async Task Other_projects_generate_instead(string name, string property, string ownSpec)
    {
        var app = Consumer("generating-" + name, "Console.WriteLine(\"ok\");", property);
        if (ownSpec.Length > 0)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(app, ownSpec))!);
            File.WriteAllText(Path.Combine(app, ownSpec), """{ "id": "99999999-9999-4999-8999-999999999999", "name": "mine", "providerId": "p", "authSpec": [] }""");
        }

        Assert.Empty(await PrecompiledReference(app));
    }

    /// <summary>
    /// Pulling a spec into the project (as <c>aepflow specs pull</c> does) moves the next build to generating: the user's spec and
    /// the bundled ones the code names are generated, the precompiled assembly is no longer referenced, and the app still runs.
    /// </summary>
    [Fact]
    public async Task An_application_that_gains_a_spec_file_generates_from_its_next_build()
    {
        var app = Consumer("precompiled-then-own", Program);
        var first = await DotNet.RunAsync(app, feed.Environment, "build", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary");
        Assert.True(first.ExitCode == 0, first.ToString());

        Directory.CreateDirectory(Path.Combine(app, "specs"));
        File.WriteAllText(Path.Combine(app, "specs", "mine.connectionspec.json"), """{ "id": "99999999-9999-4999-8999-999999999999", "name": "mine", "providerId": "p", "authSpec": [] }""");
        File.AppendAllText(Path.Combine(app, "Program.cs"), "\nConsole.WriteLine($\"mine:{AepFlow.ConnectionSpecs.Mine.Id}\");\n");

        Assert.Empty(await PrecompiledReference(app));
        var second = await DotNet.RunAsync(app, feed.Environment, "build", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary");
        Assert.True(second.ExitCode == 0, second.ToString());
        var run = await DotNet.RunAsync(app, feed.Environment, "run", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("valid:False:True", run.Output, StringComparison.Ordinal);
        Assert.Contains("mine:99999999-9999-4999-8999-999999999999", run.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A library that generated the bundled types publicly, referenced by an application that gets them precompiled: the
    /// build says so once (AEPF009) before any CS0433.
    /// </summary>
    [Fact]
    public async Task A_referenced_library_with_public_generated_types_is_AEPF009()
    {
        var library = Consumer("clash-lib", "", "<OutputType>Library</OutputType>");
        File.Delete(Path.Combine(library, "Program.cs"));
        File.WriteAllText(Path.Combine(library, "Helpers.cs"), "public static class Helpers { public static string Id => AepFlow.FlowSpecs.CrmToAep.Id; }");
        var app = Consumer("clash-app", "Console.WriteLine(Helpers.Id);");
        File.WriteAllText(Path.Combine(app, "clash-app.csproj"), File.ReadAllText(Path.Combine(app, "clash-app.csproj"))
            .Replace("</Project>", $"""<ItemGroup><ProjectReference Include="{Path.Combine(library, "clash-lib.csproj")}" /></ItemGroup></Project>""", StringComparison.Ordinal));

        var build = await DotNet.RunAsync(app, feed.Environment, "build", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("warning AEPF009: 'clash-lib' also defines AepFlow.FlowSpecs.FlowSpecCatalog", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_net8_application_gets_the_net8_build()
    {
        var app = Consumer("precompiled-net8", "Console.WriteLine(\"ok\");", targetFramework: "net8.0");

        Assert.Equal(["net8.0"], await PrecompiledReference(app));
    }

    /// <summary>The frameworks of the precompiled AepFlow.Specs.dll the project's references resolve to (none, or one).</summary>
    private async Task<string[]> PrecompiledReference(string app)
    {
        var items = await DotNet.RunAsync(app, feed.Environment, "msbuild", "-restore", "-t:ResolveAssemblyReferences", "-getItem:ReferencePath", "-nodeReuse:false");
        Assert.True(items.ExitCode == 0, items.ToString());
        return [.. System.Text.RegularExpressions.Regex.Matches(items.Output.Replace('\\', '/'), "/precompiled/([^/\"]+)/AepFlow\\.Specs\\.dll").Select(m => m.Groups[1].Value).Distinct()];
    }

    private string Consumer(string name, string program, string extraProperties = "", string targetFramework = "net10.0") =>
        feed.NewApp(name, program, extraProperties, targetFramework: targetFramework);
}
