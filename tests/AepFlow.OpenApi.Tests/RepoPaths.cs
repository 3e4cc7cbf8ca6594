namespace AepFlow.OpenApi.Tests;

/// <summary>The repository root (the folder holding Generator.sln) and the shared reference material beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Specs => Path.Combine(Root, "specs", "openapi");

    public static string AdobeOpenApi => Path.Combine(Root, "reference", "aep-reference", "openapi");

    public static string DocsExamples => Path.Combine(Root, "reference", "aep-reference", "docs-examples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Generator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }
}
