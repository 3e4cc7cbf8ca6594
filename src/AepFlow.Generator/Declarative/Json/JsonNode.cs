using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Generator.Declarative.Json;

/// <summary>The kinds of value a <see cref="JsonNode"/> holds; <see cref="Unknown"/> marks a value only known at run time.</summary>
internal enum JsonNodeKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
    Unknown,
}

/// <summary>
/// A JSON value that remembers where it came from: a text span for AdditionalFiles, or any <see cref="Origin"/> object
/// (a C# syntax location) for instances built from constants. Values can be <see cref="JsonNodeKind.Unknown"/> and objects
/// can be partial, so the same schema evaluator serves JSON files and C# initializers.
/// </summary>
internal sealed class JsonNode
{
    private static readonly IReadOnlyList<JsonMember> NoMembers = new JsonMember[0];
    private static readonly IReadOnlyList<JsonNode> NoItems = new JsonNode[0];

    private JsonNode(JsonNodeKind kind, TextSpan span)
    {
        Kind = kind;
        Span = span;
    }

    public JsonNodeKind Kind { get; }

    /// <summary>Span of the whole value in its source text (empty for nodes built from C#).</summary>
    public TextSpan Span { get; }

    /// <summary>Where to report a problem with this value when it did not come from a JSON text (a C# location).</summary>
    public object? Origin { get; set; }

    /// <summary>String value, or the literal text of a number.</summary>
    public string? Text { get; private set; }

    public IReadOnlyList<JsonMember> Members { get; private set; } = NoMembers;

    public IReadOnlyList<JsonNode> Items { get; private set; } = NoItems;

    /// <summary>
    /// True when members that are not listed may still be present at run time (a C# <c>with</c> expression, or members not
    /// set in an initializer): <c>required</c> then cannot fail on their absence.
    /// </summary>
    public bool IsPartial { get; private set; }

    /// <summary>
    /// Members known to be absent even though the object is partial (set to a constant <c>null</c>), with the origin of that
    /// <c>null</c> so a "required" error can point at it.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? KnownAbsent { get; private set; }

    public static JsonNode String(string value, TextSpan span = default) => new(JsonNodeKind.String, span) { Text = value };

    public static JsonNode Number(string literal, TextSpan span = default) => new(JsonNodeKind.Number, span) { Text = literal };

    public static JsonNode Bool(bool value, TextSpan span = default) => new(value ? JsonNodeKind.True : JsonNodeKind.False, span);

    public static JsonNode Null(TextSpan span = default) => new(JsonNodeKind.Null, span);

    public static JsonNode Unknown(object? origin = null) => new(JsonNodeKind.Unknown, default) { Origin = origin };

    public static JsonNode Array(IReadOnlyList<JsonNode> items, TextSpan span = default) => new(JsonNodeKind.Array, span) { Items = items };

    public static JsonNode Object(IReadOnlyList<JsonMember> members, TextSpan span = default, bool partial = false, IReadOnlyDictionary<string, object?>? knownAbsent = null) =>
        new(JsonNodeKind.Object, span) { Members = members, IsPartial = partial, KnownAbsent = knownAbsent };

    public bool IsKnown => Kind != JsonNodeKind.Unknown;

    /// <summary>The first member with this name (RFC 8259 allows duplicates; JsonDocument also keeps the first for lookups we do).</summary>
    public JsonMember? Member(string name)
    {
        foreach (var member in Members)
        {
            if (member.Name == name)
            {
                return member;
            }
        }

        return null;
    }

    public JsonNode? this[string name] => Member(name)?.Value;

    /// <summary>The string value, or null when this is not a string.</summary>
    public string? AsString => Kind == JsonNodeKind.String ? Text : null;

    /// <summary>A short rendering of a scalar for messages: <c>"30"</c>, <c>10</c>, <c>true</c>.</summary>
    public string Display => Kind switch
    {
        JsonNodeKind.String => "\"" + Text + "\"",
        JsonNodeKind.Number => Text ?? "",
        JsonNodeKind.True => "true",
        JsonNodeKind.False => "false",
        JsonNodeKind.Null => "null",
        JsonNodeKind.Array => "an array",
        JsonNodeKind.Object => "an object",
        _ => "a run-time value",
    };
}

/// <summary>An object member with the span of its name, so diagnostics can point at a key.</summary>
internal sealed class JsonMember
{
    public JsonMember(string name, TextSpan nameSpan, JsonNode value)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    public string Name { get; }

    public TextSpan NameSpan { get; }

    public JsonNode Value { get; }
}
