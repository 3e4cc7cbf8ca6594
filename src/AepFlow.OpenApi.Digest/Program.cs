using System.Text.Json;
using AepFlow.Generator.Model;
using AepFlow.Generator.OpenApi.Digest;

// Usage: AepFlow.OpenApi.Digest <output.json> <document>...
// Writes one digest holding every document; exits 1 with file-located messages when a document cannot be read.
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
