using System.Text.Json;
using AepFlow.Cli.Console;
using AepFlow.Cli.Json;

namespace AepFlow.Cli.Specs;

/// <summary>
/// Reads every flowSpec and connectionSpec from a <see cref="ISpecSource"/> into memory, then hands them to
/// <see cref="SpecFolderWriter"/>. Nothing touches the disk until every page of both lists has been read, so a pull that fails
/// part-way leaves the output folder as it was.
/// </summary>
internal sealed class SpecPuller(ISpecSource source)
{
    /// <summary>The members that open every written spec, in this order, as in the bundled <c>specs/</c> files; the rest follow sorted.</summary>
    internal static readonly string[] LeadingKeys = ["id", "name", "providerId", "version", "description"];

    public async Task<IReadOnlyList<PulledSpec>> ReadAllAsync(IPullProgress progress, CancellationToken cancellationToken)
    {
        var specs = new List<PulledSpec>();
        foreach (var kind in new[] { SpecKind.FlowSpec, SpecKind.ConnectionSpec })
        {
            progress.Listing(kind);

            // Keyed by id: a page boundary that moves while listing can repeat an item; the last copy read wins.
            var byId = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
            var count = 0;
            await foreach (var item in source.ListAsync(kind, cancellationToken).ConfigureAwait(false))
            {
                var (id, name) = Identify(kind, item);
                byId[id] = item;
                progress.Read(kind, name, ++count);
            }

            specs.AddRange(ToFiles(kind, byId.Values));
        }

        return specs;
    }

    /// <summary>The spec's id and name; a spec without an id cannot be given a stable file and fails the pull.</summary>
    internal static (string Id, string Name) Identify(SpecKind kind, JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new SpecPullException($"A {kind.Label()} list item is {item.ValueKind}, not an object.");
        }

        var id = item.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new SpecPullException($"A {kind.Label()} in the list has no \"id\"; the response is not a spec list.");
        }

        var name = item.TryGetProperty("name", out var nameValue) && nameValue.ValueKind == JsonValueKind.String ? nameValue.GetString() : null;
        return (id, string.IsNullOrWhiteSpace(name) ? id : name);
    }

    /// <summary>File names and canonical content; two specs whose names and id prefixes collide get their full id in the name.</summary>
    internal static IEnumerable<PulledSpec> ToFiles(SpecKind kind, IEnumerable<JsonElement> items)
    {
        var identified = items.Select(item => (Item: item, Key: Identify(kind, item)))
            .OrderBy(x => x.Key.Id, StringComparer.Ordinal)
            .ToList();
        var taken = identified
            .GroupBy(x => SpecFileNames.For(kind, x.Key.Name, x.Key.Id), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (item, (id, name)) in identified)
        {
            var fileName = SpecFileNames.For(kind, name, id);
            if (taken.Contains(fileName))
            {
                fileName = SpecFileNames.Kebab(name) + "-" + new string(id.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray()) + kind.Suffix();
            }

            yield return new PulledSpec(kind, id, name, fileName, Wrap(item));
        }
    }

    /// <summary>
    /// The file content: the spec wrapped as <c>{"items":[spec]}</c>, the shape <c>GET /flowSpecs/{id}</c> returns and the bundled
    /// specs use, so the generator reads pulled and bundled files alike.
    /// </summary>
    private static byte[] Wrap(JsonElement item)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("items");
            writer.WriteStartArray();
            item.WriteTo(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        // Depth 2: the root object, its items array, then the spec.
        return CanonicalJson.ToUtf8(document.RootElement, LeadingKeys, leadingKeysDepth: 2);
    }
}

/// <summary>A pull that cannot complete; its message is shown to the user as is.</summary>
internal sealed class SpecPullException(string message, Exception? inner = null) : Exception(message, inner);
