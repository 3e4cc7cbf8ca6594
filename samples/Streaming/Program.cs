// The streaming sources tutorial as typed C#: an HTTP API streaming source into the data lake under the
// "Stream data with optional transformation" flowSpec, with a mapping and no schedule (streaming flows run continuously).
// Runs on the in-process emulator unless AEP_CLIENT_ID, AEP_CLIENT_SECRET, AEP_ORG_ID and AEP_SANDBOX are set.
using AepFlow;
using AepFlow.ConnectionSpecs;
using AepFlow.FlowSpecs;
using AepFlow.Requests;
using AepFlow.Samples;
using AepFlow.Xdm.Standard;

using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
await using var platform = await SamplePlatform.ConnectAsync(cancel.Token);
using var client = platform.Client;
var ct = cancel.Token;

// Loyalty members' profile updates, streamed: a profile schema from the standard class and field groups.
var schema = await client.Schemas.CreateAsync(new CreateSchemaRequest
{
    Title = "Streaming loyalty members " + DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
    ClassId = Classes.Profile,
    FieldGroupIds = [FieldGroups.ProfilePersonDetails, FieldGroups.ProfilePersonalDetails],
}, ct);
Step.Print("Target XDM schema", schema.Id);

var dataSet = await client.DataSets.CreateAsync(new CreateDataSetRequest { Name = "Streaming loyalty members", SchemaId = schema.Id }, ct);
Step.Print("Dataset", dataSet.Id);

// A streaming HTTP API connection carries no secret: its generated "Streaming Connection" auth record names the stream.
BaseConnectionId<HttpApi> baseConnection = await client.Connections.CreateAsync(new CreateConnectionRequest<HttpApi>
{
    Name = "Loyalty members stream",
    Auth = new HttpApi.StreamingConnection { SourceId = "loyalty-members", DataType = HttpApi.DataType.Raw, Name = "Loyalty members stream" },
}, ct);
Step.Print("Streaming base connection", baseConnection);

SourceConnectionId<HttpApi> source = await client.SourceConnections.CreateAsync(new CreateSourceConnectionRequest<HttpApi>
{
    Name = "Loyalty members",
    BaseConnectionId = baseConnection,
}, ct);
Step.Print("Source connection", source);

TargetConnectionId<DataLake> target = await client.TargetConnections.CreateAsync(new CreateTargetConnectionRequest<DataLake>
{
    Name = "Data lake: loyalty members",
    DataFormat = CreateTargetConnectionRequest.ParquetXdm,
    Schema = ResourceRefModel.XdmSchema(schema.Id),
    Params = new DataLake.TargetParams { DataSetId = dataSet.Id },
}, ct);
Step.Print("Target connection", target);

// Raw JSON fields of the stream onto typed XDM paths (a misspelled literal path would fail the build with AEPF025).
var mappingSet = await client.MappingSets.CreateAsync(new CreateMappingSetRequest
{
    XdmSchema = schema.Id,
    Mappings =
    [
        new MappingRule("memberId", Profile.Id),
        new MappingRule("firstName", Profile.Person.Name.FirstName),
        new MappingRule("email", Profile.PersonalEmail.Address),
        new MappingRule("mobile", Profile.MobilePhone.Number),
    ],
}, ct);
Step.Print("Mapping set", mappingSet.Id);

var flowSpec = await client.FlowSpecs.FindByNameAsync(StreamDataWithOptionalTransformation.Name, ct)
    ?? throw new InvalidOperationException($"The sandbox has no flowSpec named {StreamDataWithOptionalTransformation.Name}.");
Step.Print("FlowSpec", flowSpec.Id);

// Composed by type (only sources and targets this flowSpec lists compile). Mapping only, no Schedule: this flowSpec has no
// scheduleSpec, so the generated request has no Schedule member at all.
var flow = await client.Flows.CreateAsync(new StreamDataWithOptionalTransformation.CreateFlowRequest(source, target, "Loyalty members to the data lake")
{
    Mapping = new StreamDataWithOptionalTransformation.MappingParams { MappingId = mappingSet.Id },
}, ct);
Step.Print("Dataflow", flow.Id);

var created = await client.Flows.GetAsync(flow.Id, ct);
Step.Print("Read back: " + created.Name, created.State ?? "(no state)");

Console.WriteLine();
Console.WriteLine($"Dataflow id: {flow.Id}");
