namespace AepFlow.Benchmarks;

/// <summary>Finds repository files from wherever BenchmarkDotNet runs the benchmark process (under the repo's bin/).</summary>
internal static class RepoFiles
{
    public static string Root
    {
        get
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

    public static string CrmToAepSpec => Path.Combine(Root, "specs", "flowspecs", "crm-to-aep-14518937.json");
}
