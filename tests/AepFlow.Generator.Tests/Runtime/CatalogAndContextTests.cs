using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AepFlow.Generator.Tests.Infrastructure;
using AepFlow.Validation;

namespace AepFlow.Generator.Tests.Runtime;

/// <summary>The shared generated types: FlowSpecCatalog and the source-generated AepFlowJsonContext.</summary>
public sealed class CatalogAndContextTests
{
    [Fact]
    public void CatalogListsEveryBundledFlowSpecWithIdNameAndVersion()
    {
        var catalog = SharedRuns.BundledModels.Loaded.GetType("AepFlow.FlowSpecs.FlowSpecCatalog");
        var entries = ((IEnumerable)catalog.GetProperty("All")!.GetValue(null)!).Cast<object>()
            .Select(e => (Id: Read(e, "Id"), Name: Read(e, "Name"), Version: Read(e, "Version")))
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ToArray();

        var expected = SpecFiles.Bundled.Select(s => (s.Id, s.Name, s.Version)).OrderBy(e => e.Id, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, entries);
    }

    [Fact]
    public void UserReplacementOfABundledSpecIsUsedInsteadOfIt()
    {
        // TestData/crm-override.flowspec.json reuses CRMToAEP's id with a Mapping-only spec and a 60-minute minimum.
        var run = GeneratorHarness.Run([SharedRuns.TestDataFile("crm-override.flowspec.json")]).AssertNoErrors();
        Assert.Empty(run.Diagnostics("AEPF004"));
        using var loaded = run.Load();
        var models = new GeneratedModels(loaded);
        var crm = models.FlowSpecClass("14518937-270c-4525-bdec-c2ba7cce3860");

        Assert.Null(crm.GetNestedType("CopyParams"));
        var schedule = GeneratedModels.Nested(crm, "ScheduleParams");
        var result = GeneratedModels.DeserializeAndValidate(schedule, """{"startTime":1612310466,"frequency":"minute","interval":30}""");
        Assert.Equal(("/interval", "minimum"), (Assert.Single(result.Errors).Path, result.Errors[0].Keyword));
    }

    [Fact]
    public void JsonContextServesEveryRequestTypeWithoutReflection()
    {
        var loaded = SharedRuns.SeedModels.Loaded;
        var context = (JsonSerializerContext)loaded.GetType("AepFlow.FlowSpecs.AepFlowJsonContext")
            .GetProperty("Default")!.GetValue(null)!;
        var request = (IAepModel)loaded.Invoke("Probes.SeedRequests", "DatabaseBigQuery")!;

        var typeInfo = context.GetTypeInfo(request.GetType());

        Assert.NotNull(typeInfo);
        Assert.Equal(JsonSerializer.Serialize(request, request.GetType()), JsonSerializer.Serialize(request, typeInfo));
        var viaProperty = (JsonTypeInfo)context.GetType().GetProperty("CrmToAepCreateFlowRequest")!.GetValue(context)!;
        Assert.Equal(request.GetType(), viaProperty.Type);
    }

    [Fact]
    public void GeneratedModelsAreSealedRecordsWithJsonConverters()
    {
        var crm = SharedRuns.BundledModels.FlowSpecClass("14518937-270c-4525-bdec-c2ba7cce3860");
        foreach (var name in new[] { "CreateFlowRequest", "CopyParams", "DeltaColumn", "MappingParams", "ScheduleParams" })
        {
            var type = GeneratedModels.Nested(crm, name);
            Assert.True(type.IsSealed, $"{name} is not sealed");
            Assert.NotNull(type.GetMethod("<Clone>$")); // compiler-generated for records only
            Assert.NotNull(type.GetCustomAttributes(typeof(JsonConverterAttribute), false).SingleOrDefault());
            Assert.True(typeof(IAepModel).IsAssignableFrom(type), $"{name} does not implement IAepModel");
        }

        Assert.True(typeof(IFlowRequest).IsAssignableFrom(GeneratedModels.Nested(crm, "CreateFlowRequest")));
        Assert.Equal(["Once", "Minute", "Hour", "Day", "Week"], Enum.GetNames(GeneratedModels.Nested(crm, "Frequency")));
    }

    [Fact]
    public void ScheduleParamsHasTheContractMemberTypes()
    {
        var schedule = GeneratedModels.Nested(SharedRuns.BundledModels.FlowSpecClass("14518937-270c-4525-bdec-c2ba7cce3860"), "ScheduleParams");

        Assert.Equal(typeof(long), schedule.GetProperty("StartTime")!.PropertyType);
        Assert.Equal("Frequency", schedule.GetProperty("Frequency")!.PropertyType.Name);
        Assert.Equal(typeof(int?), schedule.GetProperty("Interval")!.PropertyType);
        Assert.Equal(typeof(long?), schedule.GetProperty("EndTime")!.PropertyType);
        Assert.Equal(typeof(bool?), schedule.GetProperty("Backfill")!.PropertyType);
    }

    private static string Read(object entry, string property) => (string)entry.GetType().GetProperty(property)!.GetValue(entry)!;
}
