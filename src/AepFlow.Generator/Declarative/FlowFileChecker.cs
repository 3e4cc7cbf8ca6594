using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using AepFlow.Generator.Diagnostics;
using AepFlow.Generator.Json;
using AepFlow.Generator.Declarative.Schema;
using AepFlow.Generator.Declarative.Specs;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Generator.Declarative;

/// <summary>
/// Checks a <c>*.flow.json</c> file (a POST /flows body) against the Flow Service body shape and its flowSpec's transformation
/// and schedule schemas: AEPF020 for values, AEPF021 for an unknown flowSpec, AEPF014 for transformations, AEPF012 for mapping ids.
/// </summary>
internal static class FlowFileChecker
{
    // The body shape Flow Service accepts, independent of any flowSpec. Written here rather than read from the OpenAPI
    // document because that document types interval as a string and transformations params too narrowly.
    private static readonly JsonElement Envelope = JsonDocument.Parse("""
        {
          "type": "object",
          "required": ["name", "flowSpec", "sourceConnectionIds", "targetConnectionIds"],
          "properties": {
            "name": { "type": "string", "minLength": 1 },
            "description": { "type": "string" },
            "flowSpec": {
              "type": "object",
              "required": ["id", "version"],
              "properties": { "id": { "type": "string" }, "version": { "type": "string" } }
            },
            "sourceConnectionIds": { "type": "array", "items": { "type": "string" } },
            "targetConnectionIds": { "type": "array", "items": { "type": "string" } },
            "transformations": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["name", "params"],
                "properties": { "name": { "type": "string" }, "params": { "type": "object" } }
              }
            },
            "scheduleParams": { "type": "object" }
          }
        }
        """).RootElement;

    /// <summary>Checks the file; <paramref name="flowSpec"/> is the flowSpec it names when that is known.</summary>
    public static List<Finding> Check(string text, SpecCatalog catalog, out JsonNode? root, out FlowSpecInfo? flowSpec)
    {
        var findings = new List<Finding>();
        flowSpec = null;
        root = DeclarativeFiles.Read(text, "This flow file", findings);
        if (root == null)
        {
            return findings;
        }

        foreach (var error in JsonSchemaEvaluator.Evaluate(Envelope, root, "flow"))
        {
            findings.Add(new Finding(DiagnosticDescriptors.FlowFileValue, SpanOf(error), error.Message));
        }

        if (root.Kind != JsonNodeKind.Object)
        {
            return findings;
        }

        var idNode = root["flowSpec"]?["id"];
        if (idNode?.AsString is not { } id)
        {
            return findings;
        }

        flowSpec = catalog.FindFlowSpec(id);
        if (flowSpec == null)
        {
            var close = Suggest.Closest(id, catalog.FlowSpecs.Select(f => f.Id));
            string known = string.Join(", ", catalog.FlowSpecs.OrderBy(f => f.Name).Select(f => $"{f.Name} ({f.Id})"));
            string hint = close != null ? $"did you mean {close} ({catalog.FindFlowSpec(close)!.Name})?"
                : "add the spec as a *.flowspec.json AdditionalFile, or use one of: " + known;
            findings.Add(new Finding(DiagnosticDescriptors.UnknownFlowSpec, idNode.Span,
                $"flowSpec id \"{id}\" is neither bundled nor in a *.flowspec.json AdditionalFile: {hint}"));
            return findings;
        }

        CheckTransformations(root, flowSpec, findings);
        CheckSchedule(root, flowSpec, findings);
        return findings;
    }

    private static void CheckTransformations(JsonNode root, FlowSpecInfo flowSpec, List<Finding> findings)
    {
        var transformations = root.Member("transformations");
        var named = new HashSet<string>();
        if (transformations?.Value.Kind == JsonNodeKind.Array)
        {
            var items = transformations.Value.Items;
            for (int i = 0; i < items.Count; i++)
            {
                var nameNode = items[i]["name"];
                if (nameNode?.AsString is not { } name)
                {
                    continue;
                }

                named.Add(name);
                var schema = flowSpec.TransformationSchema(name);
                if (schema == null)
                {
                    var defined = flowSpec.Transformations.Select(t => t.Key).ToList();
                    var close = Suggest.Closest(name, defined);
                    string fix = close != null ? $"did you mean \"{close}\"?"
                        : defined.Count == 0 ? "remove it (this flowSpec defines no transformations)"
                        : $"remove it or use one of {string.Join(", ", defined.Select(d => "\"" + d + "\""))}";
                    findings.Add(new Finding(DiagnosticDescriptors.Transformation, nameNode.Span,
                        $"flowSpec {flowSpec.Name} defines no transformation named \"{name}\": {fix}"));
                    continue;
                }

                if (items[i]["params"] is not { } parameters)
                {
                    continue;
                }

                foreach (var error in JsonSchemaEvaluator.Evaluate(schema.Value, parameters, "params", new[] { "transformations", i.ToString(), "params" }))
                {
                    // Mapping ids get their own, more specific diagnostic below.
                    if (error.Path.EndsWith("/" + MappingSetIds.JsonName) && error.Keyword is "pattern" or "format" or "minLength" or "maxLength")
                    {
                        continue;
                    }

                    findings.Add(new Finding(DiagnosticDescriptors.FlowFileValue, SpanOf(error), $"{error.Message} (transformation {name})"));
                }

                if (parameters[MappingSetIds.JsonName] is { Kind: JsonNodeKind.String } mappingId && MappingSetIds.Problem(mappingId.Text!) is { } problem)
                {
                    findings.Add(new Finding(DiagnosticDescriptors.MappingSetId, mappingId.Span, mappingId.Text!, problem));
                }
            }
        }

        foreach (var required in flowSpec.RequiredTransformations.Where(r => !named.Contains(r)))
        {
            var span = transformations?.NameSpan ?? new TextSpan(root.Span.Start, 1);
            findings.Add(new Finding(DiagnosticDescriptors.Transformation, span,
                $"flowSpec {flowSpec.Name} requires a \"{required}\" transformation (its params have required members): add {{\"name\": \"{required}\", \"params\": {{…}}}} to transformations"));
        }
    }

    private static void CheckSchedule(JsonNode root, FlowSpecInfo flowSpec, List<Finding> findings)
    {
        var schedule = root.Member("scheduleParams");
        if (schedule == null)
        {
            return;
        }

        if (flowSpec.Schedule == null)
        {
            findings.Add(new Finding(DiagnosticDescriptors.FlowFileValue, schedule.NameSpan,
                $"flowSpec {flowSpec.Name} has no schedule (it runs continuously): remove scheduleParams"));
            return;
        }

        foreach (var error in JsonSchemaEvaluator.Evaluate(flowSpec.Schedule.Value, schedule.Value, "scheduleParams", new[] { "scheduleParams" }))
        {
            findings.Add(new Finding(DiagnosticDescriptors.FlowFileValue, SpanOf(error), error.Message));
        }
    }

    /// <summary>
    /// A value's span; for a missing member (keyword <c>required</c>) the object's opening brace, so the squiggle is one
    /// character rather than the whole object.
    /// </summary>
    internal static TextSpan SpanOf(SchemaError error) =>
        error.Keyword == "required" && error.Node.Kind == JsonNodeKind.Object ? new TextSpan(error.Node.Span.Start, 1) : error.Node.Span;
}
