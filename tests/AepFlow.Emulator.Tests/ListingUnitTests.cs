using System.Text.Json.Nodes;
using AepFlow.Emulator.Listing;

namespace AepFlow.Emulator.Tests;

public sealed class ListingUnitTests
{
    private static readonly JsonObject Flow = JsonNode.Parse("""
        { "name": "CRMToAEP", "state": "enabled", "createdAt": 1670880253121, "lastRunDetails": { "startedAtUTC": 1670880253999 } }
        """)!.AsObject();

    [Theory]
    [InlineData("name==CRMToAEP", true)]
    [InlineData("name==\"CRMToAEP\"", true)]
    [InlineData("name=='CRMToAEP'", true)]
    [InlineData("name==crmtoaep", false)]
    [InlineData("name==Other,CRMToAEP", true)]
    [InlineData("state!=disabled", true)]
    [InlineData("state!=enabled,disabled", false)]
    [InlineData("createdAt>=1670880253121", true)]
    [InlineData("createdAt>1670880253121", false)]
    [InlineData("createdAt<=1670880253121", true)]
    [InlineData("lastRunDetails.startedAtUTC>1670880253121", true)]
    [InlineData("lastRunDetails", true)]
    [InlineData("missing", false)]
    [InlineData("missing!=x", true)]
    public void Filters_follow_flow_service_semantics(string filter, bool expected)
    {
        Assert.True(PropertyFilter.TryParse(filter, out var parsed, out var error), error);
        Assert.Equal(expected, parsed.Matches(Flow));
    }

    [Theory]
    [InlineData("==x")]
    [InlineData("name==")]
    [InlineData("")]
    public void Malformed_filters_are_reported(string filter)
    {
        Assert.False(PropertyFilter.TryParse(filter, out _, out var error));
        Assert.NotNull(error);
    }
}
