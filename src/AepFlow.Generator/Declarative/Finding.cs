using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Generator.Declarative;

/// <summary>A problem found in a declarative file: which diagnostic, where in the file's text, and its message arguments.</summary>
internal sealed class Finding
{
    public Finding(DiagnosticDescriptor descriptor, TextSpan span, params object[] args)
    {
        Descriptor = descriptor;
        Span = span;
        Args = args;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public TextSpan Span { get; }

    public object[] Args { get; }

    public Diagnostic ToDiagnostic(string path, SourceText text)
    {
        var span = Span.End <= text.Length ? Span : new TextSpan(text.Length, 0);
        return Diagnostic.Create(Descriptor, Location.Create(path, span, text.Lines.GetLinePositionSpan(span)), Args);
    }
}
