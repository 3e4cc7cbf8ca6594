using System.Collections.Generic;
using System.Linq;
using AepFlow.Generator.Diagnostics;
using AepFlow.Generator.Json;
using AepFlow.Generator.Declarative.Xdm;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Generator.Declarative;

/// <summary>
/// Checks a <c>*.mapping.json</c> mapping set body: every destination must be a field of the target XDM schema (AEPF022) when
/// that schema is among the <c>*.xdm.json</c> files, otherwise one warning says the destinations went unchecked (AEPF023).
/// Reads the current shape (<c>outputSchema.schemaRef.id</c>, <c>mappings[].destination</c>) and the legacy one
/// (<c>xdmSchema</c>, <c>mappings[].destinationXdmPath</c>).
/// </summary>
internal static class MappingFileChecker
{
    public static List<Finding> Check(string text, IReadOnlyList<XdmSchema> schemas)
    {
        var findings = new List<Finding>();
        var root = DeclarativeFiles.Read(text, "This mapping file", findings);
        if (root == null)
        {
            return findings;
        }

        if (root.Kind != JsonNodeKind.Object)
        {
            return findings;
        }

        var reference = root["outputSchema"]?["schemaRef"]?["id"] ?? root["xdmSchema"] ?? root["schemaRef"]?["id"];
        if (reference?.AsString is not { } schemaId)
        {
            findings.Add(new Finding(DiagnosticDescriptors.XdmSchemaNotFound, new TextSpan(root.Span.Start, 1),
                "This mapping set names no target schema (outputSchema.schemaRef.id or xdmSchema), so its destinations are not checked"));
            return findings;
        }

        var schema = schemas.FirstOrDefault(s => s.IsNamedBy(schemaId));
        if (schema == null)
        {
            findings.Add(new Finding(DiagnosticDescriptors.XdmSchemaNotFound, reference.Span,
                $"Target schema \"{schemaId}\" is not among the *.xdm.json AdditionalFiles, so destinations are not checked: export it with Accept: application/vnd.adobe.xed-full+json and add it as <name>.xdm.json"));
            return findings;
        }

        if (root["mappings"] is not { Kind: JsonNodeKind.Array } mappings)
        {
            return findings;
        }

        foreach (var mapping in mappings.Items)
        {
            var destination = mapping["destination"] ?? mapping["destinationXdmPath"];
            if (destination?.AsString is { } path && XdmDestinations.Check(path, schema, schema.Title ?? schemaId, out _) is { } message)
            {
                findings.Add(new Finding(DiagnosticDescriptors.UnknownXdmPath, destination.Span, message));
            }
        }

        return findings;
    }
}
