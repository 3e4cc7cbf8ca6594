using System.Globalization;
using System.Text.Json.Nodes;

namespace AepFlow.Emulator;

/// <summary>
/// Applies an RFC 6902 JSON Patch (<c>add</c>, <c>replace</c>, <c>remove</c>, <c>test</c>) to a resource, as Flow Service's
/// PATCH operations take it. Paths listed as read-only (<c>/id</c>, <c>/etag</c>…) are refused.
/// </summary>
internal static class JsonPatch
{
    /// <summary>Applies <paramref name="operations"/> to <paramref name="target"/> in place; returns an error message or null.</summary>
    public static string? Apply(JsonObject target, JsonArray operations, IReadOnlySet<string> readOnlyRoots)
    {
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i] is not JsonObject operation)
            {
                return $"Operation {i} is not an object.";
            }

            var op = (operation["op"] as JsonValue)?.TryGetValue(out string? o) == true ? o : null;
            var path = (operation["path"] as JsonValue)?.TryGetValue(out string? p) == true ? p : null;
            if (op is null || path is null)
            {
                return $"Operation {i} needs string 'op' and 'path' members.";
            }

            if (!path.StartsWith('/'))
            {
                return $"Operation {i}: path '{path}' must be a JSON Pointer starting with '/'.";
            }

            var segments = path[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
            if (readOnlyRoots.Contains(segments[0]))
            {
                return $"Operation {i}: '/{segments[0]}' cannot be changed.";
            }

            var hasValue = operation.TryGetPropertyValue("value", out var value);
            var error = op switch
            {
                "add" or "replace" when !hasValue => "needs a 'value'",
                "add" => Set(target, segments, value?.DeepClone(), mustExist: false),
                "replace" => Set(target, segments, value?.DeepClone(), mustExist: true),
                "remove" => Remove(target, segments),
                "test" => Test(target, segments, value),
                _ => $"'{op}' is not a supported op (add, replace, remove, test)",
            };
            if (error is not null)
            {
                return $"Operation {i} ({op} {path}): {error}.";
            }
        }

        return null;
    }

    private static string? Set(JsonObject root, string[] segments, JsonNode? value, bool mustExist)
    {
        if (Parent(root, segments) is not { } parent)
        {
            return "the parent of the path does not exist";
        }

        var last = segments[^1];
        switch (parent)
        {
            case JsonObject obj:
                if (mustExist && !obj.ContainsKey(last))
                {
                    return "the member does not exist";
                }

                obj[last] = value;
                return null;
            case JsonArray array:
                if (last == "-" && !mustExist)
                {
                    array.Add(value);
                    return null;
                }

                if (!int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index > array.Count || (mustExist && index == array.Count))
                {
                    return "the array index is out of range";
                }

                if (mustExist)
                {
                    array[index] = value;
                }
                else
                {
                    array.Insert(index, value);
                }

                return null;
            default:
                return "the parent is not an object or array";
        }
    }

    private static string? Remove(JsonObject root, string[] segments)
    {
        var parent = Parent(root, segments);
        var last = segments[^1];
        return parent switch
        {
            JsonObject obj => obj.Remove(last) ? null : "the member does not exist",
            JsonArray array when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count
                => RemoveAt(array, index),
            _ => "the path does not exist",
        };

        static string? RemoveAt(JsonArray array, int index)
        {
            array.RemoveAt(index);
            return null;
        }
    }

    private static string? Test(JsonObject root, string[] segments, JsonNode? expected)
    {
        JsonNode? node = root;
        foreach (var segment in segments)
        {
            node = Child(node, segment);
        }

        return JsonNode.DeepEquals(node, expected) ? null : "the value differs";
    }

    private static JsonNode? Parent(JsonObject root, string[] segments)
    {
        JsonNode? node = root;
        foreach (var segment in segments.AsSpan(0, segments.Length - 1))
        {
            node = Child(node, segment);
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static JsonNode? Child(JsonNode? node, string segment) => node switch
    {
        JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
        JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
        _ => null,
    };
}
