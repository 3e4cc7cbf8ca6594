using System.Xml.Linq;

namespace AepFlow.Packaging.Tests;

/// <summary>What the packages contain: an analyzer-only generator package, a runtime library package, the emulator library, all with metadata.</summary>
[Trait("Category", "Slow")]
[Collection(PackedFeedCollection.Name)]
public sealed class PackageLayoutTests(PackedFeed feed)
{
    [Fact]
    public void Generator_package_is_analyzer_only_with_its_dependencies_beside_it_and_no_lib_or_package_dependencies()
    {
        var entries = PackedFeed.Entries(feed.GeneratorPackage);

        Assert.Contains("analyzers/dotnet/cs/AepFlow.Generator.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/AepFlow.CodeFixes.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.Contains("buildTransitive/AepFlow.Generator.props", entries);
        Assert.Contains("buildTransitive/AepFlow.Generator.targets", entries);
        Assert.Contains("build/AepFlow.Generator.props", entries);
        Assert.Contains("build/AepFlow.Generator.targets", entries);
        Assert.Contains("README.md", entries);

        // Every third-party assembly the generator compiles against must load inside the compiler, so it ships beside it.
        var csproj = File.ReadAllText(Path.Combine(PackedFeed.RepoRoot, "src/AepFlow.Generator/AepFlow.Generator.csproj"));
        foreach (var dependency in new[] { "NSwag.Core", "NJsonSchema", "Newtonsoft.Json", "Namotion.Reflection", "YamlDotNet", "Scriban.Signed" })
        {
            if (csproj.Contains($"PackageReference Include=\"{dependency}\"", StringComparison.Ordinal))
            {
                var assembly = dependency == "Scriban.Signed" ? "Scriban.dll" : dependency + ".dll";
                Assert.Contains("analyzers/dotnet/cs/" + assembly, entries);
            }
        }

        // Packed on linux-x64, the package also carries the ReadyToRun set: the same assemblies, the generator precompiled
        // (buildTransitive/AepFlow.Generator.targets picks it only on such a host).
        if (OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64)
        {
            var il = entries.Where(e => e.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal)).Select(Path.GetFileName).Order();
            var readyToRun = entries.Where(e => e.StartsWith("readytorun/linux-x64/", StringComparison.Ordinal)).Select(Path.GetFileName).Order();
            Assert.Equal(il, readyToRun);
        }

        var nuspec = Nuspec(feed.GeneratorPackage);
        Assert.Equal("true", Metadata(nuspec, "developmentDependency"));
        Assert.DoesNotContain(nuspec.Descendants(), e => e.Name.LocalName == "dependency");
        AssertCommonMetadata(nuspec);
    }

