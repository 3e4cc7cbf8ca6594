using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Generator.Tests.Infrastructure;

/// <summary>An AdditionalFile given to the generator from a string, as MSBuild would give a file on disk.</summary>
internal sealed class InMemoryAdditionalText(string path, string content) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(content, System.Text.Encoding.UTF8);

    public override string Path { get; } = path;

    public string Content { get; } = content;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;

    /// <summary>A copy with new content at the same path (an edit in the IDE).</summary>
    public InMemoryAdditionalText WithContent(string newContent) => new(Path, newContent);

    /// <summary>Reads a file from disk and presents it under <paramref name="asPath"/> (defaults to its own path).</summary>
    public static InMemoryAdditionalText FromFile(string file, string? asPath = null) =>
        new(asPath ?? file, File.ReadAllText(file));
}
