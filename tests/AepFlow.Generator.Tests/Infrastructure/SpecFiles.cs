using System.Text.Json.Nodes;

namespace AepFlow.Generator.Tests.Infrastructure;

/// <summary>One flowSpec as written in a spec file (bundled or user), read independently of the generator.</summary>
internal sealed record FlowSpecDocument(string File, string Id, string Name, string Version, JsonObject Item)
{
    /// <summary>(name, schema) of every transformationSpec, in file order.</summary>
    public IReadOnlyList<(string Name, JsonObject Schema)> Transformations =>
        [.. ((Item["transformationSpecs"] ?? Item["transformationSpec"]) as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(t => ((string)t["name"]!, (JsonObject)t["spec"]!))];

    /// <summary>The scheduleSpec's JSON Schema, if the flowSpec has one.</summary>
    public JsonObject? Schedule => Item["scheduleSpec"]?["spec"] as JsonObject;
}

/// <summary>Reads spec files the way the Flow Service returns them: a single item or <c>{"items": [...]}</c>.</summary>
internal static class SpecFiles
{
    private static readonly Lazy<IReadOnlyList<FlowSpecDocument>> BundledFlowSpecs = new(() =>
        [.. Directory.GetFiles(RepoPaths.BundledFlowSpecs, "*.json").Order(StringComparer.Ordinal).SelectMany(ReadFlowSpecs)]);

    public static IReadOnlyList<FlowSpecDocument> Bundled => BundledFlowSpecs.Value;

    public static FlowSpecDocument BundledById(string id) =>
        Bundled.SingleOrDefault(spec => spec.Id == id)
        ?? throw new InvalidOperationException($"No bundled flowSpec {id} in {RepoPaths.BundledFlowSpecs}.");

    public static IEnumerable<FlowSpecDocument> ReadFlowSpecs(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(file))!;
        var items = root is JsonObject obj && obj["items"] is JsonArray array ? array.OfType<JsonObject>() : [root.AsObject()];
        foreach (var item in items)
        {
            yield return new FlowSpecDocument(file, (string)item["id"]!, (string)item["name"]!, (string?)item["version"] ?? "", item);
        }
    }
}
