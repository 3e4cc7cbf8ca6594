using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AepFlow.Generator.Diagnostics;
using AepFlow.Generator.Json;
using AepFlow.Generator.Declarative.Schema;
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
    // Array segments in destinations: items[0].sku, items[*].sku and items.sku all name the same schema field.
    private static readonly Regex IndexSegment = new(@"\[(\d+|\*)\]", RegexOptions.CultureInvariant);

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

        var paths = new HashSet<string>(schema.AllPaths);
        if (root["mappings"] is not { Kind: JsonNodeKind.Array } mappings)
        {
            return findings;
        }

        foreach (var mapping in mappings.Items)
        {
            var destination = mapping["destination"] ?? mapping["destinationXdmPath"];
            if (destination?.AsString is not { } path)
            {
                continue;
            }

            string normalized = IndexSegment.Replace(path, "").TrimStart('/').Replace('/', '.');
            if (paths.Contains(normalized))
            {
                continue;
            }

            var close = Suggest.Closest(normalized, paths);
            string schemaName = schema.Title ?? schemaId;
            string fix = close != null ? $"did you mean \"{close}\"?" : "use a field path of that schema (AepFlow.Xdm constants list them)";
            findings.Add(new Finding(DiagnosticDescriptors.UnknownXdmPath, destination.Span,
                $"Destination \"{path}\" is not a field of XDM schema {schemaName}: {fix}"));
        }

        return findings;
    }
}
