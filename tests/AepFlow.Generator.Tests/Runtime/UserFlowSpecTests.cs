using System.Text.Json;
using System.Text.Json.Nodes;
using AepFlow.Generator.Tests.Infrastructure;
using AepFlow.Validation;

namespace AepFlow.Generator.Tests.Runtime;

/// <summary>
/// A flowSpec the user ships as <c>acme-ledger.flowspec.json</c> (TestData) generates its own types, and every draft-07
/// keyword it uses is enforced by the generated validator.
/// </summary>
public sealed class UserFlowSpecTests
{
    private const string AcmeId = "7a1c9e52-3b0d-4f6e-9a41-2c5d8e7f9b10";
    private const string Params = "/transformations/0/params";

    private static readonly Lazy<string> ValidBody = new(() =>
    {
        var request = Request("Valid");
        return JsonSerializer.Serialize(request, request.GetType());
    });

    public static TheoryData<string, string, string> Violations => new()
    {
        // pointer below the Ledger params, new value (JSON text or "<remove>"), expected "path keyword"
        { "/currency", "\"GBP\"", $"{Params}/currency enum" },
        { "/currency", "<remove>", $"{Params}/currency required" },
        { "/amount", "0", $"{Params}/amount exclusiveMinimum" },
        { "/amount", "-3.5", $"{Params}/amount exclusiveMinimum" },
        { "/amount", "1000000.5", $"{Params}/amount maximum" },
        { "/amount", "\"12\"", $"{Params}/amount type" },
        { "/batchSize", "0", $"{Params}/batchSize minimum" },
        { "/batchSize", "501", $"{Params}/batchSize exclusiveMaximum" },
        { "/accountCode", "\"DE12345\"", $"{Params}/accountCode pattern" },
        { "/accountCode", "\"de1234\"", $"{Params}/accountCode pattern" },
        { "/iban", "\"DE89370400440\"", $"{Params}/iban minLength" },
        { "/iban", "\"DE8937040044053201300012345678901234\"", $"{Params}/iban maxLength" },
        { "/ledgerKind", "\"special\"", $"{Params}/ledgerKind const" },
        { "/notifyEmail", "\"not-an-email\"", $"{Params}/notifyEmail format" },
        { "/tags", """["ok","this-tag-is-too-long"]""", $"{Params}/tags/1 maxLength" },
        { "/tags", "\"ok\"", $"{Params}/tags type" },
        { "/accountCode", "<remove>", $"{Params} anyOf" },
        { "/channel", "\"batch\"", $"{Params} oneOf" },
        { "/channel", "<remove>", $"{Params} oneOf" },
        // not: {required: [legacyCode]} is reported at the member that must go, like required is (docs/generated-api.md).
        { "/legacyCode", "\"X1\"", $"{Params}/legacyCode not" },
        { "/memo", $"\"{new string('m', 141)}\"", $"{Params}/memo maxLength" },
    };

    public static TheoryData<string, string> Accepted => new()
    {
        { "/currency", "\"USD\"" },
        { "/amount", "1000000" },
        { "/amount", "0.01" },
        { "/batchSize", "500" },
        { "/iban", "\"DE89370400440532013000\"" },
        { "/ledgerKind", "\"general\"" },
        { "/notifyEmail", "\"ops@acme.example\"" },
        { "/memo", $"\"{new string('m', 140)}\"" },
        { "/tags", "[]" },
    };

    [Fact]
    public void UserSpecTypesSerializeToTheFlowServiceBody()
    {
        var expected = $$"""
            {
              "name": "Acme ledger",
              "flowSpec": { "id": "{{AcmeId}}", "version": "2.1" },
              "sourceConnectionIds": ["1b2c3d4e-0000-4000-8000-000000000001"],
              "targetConnectionIds": ["1b2c3d4e-0000-4000-8000-000000000002"],
              "transformations": [
                { "name": "Ledger", "params": { "currency": "EUR", "amount": 12, "accountCode": "DE1234", "channel": "realtime", "tags": ["q1", "audit"] } }
              ],
              "scheduleParams": { "startTime": 1700000000, "frequency": "hour", "interval": 2 }
            }
            """;

        JsonAssert.Equal(expected, ValidBody.Value);
    }

