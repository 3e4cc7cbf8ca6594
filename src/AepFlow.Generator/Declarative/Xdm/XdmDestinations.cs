using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AepFlow.Generator.Declarative.Schema;

namespace AepFlow.Generator.Declarative.Xdm;

/// <summary>
/// The one rule for mapping destinations, shared by <c>*.mapping.json</c> files (AEPF022) and mappings written in C#
/// (AEPF025): a destination must be a field path of the composed target schema; the message names the closest path.
/// </summary>
internal static class XdmDestinations
{
    // Array segments in destinations: items[0].sku, items[*].sku and items.sku all name the same schema field.
    private static readonly Regex IndexSegment = new(@"\[(\d+|\*)\]", RegexOptions.CultureInvariant);

    /// <summary>The schema path a destination names: index segments dropped, <c>/a/b</c> read as <c>a.b</c>.</summary>
    public static string Normalize(string destination) => IndexSegment.Replace(destination, "").TrimStart('/').Replace('/', '.');

    /// <summary>
    /// Null when <paramref name="destination"/> is a field of <paramref name="schema"/> (or the schema is incomplete, so
    /// nothing can be said); otherwise the message, with the closest valid path in <paramref name="closest"/>.
    /// </summary>
    public static string? Check(string destination, XdmSchema schema, string schemaName, out string? closest)
    {
        closest = null;
        if (!schema.IsComplete)
        {
            return null;
        }

        var paths = new HashSet<string>(schema.AllPaths);
        string normalized = Normalize(destination);
        if (paths.Contains(normalized))
        {
            return null;
        }

        closest = Suggest.Closest(normalized, paths);
        string fix = closest != null ? $"did you mean \"{closest}\"?" : "use a field path of that schema (AepFlow.Xdm constants list them)";
        return $"Destination \"{destination}\" is not a field of XDM schema {schemaName}: {fix}";
    }
}
