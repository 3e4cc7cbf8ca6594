using System.Collections.Generic;

namespace AepFlow.Generator.Json;

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
/// A JSON value that remembers where it came from: character offsets into its text (spec files and declarative
/// AdditionalFiles, read by <see cref="JsonTreeReader"/>), or any <see cref="Origin"/> object (a C# syntax location) for
/// instances the analyzers build from constants. Values can be <see cref="JsonNodeKind.Unknown"/> and objects partial, so
/// one schema evaluator serves JSON files and C# initializers. Objects hold each name once (the reader reports duplicates).
/// This file has no Roslyn dependency: the CLI and the emulator compile it too.
/// </summary>
internal sealed partial class JsonNode
{
    private static readonly IReadOnlyList<JsonMember> NoMembers = new JsonMember[0];
    private static readonly IReadOnlyList<JsonNode> NoItems = new JsonNode[0];

    private JsonNode(JsonNodeKind kind, int start, int end)
    {
        Kind = kind;
        Start = start;
        End = end;
    }

    public JsonNodeKind Kind { get; }

    /// <summary>Character offset of the value's first character in its text (0 for nodes built from C#).</summary>
    public int Start { get; }

    /// <summary>Character offset just past the value.</summary>
    public int End { get; }

    /// <summary>Where to report a problem with this value when it did not come from a JSON text (a C# location).</summary>
    public object? Origin { get; set; }

    /// <summary>The unescaped string, or the literal text of a number.</summary>
    public string? Text { get; private set; }

    /// <summary>An object's members in text order, each name once.</summary>
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

    public static JsonNode String(string value, int start = 0, int end = 0) => new(JsonNodeKind.String, start, end) { Text = value };

    public static JsonNode Number(string literal, int start = 0, int end = 0) => new(JsonNodeKind.Number, start, end) { Text = literal };

    public static JsonNode Bool(bool value, int start = 0, int end = 0) => new(value ? JsonNodeKind.True : JsonNodeKind.False, start, end);

    public static JsonNode Null(int start = 0, int end = 0) => new(JsonNodeKind.Null, start, end);

    public static JsonNode Unknown(object? origin = null) => new(JsonNodeKind.Unknown, 0, 0) { Origin = origin };

    public static JsonNode Array(IReadOnlyList<JsonNode> items, int start = 0, int end = 0) => new(JsonNodeKind.Array, start, end) { Items = items };

    public static JsonNode Object(IReadOnlyList<JsonMember> members, int start = 0, int end = 0, bool partial = false, IReadOnlyDictionary<string, object?>? knownAbsent = null) =>
        new(JsonNodeKind.Object, start, end) { Members = members, IsPartial = partial, KnownAbsent = knownAbsent };

    public bool IsKnown => Kind != JsonNodeKind.Unknown;

    public bool IsObject => Kind == JsonNodeKind.Object;

    public bool IsArray => Kind == JsonNodeKind.Array;

    public bool IsString => Kind == JsonNodeKind.String;

    /// <summary>The member with this name, or null.</summary>
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

    /// <summary>The value of the member with this name, or null.</summary>
    public JsonNode? this[string name] => Member(name)?.Value;

    /// <summary>The member's string value, or null when it is missing or not a string.</summary>
    public string? GetString(string name) => this[name]?.AsString;

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

/// <summary>An object member with where its name starts and ends, so diagnostics can point at a key.</summary>
internal sealed partial class JsonMember
{
    public JsonMember(string name, int nameStart, int nameEnd, JsonNode value)
    {
        Name = name;
        NameStart = nameStart;
        NameEnd = nameEnd;
        Value = value;
    }

    public string Name { get; }

    /// <summary>Character offset of the name's opening quote.</summary>
    public int NameStart { get; }

    /// <summary>Character offset just past the name's closing quote.</summary>
    public int NameEnd { get; }

    public JsonNode Value { get; }
}
