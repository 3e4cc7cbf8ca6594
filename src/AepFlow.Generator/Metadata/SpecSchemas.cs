using System.Collections.Generic;
using System.Linq;

namespace AepFlow.Generator.Metadata;

/// <summary>
/// The format of <c>[AepFlow.Schema.SpecSchemas("…")]</c>, the one schema metadata attribute of a generated spec class
/// (written by <see cref="Emit.SchemaMetadataEmitter"/>, read by <see cref="Analyzers.SchemaMetadata"/>): a JSON object mapping
/// each record's name to <c>{"object": schema}</c> (rules across members: the whole object is checked) or
/// <c>{"properties": {jsonName: schema}}</c> (each member on its own), with <c>"names"</c> (the C# property names in
/// <c>properties</c> order) only when <see cref="MatchesByName"/> would not find every member.
/// </summary>
internal static class SpecSchemas
{
    public const string AttributeMetadataName = "AepFlow.Schema.SpecSchemasAttribute";
    public const string Object = "object";
    public const string Properties = "properties";
    public const string Names = "names";

    /// <summary>Letters and digits, lower case: <c>EnvironmentUrl</c> and <c>environment_url</c> both give <c>environmenturl</c>.</summary>
    public static string Normalize(string name) => new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>The JSON name of a C# property: the first JSON name with the same <see cref="Normalize"/>d form, or null.</summary>
    public static string? JsonNameOf(string propertyName, IEnumerable<string> jsonNames)
    {
        string wanted = Normalize(propertyName);
        return jsonNames.FirstOrDefault(candidate => Normalize(candidate) == wanted);
    }

    /// <summary>Whether every C# property finds its own JSON name through <see cref="JsonNameOf"/> (so no <c>"names"</c> is written).</summary>
    public static bool MatchesByName(IReadOnlyList<(string Name, string JsonName)> properties)
    {
        var jsonNames = properties.Select(p => p.JsonName).ToList();
        return properties.All(p => JsonNameOf(p.Name, jsonNames) == p.JsonName);
    }
}
