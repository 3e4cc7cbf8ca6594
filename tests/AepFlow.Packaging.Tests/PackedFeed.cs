using System.IO.Compression;

namespace AepFlow.Packaging.Tests;

/// <summary>
/// Packs AepFlow.Generator, AepFlow.Client and AepFlow.Emulator from this repository into a temporary folder feed, once per
/// test run, and
/// gives each consumer project a nuget.config that knows only that feed and the public registry, and a package cache of
/// its own so nothing restored earlier can stand in for what was just packed.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "aepflow-pack-" + Guid.NewGuid().ToString("N")[..12]);

    public string Feed => Path.Combine(Root, "feed");

    public string PackageCache => Path.Combine(Root, "nuget-packages");

    public string GeneratorPackage { get; private set; } = "";

    public string ClientPackage { get; private set; } = "";

    public string EmulatorPackage { get; private set; } = "";

    public string Version { get; private set; } = "";

    public string PackLog { get; private set; } = "";

    public static string RepoRoot { get; } = FindRepoRoot();

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackageCache };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(PackageCache);
        foreach (var project in new[] { "src/AepFlow.Generator/AepFlow.Generator.csproj", "src/AepFlow.Client/AepFlow.Client.csproj", "src/AepFlow.Emulator/AepFlow.Emulator.csproj" })
        {
            // Release, like a published package; its own obj/bin folders keep it clear of the Debug build the tests run from.
            var result = await DotNet.RunAsync(RepoRoot, new Dictionary<string, string>(), "pack", Path.Combine(RepoRoot, project),
                "-c", "Release", "-o", Feed, "-p:UseSharedCompilation=false", "-nodeReuse:false");
            PackLog += result.Output;
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed:\n{result}");
            }
        }

        GeneratorPackage = Directory.GetFiles(Feed, "AepFlow.Generator.*.nupkg").Single();
        ClientPackage = Directory.GetFiles(Feed, "AepFlow.Client.*.nupkg").Single(p => !p.EndsWith(".snupkg", StringComparison.Ordinal));
        EmulatorPackage = Directory.GetFiles(Feed, "AepFlow.Emulator.*.nupkg").Single(p => !p.EndsWith(".snupkg", StringComparison.Ordinal));
        Version = Path.GetFileNameWithoutExtension(GeneratorPackage)["AepFlow.Generator.".Length..];
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }

    /// <summary>A fresh project folder with a nuget.config of only the local feed and the public registry.</summary>
    public string NewConsumer(string name)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        return folder;
    }

    /// <summary>
    /// A console app in a fresh folder (<see cref="NewConsumer"/>) that references AepFlow.Generator and AepFlow.Client from the
    /// feed, as the README tells a user to, with <paramref name="program"/> as its Program.cs.
    /// </summary>
    public string NewApp(string name, string program, string extraProperties = "", string extraItems = "", string targetFramework = "net10.0")
    {
        var app = NewConsumer(name);
        File.WriteAllText(Path.Combine(app, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{targetFramework}</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AepFlow.Generator" Version="{Version}" />
                <PackageReference Include="AepFlow.Client" Version="{Version}" />
                {extraItems}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), program);
        return app;
    }

    /// <summary>The version this repository pins for <paramref name="package"/> (Directory.Packages.props), for consumer projects.</summary>
    public static string PinnedVersion(string package) =>
        System.Xml.Linq.XDocument.Load(Path.Combine(RepoRoot, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == package).Attribute("Version")!.Value;

    public static IReadOnlyList<string> Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    public static string ReadEntry(string package, string suffix)
    {
        using var zip = ZipFile.OpenRead(package);
        using var reader = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)).Open());
        return reader.ReadToEnd();
    }

    private static string FindRepoRoot()
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

/// <summary>Packing takes a while: every test class of the collection shares one feed.</summary>
[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "Packed feed";
}
