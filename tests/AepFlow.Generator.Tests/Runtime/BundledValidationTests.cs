using AepFlow.Generator.Tests.Infrastructure;
using AepFlow.Validation;

namespace AepFlow.Generator.Tests.Runtime;

/// <summary>
/// Each rule family of the bundled CRMToAEP flowSpec, broken one at a time in an otherwise valid POST /flows body, is
/// reported at the right JSON Pointer with the right keyword (read through the generated FlowSpecCatalog).
/// </summary>
public sealed class BundledValidationTests
{
    private static readonly Lazy<string> ValidBody = new(() =>
        SeedExpectations.Expected("database-bigquery-create-flow-request.json", "14518937-270c-4525-bdec-c2ba7cce3860").ToJsonString());

    public static TheoryData<string, string, string, string> Violations => new()
    {
        // description, JSON Pointer to change, new value (JSON text, or "<remove>"), expected "path keyword"
        { "minute every 10 breaks the conditional minimum", "/scheduleParams/interval", "10", "/scheduleParams/interval minimum" },
        { "minute every 14 is one below the minute minimum", "/scheduleParams/interval", "14", "/scheduleParams/interval minimum" },
        { "hour every 0 breaks the default minimum", "/scheduleParams/interval", "0", "/scheduleParams/interval minimum" },
        { "hour schedule without interval", "/scheduleParams", """{"startTime":1612310466,"frequency":"hour"}""", "/scheduleParams/interval required" },
        { "schedule without frequency", "/scheduleParams/frequency", "<remove>", "/scheduleParams/frequency required" },
        { "schedule without startTime", "/scheduleParams/startTime", "<remove>", "/scheduleParams/startTime required" },
        { "interval sent as a string", "/scheduleParams/interval", "\"30\"", "/scheduleParams/interval type" },
        { "startTime with a fraction", "/scheduleParams/startTime", "1.5", "/scheduleParams/startTime type" },
        { "backfill sent as a string", "/scheduleParams/backfill", "\"true\"", "/scheduleParams/backfill type" },
        { "frequency outside the enum", "/scheduleParams/frequency", "\"monthly\"", "/scheduleParams/frequency enum" },
        { "frequency with the wrong case", "/scheduleParams/frequency", "\"Minute\"", "/scheduleParams/frequency enum" },
        { "Copy without deltaColumn", "/transformations/0/params/deltaColumn", "<remove>", "/transformations/0/params/deltaColumn required" },
        { "deltaColumn without name", "/transformations/0/params/deltaColumn/name", "<remove>", "/transformations/0/params/deltaColumn/name required" },
        { "mappingId that is no mapping set id", "/transformations/1/params/mappingId", "\"not-a-mapping\"", "/transformations/1/params/mappingId pattern" },
        { "mappingVersion as a number", "/transformations/1/params/mappingVersion", "0", "/transformations/1/params/mappingVersion type" },
        { "request without name", "/name", "<remove>", "/name required" },
        { "unknown flowSpec id", "/flowSpec/id", "\"00000000-0000-0000-0000-000000000000\"", "/flowSpec/id enum" },
        { "no flowSpec at all", "/flowSpec", "<remove>", "/flowSpec required" },
    };

