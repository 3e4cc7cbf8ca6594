using System.Text.RegularExpressions;

namespace AepFlow.Packaging.Tests;

/// <summary>
/// A brand-new project that knows AepFlow only through the packed feed: it gets the bundled and its own specs generated, runs
/// validation, and is stopped at build time by AEPF010. This is the experience of a user adding the packages from NuGet.
/// </summary>
[Trait("Category", "Slow")]
[Collection(PackedFeedCollection.Name)]
public sealed class ConsumerTests(PackedFeed feed)
{
    private const string UserFlowSpecId = "5f0e1c2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f";

    /// <summary>The user's own flowSpec: picked up only through the package's automatic AdditionalFiles glob.</summary>
    private const string UserFlowSpec = $$"""
        { "items": [ {
          "id": "{{UserFlowSpecId}}", "name": "PartnerFeedToAEP", "version": "1.0",
          "sourceConnectionSpecIds": ["cfc0fee1-7dc0-40ef-b73e-d8b134c436f5"],
          "targetConnectionSpecIds": ["c604ff05-7f1a-43c0-8e18-33bf874cb11c"],
          "scheduleSpec": { "name": "PeriodicSchedule", "type": "Periodic", "spec": {
            "type": "object", "required": ["startTime", "frequency"],
            "properties": {
              "startTime": { "type": "integer", "description": "Epoch seconds of the first run." },
              "frequency": { "type": "string", "enum": ["hour", "day"] },
              "interval": { "type": "integer", "minimum": 1, "maximum": 24 } } } }
        } ] }
        """;

    private const string RunProgram = """
        using AepFlow.FlowSpecs;

        // Not constants: the compile-time analyzer must not see them, so the run-time validator is what answers.
        var interval = args.Length + 10;
        var schedule = new CrmToAep.ScheduleParams { StartTime = 1700000000, Frequency = CrmToAep.Frequency.Minute, Interval = interval };
        var result = schedule.Validate();
        Console.WriteLine($"bundled:{CrmToAep.Id}:{CrmToAep.Name}");
        Console.WriteLine($"valid:{result.IsValid}");
        foreach (var error in result.Errors)
        {
            Console.WriteLine($"error:{error.Path}:{error.Keyword}:{error.Message}");
        }

        var mine = new PartnerFeedToAep.ScheduleParams { StartTime = 1, Frequency = PartnerFeedToAep.Frequency.Hour, Interval = interval - 8 };
        Console.WriteLine($"user:{PartnerFeedToAep.Id}:{mine.Validate().IsValid}:{(mine with { Interval = interval * 3 }).Validate().IsValid}");
        Console.WriteLine($"catalog:{string.Join(",", FlowSpecCatalog.All.Select(e => e.Name).Order())}");
        Console.WriteLine($"connection:{AepFlow.ConnectionSpecs.Salesforce.Id}");
        """;

