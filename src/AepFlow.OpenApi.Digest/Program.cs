using System.Text.Json;
using AepFlow.Generator.Model;
using AepFlow.Generator.OpenApi.Digest;

// Usage: AepFlow.OpenApi.Digest <output.json> <document>...
// Writes one digest holding every document; exits 1 with file-located messages when a document cannot be read.
//    or: AepFlow.OpenApi.Digest --spec-index <output> <resource name>=<spec file>...
// Writes the bundled-spec index (AepFlow.Generator's BundledSpecIndex, compiled in) of the generator's embedded spec files.
if (args.Length >= 2 && args[0] == "--spec-index")
{
    return AepFlow.OpenApi.Digest.SpecIndexTool.Run(args[1], args.Skip(2).ToList());
}

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: AepFlow.OpenApi.Digest <output.json> <openapi document>...");
    return 2;
}

var services = new List<ServiceDigest>();
var failed = false;
foreach (var path in args.Skip(1).OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal))
{
    var result = OpenApiDigestBuilder.Load(path, File.ReadAllText(path));
    foreach (var problem in result.Problems)
    {
        // MSBuild picks up "file(line,col): error CODE: message" and shows it located.
        Console.Error.WriteLine($"{path}({problem.Line},{problem.Column}): error AEPDIGEST: {problem.Message}");
        failed = true;
    }

    if (result.Service is not null)
    {
        services.Add(result.Service);
    }
}

if (failed)
{
    return 1;
}

var output = args[0];
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
using (var stream = File.Create(output))
using (var writer = new Utf8JsonWriter(stream))
{
    DigestJson.Write(writer, new ApiDigest(new EquatableArray<ServiceDigest>(services)));
}

Console.WriteLine($"OpenAPI digest: {services.Count} services, {services.Sum(s => s.Operations.Count)} operations -> {output}");
return 0;

namespace AepFlow.OpenApi.Digest
{
    using AepFlow.Generator;

    internal static class SpecIndexTool
    {
        public static int Run(string output, List<string> resources)
        {
            var files = new List<IndexedFile>();
            // Resource-name order, as the generator lists its resources (the order bundled specs enter resolution).
            foreach (var pair in resources.OrderBy(p => p, StringComparer.Ordinal))
            {
                var separator = pair.IndexOf('=');
                var name = separator > 0 ? pair.Substring(0, separator) : string.Empty;
                if (BundledSpecIndex.KindOfResource(name) is not { } kind)
                {
                    Console.Error.WriteLine($"error AEPINDEX: '{pair}' is not <AepFlow.Specs.flowspecs|connectionspecs.*>=<file>");
                    return 1;
                }

                files.Add(new IndexedFile(name, BundledSpecIndex.Read(File.ReadAllText(pair.Substring(separator + 1)), kind)));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            File.WriteAllText(output, BundledSpecIndex.Write(files));
            Console.WriteLine($"Bundled spec index: {files.Count} files, {files.Sum(f => f.Entries.Count)} specs -> {output}");
            return 0;
        }
    }
}
