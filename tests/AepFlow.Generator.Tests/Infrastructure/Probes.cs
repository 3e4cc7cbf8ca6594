namespace AepFlow.Generator.Tests.Infrastructure;

/// <summary>
/// User code compiled against the generated API. It proves the typed API reads as the contract says (names, required
/// members, collection expressions, enums) and gives the tests objects to serialize and validate.
/// </summary>
internal static class Probes
{
    /// <summary>The docs' four POST /flows bodies, written with the typed API (on the flowSpec each body belongs to).</summary>
    public const string SeedRequests = """
        using System;
        using AepFlow.FlowSpecs;
        using AepFlow.Validation;

        namespace Probes;

        public static class SeedRequests
        {
            // crm-salesforce-create-flow-request.json: the doc names CloudStorageToAEP, but Copy/deltaColumn exist only on CRMToAEP.
            public static IFlowRequest CrmSalesforce() => new CrmToAep.CreateFlowRequest
            {
                Name = "Salesforce dataflow",
                Description = "Salesforce dataflow",
                SourceConnectionIds = ["9a603322-19d2-4de9-89c6-c98bd54eb184"],
                TargetConnectionIds = ["4ee890c7-519c-4291-bd20-d64186b62da8"],
                Copy = new CrmToAep.CopyParams
                {
                    DeltaColumn = new CrmToAep.DeltaColumn { Name = "updatedAt", DateFormat = "YYYY-MM-DD", Timezone = "UTC" },
                },
                Mapping = new CrmToAep.MappingParams { MappingId = "500a9b747fcf4908a21917d49bd61780" },
                Schedule = new CrmToAep.ScheduleParams { StartTime = 1567411548, Frequency = CrmToAep.Frequency.Minute, Interval = 30 },
            };

            // The same flow composed by type: the constructor takes only ids of specs CRMToAEP lists.
            public static IFlowRequest CrmSalesforceTyped() => new CrmToAep.CreateFlowRequest(
                new AepFlow.SourceConnectionId<AepFlow.ConnectionSpecs.Salesforce>("9a603322-19d2-4de9-89c6-c98bd54eb184"),
                new AepFlow.TargetConnectionId<AepFlow.ConnectionSpecs.DataLake>("4ee890c7-519c-4291-bd20-d64186b62da8"),
                "Salesforce dataflow")
            {
                Description = "Salesforce dataflow",
                Copy = new CrmToAep.CopyParams
                {
                    DeltaColumn = new CrmToAep.DeltaColumn { Name = "updatedAt", DateFormat = "YYYY-MM-DD", Timezone = "UTC" },
                },
                Mapping = new CrmToAep.MappingParams { MappingId = "500a9b747fcf4908a21917d49bd61780" },
                Schedule = new CrmToAep.ScheduleParams { StartTime = 1567411548, Frequency = CrmToAep.Frequency.Minute, Interval = 30 },
            };

            public static IFlowRequest CloudStorage() => new CloudStorageToAep.CreateFlowRequest
            {
                Name = "Cloud Storage flow to Platform",
                Description = "Cloud Storage flow to Platform",
                SourceConnectionIds = ["26b53912-1005-49f0-b539-12100559f0e2"],
                TargetConnectionIds = ["f7eb08fa-5f04-4e45-ab08-fa5f046e45ee"],
                Mapping = new CloudStorageToAep.MappingParams { MappingId = "bf5286a9c1ad4266baca76ba3adc9366", MappingVersion = "0" },
                Schedule = new CloudStorageToAep.ScheduleParams { StartTime = 1597784298, Frequency = CloudStorageToAep.Frequency.Minute, Interval = 30 },
            };

            public static IFlowRequest Streaming() => new StreamDataWithOptionalTransformation.CreateFlowRequest
            {
                Name = "Streaming dataflow",
                Description = "Streaming dataflow",
                SourceConnectionIds = ["e96d6135-4b50-446e-922c-6dd66672b6b2"],
                TargetConnectionIds = ["723222e2-6ab9-4b0b-b222-e26ab9bb0bc2"],
                Mapping = new StreamDataWithOptionalTransformation.MappingParams { MappingId = "380b032b445a46008e77585e046efe5e" },
            };

            public static IFlowRequest DatabaseBigQuery() => new CrmToAep.CreateFlowRequest
            {
                Name = "Database dataflow using BigQuery",
                Description = "collecting test1.Mytable",
                SourceConnectionIds = ["b7581b59-c603-4df1-a689-d23d7ac440f3"],
                TargetConnectionIds = ["320f119a-5ac1-4ab1-88ea-eb19e674ea2e"],
                Copy = new CrmToAep.CopyParams
                {
                    DeltaColumn = new CrmToAep.DeltaColumn { Name = "Datefield", DateFormat = "YYYY-MM-DD", Timezone = "UTC" },
                },
                Mapping = new CrmToAep.MappingParams { MappingId = "0b090130b58b4819afc78b6dc98b484d", MappingVersion = "0" },
                Schedule = new CrmToAep.ScheduleParams
                {
                    StartTime = 1612310466,
                    Frequency = CrmToAep.Frequency.Minute,
                    Interval = 15,
                    Backfill = true,
                },
            };

            // Invalid schedules come in as arguments: the compile-time analyzers rightly reject invalid constants.
            public static IFlowRequest DatabaseBigQueryWithSchedule(string frequency, int? interval) =>
                ((CrmToAep.CreateFlowRequest)DatabaseBigQuery()) with { Schedule = Schedule(frequency, interval) };

            public static IAepModel ScheduleAlone(string frequency, int? interval) => Schedule(frequency, interval);

            private static CrmToAep.ScheduleParams Schedule(string frequency, int? interval) => new CrmToAep.ScheduleParams
            {
                StartTime = 1612310466,
                Frequency = Enum.Parse<CrmToAep.Frequency>(frequency, ignoreCase: true),
                Interval = interval,
            };

            // The contract's constants and id lists.
            public static string[] Constants() =>
            [
                CrmToAep.Id, CrmToAep.Version, CrmToAep.Name,
                CloudStorageToAep.Id, GenericStreamingAep.Id, StreamDataWithOptionalTransformation.Id,
                string.Join(",", CrmToAep.SourceConnectionSpecIds), string.Join(",", CrmToAep.TargetConnectionSpecIds),
            ];
        }
        """;

