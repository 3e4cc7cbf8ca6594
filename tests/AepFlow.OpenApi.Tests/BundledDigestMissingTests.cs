using System.Text;
using AepFlow.Generator.OpenApi;

namespace AepFlow.OpenApi.Tests;

/// <summary>AEPF092: a generator built without a readable digest says so instead of silently generating nothing.</summary>
public sealed class BundledDigestMissingTests
{
    [Fact]
    public void A_missing_digest_is_AEPF092_when_the_client_operations_are_asked_for()
    {
        var generator = new AepClientGenerator(() => BundledOpenApiDigest.Load(null));

        var (output, diagnostics, run) = GeneratorHarness.Run(generator, generateClient: true);

        var error = Assert.Single(diagnostics);
        Assert.Equal("AEPF092", error.Id);
        Assert.Contains("AepFlow.OpenApi.digest.json not found", error.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Results.Single().GeneratedSources);
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Fact]
    public void A_missing_digest_does_not_matter_to_compilations_that_did_not_ask()
    {
        var generator = new AepClientGenerator(() => BundledOpenApiDigest.Load(null));

        var (_, diagnostics, _) = GeneratorHarness.Run(generator, generateClient: false);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_digest_of_another_format_version_is_refused_with_the_reason()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""{"formatVersion":99,"services":[]}"""));

        var (digest, error) = BundledOpenApiDigest.Load(stream);

        Assert.Null(digest);
        Assert.Contains("format 99", error, StringComparison.Ordinal);
    }
}
