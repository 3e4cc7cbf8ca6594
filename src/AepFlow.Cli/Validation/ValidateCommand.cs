using System.Collections.Immutable;
using System.CommandLine;
using AepFlow.Cli.Console;
using AepFlow.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Cli.Validation;

/// <summary>
/// <c>aepflow validate FILE…</c>: the build's checks of <c>*.flow.json</c> and <c>*.mapping.json</c> files (AEPF012, AEPF014,
/// AEPF020–AEPF024) without a build. It runs the generator package's own <see cref="DeclarativeFileAnalyzer"/> over the files as
/// AdditionalFiles of an empty compilation, so the CLI and the build can never disagree.
/// </summary>
internal static class ValidateCommand
{
    private static readonly string[] Kinds = [".flow.json", ".mapping.json", ".xdm.json", ".flowspec.json", ".connectionspec.json"];

    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "*.flow.json and *.mapping.json files to check, with the *.xdm.json schemas and *.flowspec.json/*.connectionspec.json specs they use.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Check flow and mapping files the way the build does; exit code 1 on any error.") { files };
        command.SetAction((result, cancellationToken) => RunAsync(console, result.GetValue(files)!, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(CliConsole console, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var texts = ImmutableArray.CreateBuilder<AdditionalText>();
        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (!Kinds.Any(k => path.EndsWith(k, StringComparison.OrdinalIgnoreCase)))
            {
                console.Error.WriteLine($"error: '{path}' is not a *.flow.json, *.mapping.json, *.xdm.json, *.flowspec.json or *.connectionspec.json file.");
                return ExitCodes.Usage;
            }

            if (!File.Exists(path))
            {
                console.Error.WriteLine($"error: '{path}' does not exist.");
                return ExitCodes.Usage;
            }

            var fullPath = Path.GetFullPath(path);
            if (shown.TryAdd(fullPath, path))
            {
                texts.Add(new FileText(fullPath, SourceText.From(await File.ReadAllTextAsync(fullPath, cancellationToken).ConfigureAwait(false))));
            }
        }

        var diagnostics = await AnalyzeAsync(texts.ToImmutable(), cancellationToken).ConfigureAwait(false);
        var errors = 0;
        foreach (var diagnostic in diagnostics
                     .Where(d => d.Severity != DiagnosticSeverity.Hidden)
                     .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
                     .ThenBy(d => d.Location.GetLineSpan().StartLinePosition))
        {
            var span = diagnostic.Location.GetLineSpan();
            var file = shown.TryGetValue(span.Path, out var given) ? given : span.Path;
            var severity = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "info",
            };
            console.Out.WriteLine($"{file}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {severity} {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
            errors += diagnostic.Severity == DiagnosticSeverity.Error ? 1 : 0;
        }

        console.Error.WriteLine(errors == 0 ? $"{shown.Count} file(s) checked, no errors." : $"{shown.Count} file(s) checked, {errors} error(s).");
        return errors == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        var compilation = CSharpCompilation.Create("aepflow-validate");
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new DeclarativeFileAnalyzer());
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new AnalyzerOptions(files));
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A file on disk handed to the analyzer as an AdditionalFile.</summary>
    private sealed class FileText(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}
