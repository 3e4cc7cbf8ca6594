using System.Globalization;
using System.Text.Json.Nodes;

namespace AepFlow.Generator.Tests.Infrastructure;

/// <summary>
/// The docs' POST /flows bodies as the Flow Service actually wants them: the tutorials send integers and booleans as
/// strings and sometimes name the wrong flowSpec, so the expected body is the seed with its values converted to the
/// types the (bundled) flowSpec's schemas declare, and with members the flowSpec does not declare dropped (the typed
/// API has no property to carry them).
/// </summary>
internal static class SeedExpectations
{
    public static string SeedPath(string file) => Path.Combine(RepoPaths.DocsExamples, "flows", file);

    public static JsonObject Expected(string seedFile, string flowSpecId)
    {
        var body = JsonNode.Parse(File.ReadAllText(SeedPath(seedFile)))!.AsObject();
        var spec = SpecFiles.BundledById(flowSpecId);
        body["flowSpec"] = new JsonObject { ["id"] = spec.Id, ["version"] = spec.Version };

        if (body["transformations"] is JsonArray transformations)
        {
            foreach (var transformation in transformations.OfType<JsonObject>())
            {
                var name = (string)transformation["name"]!;
                var schema = spec.Transformations.Single(t => t.Name == name).Schema;
                transformation["params"] = Coerce(transformation["params"], schema);
            }
        }

        if (body["scheduleParams"] is { } schedule)
        {
            body["scheduleParams"] = Coerce(schedule, spec.Schedule ?? throw new InvalidOperationException($"{spec.Name} has no scheduleSpec."));
        }

        return body;
    }

    private static JsonNode? Coerce(JsonNode? value, JsonObject schema)
    {
        var type = (string?)schema["type"];
        if (value is null)
        {
            return null;
        }

        switch (type)
        {
            case "object" when value is JsonObject obj:
                var properties = schema["properties"] as JsonObject ?? [];
                var result = new JsonObject();
                foreach (var (name, member) in obj)
                {
                    if (properties[name] is JsonObject memberSchema)
                    {
                        result[name] = Coerce(member?.DeepClone(), memberSchema);
                    }
                }

                return result;
            case "integer" when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                return JsonValue.Create(long.Parse((string)value!, CultureInfo.InvariantCulture));
            case "number" when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                return JsonValue.Create(double.Parse((string)value!, CultureInfo.InvariantCulture));
            case "boolean" when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                return JsonValue.Create(bool.Parse((string)value!));
            case "string" when value.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                return JsonValue.Create(value.ToJsonString());
            default:
                return value.DeepClone();
        }
    }
}
