using AepFlow.Client.Tests.Infrastructure;
using AepFlow.Emulator;
using AepFlow.Requests;
using AepFlow.Resources;
using AepFlow.Services;
using Xunit.Abstractions;

namespace AepFlow.Client.Tests;

/// <summary>Following a dataflow's runs on the emulator's simulated scheduler, over real loopback HTTP.</summary>
public sealed class EmulatorRunTests(EmulatorFixture fixture, ITestOutputHelper output) : IClassFixture<EmulatorFixture>
{
    private const string SalesforceSpecId = "cfc0fee1-7dc0-40ef-b73e-d8b134c436f5";
    private static readonly AepPollingOptions Fast = new() { InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task A_run_is_followed_to_its_completion_and_its_metrics_are_read()
    {
        fixture.Emulator.Reset();
        fixture.Emulator.Clock.Freeze();
        using var client = new AepClient(fixture.Options());
        var before = fixture.Emulator.Clock.GetUtcNow() - TimeSpan.FromSeconds(1);

        var flow = await CreateFlowAsync(client);
        var next = await client.Flows.WaitForNextRunAsync(flow.Id, before, Fast);
        Assert.Equal(flow.Id, next.FlowId);
        Assert.False(next.IsCompleted);

        var run = await WhileTheClockMoves(client.Runs.WaitForCompletionAsync(next.Id, Fast));

        output.WriteLine($"run {run.Id}: {run.Status}; {run.Metrics}");
        Assert.True(run.Succeeded, run.Status);
        Assert.Equal(100, run.Metrics.RecordsRead);
        Assert.Equal(100, run.Metrics.RecordsWritten);
        Assert.Equal(0, run.Metrics.RecordsFailed);
        Assert.NotNull(run.Metrics.Duration);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public async Task A_failed_run_reports_platform_errors()
    {
        fixture.Emulator.Reset();
        fixture.Emulator.Clock.Freeze();
        fixture.Emulator.InjectRunFault(new RunFaultRule { Count = 1 });
        using var client = new AepClient(fixture.Options());
        var before = fixture.Emulator.Clock.GetUtcNow() - TimeSpan.FromSeconds(1);

        var flow = await CreateFlowAsync(client);
        var next = await client.Flows.WaitForNextRunAsync(flow.Id, before, Fast);
        var run = await WhileTheClockMoves(client.Runs.WaitForCompletionAsync(next.Id, Fast));

        output.WriteLine($"run {run.Id}: {run.Status}; {run.Metrics}; {string.Join("; ", run.Errors)}");
        Assert.True(run.IsCompleted);
        Assert.False(run.Succeeded);
        Assert.NotEmpty(run.Errors);
        Assert.All(run.Errors, e => Assert.False(string.IsNullOrEmpty(e.Code)));
    }

    private async Task<FlowRun> WhileTheClockMoves(Task<FlowRun> wait)
    {
        // Bounded: at most 400 steps of 5 simulated seconds.
        for (var i = 0; i < 400 && !wait.IsCompleted; i++)
        {
            fixture.Emulator.Clock.Advance(TimeSpan.FromSeconds(5));
            await Task.WhenAny(wait, Task.Delay(25));
        }

        return await wait;
    }

    internal static async Task<CreatedResource> CreateFlowAsync(AepClient client)
    {
        var schema = await client.Schemas.CreateAsync(new CreateSchemaRequest
        {
            Title = "CRM contacts",
            ClassId = CreateSchemaRequest.ProfileClass,
            FieldGroupIds = ["https://ns.adobe.com/xdm/context/profile-person-details"],
        });
        var dataSet = await client.DataSets.CreateAsync(new CreateDataSetRequest { Name = "CRM contacts", SchemaId = schema.Id });
        var baseConnection = await client.Connections.CreateAsync(new CreateConnectionRequest
        {
            Name = "Salesforce account",
            ConnectionSpec = new ResourceRefModel(SalesforceSpecId, "1.0"),
            AuthSpecName = "Basic Authentication",
            AuthParams = RawJson.Object(("username", "crm@example.com"), ("password", "pw"), ("securityToken", "tok")),
        });
        var source = await client.SourceConnections.CreateAsync(new CreateSourceConnectionRequest
        {
            Name = "Salesforce contacts",
            BaseConnectionId = baseConnection.Id,
            ConnectionSpec = new ResourceRefModel(SalesforceSpecId, "1.0"),
            DataFormat = "tabular",
            Params = RawJson.Parse("""{"tableName":"Contact","columns":[{"name":"first_name","type":"string"}]}"""),
        });
        var target = await client.TargetConnections.CreateAsync(new CreateTargetConnectionRequest
        {
            Name = "Data lake",
            ConnectionSpec = CreateTargetConnectionRequest.DataLake,
            DataFormat = "parquet_xdm",
            Schema = new ResourceRefModel(schema.Id, "application/vnd.adobe.xed-full+json;version=1"),
            Params = RawJson.Object(("dataSetId", dataSet.Id)),
        });
        var mappingSet = await client.MappingSets.CreateAsync(new CreateMappingSetRequest
        {
            XdmSchema = schema.Id,
            Mappings = [new MappingRule("first_name", "person.name.firstName")],
        });
        return await client.Flows.CreateAsync(new TutorialFlowRequest
        {
            Name = "CRM contacts to the data lake",
            SourceConnectionId = source.Id,
            TargetConnectionId = target.Id,
            MappingId = mappingSet.Id,
            MappingVersion = mappingSet.Version ?? 0,
        });
    }
}
