using System.Text.Json;
using AepFlow.Cli.Specs;

namespace AepFlow.Cli.Diff;

/// <summary>One spec read from a folder.</summary>
internal sealed record SpecDocument(SpecKind Kind, string Id, string Name, string File, JsonElement Json);

/// <summary>
/// Reads every spec in a folder and its sub-folders: <c>*.flowspec.json</c> and <c>*.connectionspec.json</c> files, and the
/// bundled layout (<c>flowspecs/*.json</c>, <c>connectionspecs/*.json</c>). A file holds one spec or <c>{"items":[…]}</c>.
/// </summary>
internal static class SpecFolder
{
    public static IReadOnlyDictionary<(SpecKind Kind, string Id), SpecDocument> Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new SpecFolderException($"'{folder}' is not a folder.");
        }

        var specs = new Dictionary<(SpecKind, string), SpecDocument>();
        var files = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (SpecKinds.OfFile(file) is not { } kind)
            {
                continue;
            }

            foreach (var spec in Read(kind, file))
            {
                // Same rule as the generator: the first file (ordinal path order) with an id wins.
                specs.TryAdd((kind, spec.Id.ToLowerInvariant()), spec);
            }
        }

        return specs;
    }

    private static IEnumerable<SpecDocument> Read(SpecKind kind, string file)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new SpecFolderException($"{file}({(ex.LineNumber ?? 0) + 1},{(ex.BytePositionInLine ?? 0) + 1}): not valid JSON: {ex.Message}");
        }

        var items = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().ToList()
            : [root];
        foreach (var item in items)
        {
            if (item.ValueKind == JsonValueKind.Object &&
                item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } idText)
            {
                var name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : idText;
                yield return new SpecDocument(kind, idText, name, file, item);
            }
            else
            {
                throw new SpecFolderException($"{file}: a {kind.Label()} without a string \"id\"; every spec needs one to be compared.");
            }
        }
    }
}

/// <summary>A spec folder that cannot be read; the message names the file.</summary>
internal sealed class SpecFolderException(string message) : Exception(message);
