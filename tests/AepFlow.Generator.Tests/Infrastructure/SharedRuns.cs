namespace AepFlow.Generator.Tests.Infrastructure;

/// <summary>
/// Generator runs and loaded assemblies shared by many tests: each is built once per test run, because a compile
/// plus emit costs about a second and the CI runs on two cores.
/// </summary>
internal static class SharedRuns
{
    private static readonly Lazy<GeneratorRun> LazyBundled = new(() => GeneratorHarness.Run());

    private static readonly Lazy<GeneratedModels> LazyBundledModels = new(() => new GeneratedModels(Bundled.Load()));

    private static readonly Lazy<GeneratorRun> LazyAcme = new(() => GeneratorHarness.Run(
        [TestDataFile("acme-ledger.flowspec.json")],
        [GeneratorHarness.DefaultUserSource, Probes.AcmeLedger]));

    private static readonly Lazy<GeneratedModels> LazyAcmeModels = new(() => new GeneratedModels(Acme.Load()));

    private static readonly Lazy<GeneratorRun> LazySeeds = new(() => GeneratorHarness.Run(
        sources: [GeneratorHarness.DefaultUserSource, Probes.SeedRequests, Probes.TypedConnections]));

    private static readonly Lazy<GeneratedModels> LazySeedModels = new(() => new GeneratedModels(Seeds.Load()));

    /// <summary>Bundled specs plus the seed requests and typed connection requests written with the typed API.</summary>
    public static GeneratorRun Seeds => LazySeeds.Value;

    public static GeneratedModels SeedModels => LazySeedModels.Value;

    /// <summary>Bundled specs only, no user files.</summary>
    public static GeneratorRun Bundled => LazyBundled.Value;

    public static GeneratedModels BundledModels => LazyBundledModels.Value;

    /// <summary>Bundled specs plus <c>TestData/acme-ledger.flowspec.json</c> and a probe using its types.</summary>
    public static GeneratorRun Acme => LazyAcme.Value;

    public static GeneratedModels AcmeModels => LazyAcmeModels.Value;

    /// <summary>A TestData file as an AdditionalFile at a stable, machine-independent path.</summary>
    public static InMemoryAdditionalText TestDataFile(string name) =>
        new($"/project/specs/{name}", File.ReadAllText(Path.Combine(RepoPaths.TestData, name)));
}