    [Fact]
    public async Task Fresh_project_generates_bundled_and_user_specs_and_validates_at_run_time()
    {
        var app = Consumer("run-app", RunProgram, "<AepFlowSpecs>CRMToAEP;salesforce</AepFlowSpecs>");

        var build = await DotNet.RunAsync(app, feed.Environment, "build", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary");
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = await DotNet.RunAsync(app, feed.Environment, "run", "--no-build");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("bundled:14518937-270c-4525-bdec-c2ba7cce3860:CRMToAEP", run.Output, StringComparison.Ordinal);
        Assert.Contains("valid:False", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"error:/interval:\w+:.*15", run.Output);
        Assert.Contains($"user:{UserFlowSpecId}:True:False", run.Output, StringComparison.Ordinal);
        // AepFlowSpecs (';'-separated, as MSBuild lists are) kept one bundled flowSpec and one connectionSpec; user specs are
        // always generated.
        Assert.Contains("catalog:CRMToAEP,PartnerFeedToAEP", run.Output, StringComparison.Ordinal);
        Assert.Contains("connection:cfc0fee1-7dc0-40ef-b73e-d8b134c436f5", run.Output, StringComparison.Ordinal);
        // The packages came from the local feed into the throwaway cache, not from anywhere else.
        Assert.True(Directory.Exists(Path.Combine(feed.PackageCache, "aepflow.generator", feed.Version)));
    }

    [Fact]
    public async Task Minute_interval_5_constant_fails_the_build_with_AEPF010_and_a_hand_listed_flow_file_is_read_once()
    {
        // The flow file is both matched by the package glob and listed by hand: its one error must be reported once.
        var app = Consumer("aepf010-app", BrokenInputs.MinuteInterval5Program, extraItems: """<AdditionalFiles Include="flows/daily.flow.json" />""");
        BrokenInputs.WriteDailyFlowWithInterval10(app);

        var build = await DotNet.RunAsync(app, feed.Environment, "build", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary");

        Assert.NotEqual(0, build.ExitCode);
        var aepf010 = Assert.Single(ErrorLines(build.Output, "AEPF010"));
        Assert.Contains("Program.cs(3,", aepf010, StringComparison.Ordinal);
        Assert.Contains("15", aepf010, StringComparison.Ordinal);
        var aepf020 = Assert.Single(ErrorLines(build.Output, "AEPF020"));
        Assert.Contains("daily.flow.json(6,", aepf020, StringComparison.Ordinal);
    }

    /// <summary>
    /// A cold csc JIT-compiles every generator method it calls, so the package also carries the generator ReadyToRun-compiled
    /// for linux-x64; its targets hand that set to the compiler only on a linux-x64 host with the compiler on .NET, keep the IL
    /// set everywhere else and with <c>AepFlowReadyToRun=false</c>, and the project builds and runs the same either way.
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("<AepFlowReadyToRun>false</AepFlowReadyToRun>")]
    public async Task The_compiler_gets_the_ReadyToRun_generator_only_where_it_applies_and_builds_the_same_with_either(string property)
    {
        var app = Consumer("r2r-app" + (property.Length == 0 ? "" : "-off"), RunProgram, "<AepFlowSpecs>CRMToAEP;salesforce</AepFlowSpecs>" + property);
        var readyToRunHost = OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64;
        var expectReadyToRun = readyToRunHost && property.Length == 0;

        var items = await DotNet.RunAsync(app, feed.Environment, "msbuild", "-restore", "-t:ResolveLockFileAnalyzers", "-getItem:Analyzer", "-nodeReuse:false");
        Assert.True(items.ExitCode == 0, items.ToString());
        var analyzers = items.Output.Replace('\\', '/');
        Assert.Equal(expectReadyToRun, analyzers.Contains("/readytorun/linux-x64/AepFlow.Generator.dll", StringComparison.Ordinal));
        Assert.Equal(!expectReadyToRun, analyzers.Contains("/analyzers/dotnet/cs/AepFlow.Generator.dll", StringComparison.Ordinal));
        // One generator reaches the compiler (a folder named analyzers* would be picked up by the SDK as a second set).
        Assert.Single(Regex.Matches(analyzers, "\"Identity\": \"[^\"]*/AepFlow\\.Generator\\.dll\""));
        // The whole set moves together: the compiler loads an analyzer's dependencies from its own folder.
        Assert.Equal(expectReadyToRun, analyzers.Contains("/readytorun/linux-x64/NSwag.Core.dll", StringComparison.Ordinal));
        if (readyToRunHost)
        {
            var image = Path.Combine(feed.PackageCache, "aepflow.generator", feed.Version, "readytorun", "linux-x64", "AepFlow.Generator.dll");
            using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(image));
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, "the readytorun image carries no ReadyToRun code");
        }

        var build = await DotNet.RunAsync(app, feed.Environment, "build", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary");
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = await DotNet.RunAsync(app, feed.Environment, "run", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("valid:False", run.Output, StringComparison.Ordinal);
        Assert.Contains($"user:{UserFlowSpecId}:True:False", run.Output, StringComparison.Ordinal);
        Assert.Contains("catalog:CRMToAEP,PartnerFeedToAEP", run.Output, StringComparison.Ordinal);
    }

    private string Consumer(string name, string program, string extraProperties = "", string extraItems = "")
    {
        var app = feed.NewApp(name, program, extraProperties, extraItems);
        Directory.CreateDirectory(Path.Combine(app, "specs"));
        File.WriteAllText(Path.Combine(app, "specs", "partner-feed-5f0e1c2d.flowspec.json"), UserFlowSpec);
        return app;
    }

    /// <summary>Distinct error lines for one id (MSBuild may echo a line; the project suffix differs by nothing).</summary>
    private static List<string> ErrorLines(string output, string id) =>
        output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains($"error {id}:", StringComparison.Ordinal)).Distinct().ToList();
}