    [Fact]
    public void ValidUserRequestGetsTheSharedValidResult()
    {
        Assert.Same(ValidationResult.Valid, Request("Valid").Validate());
        Assert.Same(ValidationResult.Valid, SharedRuns.AcmeModels.ValidateFlowJson(ValidBody.Value));
    }

    [Fact]
    public void TypedRequestReportsPatternAndExclusiveMinimum()
    {
        var request = (IFlowRequest)SharedRuns.AcmeModels.Loaded.Invoke("Probes.AcmeLedgerRequests", "WithCodeAndAmount", "de1234", 0.0)!;

        var reported = request.Validate().Errors.Select(e => $"{e.Path} {e.Keyword}").ToArray();

        Assert.Contains($"{Params}/amount exclusiveMinimum", reported);
        Assert.Contains($"{Params}/accountCode pattern", reported);
        Assert.Equal(2, reported.Length);
    }

    [Theory]
    [MemberData(nameof(Violations))]
    public void UserSpecRuleIsEnforcedAtItsPointer(string pointer, string value, string expected)
    {
        var json = Edit(ValidBody.Value, Params + pointer, value);

        var result = SharedRuns.AcmeModels.ValidateFlowJson(json);

        var reported = result.Errors.Select(e => $"{e.Path} {e.Keyword}").ToArray();
        Assert.True(reported.Contains(expected), $"expected '{expected}' for {pointer}={value}, got: {string.Join(" | ", result.Errors)}");
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void UserSpecBoundaryValueIsAccepted(string pointer, string value)
    {
        var result = SharedRuns.AcmeModels.ValidateFlowJson(Edit(ValidBody.Value, Params + pointer, value));

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void BatchChannelWithBatchSizeSatisfiesExactlyOneOneOfBranch()
    {
        var json = Edit(Edit(ValidBody.Value, $"{Params}/channel", "\"batch\""), $"{Params}/batchSize", "100");

        Assert.Same(ValidationResult.Valid, SharedRuns.AcmeModels.ValidateFlowJson(json));
    }

    [Theory]
    [InlineData("/frequency", "\"minute\"", "/scheduleParams/frequency enum")]
    [InlineData("/interval", "25", "/scheduleParams/interval maximum")]
    [InlineData("/interval", "0", "/scheduleParams/interval minimum")]
    [InlineData("/interval", "<remove>", "/scheduleParams/interval required")]
    public void UserScheduleSpecReplacesTheUsualScheduleRules(string pointer, string value, string expected)
    {
        var result = SharedRuns.AcmeModels.ValidateFlowJson(Edit(ValidBody.Value, "/scheduleParams" + pointer, value));

        Assert.Contains(expected, result.Errors.Select(e => $"{e.Path} {e.Keyword}"));
    }

    [Fact]
    public void UserEnumIsNamedAfterItsPropertyAndKeepsTheExactJsonValues()
    {
        var specClass = SharedRuns.AcmeModels.FlowSpecClass(AcmeId);
        var currency = GeneratedModels.Nested(specClass, "Currency");

        Assert.True(currency.IsEnum);
        Assert.Equal(["Eur", "Usd"], Enum.GetNames(currency));
        Assert.Equal("\"USD\"", JsonSerializer.Serialize(Enum.Parse(currency, "Usd"), currency));
        Assert.Equal("AcmeLedgerToAep", specClass.Name);
    }

    [Fact]
    public void UserFlowSpecIsListedInTheCatalogBesideTheBundledOnes()
    {
        var all = (System.Collections.IEnumerable)SharedRuns.AcmeModels.Loaded
            .GetType("AepFlow.FlowSpecs.FlowSpecCatalog").GetProperty("All")!.GetValue(null)!;
        var ids = all.Cast<object>().Select(e => (string)e.GetType().GetProperty("Id")!.GetValue(e)!).ToArray();

        Assert.Contains(AcmeId, ids);
        Assert.Equal(SpecFiles.Bundled.Count + 1, ids.Length);
    }

    private static IFlowRequest Request(string probe) =>
        (IFlowRequest)SharedRuns.AcmeModels.Loaded.Invoke("Probes.AcmeLedgerRequests", probe)!;

    private static string Edit(string json, string pointer, string value) =>
        value == "<remove>" ? JsonEdit.Remove(json, pointer) : JsonEdit.Set(json, pointer, JsonNode.Parse(value));
}
