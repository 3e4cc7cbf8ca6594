using System.Reflection;
using System.Text.Json;
using AepFlow.Generator.Tests.Infrastructure;
using AepFlow.Serialization;
using AepFlow.Validation;

namespace AepFlow.Generator.Tests.Runtime;

/// <summary>Generated connectionSpec classes: the ids of the reference table and typed, validated auth params.</summary>
public sealed class ConnectionSpecTests
{
    public static TheoryData<string, string> ReferenceIds => new()
    {
        // connector, id (from reference/aep-reference/README.md)
        { "Data Lake", "c604ff05-7f1a-43c0-8e18-33bf874cb11c" },
        { "Salesforce", "cfc0fee1-7dc0-40ef-b73e-d8b134c436f5" },
        { "Microsoft Dynamics", "38ad80fe-8b06-4938-94f4-d4ee80266b07" },
        { "ServiceNow", "eb13cb25-47ab-407f-ba89-c0125281c563" },
        { "Protocols", "8e6b41a8-d998-4545-ad7d-c6a9fff406c3" },
        { "Amazon S3", "ecadc60c-7455-4d87-84dc-2a0e293d997b" },
        { "Azure Blob", "4c10e202-c428-4796-9208-5f1f5732b1cf" },
        { "ADLS Gen2", "b3ba5556-48be-44b7-8b85-ff2b69b46dc4" },
        { "Google Cloud Storage", "32e8f412-cdf7-464c-9885-78184cb113fd" },
        { "SFTP", "b7bf2577-4520-42c9-bae9-cad01560f7bc" },
        { "FTP", "fb2e94c9-c031-467d-8103-6bd6e0a432f2" },
        { "Snowflake", "b2e08744-4f1a-40ce-af30-7abac3e23cf3" },
        { "Amazon Kinesis", "86043421-563b-46ec-8e6c-e23184711bf6" },
        { "Azure Event Hubs", "bf9f5905-92b7-48bf-bf20-455bc6b60a4e" },
        { "Google PubSub", "70116022-a743-464a-bbfe-e226a7f8210c" },
        { "HTTP API (streaming)", "bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb" },
    };

    [Theory]
    [MemberData(nameof(ReferenceIds))]
    public void EveryReferenceConnectorHasExactlyOneGeneratedClassWithItsId(string connector, string id)
    {
        var matches = SharedRuns.BundledModels.Loaded.Assembly.GetTypes()
            .Where(t => t.Namespace == "AepFlow.ConnectionSpecs" && !t.IsNested)
            .Where(t => t.GetField("Id", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } f && (string?)f.GetRawConstantValue() == id)
            .ToArray();

        Assert.True(matches.Length == 1, $"{connector}: {matches.Length} generated classes carry Id {id}.");
    }

    [Fact]
    public void SalesforceBasicAuthenticationRoundTripsAndValidates()
    {
        var auth = SalesforceAuth();
        const string json = """{"environmentUrl":"https://acme.my.salesforce.com","username":"u@acme.example","password":"p","securityToken":"t"}""";

        var model = (IAepModel)GeneratedModels.Deserialize(auth, json);

        Assert.Same(ValidationResult.Valid, model.Validate());
        JsonAssert.Equal(json, JsonSerializer.Serialize(model, auth));
        Assert.Equal("Basic Authentication", auth.GetField("SpecName")!.GetRawConstantValue());
    }

    [Fact]
    public void SalesforceBasicAuthenticationPrintsItsSecretsAsStars()
    {
        const string json = """{"environmentUrl":"https://acme.my.salesforce.com","username":"u@acme.example","password":"p4ss-w0rd","securityToken":"t0k3n-xyz"}""";

        var text = GeneratedModels.Deserialize(SalesforceAuth(), json)!.ToString()!;

        Assert.Contains("Username = u@acme.example", text);
        Assert.Contains("Password = ***", text);
        Assert.Contains("SecurityToken = ***", text);
        Assert.DoesNotContain("p4ss-w0rd", text);
        Assert.DoesNotContain("t0k3n-xyz", text);
    }

    [Fact]
    public void SalesforceAuthWithoutSecurityTokenFailsToReadAtThatMember()
    {
        var error = Assert.Throws<AepJsonException>(() =>
            GeneratedModels.Deserialize(SalesforceAuth(), """{"username":"u@acme.example","password":"p"}"""));

        Assert.Equal(("/securityToken", "required"), (error.Pointer, error.Keyword));
    }

    private static Type SalesforceAuth() =>
        GeneratedModels.Nested(SharedRuns.BundledModels.Loaded.GetType("AepFlow.ConnectionSpecs.Salesforce"), "BasicAuthentication");
}
