using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AepFlow.Generator.Schema;

/// <summary>What AepFlow does with a keyword.</summary>
internal enum KeywordUse
{
    /// <summary>The generated validators check it; the build-time evaluator checks exactly these, with the same semantics.</summary>
    Enforced,

    /// <summary>
    /// It constrains values but the generated validators do not check it: the generator reports it as AEPF003, and the
    /// build-time evaluator answers "unknown" for a schema that has one (never an error Validate() would not give).
    /// </summary>
    NotEnforced,

    /// <summary>It never changes whether a value is valid.</summary>
    Annotation,
}

/// <summary>The JSON value a keyword must hold; any other value is reported (AEPF007) and ignored everywhere.</summary>
internal enum KeywordShape
{
    /// <summary>Any value, or a shape checked where the keyword is read (schemas, <c>type</c>).</summary>
    Any,

    /// <summary>A non-negative whole number.</summary>
    Count,

    /// <summary>A number.</summary>
    Number,

    /// <summary>A number, or draft 4's boolean beside <c>minimum</c>/<c>maximum</c>.</summary>
    NumberOrBoolean,

    /// <summary>A number greater than 0.</summary>
    PositiveNumber,

    /// <summary>A string.</summary>
    String,

    /// <summary><see langword="true"/> or <see langword="false"/>.</summary>
    Boolean,

    /// <summary>An array of strings.</summary>
    Names,

    /// <summary>An array (an empty one leaves no valid value: AEPF008).</summary>
    Values,
}

/// <summary>One keyword: its use, the shape of its value, and how to fix a value of another shape.</summary>
internal sealed class SchemaKeyword
{
    public SchemaKeyword(string name, KeywordUse use, KeywordShape shape = KeywordShape.Any, string? fix = null)
    {
        Name = name;
        Use = use;
        Shape = shape;
        Fix = fix;
    }

    public string Name { get; }

    public KeywordUse Use { get; }

    public KeywordShape Shape { get; }

    /// <summary>The fix a malformed value's message gives, when the shape's own is not specific enough.</summary>
    public string? Fix { get; }
}

/// <summary>
/// The one table of JSON Schema keywords — which ones the generated validators enforce, the shape each value must have, which
/// bounds contradict — and the one wording of a failed keyword. The generator reads it to report what it cannot enforce
/// (AEPF003) and malformed or contradictory values (<c>Parsing/KeywordChecks</c>: AEPF007/008), the build-time evaluator to
/// answer "unknown" where the generated validator would not check (so build time and run time never disagree), the
/// generated validators (<c>ValidatorEmitter</c>, spec models and OpenAPI DTOs alike) and the evaluator for their messages,
/// and <c>aepflow specs diff</c> (linked) to skip annotations. Roslyn-free.
/// </summary>
internal static class SchemaKeywords
{
    /// <summary>Every keyword AepFlow knows. Adding one to the validators: move it to <see cref="KeywordUse.Enforced"/> here.</summary>
    public static readonly IReadOnlyList<SchemaKeyword> All = new SchemaKeyword[]
    {
        new("type", KeywordUse.Enforced),
        new("enum", KeywordUse.Enforced, KeywordShape.Values, "list the allowed values in an array"),
        new("const", KeywordUse.Enforced),
        new("minimum", KeywordUse.Enforced, KeywordShape.Number),
        new("maximum", KeywordUse.Enforced, KeywordShape.Number),
        new("exclusiveMinimum", KeywordUse.Enforced, KeywordShape.NumberOrBoolean),
        new("exclusiveMaximum", KeywordUse.Enforced, KeywordShape.NumberOrBoolean),
        new("multipleOf", KeywordUse.Enforced, KeywordShape.PositiveNumber),
        new("minLength", KeywordUse.Enforced, KeywordShape.Count),
        new("maxLength", KeywordUse.Enforced, KeywordShape.Count),
        new("pattern", KeywordUse.Enforced, KeywordShape.String, "write the regular expression as a string"),
        new("format", KeywordUse.Enforced, KeywordShape.String, "write the format name as a string such as \"date-time\""),
        new("items", KeywordUse.Enforced),
        new("minItems", KeywordUse.Enforced, KeywordShape.Count),
        new("maxItems", KeywordUse.Enforced, KeywordShape.Count),
        new("uniqueItems", KeywordUse.Enforced, KeywordShape.Boolean),
        new("contains", KeywordUse.Enforced),
        new("properties", KeywordUse.Enforced),
        new("required", KeywordUse.Enforced, KeywordShape.Names,
            "list the required properties, such as [\"name\"] (draft-03's \"required\": true is not JSON Schema draft-07)"),
        new("if", KeywordUse.Enforced),
        new("then", KeywordUse.Enforced),
        new("else", KeywordUse.Enforced),
        new("not", KeywordUse.Enforced),
        new("allOf", KeywordUse.Enforced),
        new("anyOf", KeywordUse.Enforced),
        new("oneOf", KeywordUse.Enforced),

        new("$ref", KeywordUse.NotEnforced),
        new("additionalProperties", KeywordUse.NotEnforced),
        new("dependencies", KeywordUse.NotEnforced),
        new("dependentRequired", KeywordUse.NotEnforced),
        new("dependentSchemas", KeywordUse.NotEnforced),
        new("patternProperties", KeywordUse.NotEnforced),
        new("propertyNames", KeywordUse.NotEnforced),
        new("additionalItems", KeywordUse.NotEnforced),
        new("minProperties", KeywordUse.NotEnforced, KeywordShape.Count),
        new("maxProperties", KeywordUse.NotEnforced, KeywordShape.Count),
        new("unevaluatedProperties", KeywordUse.NotEnforced),
        new("unevaluatedItems", KeywordUse.NotEnforced),

        new("description", KeywordUse.Annotation),
        new("title", KeywordUse.Annotation),
        new("examples", KeywordUse.Annotation),
        new("default", KeywordUse.Annotation),
        new("$comment", KeywordUse.Annotation),
        new("$schema", KeywordUse.Annotation),
        new("$id", KeywordUse.Annotation),
        new("id", KeywordUse.Annotation),
        new("readOnly", KeywordUse.Annotation),
        new("writeOnly", KeywordUse.Annotation),
        new("deprecated", KeywordUse.Annotation),
        new("definitions", KeywordUse.Annotation),
        new("$defs", KeywordUse.Annotation),
        new("contentMediaType", KeywordUse.Annotation),
        new("contentEncoding", KeywordUse.Annotation),
    };

