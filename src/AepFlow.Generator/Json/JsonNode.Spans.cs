using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Generator.Json;

// Roslyn spans for the generator and analyzers; kept apart so JsonNode.cs compiles where Roslyn is not referenced.
internal sealed partial class JsonNode
{
    /// <summary>Span of the whole value in its source text (empty for nodes built from C#).</summary>
    public TextSpan Span => TextSpan.FromBounds(Start, End);
}

internal sealed partial class JsonMember
{
    public TextSpan NameSpan => TextSpan.FromBounds(NameStart, NameEnd);
}
