using System.Text;
using System.Text.Json;
using AepFlow.Generator.Tests.Infrastructure;
using AepFlow.Validation;

namespace AepFlow.Generator.Tests.Runtime;

/// <summary>
/// Connection requests typed by their connectionSpec (<c>CreateSourceConnectionRequest&lt;Salesforce&gt;</c>): the spec id and
/// version come from the spec, tabular sources send <c>data.format</c> themselves, and the body is the one the untyped request
/// with hand-typed ids writes.
/// </summary>
public sealed class TypedConnectionTests
{
    private static IAepModel Probe(string method, params object?[] args) =>
        (IAepModel)SharedRuns.SeedModels.Loaded.Invoke("Probes.TypedConnections", method, args)!;

    private static string Json(IAepModel model)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            model.WriteJson(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Theory]
    [InlineData("Base")]
    [InlineData("Source")]
    [InlineData("Target")]
    public void TypedRequestWritesTheUntypedRequestsBody(string kind)
    {
        var typed = Probe(kind + "Typed");

        JsonAssert.Equal(Json(Probe(kind + "Untyped")), Json(typed));
        Assert.Same(ValidationResult.Valid, typed.Validate());
    }

    [Fact]
    public void SpecVersionComesFromTheSpecAndTabularSourcesSayTabular()
    {
        var body = JsonDocument.Parse(Json(Probe("SourceTyped"))).RootElement;

        var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.BundledConnectionSpecs, "salesforce-cfc0fee1.json"))).RootElement.GetProperty("items")[0];
        Assert.Equal(spec.GetProperty("version").GetString(), body.GetProperty("connectionSpec").GetProperty("version").GetString());
        Assert.Equal(spec.GetProperty("id").GetString(), body.GetProperty("connectionSpec").GetProperty("id").GetString());
        Assert.Equal("tabular", body.GetProperty("data").GetProperty("format").GetString());
    }

    [Fact]
    public void TypedParamsAreValidatedThroughTheRequest()
    {
        var result = Probe("SourceWithTable", "").Validate();

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Path.Contains("tableName", StringComparison.Ordinal));
    }
}
