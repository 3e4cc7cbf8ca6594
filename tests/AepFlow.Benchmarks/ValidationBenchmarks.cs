using System.Text.Json;
using System.Text.Json.Nodes;
using AepFlow.FlowSpecs;
using AepFlow.Validation;
using BenchmarkDotNet.Attributes;
using Json.Schema;

namespace AepFlow.Benchmarks;

/// <summary>
/// <c>Validate()</c> on the seed CRMToAEP request's schedule (database-bigquery-create-flow-request.json, integers fixed),
/// against the same rules written by hand and against JsonSchema.Net 8.0.5 evaluating the flowSpec's scheduleSpec.
/// </summary>
[MemoryDiagnoser]
public class ScheduleValidationBenchmarks
{
    private static readonly EvaluationOptions FlagOnly = new() { OutputFormat = OutputFormat.Flag };
    private CrmToAep.ScheduleParams _schedule = null!;
    private JsonElement _scheduleJson;
    private JsonSchema _scheduleSchema = null!;

    /// <summary><c>true</c>: the seed's minute/15 schedule; <c>false</c>: minute/10, which breaks the conditional minimum.</summary>
    [Params(true, false)]
    public bool Valid { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _schedule = new CrmToAep.ScheduleParams
        {
            StartTime = 1612310466,
            Frequency = CrmToAep.Frequency.Minute,
            Interval = Valid ? 15 : 10,
            Backfill = true,
        };
        _scheduleJson = JsonSerializer.SerializeToElement(_schedule);
        _scheduleSchema = Schemas.Load("scheduleSpec");
        if (Generated().IsValid != Valid || HandWritten().IsValid != Valid || JsonSchemaNet() != Valid)
        {
            throw new InvalidOperationException("The three validators disagree; the comparison would be meaningless.");
        }
    }

    [Benchmark(Baseline = true)]
    public ValidationResult HandWritten() => HandWrittenChecks.Validate(_schedule);

    [Benchmark]
    public ValidationResult Generated() => _schedule.Validate();

    [Benchmark]
    public bool JsonSchemaNet() => _scheduleSchema.Evaluate(_scheduleJson, FlagOnly).IsValid;
}

/// <summary>
/// <c>Validate()</c> on the whole seed CRMToAEP request (Copy + Mapping + schedule) against the hand-written check and
/// against JsonSchema.Net evaluating the flowSpec's Copy, Mapping and schedule schemas on the matching parts of the body.
/// </summary>
[MemoryDiagnoser]
public class RequestValidationBenchmarks
{
    private static readonly EvaluationOptions FlagOnly = new() { OutputFormat = OutputFormat.Flag };
    private CrmToAep.CreateFlowRequest _request = null!;
    private JsonElement _copyJson;
    private JsonElement _mappingJson;
    private JsonElement _scheduleJson;
    private JsonSchema _copySchema = null!;
    private JsonSchema _mappingSchema = null!;
    private JsonSchema _scheduleSchema = null!;

    [GlobalSetup]
    public void Setup()
    {
        _request = new CrmToAep.CreateFlowRequest
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
            Schedule = new CrmToAep.ScheduleParams { StartTime = 1612310466, Frequency = CrmToAep.Frequency.Minute, Interval = 15, Backfill = true },
        };
        var body = JsonSerializer.SerializeToElement(_request);
        _copyJson = body.GetProperty("transformations")[0].GetProperty("params");
        _mappingJson = body.GetProperty("transformations")[1].GetProperty("params");
        _scheduleJson = body.GetProperty("scheduleParams");
        _copySchema = Schemas.Load("Copy");
        _mappingSchema = Schemas.Load("Mapping");
        _scheduleSchema = Schemas.Load("scheduleSpec");
        if (!Generated().IsValid || !HandWritten().IsValid || !JsonSchemaNet())
        {
            throw new InvalidOperationException("The seed request must be valid for all three validators.");
        }
    }

    [Benchmark(Baseline = true)]
    public ValidationResult HandWritten() => HandWrittenChecks.Validate(_request);

    [Benchmark]
    public ValidationResult Generated() => _request.Validate();

    [Benchmark]
    public bool JsonSchemaNet() =>
        _copySchema.Evaluate(_copyJson, FlagOnly).IsValid
        & _mappingSchema.Evaluate(_mappingJson, FlagOnly).IsValid
        & _scheduleSchema.Evaluate(_scheduleJson, FlagOnly).IsValid;
}

/// <summary>The CRMToAEP schemas, read from the bundled spec file (the generator's own input).</summary>
internal static class Schemas
{
    public static JsonSchema Load(string which)
    {
        var item = JsonNode.Parse(File.ReadAllText(RepoFiles.CrmToAepSpec))!;
        item = item["items"] is JsonArray items ? items[0]! : item;
        var schema = which == "scheduleSpec"
            ? item["scheduleSpec"]!["spec"]!
            : item["transformationSpecs"]!.AsArray().Single(t => (string)t!["name"]! == which)!["spec"]!;
        return JsonSchema.FromText(
            schema.ToJsonString(),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri($"https://aepflow.benchmarks/crm/{which}"));
    }
}