    /// <summary>Connection requests typed by their connectionSpec, each beside the untyped request with the same body.</summary>
    public const string TypedConnections = """"
        using AepFlow;
        using AepFlow.ConnectionSpecs;
        using AepFlow.Requests;
        using AepFlow.Validation;

        namespace Probes;

        public static class TypedConnections
        {
            private static Salesforce.BasicAuthentication Credentials => new() { Username = "u", Password = "p", SecurityToken = "t" };

            public static IAepModel BaseTyped() => new CreateConnectionRequest<Salesforce> { Name = "Salesforce", Auth = Credentials };

            public static IAepModel BaseUntyped() => new CreateConnectionRequest
            {
                Name = "Salesforce",
                ConnectionSpec = new ResourceRefModel("cfc0fee1-7dc0-40ef-b73e-d8b134c436f5", "1.0"),
                AuthSpecName = "Basic Authentication",
                AuthParams = Credentials,
            };

            public static IAepModel SourceTyped() => new CreateSourceConnectionRequest<Salesforce>
            {
                Name = "Salesforce contacts",
                BaseConnectionId = new BaseConnectionId<Salesforce>("base-1"),
                Params = new Salesforce.SourceParams
                {
                    TableName = "Contact",
                    Columns = [new Salesforce.Column { Name = "Email", Type = "string", Meta = new Salesforce.Meta { OriginalType = "email" } }],
                },
            };

            public static IAepModel SourceUntyped() => new CreateSourceConnectionRequest
            {
                Name = "Salesforce contacts",
                BaseConnectionId = "base-1",
                ConnectionSpec = new ResourceRefModel("cfc0fee1-7dc0-40ef-b73e-d8b134c436f5", "1.0"),
                DataFormat = "tabular",
                Params = RawJson.Parse("""{"tableName":"Contact","columns":[{"name":"Email","type":"string","meta":{"originalType":"email"}}]}"""),
            };

            // Values come in as arguments: the analyzers rightly reject an empty table name written as a constant.
            public static IAepModel SourceWithTable(string table) => new CreateSourceConnectionRequest<Salesforce>
            {
                Name = "Salesforce contacts",
                Params = new Salesforce.SourceParams { TableName = table, Columns = [] },
            };

            public static IAepModel TargetTyped() => new CreateTargetConnectionRequest<DataLake>
            {
                Name = "Data lake",
                DataFormat = CreateTargetConnectionRequest.ParquetXdm,
                Schema = ResourceRefModel.XdmSchema("https://ns.adobe.com/acme/schemas/1"),
                Params = new DataLake.TargetParams { DataSetId = "ds-1" },
            };

            public static IAepModel TargetUntyped() => new CreateTargetConnectionRequest
            {
                Name = "Data lake",
                ConnectionSpec = new ResourceRefModel("c604ff05-7f1a-43c0-8e18-33bf874cb11c", "1.0"),
                DataFormat = "parquet_xdm",
                Schema = new ResourceRefModel("https://ns.adobe.com/acme/schemas/1", "application/vnd.adobe.xed-full+json;version=1"),
                Params = RawJson.Object(("dataSetId", "ds-1")),
            };
        }
        """";

    /// <summary>A request on the user's own flowSpec (TestData/acme-ledger.flowspec.json).</summary>
    public const string AcmeLedger = """
        using System;
        using AepFlow.FlowSpecs;
        using AepFlow.Validation;

        namespace Probes;

        public static class AcmeLedgerRequests
        {
            public static IFlowRequest Valid() => new AcmeLedgerToAep.CreateFlowRequest
            {
                Name = "Acme ledger",
                SourceConnectionIds = ["1b2c3d4e-0000-4000-8000-000000000001"],
                TargetConnectionIds = ["1b2c3d4e-0000-4000-8000-000000000002"],
                Ledger = new AcmeLedgerToAep.LedgerParams
                {
                    Currency = AcmeLedgerToAep.Currency.Eur,
                    Amount = 12,
                    AccountCode = "DE1234",
                    Channel = "realtime",
                    Tags = ["q1", "audit"],
                },
                Schedule = new AcmeLedgerToAep.ScheduleParams { StartTime = 1700000000, Frequency = AcmeLedgerToAep.Frequency.Hour, Interval = 2 },
            };

            // Values come in as arguments: the compile-time analyzers rightly reject invalid constants.
            public static IFlowRequest WithCodeAndAmount(string accountCode, double amount) => ((AcmeLedgerToAep.CreateFlowRequest)Valid()) with
            {
                Ledger = new AcmeLedgerToAep.LedgerParams
                {
                    Currency = AcmeLedgerToAep.Currency.Usd,
                    Amount = amount,
                    AccountCode = accountCode,
                    Channel = "realtime",
                },
            };
        }
        """;
}
