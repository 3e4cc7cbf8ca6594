// The CRM / customer-success sources tutorial as typed C#: Salesforce contacts into the data lake under the CRMToAEP flowSpec.
// With AEP_CLIENT_ID, AEP_CLIENT_SECRET, AEP_ORG_ID and AEP_SANDBOX set it talks to real Platform; otherwise it starts the
// AepFlow emulator in-process, so it runs on a fresh machine with no account.
using AepFlow;
using AepFlow.ConnectionSpecs;
using AepFlow.FlowSpecs;
using AepFlow.Requests;
using AepFlow.Samples;

using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
await using var platform = await SamplePlatform.ConnectAsync(cancel.Token);
using var client = platform.Client;
var ct = cancel.Token;

// 1. The XDM schema the contacts land in.
var schema = await client.Schemas.CreateAsync(new CreateSchemaRequest
{
    Title = "CRM contacts " + DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
    ClassId = CreateSchemaRequest.ProfileClass,
    FieldGroupIds = ["https://ns.adobe.com/xdm/context/profile-person-details", "https://ns.adobe.com/xdm/context/profile-personal-details"],
}, ct);
Step.Print("Target XDM schema", schema.Id);

// 2. A dataset based on that schema.
var dataSet = await client.DataSets.CreateAsync(new CreateDataSetRequest { Name = "CRM contacts", SchemaId = schema.Id }, ct);
Step.Print("Dataset", dataSet.Id);

// 3. The base connection holds the Salesforce credentials; the auth record is generated from the Salesforce connectionSpec.
var credentials = new Salesforce.BasicAuthentication
{
    Username = Environment.GetEnvironmentVariable("SALESFORCE_USERNAME") ?? "crm-integration@example.com",
    Password = Environment.GetEnvironmentVariable("SALESFORCE_PASSWORD") ?? "not-a-real-password",
    SecurityToken = Environment.GetEnvironmentVariable("SALESFORCE_SECURITY_TOKEN") ?? "not-a-real-token",
};
var baseConnection = await client.Connections.CreateAsync(new CreateConnectionRequest
{
    Name = "Salesforce base connection",
    ConnectionSpec = new ResourceRefModel(Salesforce.Id, "1.0"),
    AuthSpecName = Salesforce.BasicAuthentication.SpecName,
    AuthParams = credentials,
}, ct);
Step.Print("Base connection", baseConnection.Id);

// 4. The source connection: which table to read and its columns.
var source = await client.SourceConnections.CreateAsync(new CreateSourceConnectionRequest
{
    Name = "Salesforce contacts",
    BaseConnectionId = baseConnection.Id,
    ConnectionSpec = new ResourceRefModel(Salesforce.Id, "1.0"),
    DataFormat = "tabular",
    Params = RawJson.Parse("""
        {
          "tableName": "Contact",
          "columns": [
            { "name": "Id", "type": "string", "xdm": { "type": "string" } },
            { "name": "FirstName", "type": "string", "xdm": { "type": "string" } },
            { "name": "LastName", "type": "string", "xdm": { "type": "string" } },
            { "name": "Email", "type": "string", "xdm": { "type": "string" } },
            { "name": "LastModifiedDate", "type": "string", "xdm": { "type": "string", "format": "date-time" } }
          ]
        }
        """),
}, ct);
Step.Print("Source connection", source.Id);

// 5. The target connection writes into the dataset on the data lake.
var target = await client.TargetConnections.CreateAsync(new CreateTargetConnectionRequest
{
    Name = "Data lake: CRM contacts",
    ConnectionSpec = new ResourceRefModel(DataLake.Id, "1.0"),
    DataFormat = "parquet_xdm",
    Schema = new ResourceRefModel(schema.Id, "application/vnd.adobe.xed-full+json;version=1"),
    Params = RawJson.Object(("dataSetId", dataSet.Id)),
}, ct);
Step.Print("Target connection", target.Id);

// 6. The mapping set: source columns onto XDM paths.
var mappingSet = await client.MappingSets.CreateAsync(new CreateMappingSetRequest
{
    XdmSchema = schema.Id,
    Mappings =
    [
        new MappingRule("Id", "_id"),
        new MappingRule("FirstName", "person.name.firstName"),
        new MappingRule("LastName", "person.name.lastName"),
        new MappingRule("Email", "personalEmail.address"),
    ],
}, ct);
Step.Print("Mapping set", mappingSet.Id);

// 7. Look the flowSpec up by name, as the tutorial does, and check it is the one the types were generated from.
var flowSpec = await client.FlowSpecs.FindByNameAsync(CrmToAep.Name, ct)
    ?? throw new InvalidOperationException($"The sandbox has no flowSpec named {CrmToAep.Name}.");
if (flowSpec.Id != CrmToAep.Id)
{
    throw new InvalidOperationException($"{CrmToAep.Name} is {flowSpec.Id} here, but the generated types target {CrmToAep.Id}.");
}

Step.Print("FlowSpec " + CrmToAep.Name, flowSpec.Id);

// 8. The dataflow. Every member is typed from the flowSpec's own schemas: Interval = 10 here fails the build (AEPF010).
var flowRequest = new CrmToAep.CreateFlowRequest
{
    Name = "Salesforce contacts to the data lake",
    Description = "Ingests Salesforce contacts every 15 minutes.",
    SourceConnectionIds = [source.Id],
    TargetConnectionIds = [target.Id],
    Copy = new CrmToAep.CopyParams
    {
        DeltaColumn = new CrmToAep.DeltaColumn { Name = "LastModifiedDate", DateFormat = "YYYY-MM-DD", Timezone = "UTC" },
    },
    Mapping = new CrmToAep.MappingParams
    {
        MappingId = mappingSet.Id,
        MappingVersion = (mappingSet.Version ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
    },
    Schedule = new CrmToAep.ScheduleParams
    {
        StartTime = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(),
        Frequency = CrmToAep.Frequency.Minute,
        Interval = 15,
    },
};
var flow = await client.Flows.CreateAsync(flowRequest, ct);
Step.Print("Dataflow", flow.Id);

// 9. Read it back and list its runs.
var created = await client.Flows.GetAsync(flow.Id, ct);
Step.Print("Read back: " + created.Name, created.State ?? "(no state)");
await foreach (var run in client.Runs.ListForFlowAsync(flow.Id, ct))
{
    Step.Print("Run", $"{run.Id} ({run.Status ?? "unknown"})");
}

Console.WriteLine();
Console.WriteLine($"Dataflow id: {flow.Id}");
