namespace AepFlow.Packaging.Tests;

/// <summary>
/// The emulator package as a user's test project gets it: a brand-new xunit project that knows AepFlow only through the packed
/// feed references AepFlow.Emulator (with the generator and the client, as the README says), hosts it in-process and creates
/// the CRM tutorial's flow through an <c>AepClient</c> from it, then watches its first scheduled run on the simulated clock.
/// </summary>
[Trait("Category", "Slow")]
[Collection(PackedFeedCollection.Name)]
public sealed class EmulatorConsumerTests(PackedFeed feed)
{
    private const string FlowTest = """
        using AepFlow;
        using AepFlow.ConnectionSpecs;
        using AepFlow.Emulator;
        using AepFlow.FlowSpecs;
        using AepFlow.Requests;
        using AepFlow.Xdm.Standard;

        namespace Consumer;

        public class FlowTests
        {
            [Fact]
            public async Task A_flow_is_created_on_the_in_process_emulator_and_runs_on_its_clock()
            {
                await using var aep = await AepEmulator.StartAsync();
                using var client = aep.CreateClient();

                var schema = await client.Schemas.CreateAsync(new CreateSchemaRequest
                {
                    Title = "Contacts", ClassId = Classes.Profile, FieldGroupIds = [FieldGroups.ProfilePersonDetails, FieldGroups.ProfilePersonalDetails],
                });
                var dataSet = await client.DataSets.CreateAsync(new CreateDataSetRequest { Name = "Contacts", SchemaId = schema.Id });
                BaseConnectionId<Salesforce> account = await client.Connections.CreateAsync(new CreateConnectionRequest<Salesforce>
                {
                    Name = "Salesforce",
                    Auth = new Salesforce.BasicAuthentication { Username = "u@example.com", Password = "pw", SecurityToken = "tok" },
                });
                SourceConnectionId<Salesforce> source = await client.SourceConnections.CreateAsync(new CreateSourceConnectionRequest<Salesforce>
                {
                    Name = "Contacts",
                    BaseConnectionId = account,
                    Params = new Salesforce.SourceParams { TableName = "Contact", Columns = [new Salesforce.Column { Name = "Email", Type = "string" }] },
                });
                TargetConnectionId<DataLake> target = await client.TargetConnections.CreateAsync(new CreateTargetConnectionRequest<DataLake>
                {
                    Name = "Data lake",
                    DataFormat = CreateTargetConnectionRequest.ParquetXdm,
                    Schema = ResourceRefModel.XdmSchema(schema.Id),
                    Params = new DataLake.TargetParams { DataSetId = dataSet.Id },
                });
                var mappingSet = await client.MappingSets.CreateAsync(new CreateMappingSetRequest
                {
                    XdmSchema = schema.Id,
                    Mappings = [new MappingRule("Email", Profile.PersonalEmail.Address)],
                });

                aep.Clock.Freeze();
                var start = aep.Clock.GetUtcNow().AddMinutes(1).ToUnixTimeSeconds();
                var flow = await client.Flows.CreateAsync(new CrmToAep.CreateFlowRequest(source, target, "Contacts to the lake")
                {
                    Copy = new CrmToAep.CopyParams { DeltaColumn = new CrmToAep.DeltaColumn { Name = "updatedAt", DateFormat = "YYYY-MM-DD", Timezone = "UTC" } },
                    Mapping = new CrmToAep.MappingParams { MappingId = mappingSet.Id, MappingVersion = "0" },
                    Schedule = new CrmToAep.ScheduleParams { StartTime = start, Frequency = CrmToAep.Frequency.Minute, Interval = 15 },
                });

                var read = await client.Flows.GetAsync(flow.Id);
                Assert.Equal(CrmToAep.Id, read.FlowSpec?.Id);
                Assert.Equal("Contacts to the lake", read.Name);

                aep.Clock.Advance(TimeSpan.FromMinutes(5));
                var runs = new List<AepFlow.Resources.FlowRun>();
                await foreach (var run in client.Runs.ListForFlowAsync(flow.Id))
                {
                    runs.Add(run);
                }

                Assert.True(Assert.Single(runs).Succeeded);
                // The test runner does not show a test's console output: the outer test reads this file instead.
                File.WriteAllText(Environment.GetEnvironmentVariable("AEPFLOW_CONSUMER_RESULT")!, $"consumer-flow:{flow.Id}");
            }
        }
        """;

    [Fact]
    public async Task A_test_project_referencing_the_emulator_package_hosts_it_and_creates_a_flow()
    {
        var app = feed.NewConsumer("emulator-consumer");
        File.WriteAllText(Path.Combine(app, "emulator-consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <IsPackable>false</IsPackable>
                <IsTestProject>true</IsTestProject>
                <!-- The emulator's own generated types are internal: none may clash with the ones this project generates. -->
                <WarningsAsErrors>CS0436</WarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AepFlow.Emulator" Version="{feed.Version}" />
                <PackageReference Include="AepFlow.Generator" Version="{feed.Version}" />
                <PackageReference Include="AepFlow.Client" Version="{feed.Version}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{PackedFeed.PinnedVersion("Microsoft.NET.Test.Sdk")}" />
                <PackageReference Include="xunit" Version="{PackedFeed.PinnedVersion("xunit")}" />
                <PackageReference Include="xunit.runner.visualstudio" Version="{PackedFeed.PinnedVersion("xunit.runner.visualstudio")}" />
                <Using Include="Xunit" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "FlowTests.cs"), FlowTest);

        var result = Path.Combine(app, "result.txt");
        var environment = new Dictionary<string, string>(feed.Environment) { ["AEPFLOW_CONSUMER_RESULT"] = result };
        var test = await DotNet.RunAsync(app, environment, "test", "-nodeReuse:false", "-p:UseSharedCompilation=false");

        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.True(File.Exists(result), "the consumer's test did not reach its end:\n" + test);
        Assert.Matches(@"^consumer-flow:[0-9a-f-]{36}$", File.ReadAllText(result));
        // The emulator came from the local feed into the throwaway cache, not from a project reference or anywhere else.
        Assert.True(Directory.Exists(Path.Combine(feed.PackageCache, "aepflow.emulator", feed.Version)));
    }
}
