using System.Text.Json;

namespace AepFlow.Serialization;

/// <summary>
/// Thrown by generated converters when JSON does not fit the spec's shape: a member of the wrong JSON type,
/// a missing required member, an unknown enum value or transformation. Carries the JSON Pointer of the offending value
/// so callers (and <c>FlowSpecCatalog.ValidateFlowJson</c>) can report it like a validation error.
/// </summary>
public sealed class AepJsonException : JsonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="pointer">JSON Pointer (RFC 6901) of the offending value, relative to the value being read.</param>
    /// <param name="keyword">The JSON Schema keyword the JSON breaks (<c>type</c>, <c>required</c>, <c>enum</c>, <c>const</c>).</param>
    /// <param name="detail">What is wrong, phrased to follow "The JSON value at '&lt;pointer&gt;'".</param>
    public AepJsonException(string pointer, string keyword, string detail)
        : base(FormatMessage(pointer, detail))
    {
        Pointer = pointer;
        Keyword = keyword;
        Detail = detail;
    }

    /// <summary>JSON Pointer (RFC 6901) of the offending value, relative to the value being read.</summary>
    public string Pointer { get; }

    /// <summary>The JSON Schema keyword the JSON breaks: <c>type</c>, <c>required</c>, <c>enum</c> or <c>const</c>.</summary>
    public string Keyword { get; }

    /// <summary>The message without the pointer, e.g. "must be an integer, but it is a string".</summary>
    public string Detail { get; }

    /// <summary>Returns the same error seen from the parent value: <paramref name="segment"/> is prepended to the pointer.</summary>
    public AepJsonException WithParent(string segment) =>
        new("/" + segment.Replace("~", "~0").Replace("/", "~1") + Pointer, Keyword, Detail);

    /// <summary>Returns the same error seen from the parent array: <paramref name="index"/> is prepended to the pointer.</summary>
    public AepJsonException WithParent(int index) =>
        new("/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + Pointer, Keyword, Detail);

    private static string FormatMessage(string pointer, string detail) =>
        $"The JSON value at '{(pointer.Length == 0 ? "/" : pointer)}' {detail}.";
}
