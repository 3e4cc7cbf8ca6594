using System.Collections.Generic;

namespace AepFlow.Generator.Parsing;

internal enum JsonNodeKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A parsed JSON value with its position in the source text. Transient (never a pipeline output), so a plain class.
/// Objects keep every member in order, including duplicates; lookups take the last one, as JSON parsers commonly do.
/// </summary>
internal sealed class JsonNode
{
    public JsonNode(JsonNodeKind kind, int start)
    {
        Kind = kind;
        Start = start;
    }

    public JsonNodeKind Kind { get; }

    /// <summary>Character offset of the value's first character in the source text.</summary>
    public int Start { get; }

    /// <summary>Character offset just past the value.</summary>
    public int End { get; set; }

    /// <summary>The unescaped string, or the number's literal text.</summary>
    public string? Text { get; set; }

    public List<JsonMember>? Members { get; set; }

    public List<JsonNode>? Items { get; set; }

    public bool IsObject => Kind == JsonNodeKind.Object;

    public bool IsArray => Kind == JsonNodeKind.Array;

    public bool IsString => Kind == JsonNodeKind.String;

    /// <summary>The value of the last member named <paramref name="name"/>, or null.</summary>
    public JsonNode? Get(string name)
    {
        if (Members is null)
        {
            return null;
        }

        for (var i = Members.Count - 1; i >= 0; i--)
        {
            if (Members[i].Name == name)
            {
                return Members[i].Value;
            }
        }

        return null;
    }

    /// <summary>The member's string value, or null when it is missing or not a string.</summary>
    public string? GetString(string name)
    {
        var node = Get(name);
        return node is { Kind: JsonNodeKind.String } ? node.Text : null;
    }

    /// <summary>Members in order with duplicates removed (the last occurrence wins and takes the first position).</summary>
    public List<JsonMember> DistinctMembers()
    {
        var result = new List<JsonMember>();
        if (Members is null)
        {
            return result;
        }

        var index = new Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var member in Members)
        {
            if (index.TryGetValue(member.Name, out var position))
            {
                result[position] = member;
            }
            else
            {
                index[member.Name] = result.Count;
                result.Add(member);
            }
        }

        return result;
    }
}

/// <summary>An object member: its name, where the name starts, and its value.</summary>
internal sealed class JsonMember
{
    public JsonMember(string name, int nameStart, JsonNode value)
    {
        Name = name;
        NameStart = nameStart;
        Value = value;
    }

    public string Name { get; }

    public int NameStart { get; }

    public JsonNode Value { get; }
}
