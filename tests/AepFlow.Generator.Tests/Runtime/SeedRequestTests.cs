using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AepFlow.Generator.Tests.Infrastructure;
using AepFlow.Validation;

namespace AepFlow.Generator.Tests.Runtime;

/// <summary>The docs' POST /flows bodies, rebuilt with the typed API, must come out as the bodies the service wants.</summary>
public sealed class SeedRequestTests
{
    private const string CrmToAepId = "14518937-270c-4525-bdec-c2ba7cce3860";
    private const string CloudStorageToAepId = "9753525b-82c7-4dce-8a9b-5ccfce2b9876";
    private const string StreamOptionalId = "d69717ba-71b4-4313-b654-49f9cf126d7a";

    public static TheoryData<string, string, string> Seeds => new()
    {
        // The Salesforce tutorial posts a Copy transformation under CloudStorageToAEP; it belongs to CRMToAEP.
        { "CrmSalesforce", "crm-salesforce-create-flow-request.json", CrmToAepId },
        { "CrmSalesforceTyped", "crm-salesforce-create-flow-request.json", CrmToAepId },
        { "CloudStorage", "cloud-storage-create-flow-request.json", CloudStorageToAepId },
        { "Streaming", "streaming-create-flow-request.json", StreamOptionalId },
        { "DatabaseBigQuery", "database-bigquery-create-flow-request.json", CrmToAepId },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TypedRequestSerializesToTheSeedBodyWithSchemaTypesAndNoOptions(string probe, string seedFile, string flowSpecId)
    {
        var request = Request(probe);

        var json = JsonSerializer.Serialize(request, request.GetType());

        JsonAssert.Equal(SeedExpectations.Expected(seedFile, flowSpecId), JsonNode.Parse(json));
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void WriteJsonWritesTheSameBodyAsTheSerializer(string probe, string seedFile, string flowSpecId)
    {
        _ = seedFile;
        var request = Request(probe);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            request.WriteJson(writer);
        }

        Assert.Equal(JsonSerializer.Serialize(request, request.GetType()), Encoding.UTF8.GetString(buffer.ToArray()));
        Assert.Equal(flowSpecId, request.FlowSpecId);
        Assert.Equal(SpecFiles.BundledById(flowSpecId).Version, request.FlowSpecVersion);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SerializedRequestDeserializesBackToTheSameBody(string probe, string seedFile, string flowSpecId)
    {
        var request = Request(probe);
        var json = JsonSerializer.Serialize(request, request.GetType());

        var back = GeneratedModels.Deserialize(request.GetType(), json);

        Assert.Equal(json, JsonSerializer.Serialize(back, back.GetType()));

        // The corrected seed body itself reads into the typed model and writes back unchanged.
        var expected = SeedExpectations.Expected(seedFile, flowSpecId).ToJsonString();
        var fromSeed = GeneratedModels.Deserialize(request.GetType(), expected);
        JsonAssert.Equal(expected, JsonSerializer.Serialize(fromSeed, fromSeed.GetType()));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SeedRequestIsValidAndGetsTheSharedValidResult(string probe, string seedFile, string flowSpecId)
    {
        _ = (seedFile, flowSpecId);
        Assert.Same(ValidationResult.Valid, Request(probe).Validate());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void CorrectedSeedBodyPassesTheCatalogValidator(string probe, string seedFile, string flowSpecId)
    {
        _ = probe;
        var json = SeedExpectations.Expected(seedFile, flowSpecId).ToJsonString();
        Assert.Same(ValidationResult.Valid, SharedRuns.BundledModels.ValidateFlowJson(json));
    }

    [Fact]
    public void BigQuerySeedAsPublishedIsRejectedForEachValueSentWithTheWrongJsonType()
    {
        // The tutorial sends mappingVersion as a number and startTime, interval and backfill as strings; the flowSpec
        // types them string, integer, integer and boolean. Reading stops at the first mismatch, so fix them one by one.
        var json = File.ReadAllText(SeedExpectations.SeedPath("database-bigquery-create-flow-request.json"));
        var fixes = new (string Pointer, string Value)[]
        {
            ("/transformations/1/params/mappingVersion", "\"0\""),
            ("/scheduleParams/startTime", "1612310466"),
            ("/scheduleParams/interval", "15"),
            ("/scheduleParams/backfill", "true"),
        };

        foreach (var (pointer, value) in fixes)
        {
            var error = Assert.Single(SharedRuns.BundledModels.ValidateFlowJson(json).Errors);
            Assert.Equal((pointer, "type"), (error.Path, error.Keyword));
            json = JsonEdit.SetRaw(json, pointer, value);
        }

        Assert.Same(ValidationResult.Valid, SharedRuns.BundledModels.ValidateFlowJson(json));
    }

    [Fact]
    public void GeneratedConstantsComeFromTheBundledFlowSpecs()
    {
        var constants = (string[])SharedRuns.SeedModels.Loaded.Invoke("Probes.SeedRequests", "Constants")!;
        var crm = SpecFiles.BundledById(CrmToAepId);

        Assert.Equal(CrmToAepId, constants[0]);
        Assert.Equal(crm.Version, constants[1]);
        Assert.Equal("CRMToAEP", constants[2]);
        Assert.Equal(CloudStorageToAepId, constants[3]);
        Assert.Equal("e77fde5a-22a8-11ed-861d-0242ac120002", constants[4]);
        Assert.Equal(StreamOptionalId, constants[5]);
        Assert.Equal(string.Join(",", crm.Item["sourceConnectionSpecIds"]!.AsArray().Select(n => (string)n!)), constants[6]);
        Assert.Equal("c604ff05-7f1a-43c0-8e18-33bf874cb11c", constants[7]);
    }

    private static IFlowRequest Request(string probe) =>
        (IFlowRequest)SharedRuns.SeedModels.Loaded.Invoke("Probes.SeedRequests", probe)!;
}
