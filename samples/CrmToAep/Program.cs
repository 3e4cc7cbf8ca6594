// The CRM / customer-success sources tutorial as typed C#: Salesforce contacts into the data lake under the CRMToAEP flowSpec.
// With AEP_CLIENT_ID, AEP_CLIENT_SECRET, AEP_ORG_ID and AEP_SANDBOX set it talks to real Platform; otherwise it starts the
// AepFlow emulator in-process, so it runs on a fresh machine with no account.
using AepFlow;
using AepFlow.ConnectionSpecs;
using AepFlow.FlowSpecs;
using AepFlow.Requests;
using AepFlow.Samples;
using AepFlow.Xdm.Standard;

// On Platform the last step waits for the flow's first run to finish, which can take several minutes.
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(AepClientOptions.EnvironmentHasCredentials() ? 20 : 2));
await using var platform = await SamplePlatform.ConnectAsync(cancel.Token);
using var client = platform.Client;
var ct = cancel.Token;

// 1. The XDM schema the contacts land in: the standard profile class and field groups, bundled in the generator.
var schema = await client.Schemas.CreateAsync(new CreateSchemaRequest
{
    Title = "CRM contacts " + DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
    ClassId = Classes.Profile,
    FieldGroupIds = [FieldGroups.ProfilePersonDetails, FieldGroups.ProfilePersonalDetails],
}, ct);
Step.Print("Target XDM schema", schema.Id);

// 2. A dataset based on that schema.
var dataSet = await client.DataSets.CreateAsync(new CreateDataSetRequest { Name = "CRM contacts", SchemaId = schema.Id }, ct);
Step.Print("Dataset", dataSet.Id);

// 3. The base connection holds the Salesforce credentials. The request is typed by the Salesforce connectionSpec: its id and
//    version come from the spec, the auth record is generated from its authSpec, and the id that comes back is typed too.
BaseConnectionId<Salesforce> baseConnection = await client.Connections.CreateAsync(new CreateConnectionRequest<Salesforce>
{
    Name = "Salesforce base connection",
    Auth = new Salesforce.BasicAuthentication
    {
        Username = Environment.GetEnvironmentVariable("SALESFORCE_USERNAME") ?? "crm-integration@example.com",
        Password = Environment.GetEnvironmentVariable("SALESFORCE_PASSWORD") ?? "not-a-real-password",
        SecurityToken = Environment.GetEnvironmentVariable("SALESFORCE_SECURITY_TOKEN") ?? "not-a-real-token",
    },
}, ct);
Step.Print("Base connection", baseConnection);

// 4. The source connection: which table to read and its columns (Salesforce is a tabular source, so data.format is set for us).
SourceConnectionId<Salesforce> source = await client.SourceConnections.CreateAsync(new CreateSourceConnectionRequest<Salesforce>
{
    Name = "Salesforce contacts",
    BaseConnectionId = baseConnection,
    Params = new Salesforce.SourceParams
    {
        TableName = "Contact",
        Columns =
        [
            Column("Id", "string", "id"),
            Column("FirstName", "string", "string"),
            Column("LastName", "string", "string"),
            Column("Email", "string", "email"),
            Column("LastModifiedDate", "string", "datetime"),
        ],
    },
}, ct);
Step.Print("Source connection", source);

// 5. The target connection writes into the dataset on the data lake.
TargetConnectionId<DataLake> target = await client.TargetConnections.CreateAsync(new CreateTargetConnectionRequest<DataLake>
{
    Name = "Data lake: CRM contacts",
    DataFormat = CreateTargetConnectionRequest.ParquetXdm,
    Schema = ResourceRefModel.XdmSchema(schema.Id),
    Params = new DataLake.TargetParams { DataSetId = dataSet.Id },
}, ct);
Step.Print("Target connection", target);

// 6. The mapping set: source columns onto typed XDM paths of the composed schema ("personalEmail.adress" would fail the
//    build with AEPF025, and its code fix writes the typed path).
var mappingSet = await client.MappingSets.CreateAsync(new CreateMappingSetRequest
{
    XdmSchema = schema.Id,
    Mappings =
    [
        new MappingRule("Id", Profile.Id),
        new MappingRule("FirstName", Profile.Person.Name.FirstName),
        new MappingRule("LastName", Profile.Person.Name.LastName),
        new MappingRule("Email", Profile.PersonalEmail.Address),
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

// 8. The dataflow, composed by type: CRMToAEP's constructor takes only ids of connection specs it lists (an Amazon S3 source
//    does not compile), and every other member is typed from the flowSpec's own schemas: Interval = 10 fails the build (AEPF010).
// The schedule starts now, so the first run starts at once.
var startTime = DateTimeOffset.UtcNow;
var flowRequest = new CrmToAep.CreateFlowRequest(source, target, "Salesforce contacts to the data lake")
{
    Description = "Ingests Salesforce contacts every 15 minutes.",
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
        StartTime = startTime.ToUnixTimeSeconds(),
        Frequency = CrmToAep.Frequency.Minute,
        Interval = 15,
    },
};
var flow = await client.Flows.CreateAsync(flowRequest, ct);
Step.Print("Dataflow", flow.Id);

// 9. Read it back.
var created = await client.Flows.GetAsync(flow.Id, ct);
Step.Print("Read back: " + created.Name, created.State ?? "(no state)");

// 10. Follow its first run, as "monitor dataflows" does: wait for Platform to start it, then for its end, and print its
//     metrics. (The in-process emulator's simulated clock is moved on instead of waiting for the run to finish.)
platform.FastForward(TimeSpan.FromMinutes(1));
var firstRun = await client.Flows.WaitForNextRunAsync(flow.Id, createdAfter: startTime.AddMinutes(-1), cancellationToken: ct);
Step.Print("First run", $"{firstRun.Id} ({firstRun.Status ?? "unknown"})");
var finished = await client.Runs.WaitForCompletionAsync(firstRun.Id, cancellationToken: ct);
Step.Print("First run " + (finished.Succeeded ? "succeeded" : "failed"), finished.Metrics.ToString());
foreach (var error in finished.Errors)
{
    Step.Print("Run error", error.ToString());
}

Console.WriteLine();
Console.WriteLine($"Dataflow id: {flow.Id}");

static Salesforce.Column Column(string name, string type, string originalType) =>
    new() { Name = name, Type = type, Meta = new Salesforce.Meta { OriginalType = originalType } };
