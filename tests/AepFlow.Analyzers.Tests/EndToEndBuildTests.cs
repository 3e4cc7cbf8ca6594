using System.Diagnostics;

namespace AepFlow.Analyzers.Tests;

/// <summary>
/// Builds a small consumer project with <c>dotnet build</c>, the generator loaded as an analyzer exactly as a package would load
/// it, and checks the compiler output lines (<c>file(line,col): error AEPF0xx</c>); then fixes the values and expects a clean build.
/// </summary>
public class EndToEndBuildTests
{
    private const string UserFlowSpec = """
        { "id": "11111111-2222-3333-4444-555555555555", "name": "AcmeToAEP", "version": "1.0",
          "sourceConnectionSpecIds": ["cfc0fee1-7dc0-40ef-b73e-d8b134c436f5"],
          "targetConnectionSpecIds": ["c604ff05-7f1a-43c0-8e18-33bf874cb11c"],
          "scheduleSpec": { "name": "Hourly", "spec": { "type": "object",
            "properties": { "startTime": { "type": "integer" }, "interval": { "type": "integer", "minimum": 1, "maximum": 12 } },
            "required": ["startTime"] } } }
        """;

    private const string Xdm = """
        { "$id": "https://ns.adobe.com/acme/schemas/0123", "title": "Acme Profile", "type": "object",
          "properties": { "person": { "type": "object", "properties": { "name": { "type": "object",
            "properties": { "firstName": { "type": "string" }, "lastName": { "type": "string" } } } } } } }
        """;

    private static string Program(int interval, string mappingId, int acmeInterval) => $$"""
        using AepFlow.FlowSpecs;
        public static class Flows
        {
            public static object Schedule() =>
                new CrmToAep.ScheduleParams { StartTime = 1, Frequency = CrmToAep.Frequency.Minute, Interval = {{interval}} };
            public static object Mapping() => new CrmToAep.MappingParams { MappingId = "{{mappingId}}" };
            public static object Acme() => new AcmeToAep.ScheduleParams { StartTime = 1, Interval = {{acmeInterval}} };
        }
        """;

    private static string FlowFile(string interval) => $$"""
        {
          "name": "Daily",
          "flowSpec": { "id": "9753525b-82c7-4dce-8a9b-5ccfce2b9876", "version": "1.0" },
          "sourceConnectionIds": ["a"],
          "targetConnectionIds": ["b"],
          "scheduleParams": { "startTime": 1597784298, "frequency": "minute", "interval": {{interval}} }
        }
        """;

    private static string MappingFile(string destination) => $$"""
        {
          "outputSchema": { "schemaRef": { "id": "https://ns.adobe.com/acme/schemas/0123" } },
          "mappings": [ { "sourceType": "ATTRIBUTE", "source": "first", "destination": "{{destination}}" } ]
        }
        """;

    [Fact]
    [Trait("Category", "EndToEnd")]
    public void Dotnet_build_fails_at_each_mistake_and_passes_once_fixed()
    {
        string dir = Path.Combine(Path.GetTempPath(), "aepflow-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string bin = AppContext.BaseDirectory;
            string build = Path.Combine(Harness.RepoRoot, "src", "AepFlow.Generator", "build");
            File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), $$"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <Import Project="{{build}}/AepFlow.Generator.props" />
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <UseSharedCompilation>false</UseSharedCompilation>
                  </PropertyGroup>
                  <ItemGroup>
                    <!-- The generator and client as this test run built them, loaded the way a package would load them. -->
                    <Analyzer Include="{{bin}}AepFlow.Generator.dll" />
                    <Reference Include="{{bin}}AepFlow.Client.dll" />
                  </ItemGroup>
                  <Import Project="{{build}}/AepFlow.Generator.targets" />
                </Project>
                """);
            File.WriteAllText(Path.Combine(dir, "acme.flowspec.json"), UserFlowSpec);
            File.WriteAllText(Path.Combine(dir, "profile.xdm.json"), Xdm);
            File.WriteAllText(Path.Combine(dir, "Program.cs"), Program(10, "7409d3017e24a3eb4a2dc21020f7a5b", 24));
            File.WriteAllText(Path.Combine(dir, "daily.flow.json"), FlowFile("\"30\""));
            File.WriteAllText(Path.Combine(dir, "names.mapping.json"), MappingFile("person.name.fristName"));

            var (exit, output) = DotnetBuild(dir);

            Assert.NotEqual(0, exit);
            Assert.Contains("Program.cs(5,104): error AEPF010: interval must be at least 15 when frequency is minute, not 10", output);
            Assert.Contains("Program.cs(6,80): error AEPF012: mappingId \"7409d3017e24a3eb4a2dc21020f7a5b\" is 31 characters long", output);
            Assert.Contains("Program.cs(7,93): error AEPF011: interval must be at most 12, not 24", output);
            Assert.Contains("daily.flow.json(6,83): error AEPF020: interval must be an integer, not a string (\"30\")", output);
            Assert.Contains("names.mapping.json(3,80): error AEPF022: Destination \"person.name.fristName\" is not a field of XDM schema Acme Profile", output);

            File.WriteAllText(Path.Combine(dir, "Program.cs"), Program(15, "0b090130b58b4819afc78b6dc98b484d", 12));
            File.WriteAllText(Path.Combine(dir, "daily.flow.json"), FlowFile("30"));
            File.WriteAllText(Path.Combine(dir, "names.mapping.json"), MappingFile("person.name.firstName"));

            (exit, output) = DotnetBuild(dir);

            Assert.True(exit == 0, output);
            Assert.DoesNotContain("AEPF", output);
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static (int ExitCode, string Output) DotnetBuild(string dir)
    {
        var start = new ProcessStartInfo("dotnet", "build -nologo -v:q -p:TreatWarningsAsErrors=false -nodeReuse:false")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build did not finish in 4 minutes:\n" + stdout);
        }

        return (process.ExitCode, stdout + stderr.Result);
    }
}
