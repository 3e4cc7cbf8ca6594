using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Generator.Tests.Infrastructure;

/// <summary>
/// Where a strict JSON parser (System.Text.Json, RFC 8259, no comments, no trailing commas) stops on a file,
/// as a 0-based line and UTF-16 column — the position an AEPF001 diagnostic must point at. Computed here,
/// independently of the generator.
/// </summary>
internal static class JsonErrorPosition
{
    public static LinePosition? Of(string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        try
        {
            using var _ = JsonDocument.Parse(bytes);
            return null;
        }
        catch (JsonException e) when (e.LineNumber is { } line && e.BytePositionInLine is { } bytePosition)
        {
            var lineText = content.Replace("\r\n", "\n").Split('\n')[(int)line];
            var lineBytes = Encoding.UTF8.GetBytes(lineText);
            var column = Encoding.UTF8.GetCharCount(lineBytes, 0, (int)Math.Min(bytePosition, lineBytes.Length));
            return new LinePosition((int)line, column);
        }
    }

    /// <summary>The 0-based position of the first occurrence of <paramref name="needle"/> in <paramref name="content"/>.</summary>
    public static LinePosition PositionOf(string content, string needle, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = content.IndexOf(needle, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{needle}' (occurrence {occurrence}) not found");
        }

        return SourceText.From(content).Lines.GetLinePosition(index);
    }
}
