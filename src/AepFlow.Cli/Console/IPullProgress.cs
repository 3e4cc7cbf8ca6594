using AepFlow.Cli.Specs;
using Spectre.Console;

namespace AepFlow.Cli.Console;

/// <summary>What a pull reports while it works. Written to stderr, so stdout stays clean for scripts.</summary>
internal interface IPullProgress
{
    /// <summary>Listing of <paramref name="kind"/> started.</summary>
    void Listing(SpecKind kind);

    /// <summary>One more spec of <paramref name="kind"/> was read; <paramref name="count"/> so far.</summary>
    void Read(SpecKind kind, string name, int count);

    /// <summary>The files are being written.</summary>
    void Writing(int files);
}

/// <summary>Line-per-step progress for redirected output (CI logs, tests): no cursor movement, no colour.</summary>
internal sealed class PlainPullProgress(TextWriter error) : IPullProgress
{
    public void Listing(SpecKind kind) => error.WriteLine($"Reading {kind.Label()}s...");

    public void Read(SpecKind kind, string name, int count)
    {
        // One line per spec would flood a log with hundreds of connectionSpecs; one line per 25 shows it is moving.
        if (count % 25 == 0)
        {
            error.WriteLine($"  {count} {kind.Label()}s read");
        }
    }

    public void Writing(int files) => error.WriteLine($"Writing {files} files...");
}

/// <summary>A live status line on an interactive terminal.</summary>
internal sealed class LivePullProgress(StatusContext context) : IPullProgress
{
    public void Listing(SpecKind kind) => context.Status($"Reading {kind.Label()}s...");

    public void Read(SpecKind kind, string name, int count) =>
        context.Status($"Reading {kind.Label()}s: {count} ([grey]{Markup.Escape(name)}[/])");

    public void Writing(int files) => context.Status($"Writing {files} files...");
}
