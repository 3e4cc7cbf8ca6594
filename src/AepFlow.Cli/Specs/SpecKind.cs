namespace AepFlow.Cli.Specs;

/// <summary>The two kinds of Flow Service spec the CLI pulls and compares.</summary>
internal enum SpecKind
{
    /// <summary>A flowSpec (<c>/flowSpecs</c>, files <c>*.flowspec.json</c>).</summary>
    FlowSpec,

    /// <summary>A connectionSpec (<c>/connectionSpecs</c>, files <c>*.connectionspec.json</c>).</summary>
    ConnectionSpec,
}

/// <summary>Names and paths that go with a <see cref="SpecKind"/>.</summary>
internal static class SpecKinds
{
    public const string FlowSpecSuffix = ".flowspec.json";
    public const string ConnectionSpecSuffix = ".connectionspec.json";

    public static string Suffix(this SpecKind kind) => kind == SpecKind.FlowSpec ? FlowSpecSuffix : ConnectionSpecSuffix;

    public static string ResourcePath(this SpecKind kind) => kind == SpecKind.FlowSpec ? "/flowSpecs" : "/connectionSpecs";

    public static string Label(this SpecKind kind) => kind == SpecKind.FlowSpec ? "flowSpec" : "connectionSpec";

    /// <summary>
    /// The kind a file holds: by its suffix (<c>*.flowspec.json</c>), or, for the bundled layout (<c>flowspecs/*.json</c>), by
    /// its folder; <see langword="null"/> for any other file.
    /// </summary>
    public static SpecKind? OfFile(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(FlowSpecSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return SpecKind.FlowSpec;
        }

        if (name.EndsWith(ConnectionSpecSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return SpecKind.ConnectionSpec;
        }

        if (!name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Path.GetFileName(Path.GetDirectoryName(path))?.ToLowerInvariant() switch
        {
            "flowspecs" => SpecKind.FlowSpec,
            "connectionspecs" => SpecKind.ConnectionSpec,
            _ => null,
        };
    }
}
