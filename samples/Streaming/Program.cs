// The streaming sources tutorial as typed C#: an HTTP API streaming source into the data lake under the
// "Stream data with optional transformation" flowSpec, with a mapping and no schedule (streaming flows run continuously).
// Runs on the in-process emulator unless AEP_CLIENT_ID, AEP_CLIENT_SECRET, AEP_ORG_ID and AEP_SANDBOX are set.
using AepFlow.ConnectionSpecs;
using AepFlow.FlowSpecs;
using AepFlow.Requests;
using AepFlow.Samples;

using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
await using var platform = await SamplePlatform.ConnectAsync(cancel.Token);
using var client = platform.Client;
var ct = cancel.Token;

var schema = await client.Schemas.CreateAsync(new CreateSchemaRequest
{
    Title = "Streaming loyalty events " + DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
    ClassId = CreateSchemaRequest.ExperienceEventClass,
}, ct);
Step.Print("Target XDM schema", schema.Id);

var dataSet = await client.DataSets.CreateAsync(new CreateDataSetRequest { Name = "Streaming loyalty events", SchemaId = schema.Id }, ct);
Step.Print("Dataset", dataSet.Id);

// A streaming HTTP API connection carries no secret: its "auth" names the stream.
var baseConnection = await client.Connections.CreateAsync(new CreateConnectionRequest
{
    Name = "Loyalty events stream",
    ConnectionSpec = new ResourceRefModel(HttpApi.Id, "1.0"),
    AuthSpecName = "Streaming Connection",
    AuthParams = RawJson.Object(("sourceId", "loyalty-events"), ("dataType", "raw"), ("name", "Loyalty events stream")),
}, ct);
Step.Print("Streaming base connection", baseConnection.Id);

var source = await client.SourceConnections.CreateAsync(new CreateSourceConnectionRequest
{
    Name = "Loyalty events",
    BaseConnectionId = baseConnection.Id,
    ConnectionSpec = new ResourceRefModel(HttpApi.Id, "1.0"),
}, ct);
Step.Print("Source connection", source.Id);

var target = await client.TargetConnections.CreateAsync(new CreateTargetConnectionRequest
{
    Name = "Data lake: loyalty events",
    ConnectionSpec = new ResourceRefModel(DataLake.Id, "1.0"),
    DataFormat = "parquet_xdm",
    Schema = new ResourceRefModel(schema.Id, "application/vnd.adobe.xed-full+json;version=1"),
    Params = RawJson.Object(("dataSetId", dataSet.Id)),
}, ct);
Step.Print("Target connection", target.Id);

var mappingSet = await client.MappingSets.CreateAsync(new CreateMappingSetRequest
{
    XdmSchema = schema.Id,
    Mappings =
    [
        new MappingRule("eventId", "_id"),
        new MappingRule("occurredAt", "timestamp"),
    ],
}, ct);
Step.Print("Mapping set", mappingSet.Id);

var flowSpec = await client.FlowSpecs.FindByNameAsync(StreamDataWithOptionalTransformation.Name, ct)
    ?? throw new InvalidOperationException($"The sandbox has no flowSpec named {StreamDataWithOptionalTransformation.Name}.");
Step.Print("FlowSpec", flowSpec.Id);

// Mapping only, no Schedule: this flowSpec has no scheduleSpec, so the generated request has no Schedule member at all.
var flow = await client.Flows.CreateAsync(new StreamDataWithOptionalTransformation.CreateFlowRequest
{
    Name = "Loyalty events to the data lake",
    SourceConnectionIds = [source.Id],
    TargetConnectionIds = [target.Id],
    Mapping = new StreamDataWithOptionalTransformation.MappingParams { MappingId = mappingSet.Id },
}, ct);
Step.Print("Dataflow", flow.Id);

var created = await client.Flows.GetAsync(flow.Id, ct);
Step.Print("Read back: " + created.Name, created.State ?? "(no state)");

Console.WriteLine();
Console.WriteLine($"Dataflow id: {flow.Id}");
