using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace AepFlow.Serialization;

/// <summary>
/// Reading helpers called by generated converters. Each reads the value the reader is positioned on and throws an
/// <see cref="AepJsonException"/> naming the member's JSON Pointer and the expected JSON type when the value does not fit.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AepJson
{
    /// <summary>Throws unless the reader is on the start of an object.</summary>
    public static void ExpectObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw TypeMismatch(string.Empty, "an object", reader.TokenType);
        }
    }

    /// <summary>Throws unless the reader is on the start of an array; <paramref name="member"/> names it in the error.</summary>
    public static void ExpectArray(ref Utf8JsonReader reader, string member)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw TypeMismatch(Pointer(member), "an array", reader.TokenType);
        }
    }

    /// <summary>Throws unless the reader is on the start of an array that is itself an array element.</summary>
    public static void ExpectArray(ref Utf8JsonReader reader, int index)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw TypeMismatch(Pointer(index), "an array", reader.TokenType);
        }
    }

    /// <summary>Reads the current property name and moves to its value.</summary>
    public static void ReadPropertyValue(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON ended inside an object.");
        }
    }

    /// <summary>Reads a JSON string.</summary>
    public static string ReadString(ref Utf8JsonReader reader, string member) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw TypeMismatch(Pointer(member), "a string", reader.TokenType);

    /// <summary>Reads a JSON string that is an array element.</summary>
    public static string ReadString(ref Utf8JsonReader reader, int index) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw TypeMismatch(Pointer(index), "a string", reader.TokenType);

    /// <summary>Reads a JSON boolean.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader, string member) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw TypeMismatch(Pointer(member), "a boolean", reader.TokenType),
    };

    /// <summary>Reads a JSON boolean that is an array element.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader, int index) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw TypeMismatch(Pointer(index), "a boolean", reader.TokenType),
    };

    /// <summary>Reads a JSON integer that fits <see cref="int"/>.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader, string member) => ReadInt32At(ref reader, Pointer(member));

    /// <summary>Reads a JSON integer array element that fits <see cref="int"/>.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader, int index) => ReadInt32At(ref reader, Pointer(index));

    /// <summary>Reads a JSON integer that fits <see cref="long"/>.</summary>
    public static long ReadInt64(ref Utf8JsonReader reader, string member) => ReadInt64At(ref reader, Pointer(member));

    /// <summary>Reads a JSON integer array element that fits <see cref="long"/>.</summary>
    public static long ReadInt64(ref Utf8JsonReader reader, int index) => ReadInt64At(ref reader, Pointer(index));

    /// <summary>Reads a JSON number.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader, string member) =>
        reader.TokenType == JsonTokenType.Number ? reader.GetDouble() : throw TypeMismatch(Pointer(member), "a number", reader.TokenType);

    /// <summary>Reads a JSON number that is an array element.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader, int index) =>
        reader.TokenType == JsonTokenType.Number ? reader.GetDouble() : throw TypeMismatch(Pointer(index), "a number", reader.TokenType);

    /// <summary>Reads any JSON value as a detached <see cref="JsonElement"/>.</summary>
    public static JsonElement ReadElement(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>The error for a required member that the JSON object does not have.</summary>
    public static AepJsonException MissingMember(string member) =>
        new(Pointer(member), "required", "is required but missing");

    /// <summary>The error for a string that is not one of the allowed values.</summary>
    public static AepJsonException UnknownValue(ref Utf8JsonReader reader, string allowed) =>
        reader.TokenType == JsonTokenType.String
            ? new AepJsonException(string.Empty, "enum", $"must be one of {allowed}, but it is \"{reader.GetString()}\"")
            : TypeMismatch(string.Empty, "a string", reader.TokenType);

    /// <summary>The error for a JSON value of the wrong type.</summary>
    public static AepJsonException TypeMismatch(string pointer, string expected, JsonTokenType actual) =>
        new(pointer, "type", $"must be {expected}, but it is {Describe(actual)}");

    private static int ReadInt32At(ref Utf8JsonReader reader, string pointer)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw TypeMismatch(pointer, "an integer", reader.TokenType);
        }

        if (reader.TryGetInt32(out var value))
        {
            return value;
        }

        // JSON Schema counts 30.0 as an integer; anything else with a fraction or out of range is not one.
        return reader.TryGetDouble(out var number) && number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : throw new AepJsonException(pointer, "type", "must be an integer between -2147483648 and 2147483647");
    }

    private static long ReadInt64At(ref Utf8JsonReader reader, string pointer)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw TypeMismatch(pointer, "an integer", reader.TokenType);
        }

        if (reader.TryGetInt64(out var value))
        {
            return value;
        }

        return reader.TryGetDouble(out var number) && number == Math.Floor(number) && number is >= -9.2e18 and <= 9.2e18
            ? (long)number
            : throw new AepJsonException(pointer, "type", "must be an integer that fits in 64 bits");
    }

    private static string Pointer(string member) => "/" + member.Replace("~", "~0").Replace("/", "~1");

    private static string Pointer(int index) => "/" + index.ToString(CultureInfo.InvariantCulture);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };
}
