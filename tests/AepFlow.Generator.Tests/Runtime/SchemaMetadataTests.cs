using System.Reflection;
using System.Text.Json.Nodes;
using AepFlow.Generator.Tests.Infrastructure;
using AepFlow.Schema;

namespace AepFlow.Generator.Tests.Runtime;

/// <summary>
/// The compile-time analyzers read the records' JSON Schemas from one <c>[SpecSchemas]</c> document per spec class; that
/// metadata must be the spec's own schema without its annotations (descriptions, titles, defaults — they never change
/// whether a value is valid), and written once (no <c>[JsonSchema]</c> per member any more).
/// </summary>
public sealed class SchemaMetadataTests
{
    private const string CrmToAepId = "14518937-270c-4525-bdec-c2ba7cce3860";

    [Fact]
    public void ScheduleParamsCarriesTheWholeScheduleSpecBecauseItHasObjectLevelRules()
    {
        var entry = Entry(SharedRuns.BundledModels.FlowSpecClass(CrmToAepId), "ScheduleParams");

        JsonAssert.Equal(WithoutAnnotations(SpecFiles.BundledById(CrmToAepId).Schedule!), entry["object"]);
        Assert.DoesNotContain("\"description\"", entry.ToJsonString(), StringComparison.Ordinal);
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
        var entry = Entry(SharedRuns.BundledModels.FlowSpecClass(CrmToAepId), typeName);

        var holder = entry["object"] ?? entry;
        JsonAssert.Equal(WithoutAnnotations(schema["properties"]![jsonName]!), holder["properties"]![jsonName]);
    }

    [Fact]
    public void EverySpecClassCarriesOneDocumentAndNoGeneratedMemberCarriesItsOwn()
    {
        var specClasses = SharedRuns.BundledModels.Loaded.Assembly.GetTypes()
            .Where(t => t.Namespace is "AepFlow.FlowSpecs" or "AepFlow.ConnectionSpecs" && !t.IsNested && t.GetField("Id") is not null)
            .ToArray();

        Assert.NotEmpty(specClasses);
        Assert.All(specClasses, specClass =>
        {
            foreach (var type in specClass.GetNestedTypes())
            {
                Assert.Null(type.GetCustomAttribute<JsonSchemaAttribute>());
                Assert.All(type.GetProperties(), p => Assert.Null(p.GetCustomAttribute<JsonSchemaAttribute>()));
            }
        });
        Assert.Contains(specClasses, c => c.GetCustomAttribute<SpecSchemasAttribute>() is not null);
    }

    private static readonly HashSet<string> Annotations =
        ["description", "title", "examples", "default", "$comment", "$schema", "$id", "id", "readOnly", "writeOnly", "deprecated", "definitions", "$defs", "contentMediaType", "contentEncoding"];

    /// <summary>A copy of the schema without annotation keywords (a member named like one inside <c>properties</c> stays).</summary>
    private static JsonNode WithoutAnnotations(JsonNode schema, bool isPropertyMap = false)
    {
        var copy = schema.DeepClone();
        if (copy is JsonObject obj)
        {
            foreach (var key in obj.Select(p => p.Key).ToList())
            {
                if (!isPropertyMap && Annotations.Contains(key))
                {
                    obj.Remove(key);
                }
                else if (obj[key] is JsonObject or JsonArray && key is not ("enum" or "const" or "required"))
                {
                    obj[key] = WithoutAnnotations(obj[key]!, !isPropertyMap && key == "properties");
                }
            }
        }
        else if (copy is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                array[i] = array[i] is { } item ? WithoutAnnotations(item) : null;
            }
        }

        return copy;
    }

    private static JsonNode Entry(Type specClass, string typeName)
    {
        var attribute = specClass.GetCustomAttribute<SpecSchemasAttribute>();
        Assert.NotNull(attribute);
        return JsonNode.Parse(attribute!.Schemas)![typeName] ?? throw new Xunit.Sdk.XunitException($"{specClass.Name}'s [SpecSchemas] has no {typeName}.");
    }
}
