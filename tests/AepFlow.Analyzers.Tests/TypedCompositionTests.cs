namespace AepFlow.Analyzers.Tests;

/// <summary>
/// Flow and connection composition by type: ids and requests carry their connectionSpec, so a connection of a spec the
/// flowSpec does not list, or params of another spec, do not compile (no analyzer needed).
/// </summary>
public class TypedCompositionTests
{
    private static Harness.Generated Compile(string body) => Harness.Generate(new[]
    {
        $$"""
        using AepFlow;
        using AepFlow.ConnectionSpecs;
        using AepFlow.FlowSpecs;
        using AepFlow.Requests;

        public static class Use
        {
            public static object M()
            {
                {{body}}
            }
        }
        """,
    });

    [Fact]
    public void Amazon_s3_source_into_a_CrmToAep_flow_does_not_compile()
    {
        var result = Compile("""return CrmToAep.CreateFlowRequest.Create(new SourceConnectionId<AmazonS3>("s"), new TargetConnectionId<DataLake>("t"), "flow");""");

        var error = Assert.Single(result.CompileErrors);
        Assert.Equal("CS1503", error.Id);
        Assert.Contains("SourceConnectionId<AepFlow.ConnectionSpecs.AmazonS3>", error.GetMessage());
        Assert.Contains("AcceptedSource", error.GetMessage());
    }

    [Fact]
    public void Salesforce_source_into_a_CrmToAep_flow_compiles_with_the_constructor_and_the_factory()
    {
        var result = Compile("""
            var source = new SourceConnectionId<Salesforce>("s");
            var target = new TargetConnectionId<DataLake>("t");
            var viaFactory = CrmToAep.CreateFlowRequest.Create(source, target, "flow");
            return new CrmToAep.CreateFlowRequest(source, target, "flow")
            {
                Copy = new CrmToAep.CopyParams { DeltaColumn = new CrmToAep.DeltaColumn { Name = "updatedAt", DateFormat = "YYYY-MM-DD", Timezone = "UTC" } },
                Mapping = new CrmToAep.MappingParams { MappingId = "500a9b747fcf4908a21917d49bd61780" },
            };
            """);

        Assert.Empty(result.CompileErrors);
    }

    [Fact]
    public void A_target_the_flowSpec_does_not_list_does_not_compile()
    {
        var result = Compile("""return CrmToAep.CreateFlowRequest.Create(new SourceConnectionId<Salesforce>("s"), new TargetConnectionId<Salesforce>("t"), "flow");""");

        Assert.Equal("CS1503", Assert.Single(result.CompileErrors).Id);
    }

    [Fact]
    public void The_two_argument_factory_rejects_an_unlisted_source_and_accepts_a_listed_one()
    {
        var rejected = Compile("""return CrmToAep.CreateFlowRequest.Create(new SourceConnectionId<AmazonS3>("s"), new TargetConnectionId<DataLake>("t"));""");
        var accepted = Compile("""return CrmToAep.CreateFlowRequest.Create(new SourceConnectionId<Salesforce>("s"), new TargetConnectionId<DataLake>("t"));""");

        var error = Assert.Single(rejected.CompileErrors);
        Assert.Equal("CS1503", error.Id);
        Assert.Contains("SourceConnectionId<AepFlow.ConnectionSpecs.AmazonS3>", error.GetMessage());
        Assert.Empty(accepted.CompileErrors);
    }

    [Fact]
    public void A_flow_composed_by_type_serializes_to_the_same_wire_body_as_with_string_ids()
    {
        var result = Harness.Generate(new[]
        {
            """
            using AepFlow;
            using AepFlow.ConnectionSpecs;
            using AepFlow.FlowSpecs;

            public static class Probe
            {
                public static string[] Run()
                {
                    var copy = new CrmToAep.CopyParams { DeltaColumn = new CrmToAep.DeltaColumn { Name = "updatedAt" } };
                    var schedule = new CrmToAep.ScheduleParams { StartTime = 1700000000, Frequency = CrmToAep.Frequency.Minute, Interval = 15 };
                    var typed = CrmToAep.CreateFlowRequest.Create(new SourceConnectionId<Salesforce>("s-1"), new TargetConnectionId<DataLake>("t-1"))
                        with { Name = "crm", Copy = copy, Schedule = schedule };
                    var strings = new CrmToAep.CreateFlowRequest
                    {
                        Name = "crm", SourceConnectionIds = ["s-1"], TargetConnectionIds = ["t-1"], Copy = copy, Schedule = schedule,
                    };
                    var info = AepFlowJsonContext.Default.CrmToAepCreateFlowRequest;
                    return [System.Text.Json.JsonSerializer.Serialize(typed, info), System.Text.Json.JsonSerializer.Serialize(strings, info),
                        CrmToAep.CreateFlowRequest.Create(new SourceConnectionId<Salesforce>("s-1"), new TargetConnectionId<DataLake>("t-1")).Name];
                }
            }
            """,
        });
        Assert.Empty(result.CompileErrors);

        var bodies = (string[])Harness.Invoke(result.Compilation, "Probe", "Run")!;
        Assert.Equal(bodies[1], bodies[0]);
        Assert.Contains("\"sourceConnectionIds\":[\"s-1\"]", bodies[0]);
        Assert.Equal("CRMToAEP flow", bodies[2]);
    }

    [Theory]
    [InlineData("""return new CreateConnectionRequest<Salesforce> { Name = "n", Auth = new AmazonS3.AccessKey { S3AccessKey = "a", S3SecretKey = "b" } };""")]
    [InlineData("""return new CreateSourceConnectionRequest<Salesforce> { Name = "n", Params = new DynamicsOnline.SourceParams { TableName = "t", Columns = [] } };""")]
    [InlineData("""return new CreateSourceConnectionRequest<Salesforce> { Name = "n", BaseConnectionId = new BaseConnectionId<DynamicsOnline>("b") };""")]
    [InlineData("""return new CreateTargetConnectionRequest<Salesforce> { Name = "n", Params = new DataLake.TargetParams { DataSetId = "d" } };""")]
    public void Auth_params_or_base_connection_of_another_spec_do_not_compile(string body)
    {
        var result = Compile(body);

        Assert.NotEmpty(result.CompileErrors);
    }

    [Fact]
    public void Typed_requests_of_the_same_spec_compile()
    {
        var result = Compile("""
            var auth = new CreateConnectionRequest<Salesforce> { Name = "n", Auth = new Salesforce.BasicAuthentication { Username = "u", Password = "p", SecurityToken = "t" } };
            var source = new CreateSourceConnectionRequest<Salesforce>
            {
                Name = "n",
                BaseConnectionId = new BaseConnectionId<Salesforce>("b"),
                Params = new Salesforce.SourceParams { TableName = "Contact", Columns = [new Salesforce.Column { Name = "Id", Type = "string" }] },
            };
            var target = new CreateTargetConnectionRequest<DataLake> { Name = "n", Params = new DataLake.TargetParams { DataSetId = "d" } };
            var stream = new CreateConnectionRequest<HttpApi> { Name = "n", Auth = new HttpApi.StreamingConnection { SourceId = "s", DataType = HttpApi.DataType.Raw } };
            return (auth, source, target, stream, Salesforce.Version);
            """);

        Assert.Empty(result.CompileErrors);
    }
}
