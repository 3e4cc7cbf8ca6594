using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AepFlow.Generator.Tests.Infrastructure;

/// <summary>Compares JSON as trees (member order ignored, number representation normalised).</summary>
internal static class JsonAssert
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Equal(string expected, string actual) => Equal(JsonNode.Parse(expected), JsonNode.Parse(actual));

    public static void Equal(JsonNode? expected, JsonNode? actual)
    {
        var difference = FirstDifference(expected, actual, "");
        if (difference is not null)
        {
            Assert.Fail(
                $"JSON differs at '{difference}'.\nExpected:\n{expected?.ToJsonString(Indented)}\nActual:\n{actual?.ToJsonString(Indented)}");
        }
    }

    /// <summary>The JSON Pointer of the first difference, or null when the trees are equal.</summary>
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                foreach (var name in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!e.ContainsKey(name) || !a.ContainsKey(name))
                    {
                        return $"{path}/{name}";
                    }

                    if (FirstDifference(e[name], a[name], $"{path}/{name}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Max(e.Count, a.Count); i++)
                {
                    if (i >= e.Count || i >= a.Count)
                    {
                        return $"{path}/{i}";
                    }

                    if (FirstDifference(e[i], a[i], $"{path}/{i}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case (JsonValue e, JsonValue a):
                var ee = e.GetValueKind();
                var ak = a.GetValueKind();
                if (ee != ak)
                {
                    return path;
                }

                return ee == JsonValueKind.Number
                    ? decimal.Parse(e.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                        == decimal.Parse(a.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) ? null : path
                    : JsonNode.DeepEquals(e, a) ? null : path;
            default:
                return path;
        }
    }
}

/// <summary>Small edits on JSON text addressed by JSON Pointer, to derive invalid variants from a valid document.</summary>
internal static class JsonEdit
{
    public static string Set(string json, string pointer, JsonNode? value)
    {
        var root = JsonNode.Parse(json)!;
        var (parent, last) = Parent(root, pointer);
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array:
                array[int.Parse(last)] = value;
                break;
        }

        return root.ToJsonString();
    }

    /// <summary>Sets a value from its JSON text (e.g. <c>"\"30\""</c>, <c>"10"</c>, <c>"null"</c>).</summary>
    public static string SetRaw(string json, string pointer, string valueJson) => Set(json, pointer, JsonNode.Parse(valueJson));

    public static string Remove(string json, string pointer)
    {
        var root = JsonNode.Parse(json)!;
        var (parent, last) = Parent(root, pointer);
        switch (parent)
        {
            case JsonObject obj:
                Assert.True(obj.Remove(last), $"Nothing to remove at {pointer}");
                break;
            case JsonArray array:
                array.RemoveAt(int.Parse(last));
                break;
        }

        return root.ToJsonString();
    }

    private static (JsonNode Parent, string Last) Parent(JsonNode root, string pointer)
    {
        var segments = pointer.Split('/')[1..].Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToArray();
        var node = root;
        foreach (var segment in segments[..^1])
        {
            node = node is JsonArray array ? array[int.Parse(segment)]! : node[segment]!;
        }

        return (node, segments[^1]);
    }
}
