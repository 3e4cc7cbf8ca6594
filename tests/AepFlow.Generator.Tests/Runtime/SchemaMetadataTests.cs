using System.Reflection;
using System.Text.Json.Nodes;
using AepFlow.Generator.Tests.Infrastructure;
using AepFlow.Schema;

namespace AepFlow.Generator.Tests.Runtime;

/// <summary>
/// The compile-time analyzers read each member's JSON Schema from <c>[JsonSchema]</c>; that metadata must be the spec's
/// own schema, unchanged.
/// </summary>
public sealed class SchemaMetadataTests
{
    private const string CrmToAepId = "14518937-270c-4525-bdec-c2ba7cce3860";

    [Fact]
    public void ScheduleParamsCarriesTheWholeScheduleSpecBecauseItHasObjectLevelRules()
    {
        var schedule = GeneratedModels.Nested(SharedRuns.BundledModels.FlowSpecClass(CrmToAepId), "ScheduleParams");

        var attribute = schedule.GetCustomAttribute<JsonSchemaAttribute>();

        Assert.NotNull(attribute);
        JsonAssert.Equal(SpecFiles.BundledById(CrmToAepId).Schedule, JsonNode.Parse(attribute!.Schema));
    }

    [Theory]
    [InlineData("ScheduleParams", "startTime")]
    [InlineData("ScheduleParams", "endTime")]
    [InlineData("ScheduleParams", "frequency")]
    [InlineData("ScheduleParams", "interval")]
    [InlineData("ScheduleParams", "backfill")]
    [InlineData("MappingParams", "mappingId")]
    [InlineData("MappingParams", "mappingVersion")]
    [InlineData("CopyParams", "deltaColumn")]
    public void EachPropertyCarriesItsOwnSubschema(string typeName, string jsonName)
    {
        var spec = SpecFiles.BundledById(CrmToAepId);
        var schema = typeName == "ScheduleParams"
            ? spec.Schedule!
            : spec.Transformations.Single(t => $"{t.Name}Params" == typeName).Schema;
        var type = GeneratedModels.Nested(SharedRuns.BundledModels.FlowSpecClass(CrmToAepId), typeName);
        var property = type.GetProperty(char.ToUpperInvariant(jsonName[0]) + jsonName[1..])!;

        var attribute = property.GetCustomAttribute<JsonSchemaAttribute>();

        Assert.NotNull(attribute);
        JsonAssert.Equal(schema["properties"]![jsonName], JsonNode.Parse(attribute!.Schema));
    }
}
