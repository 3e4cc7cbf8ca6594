using System;
using System.Collections.Generic;

namespace AepFlow.Generator.Schema;

/// <summary>
/// The one list of what AepFlow does with each JSON Schema keyword. The generator reads it to report what it cannot enforce
/// (AEPF003), the build-time evaluator to answer "unknown" where the generated validator would not check (so build time and
/// run time never disagree), and <c>aepflow specs diff</c> (linked) to skip annotations. Roslyn-free.
/// </summary>
internal static class SchemaKeywords
{
    /// <summary>Keywords the generated validators check; the build-time evaluator checks exactly these, with the same semantics.</summary>
    public static readonly IReadOnlyList<string> Enforced = new[]
    {
        "type", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minLength", "maxLength", "pattern", "format", "items", "minItems", "maxItems", "uniqueItems",
        "properties", "required", "if", "then", "else", "not", "allOf", "anyOf", "oneOf",
    };

    /// <summary>
    /// Keywords that constrain values but that the generated validators do not check: the generator reports each as AEPF003,
    /// and the build-time evaluator answers "unknown" for a schema that has one (never an error Validate() would not give).
    /// </summary>
    public static readonly IReadOnlyList<string> NotEnforced = new[]
    {
        "$ref", "additionalProperties", "dependencies", "dependentRequired", "dependentSchemas", "patternProperties",
        "propertyNames", "contains", "additionalItems", "minProperties", "maxProperties", "unevaluatedProperties",
        "unevaluatedItems",
    };

    /// <summary>Keywords that never change whether a value is valid.</summary>
    public static readonly IReadOnlyList<string> Annotations = new[]
    {
        "description", "title", "examples", "default", "$comment", "$schema", "$id", "id", "readOnly", "writeOnly",
        "deprecated", "definitions", "$defs", "contentMediaType", "contentEncoding",
    };

    private static readonly HashSet<string> NotEnforcedSet = new(NotEnforced, StringComparer.Ordinal);

    public static bool IsNotEnforced(string keyword) => NotEnforcedSet.Contains(keyword);
}
