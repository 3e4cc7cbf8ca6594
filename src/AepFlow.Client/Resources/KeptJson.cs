using System.Runtime.CompilerServices;
using System.Text.Json;

namespace AepFlow.Resources;

/// <summary>
/// The JSON behind a typed result's <c>Json</c> member, parsed on first use. A result read from a response keeps the slice of
/// the response body it came from (no copy, no parsed document) unless someone asks for it: most callers only read the
/// typed members.
/// </summary>
internal struct KeptJson : IEquatable<KeptJson>
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private StrongBox<JsonElement>? _parsed;

    private KeptJson(ReadOnlyMemory<byte> utf8, StrongBox<JsonElement>? parsed)
    {
        _utf8 = utf8;
        _parsed = parsed;
    }

    /// <summary>Keeps an element that outlives its document (one not from a pooled read), as given.</summary>
    public static KeptJson Of(JsonElement element) => new(default, new StrongBox<JsonElement>(element));

    /// <summary>
    /// Keeps <paramref name="element"/>, read from a document over <paramref name="body"/> that is returned to the pool
    /// after the read: as the slice of <paramref name="body"/> it occupies, else as a copy.
    /// </summary>
    public static KeptJson Of(JsonElement element, ReadOnlyMemory<byte> body)
    {
#if NET9_0_OR_GREATER
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element);
        if (body.Span.Overlaps(raw, out var offset) && offset >= 0 && offset + raw.Length <= body.Length)
        {
            return new(body.Slice(offset, raw.Length), null);
        }
#endif
        return Of(element.Clone());
    }

    /// <summary>The element; <see langword="default"/> when nothing was kept.</summary>
    public JsonElement Value
    {
        get
        {
            if (_parsed is { } parsed)
            {
                return parsed.Value;
            }

            if (_utf8.IsEmpty)
            {
                return default;
            }

            // One reference write publishes the parsed element whole; a race parses twice, harmlessly.
            var reader = new Utf8JsonReader(_utf8.Span);
            _parsed = new StrongBox<JsonElement>(JsonElement.ParseValue(ref reader));
            return _parsed.Value;
        }
    }

    public readonly bool Equals(KeptJson other) =>
        _utf8.IsEmpty ? ReferenceEquals(_parsed, other._parsed) : _utf8.Equals(other._utf8);

    public override readonly bool Equals(object? obj) => obj is KeptJson other && Equals(other);

    public override readonly int GetHashCode() => _utf8.IsEmpty ? RuntimeHelpers.GetHashCode(_parsed) : _utf8.GetHashCode();
}
