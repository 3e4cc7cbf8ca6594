using System.Net;
using AepFlow.Client.Tests.Infrastructure;
using AepFlow.Paging;
using AepFlow.Requests;
using AepFlow.Resources;

namespace AepFlow.Client.Tests;

/// <summary>The client against the emulator over real loopback HTTP: the CRM tutorial end to end, and its failure modes.</summary>
public sealed class EmulatorTutorialTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string SalesforceSpecId = "cfc0fee1-7dc0-40ef-b73e-d8b134c436f5";
    private const string CrmToAepId = "14518937-270c-4525-bdec-c2ba7cce3860";

    [Fact]
    public async Task The_crm_tutorial_chain_runs_end_to_end()
    {
        fixture.Emulator.Reset();
        using var client = new AepClient(fixture.Options());

        var schema = await client.Schemas.CreateAsync(new CreateSchemaRequest
        {
            Title = "CRM contacts",
            ClassId = CreateSchemaRequest.ProfileClass,
            FieldGroupIds = ["https://ns.adobe.com/xdm/context/profile-person-details"],
        });
        var readSchema = await client.Schemas.GetAsync(schema.Id);
        Assert.Equal(schema.Id, readSchema.Id);
        Assert.Equal("CRM contacts", readSchema.Title);

        var dataSet = await client.DataSets.CreateAsync(new CreateDataSetRequest { Name = "CRM contacts", SchemaId = schema.Id });
        Assert.Equal(schema.Id, (await client.DataSets.GetAsync(dataSet.Id)).SchemaId);

        var salesforce = await client.ConnectionSpecs.GetAsync(SalesforceSpecId);
        Assert.Equal("salesforce", salesforce.Name, ignoreCase: true);

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
        Assert.Equal(baseConnection.Id, (await client.SourceConnections.GetAsync(source.Id)).BaseConnectionId);
        Assert.Contains(await ToListAsync(client.SourceConnections.ListAsync()), c => c.Id == source.Id);

        var target = await client.TargetConnections.CreateAsync(new CreateTargetConnectionRequest
        {
            Name = "Data lake",
            ConnectionSpec = CreateTargetConnectionRequest.DataLake,
            DataFormat = "parquet_xdm",
            Schema = new ResourceRefModel(schema.Id, "application/vnd.adobe.xed-full+json;version=1"),
            Params = RawJson.Object(("dataSetId", dataSet.Id)),
        });
        Assert.Equal(CreateTargetConnectionRequest.DataLake.Id, (await client.TargetConnections.GetAsync(target.Id)).ConnectionSpec!.Id);

        var mappingSet = await client.MappingSets.CreateAsync(new CreateMappingSetRequest
        {
            XdmSchema = schema.Id,
            Mappings = [new MappingRule("first_name", "person.name.firstName")],
        });
        Assert.Equal(mappingSet.Id, (await client.MappingSets.GetAsync(mappingSet.Id)).Id);

        var flowSpec = await client.FlowSpecs.FindByNameAsync("CRMToAEP");
        Assert.Equal(CrmToAepId, flowSpec!.Id);
        Assert.Contains(SalesforceSpecId, flowSpec.SourceConnectionSpecIds);

        var flow = await client.Flows.CreateAsync(new TutorialFlowRequest
        {
            Name = "CRM contacts to the data lake",
            SourceConnectionId = source.Id,
            TargetConnectionId = target.Id,
            MappingId = mappingSet.Id,
            MappingVersion = mappingSet.Version ?? 0,
        });
        Assert.NotNull(flow.Etag);

        var read = await client.Flows.GetAsync(flow.Id);
        Assert.Equal(CrmToAepId, read.FlowSpec!.Id);
        Assert.Equal([source.Id], read.SourceConnectionIds);
        Assert.Equal([target.Id], read.TargetConnectionIds);

        var listed = await ToListAsync(client.Flows.ListAsync(ListQuery.Where(PropertyFilter.Equal("flowSpec.id", CrmToAepId))));
        Assert.Contains(listed, f => f.Id == flow.Id);

        var patched = await client.Flows.PatchAsync(flow.Id, read.Etag!, [JsonPatchOperation.Replace("/name", "renamed")]);
        Assert.NotEqual(read.Etag, patched.Etag);
        Assert.Equal("renamed", (await client.Flows.GetAsync(flow.Id)).Name);

        var disabled = await client.Flows.DisableAsync(flow.Id);
        Assert.Equal("disabled", (await client.Flows.GetAsync(flow.Id)).State);
        Assert.NotEqual(patched.Etag, disabled.Etag);
        await client.Flows.EnableAsync(flow.Id);
        Assert.Equal("enabled", (await client.Flows.GetAsync(flow.Id)).State);

        var runs = await ToListAsync(client.Runs.ListForFlowAsync(flow.Id));
        Assert.All(runs, r => Assert.Equal(flow.Id, r.FlowId));

        await client.Flows.DeleteAsync(flow.Id);
        var gone = await Assert.ThrowsAsync<AepApiException>(() => client.Flows.GetAsync(flow.Id));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(1, fixture.Emulator.IssuedTokenCount);
    }

    [Fact]
    public async Task The_adobe_headers_reach_the_server()
    {
        fixture.Emulator.Reset();
        using var client = new AepClient(fixture.Options());

        await client.FlowSpecs.GetAsync(CrmToAepId);

        var request = Assert.Single(fixture.Emulator.Requests.Snapshot(), r => r.Path.EndsWith("/flowSpecs/" + CrmToAepId, StringComparison.Ordinal));
        Assert.Equal(EmulatorFixture.ClientId, request.Headers["x-api-key"]);
        Assert.Equal("LOOPBACK@AdobeOrg", request.Headers["x-gw-ims-org-id"]);
        Assert.Equal("loopback", request.Sandbox);
        Assert.StartsWith("Bearer", request.Headers["Authorization"]);
        Assert.Equal(200, request.StatusCode);
    }

    [Fact]
    public async Task An_invalid_flow_never_reaches_the_server()
    {
        fixture.Emulator.Reset();
        using var client = new AepClient(fixture.Options());

        var ex = await Assert.ThrowsAsync<AepValidationException>(() => client.Flows.CreateAsync(new TutorialFlowRequest
        {
            Name = "bad", SourceConnectionId = "s", TargetConnectionId = "t", MappingId = "m", Interval = 10,
        }));

        Assert.Equal("/scheduleParams/interval", Assert.Single(ex.Errors).Path);
        Assert.Empty(fixture.Emulator.Requests.Snapshot());
    }

    [Fact]
    public async Task Lists_page_through_the_emulator()
    {
        fixture.Emulator.Reset();
        using var client = new AepClient(fixture.Options());
        for (var i = 0; i < 5; i++)
        {
            await client.SourceConnections.CreateAsync(new CreateSourceConnectionRequest
            {
                Name = "paged " + i,
                ConnectionSpec = new ResourceRefModel(SalesforceSpecId, "1.0"),
            });
        }

        var all = await ToListAsync(client.SourceConnections.ListAsync(ListQuery.Where(PropertyFilter.Exists("name")).WithPageSize(2)));

        Assert.Equal(5, all.Count);
        Assert.Equal(5, all.Select(c => c.Id).Distinct().Count());
        Assert.Equal(3, fixture.Emulator.Requests.Snapshot().Count(r => r.Method == "GET" && r.Path.EndsWith("/sourceConnections", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_stale_etag_is_a_concurrency_exception_with_the_etag_shape()
    {
        fixture.Emulator.Reset();
        using var client = new AepClient(fixture.Options());
        var created = await client.SourceConnections.CreateAsync(new CreateSourceConnectionRequest
        {
            Name = "etag test",
            ConnectionSpec = new ResourceRefModel(SalesforceSpecId, "1.0"),
        });
        await client.SourceConnections.PatchAsync(created.Id, created.Etag!, [JsonPatchOperation.Replace("/name", "first")]);

        var ex = await Assert.ThrowsAsync<AepConcurrencyException>(() =>
            client.SourceConnections.PatchAsync(created.Id, created.Etag!, [JsonPatchOperation.Replace("/name", "second")]));

        Assert.Equal(HttpStatusCode.PreconditionFailed, ex.StatusCode);
        Assert.Contains("does not match", ex.Detail);
    }

    [Fact]
    public async Task Gateway_and_service_error_shapes_are_parsed_from_the_emulator()
    {
        fixture.Emulator.Reset();
        var options = fixture.Options();
        options.AccessToken = "a-token-the-emulator-never-issued";
        using (var unauthorized = new AepClient(options))
        {
            var gateway = await Assert.ThrowsAsync<AepApiException>(() => unauthorized.FlowSpecs.GetAsync(CrmToAepId));
            Assert.Equal(HttpStatusCode.Unauthorized, gateway.StatusCode);
            Assert.Equal("401013", gateway.ErrorCode);
            Assert.DoesNotContain(options.AccessToken, gateway.Message);
        }

        using var client = new AepClient(fixture.Options());
        var service = await Assert.ThrowsAsync<AepApiException>(() => client.TargetConnections.CreateAsync(new CreateTargetConnectionRequest
        {
            Name = "points nowhere",
            ConnectionSpec = CreateTargetConnectionRequest.DataLake,
            Params = RawJson.Object(("dataSetId", "no-such-dataset")),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, service.StatusCode);
        Assert.NotNull(service.ErrorCode);
        Assert.NotNull(service.Title);
        Assert.Contains("dataSetId", service.Report?.GetRawText() ?? service.Detail ?? service.Message);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
