using System;
using System.Text;
using System.Threading;
using AepFlow.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Generator.Emit;

/// <summary>
/// Adds one generated file so that nothing about it can fail the compiler: an emitter bug or a rejected hint name becomes
/// error AEPF005 naming the spec (the other files still generate) instead of CS8785 for the whole generator.
/// </summary>
internal static class EmitGuard
{
    /// <summary>
    /// Test seam: when set (for the current async flow only), files whose hint name it accepts fail as an emitter bug would.
    /// Always null in a build.
    /// </summary>
    internal static readonly AsyncLocal<Func<string, bool>?> InjectFailure = new();

    public static void AddSource(SourceProductionContext context, string hintName, string specName, Func<string> emit)
    {
        try
        {
            if (InjectFailure.Value is { } inject && inject(hintName))
            {
                throw new InvalidOperationException("failure injected by a test");
            }

            context.AddSource(hintName, SourceText.From(emit(), Encoding.UTF8));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, specName, ex.GetType().Name + ": " + ex.Message));
        }
    }

    /// <summary><c>&lt;prefix&gt;.&lt;name&gt;.g.cs</c> with only the characters hint names accept (class names may start with '@').</summary>
    public static string HintName(string prefix, string name)
    {
        var builder = new StringBuilder(prefix.Length + name.Length + 6).Append(prefix).Append('.');
        foreach (var ch in name)
        {
            builder.Append(char.IsLetterOrDigit(ch) || ch == '_' ? ch : '_');
        }

        return builder.Append(".g.cs").ToString();
    }
}
