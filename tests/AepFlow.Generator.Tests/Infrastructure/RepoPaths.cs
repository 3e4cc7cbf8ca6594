namespace AepFlow.Generator.Tests.Infrastructure;

/// <summary>Locations in the source tree. Tests read specs, baselines and reference data from source, never from bin/.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The directory holding <c>Generator.sln</c>.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary><c>reference/aep-reference</c>: Adobe material copied into the repository (see its README for sources and licences).</summary>
    public static string AepReference => Path.GetFullPath(Path.Combine(RepoRoot, "reference", "aep-reference"));

    /// <summary><c>reference/aep-reference/docs-examples</c>.</summary>
    public static string DocsExamples => Path.Combine(AepReference, "docs-examples");

    /// <summary>This test project's source directory.</summary>
    public static string TestProject => Path.Combine(RepoRoot, "tests", "AepFlow.Generator.Tests");

    /// <summary>Checked-in generator output, one file per hint name.</summary>
    public static string Baselines => Path.Combine(TestProject, "Baselines");

    /// <summary>User spec files used as AdditionalFiles.</summary>
    public static string TestData => Path.Combine(TestProject, "TestData");

    /// <summary>The bundled flowSpecs the generator embeds.</summary>
    public static string BundledFlowSpecs => Path.Combine(RepoRoot, "specs", "flowspecs");

    /// <summary>The bundled connectionSpecs the generator embeds.</summary>
    public static string BundledConnectionSpecs => Path.Combine(RepoRoot, "specs", "connectionspecs");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Generator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Generator.sln not found above {AppContext.BaseDirectory}.");
    }
}
