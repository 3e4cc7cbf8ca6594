using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AepFlow.Generator.Tests.Infrastructure;
using AepFlow.Validation;
using Json.Schema;

namespace AepFlow.Generator.Tests.Differential;

/// <summary>
/// The generated validators against an independent oracle, JsonSchema.Net 8.0.5: for every bundled transformation and
/// schedule schema (and the user spec in TestData), a few hundred seeded instances must get the same valid/invalid
/// verdict. For the generated side, an instance is valid when it reads into the generated type (a JsonException means
/// invalid) and then <c>Validate()</c> reports nothing.
/// </summary>
public sealed class DifferentialValidationTests
{
    private const int InstancesPerSchema = 300;
    private const string AcmeId = "7a1c9e52-3b0d-4f6e-9a41-2c5d8e7f9b10";

    private static readonly EvaluationOptions OracleOptions = new()
    {
        OutputFormat = OutputFormat.Flag,
        RequireFormatValidation = true,
    };

    public static TheoryData<string, string> BundledSchemas()
    {
        var data = new TheoryData<string, string>();
        foreach (var spec in SpecFiles.Bundled)
        {
            foreach (var (name, _) in spec.Transformations)
            {
                data.Add(spec.Id, name);
            }

            if (spec.Schedule is not null)
            {
                data.Add(spec.Id, "Schedule");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BundledSchemas))]
    public void GeneratedValidatorAgreesWithJsonSchemaNetOnBundledSchema(string flowSpecId, string schemaName)
    {
        var spec = SpecFiles.BundledById(flowSpecId);
        Compare(SharedRuns.BundledModels, spec, schemaName);
    }

    [Theory]
    [InlineData("Ledger")]
    [InlineData("Schedule")]
    public void GeneratedValidatorAgreesWithJsonSchemaNetOnUserSchema(string schemaName)
    {
        var spec = SpecFiles.ReadFlowSpecs(Path.Combine(RepoPaths.TestData, "acme-ledger.flowspec.json")).Single();
        Assert.Equal(AcmeId, spec.Id);
        Compare(SharedRuns.AcmeModels, spec, schemaName);
    }

    private static void Compare(GeneratedModels models, FlowSpecDocument spec, string schemaName)
    {
        var schemaNode = schemaName == "Schedule" ? spec.Schedule! : spec.Transformations.Single(t => t.Name == schemaName).Schema;
        var typeName = schemaName == "Schedule" ? "ScheduleParams" : $"{char.ToUpperInvariant(schemaName[0])}{schemaName[1..]}Params";
        var type = GeneratedModels.Nested(models.FlowSpecClass(spec.Id), typeName);
        var oracle = JsonSchema.FromText(
            schemaNode.ToJsonString(),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri($"https://aepflow.test/{spec.Id}/{schemaName}"));

        var seed = StableSeed($"{spec.Id}/{schemaName}");
        var instances = new InstanceGenerator(schemaNode, seed).Generate(InstancesPerSchema).ToArray();
        var disagreements = new StringBuilder();
        var disagreementCount = 0;
        var validCount = 0;

        foreach (var json in instances)
        {
            using var document = JsonDocument.Parse(json);
            var expected = oracle.Evaluate(document.RootElement, OracleOptions).IsValid;
            var (actual, detail) = GeneratedVerdict(type, json);
            validCount += expected ? 1 : 0;
            if (expected != actual && ++disagreementCount <= 15)
            {
                disagreements.AppendLine($"  {json}\n    JsonSchema.Net: {(expected ? "valid" : "invalid")}; generated: {(actual ? "valid" : "invalid")} {detail}");
            }
        }

        Assert.True(
            disagreementCount == 0,
            $"{spec.Name}/{schemaName} ({type.Name}, seed {seed}): {disagreementCount} of {instances.Length} instances disagree:\n{disagreements}");

        // The sample must exercise both verdicts, or agreement would prove little.
        Assert.InRange(validCount, instances.Length / 10, instances.Length - (instances.Length / 10));
    }

    private static (bool Valid, string Detail) GeneratedVerdict(Type type, string json)
    {
        object? model;
        try
        {
            model = JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException e)
        {
            return (false, $"(read: {e.Message})");
        }

        var result = ((IAepModel)model!).Validate();
        return (result.IsValid, result.IsValid ? "" : $"({string.Join("; ", result.Errors)})");
    }

    // string.GetHashCode is randomised per process; the seed must be the same on every run.
    private static int StableSeed(string text)
    {
        var hash = 17;
        foreach (var ch in text)
        {
            hash = unchecked((hash * 31) + ch);
        }

        return hash;
    }
}
