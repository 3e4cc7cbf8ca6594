using System.Text.Json.Nodes;

namespace AepFlow.Emulator.Tests;

public sealed class JsonPatchTests
{
    private static readonly IReadOnlySet<string> ReadOnly = new HashSet<string> { "id" };

    [Fact]
    public void Add_replace_remove_and_test_follow_rfc_6902()
    {
        var target = JsonNode.Parse("""{ "id": "1", "a": { "b": 1 }, "list": [1, 2], "x~y": 0, "p/q": 0 }""")!.AsObject();
        var patch = JsonNode.Parse("""
            [ { "op": "test", "path": "/a/b", "value": 1 },
              { "op": "replace", "path": "/a/b", "value": 2 },
              { "op": "add", "path": "/list/-", "value": 3 },
              { "op": "add", "path": "/list/0", "value": 0 },
              { "op": "remove", "path": "/list/1" },
              { "op": "replace", "path": "/x~0y", "value": 1 },
              { "op": "remove", "path": "/p~1q" },
              { "op": "add", "path": "/c", "value": { "d": true } } ]
            """)!.AsArray();

        Assert.Null(JsonPatch.Apply(target, patch, ReadOnly));
        Assert.Equal("""{"id":"1","a":{"b":2},"list":[0,2,3],"x~y":1,"c":{"d":true}}""", target.ToJsonString());
    }

    [Theory]
    [InlineData("""[ { "op": "replace", "path": "/missing", "value": 1 } ]""", "does not exist")]
    [InlineData("""[ { "op": "replace", "path": "/id", "value": "2" } ]""", "cannot be changed")]
    [InlineData("""[ { "op": "move", "path": "/a", "from": "/b" } ]""", "not a supported op")]
    [InlineData("""[ { "op": "test", "path": "/a", "value": 2 } ]""", "differs")]
    [InlineData("""[ { "op": "add", "path": "a", "value": 2 } ]""", "JSON Pointer")]
    [InlineData("""[ { "op": "add", "path": "/a" } ]""", "needs a 'value'")]
    [InlineData("""[ 1 ]""", "not an object")]
    public void Bad_operations_are_reported_with_their_index(string patch, string message)
    {
        var target = JsonNode.Parse("""{ "id": "1", "a": 1 }""")!.AsObject();

        var error = JsonPatch.Apply(target, JsonNode.Parse(patch)!.AsArray(), ReadOnly);

        Assert.NotNull(error);
        Assert.StartsWith("Operation 0", error);
        Assert.Contains(message, error);
    }
}