    /// <summary>Lower and upper bounds that leave no valid value when the lower one passes the upper one (AEPF008).</summary>
    public static readonly IReadOnlyList<(string Low, string High, bool Strict)> Contradictions = new[]
    {
        ("minimum", "maximum", false),
        ("minimum", "exclusiveMaximum", true),
        ("exclusiveMinimum", "maximum", true),
        ("exclusiveMinimum", "exclusiveMaximum", true),
        ("minLength", "maxLength", false),
        ("minItems", "maxItems", false),
        ("minProperties", "maxProperties", false),
    };

    /// <summary>Keywords the generated validators check (<see cref="KeywordUse.Enforced"/>).</summary>
    public static readonly IReadOnlyList<string> Enforced = Names(KeywordUse.Enforced);

    /// <summary>Keywords that constrain values but are not checked (<see cref="KeywordUse.NotEnforced"/>).</summary>
    public static readonly IReadOnlyList<string> NotEnforced = Names(KeywordUse.NotEnforced);

    /// <summary>Keywords that never change whether a value is valid.</summary>
    public static readonly IReadOnlyList<string> Annotations = Names(KeywordUse.Annotation);

    private static readonly HashSet<string> NotEnforcedSet = new(NotEnforced, StringComparer.Ordinal);

    public static bool IsNotEnforced(string keyword) => NotEnforcedSet.Contains(keyword);

    /// <summary>
    /// How a <c>pattern</c> is read and run — by the generator (AEPF003 for one it cannot read), the generated validators and
    /// the build-time evaluator alike. JSON Schema means ECMA-262; .NET's ECMAScript mode gives its <c>\d</c> and <c>\w</c>
    /// (ASCII only). What still differs from ECMA-262 is listed in docs/compile-time-checks.md ("Patterns").
    /// </summary>
    public const RegexOptions PatternOptions = RegexOptions.ECMAScript;

    // ---- The one wording of each failed keyword. Callers add the condition (" when …") and the evaluator its ", not …". ----

    public static string MinLength(string subject, int count) =>
        count == 1 ? subject + " must not be empty" : subject + " must be at least " + Count(count) + " characters long";

    public static string MaxLength(string subject, int count) => subject + " must be at most " + Count(count) + " " + Plural(count, "character") + " long";

    public static string Minimum(string subject, double bound) => subject + " must be at least " + Number(bound);

    public static string Maximum(string subject, double bound) => subject + " must be at most " + Number(bound);

    public static string ExclusiveMinimum(string subject, double bound) => subject + " must be greater than " + Number(bound);

    public static string ExclusiveMaximum(string subject, double bound) => subject + " must be less than " + Number(bound);

    /// <summary><paramref name="divisor"/>: the keyword's number as the schema writes it.</summary>
    public static string MultipleOf(string subject, string divisor) => subject + " must be a multiple of " + divisor;

    public static string Pattern(string subject, string pattern) => subject + " must match the pattern " + pattern;

    public static string MinItems(string subject, int count) => subject + " must have at least " + Count(count) + " " + Plural(count, "item");

    public static string MaxItems(string subject, int count) => subject + " must have at most " + Count(count) + " " + Plural(count, "item");

    public static string Contains(string subject) => subject + " must contain an item that matches the schema in contains";

    /// <summary><paramref name="shown"/>: the allowed values as the message lists them.</summary>
    public static string Enum(string subject, string shown) => subject + " must be one of: " + shown;

    public static string Required(string name) => name + " is required";

    /// <summary>A bound as messages show it: shortest round-trip form, invariant culture.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";

    private static IReadOnlyList<string> Names(KeywordUse use)
    {
        var names = new List<string>();
        foreach (var keyword in All)
        {
            if (keyword.Use == use)
            {
                names.Add(keyword.Name);
            }
        }

        return names;
    }
}