    /// <summary>
    /// precompiled/&lt;tfm&gt;/AepFlow.Specs.dll (what the package's targets reference instead of generating the bundled specs):
    /// one per framework AepFlow.Client targets, with the class of every bundled spec, the catalog, the JSON context and the
    /// standard XDM paths, public, compiled against AepFlow.Client.
    /// </summary>
    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public void Generator_package_carries_every_bundled_spec_precompiled_for_each_client_framework(string framework)
    {
        var entries = PackedFeed.Entries(feed.GeneratorPackage);
        Assert.Contains($"precompiled/{framework}/AepFlow.Specs.xml", entries);
        Assert.Contains($"precompiled/{framework}/AepFlow.Specs.pdb", entries);

        using var zip = System.IO.Compression.ZipFile.OpenRead(feed.GeneratorPackage);
        using var image = new MemoryStream();
        using (var entry = zip.GetEntry($"precompiled/{framework}/AepFlow.Specs.dll")!.Open())
        {
            entry.CopyTo(image);
        }

        image.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(image);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var publicTypes = metadata.TypeDefinitions.Select(metadata.GetTypeDefinition)
            .Where(t => (t.Attributes & System.Reflection.TypeAttributes.VisibilityMask) == System.Reflection.TypeAttributes.Public)
            .Select(t => metadata.GetString(t.Namespace) + "." + metadata.GetString(t.Name))
            .ToHashSet();
        var expected = Directory.GetFiles(Path.Combine(PackedFeed.RepoRoot, "tests/AepFlow.Generator.Tests/Baselines/bundled"), "*.g.cs")
            .Select(Path.GetFileName)
            .Where(f => !f!.EndsWith(".Factory.g.cs", StringComparison.Ordinal))
            .Select(f => f switch
            {
                "AepFlowJsonContext.g.cs" => "AepFlow.FlowSpecs.AepFlowJsonContext",
                "Xdm.Standard.g.cs" => "AepFlow.Xdm.Standard.Classes",
                _ => "AepFlow." + f![..^".g.cs".Length],
            })
            .ToArray();
        Assert.True(expected.Length > 25, "the bundled baselines were not found");
        Assert.All(expected, name => Assert.Contains(name, publicTypes));

        var client = metadata.AssemblyReferences.Select(metadata.GetAssemblyReference).Single(r => metadata.GetString(r.Name) == "AepFlow.Client");
        Assert.Equal(new Version(feed.Version.Split('-')[0] + ".0"), client.Version);

        // The symbols embed the generated sources (a debugger and "go to definition" show them).
        using var symbols = new MemoryStream();
        using (var entry = zip.GetEntry($"precompiled/{framework}/AepFlow.Specs.pdb")!.Open())
        {
            entry.CopyTo(symbols);
        }

        symbols.Position = 0;
        using var pdb = System.Reflection.Metadata.MetadataReaderProvider.FromPortablePdbStream(symbols);
        var reader = pdb.GetMetadataReader();
        var embeddedSource = new Guid("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
        var embedded = reader.Documents
            .Where(d => reader.GetCustomDebugInformation(d).Select(reader.GetCustomDebugInformation).Any(i => reader.GetGuid(i.Kind) == embeddedSource))
            .Select(d => Path.GetFileName(reader.GetString(reader.GetDocument(d).Name).Replace('\\', '/')))
            .ToHashSet();
        Assert.Contains("FlowSpecs.CrmToAep.g.cs", embedded);
    }

    [Fact]
    public void Client_package_carries_the_runtime_for_both_frameworks_with_its_dependencies()
    {
        var entries = PackedFeed.Entries(feed.ClientPackage);

        Assert.Contains("lib/net8.0/AepFlow.Client.dll", entries);
        Assert.Contains("lib/net10.0/AepFlow.Client.dll", entries);
        Assert.Contains("lib/net10.0/AepFlow.Client.xml", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal));

        var nuspec = Nuspec(feed.ClientPackage);
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).ToHashSet();
        Assert.Contains("Microsoft.Extensions.Http", dependencies);
        AssertCommonMetadata(nuspec);
    }

    [Fact]
    public void Emulator_package_is_a_net10_library_that_brings_the_client_and_ASP_NET_Core()
    {
        var entries = PackedFeed.Entries(feed.EmulatorPackage);

        Assert.Contains("lib/net10.0/AepFlow.Emulator.dll", entries);
        Assert.Contains("lib/net10.0/AepFlow.Emulator.xml", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) || e.StartsWith("build", StringComparison.Ordinal));

        var nuspec = Nuspec(feed.EmulatorPackage);
        var dependency = Assert.Single(nuspec.Descendants(), e => e.Name.LocalName == "dependency");
        Assert.Equal("AepFlow.Client", (string?)dependency.Attribute("id"));
        Assert.Equal(feed.Version, (string?)dependency.Attribute("version"));
        Assert.Equal("Microsoft.AspNetCore.App", (string?)nuspec.Descendants().Single(e => e.Name.LocalName == "frameworkReference").Attribute("name"));
        AssertCommonMetadata(nuspec);
    }

    private static void AssertCommonMetadata(XDocument nuspec)
    {
        Assert.Matches(@"^\d+\.\d+\.\d+", Metadata(nuspec, "version"));
        Assert.False(string.IsNullOrWhiteSpace(Metadata(nuspec, "description")));
        Assert.Equal("README.md", Metadata(nuspec, "readme"));
        var license = nuspec.Descendants().Single(e => e.Name.LocalName == "license");
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("Apache-2.0", license.Value);
        var repository = nuspec.Descendants().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.StartsWith("https://", (string?)repository.Attribute("url"), StringComparison.Ordinal);
    }

    private static XDocument Nuspec(string package) => XDocument.Parse(PackedFeed.ReadEntry(package, ".nuspec"));

    private static string? Metadata(XDocument nuspec, string name) =>
        nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
}