    public static TheoryData<string, string, string> Accepted => new()
    {
        { "minute every 15 is exactly the minute minimum", "/scheduleParams/interval", "15" },
        { "hour every 1 is exactly the default minimum", "/scheduleParams", """{"startTime":1612310466,"frequency":"hour","interval":1}""" },
        { "once with neither interval nor backfill", "/scheduleParams", """{"startTime":1612310466,"frequency":"once"}""" },
        { "week every 2 with an end time", "/scheduleParams", """{"startTime":1612310466,"endTime":1712310466,"frequency":"week","interval":2,"backfill":false}""" },
        { "mappingId as a GUID", "/transformations/1/params/mappingId", "\"0b090130-b58b-4819-afc7-8b6dc98b484d\"" },
        { "an unknown extra member in params", "/transformations/1/params/note", "\"kept by the schema, which has no additionalProperties\"" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void BrokenRuleIsReportedAtItsPointerWithItsKeyword(string description, string pointer, string value, string expected)
    {
        var json = value == "<remove>" ? JsonEdit.Remove(ValidBody.Value, pointer) : JsonEdit.SetRaw(ValidBody.Value, pointer, value);

        var result = SharedRuns.BundledModels.ValidateFlowJson(json);

        Assert.False(result.IsValid, $"{description}: accepted {json}");
        var reported = result.Errors.Select(e => $"{e.Path} {e.Keyword}").ToArray();
        Assert.True(reported.Contains(expected), $"{description}: expected '{expected}', got: {string.Join(" | ", result.Errors)}");
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void BoundaryValueThatKeepsEveryRuleIsValid(string description, string pointer, string value)
    {
        var json = JsonEdit.SetRaw(ValidBody.Value, pointer, value);

        var result = SharedRuns.BundledModels.ValidateFlowJson(json);

        Assert.True(ReferenceEquals(ValidationResult.Valid, result), $"{description}: {result}");
    }

    [Theory]
    [InlineData("""{"startTime":1612310466,"frequency":"once","interval":15}""")]
    [InlineData("""{"startTime":1612310466,"frequency":"once","backfill":true}""")]
    public void OnceScheduleRejectsIntervalOrBackfill(string schedule)
    {
        var result = SharedRuns.BundledModels.ValidateFlowJson(JsonEdit.SetRaw(ValidBody.Value, "/scheduleParams", schedule));

        Assert.False(result.IsValid);
        Assert.All(result.Errors, e => Assert.StartsWith("/scheduleParams", e.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void MinuteEveryTenMessageNamesTheConditionAndTheBound()
    {
        var result = SharedRuns.BundledModels.ValidateFlowJson(JsonEdit.SetRaw(ValidBody.Value, "/scheduleParams/interval", "10"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("15", error.Message, StringComparison.Ordinal);
        Assert.Contains("minute", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextThatIsNotJsonIsReportedAtTheRootWithKeywordJson()
    {
        var result = SharedRuns.BundledModels.ValidateFlowJson("{ \"name\": ");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("", "json"), (error.Path, error.Keyword));
    }

    [Theory]
    [InlineData("minute", 10, "/scheduleParams/interval minimum")]
    [InlineData("minute", 14, "/scheduleParams/interval minimum")]
    [InlineData("hour", 0, "/scheduleParams/interval minimum")]
    [InlineData("hour", null, "/scheduleParams/interval required")]
    public void TypedRequestWithBrokenScheduleFailsAtTheScheduleMember(string frequency, int? interval, string expected)
    {
        var request = (IAepModel)SharedRuns.SeedModels.Loaded.Invoke("Probes.SeedRequests", "DatabaseBigQueryWithSchedule", frequency, interval)!;

        var error = Assert.Single(request.Validate().Errors);
        Assert.Equal(expected, $"{error.Path} {error.Keyword}");
    }

    [Fact]
    public void ScheduleValidatedOnItsOwnReportsPathsRelativeToItself()
    {
        var result = Schedule("minute", 10).Validate();

        var error = Assert.Single(result.Errors);
        Assert.Equal(("/interval", "minimum"), (error.Path, error.Keyword));
    }

    [Fact]
    public void TypedOnceScheduleWithIntervalIsRejected()
    {
        var request = (IAepModel)SharedRuns.SeedModels.Loaded.Invoke("Probes.SeedRequests", "DatabaseBigQueryWithSchedule", "once", 15)!;

        var result = request.Validate();

        Assert.False(result.IsValid);
        Assert.All(result.Errors, e => Assert.StartsWith("/scheduleParams", e.Path, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("once", null)]
    [InlineData("minute", 15)]
    [InlineData("week", 1)]
    public void TypedValidScheduleAloneGetsTheSharedValidResult(string frequency, int? interval)
    {
        Assert.Same(ValidationResult.Valid, Schedule(frequency, interval).Validate());
    }

    [Fact]
    public void ValidatingAValidRequestAllocatesNothing()
    {
        var request = (IAepModel)SharedRuns.SeedModels.Loaded.Invoke("Probes.SeedRequests", "DatabaseBigQuery")!;
        request.Validate(); // warm up (JIT, statics)

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            request.Validate();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static IAepModel Schedule(string frequency, int? interval) =>
        (IAepModel)SharedRuns.SeedModels.Loaded.Invoke("Probes.SeedRequests", "ScheduleAlone", frequency, interval)!;
}
