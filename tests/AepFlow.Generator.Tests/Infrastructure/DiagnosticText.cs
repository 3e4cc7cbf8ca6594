using Microsoft.CodeAnalysis;

namespace AepFlow.Generator.Tests.Infrastructure;

/// <summary>Readable one-line descriptions of diagnostics for assertion messages.</summary>
internal static class DiagnosticText
{
    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join('\n', diagnostics.Take(40).Select(Describe));

    public static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = diagnostic.Location == Location.None
            ? "(no location)"
            : $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
        return $"{diagnostic.Id} {diagnostic.Severity} {where}: {diagnostic.GetMessage()}";
    }
}
