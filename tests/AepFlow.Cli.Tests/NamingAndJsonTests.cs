using System.Text;
using System.Text.Json;
using AepFlow.Cli.Json;
using AepFlow.Cli.Specs;

namespace AepFlow.Cli.Tests;

/// <summary>File names and canonical JSON: the two things that make pulls diff cleanly.</summary>
public sealed class NamingAndJsonTests
{
    [Theory]
    [InlineData("CRMToAEP", "14518937-270c-4525-bdec-c2ba7cce3860", "crm-to-aep-14518937")]
    [InlineData("CloudStorageToAEP", "9753525b-82c7-4dce-8a9b-5ccfce2b9876", "cloud-storage-to-aep-9753525b")]
    [InlineData("Stream data with optional transformation", "d69717ba-71b4-4313-b654-49f9cf126d7a", "stream-data-with-optional-transformation-d69717ba")]
    [InlineData("amazon-s3", "ecadc60c-7455-4d87-84dc-2a0e293d997b", "amazon-s3-ecadc60c")]
    [InlineData("GenericStreamingAEP", "e77fde5a-22a8-11ed-861d-0242ac120002", "generic-streaming-aep-e77fde5a")]
    [InlineData("", "ABCDEF12-0000", "spec-abcdef12")]
    [InlineData("!!", "", "spec")]
    public void File_stems_follow_the_bundled_convention(string name, string id, string expected) =>
        Assert.Equal(expected, SpecFileNames.Stem(name, id));

    [Fact]
    public void Two_specs_with_the_same_name_and_id_prefix_get_their_full_ids()
    {
        using var a = JsonDocument.Parse("""{"id":"12345678-aaaa","name":"Same"}""");
        using var b = JsonDocument.Parse("""{"id":"12345678-bbbb","name":"Same"}""");

        var files = SpecPuller.ToFiles(SpecKind.FlowSpec, [a.RootElement, b.RootElement]).Select(f => f.FileName).ToList();

        Assert.Equal(["same-12345678aaaa.flowspec.json", "same-12345678bbbb.flowspec.json"], files);
    }

    [Fact]
    public void Canonical_json_sorts_keys_keeps_arrays_and_numbers_and_resolves_duplicate_keys_to_the_last()
    {
        using var document = JsonDocument.Parse("""{"b":1.50,"a":{"z":[3,1,2],"y":"é<'"},"b":2.50}""");

        var text = Encoding.UTF8.GetString(CanonicalJson.ToUtf8(document.RootElement));

        Assert.Equal("{\n  \"a\": {\n    \"y\": \"é<'\",\n    \"z\": [\n      3,\n      1,\n      2\n    ]\n  },\n  \"b\": 2.50\n}\n", text);
    }

    [Fact]
    public void Leading_keys_apply_only_at_the_requested_depth()
    {
        using var document = JsonDocument.Parse("""{"items":[{"version":"1","name":"n","id":"x","a":{"name":"inner","id":"i"}}]}""");

        var text = Encoding.UTF8.GetString(CanonicalJson.ToUtf8(document.RootElement, SpecPuller.LeadingKeys, 2));

        Assert.Contains("\"id\": \"x\",\n      \"name\": \"n\",\n      \"version\": \"1\",\n      \"a\"", text, StringComparison.Ordinal);
        Assert.Contains("\"a\": {\n        \"id\": \"i\",\n        \"name\": \"inner\"", text, StringComparison.Ordinal);
    }
}
