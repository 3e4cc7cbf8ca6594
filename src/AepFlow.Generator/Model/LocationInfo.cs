using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Generator.Model;

/// <summary>A value-equal stand-in for <see cref="Location"/> (which must not live in pipeline outputs).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo Create(string path, SourceText text, int start, int length)
    {
        if (start > text.Length)
        {
            start = text.Length;
        }

        if (start + length > text.Length)
        {
            length = text.Length - start;
        }

        var span = new TextSpan(start, length);
        return new LocationInfo(path, span, text.Lines.GetLinePositionSpan(span));
    }
}
