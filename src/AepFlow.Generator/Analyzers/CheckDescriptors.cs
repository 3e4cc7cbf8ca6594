using Microsoft.CodeAnalysis;

namespace AepFlow.Generator.Analyzers;

/// <summary>Descriptors of the compile-time checks (AEPF010–AEPF024). Each message is the fix; docs/diagnostics.md has examples.</summary>
internal static class CheckDescriptors
{
    private const string Category = "AepFlow.Usage";

    public static readonly DiagnosticDescriptor ConditionalRule = Create("AEPF010",
        "Constant breaks a conditional rule of its flowSpec",
        "{0}", DiagnosticSeverity.Error,
        "A constant breaks a rule that applies because of another member's constant value (if/then/else in the flowSpec schema), such as an interval below the minimum for its frequency.");

    public static readonly DiagnosticDescriptor MemberConstraint = Create("AEPF011",
        "Constant breaks a member constraint",
        "{0}", DiagnosticSeverity.Error,
        "A constant assigned to a generated member breaks that member's JSON Schema (enum, minimum/maximum, length, pattern or format).");

    public static readonly DiagnosticDescriptor MappingSetId = Create("AEPF012",
        "Mapping set id is malformed",
        "mappingId \"{0}\" is {1}: a mapping set id is 32 hexadecimal characters or a GUID; copy the id returned by POST /mappingSets",
        DiagnosticSeverity.Error,
        "Data Prep returns mapping set ids as 32 lowercase hexadecimal characters or a GUID; anything else cannot name a mapping set.");

    public static readonly DiagnosticDescriptor ConnectionSpecNotAccepted = Create("AEPF013",
        "Flow combines a connection spec its flowSpec does not list",
        "{0}", DiagnosticSeverity.Error,
        "A flowSpec lists the source and target connection specs it accepts; a connection created from any other spec makes Flow Service reject the flow.");

    public static readonly DiagnosticDescriptor Transformation = Create("AEPF014",
        "Flow omits a required transformation or names an undefined one",
        "{0}", DiagnosticSeverity.Error,
        "A flowSpec defines which transformations a flow may carry; those whose params have required members must be present.");

    public static readonly DiagnosticDescriptor FlowFileValue = Create("AEPF020",
        "Flow file value breaks its flowSpec",
        "{0}", DiagnosticSeverity.Error,
        "A value in a *.flow.json file breaks the POST /flows body shape or its flowSpec's transformation or schedule schema.");

    public static readonly DiagnosticDescriptor UnknownFlowSpec = Create("AEPF021",
        "Flow file names an unknown flowSpec",
        "{0}", DiagnosticSeverity.Error,
        "The flowSpec id in a *.flow.json file is neither bundled nor supplied as a *.flowspec.json AdditionalFile, so nothing can be checked or generated.");

    public static readonly DiagnosticDescriptor UnknownXdmPath = Create("AEPF022",
        "Mapping destination is not in the target XDM schema",
        "{0}", DiagnosticSeverity.Error,
        "A mapping set destination must be a field path of the target XDM schema named by the file.");

    public static readonly DiagnosticDescriptor XdmSchemaNotFound = Create("AEPF023",
        "Mapping target schema is not among the XDM files",
        "{0}", DiagnosticSeverity.Warning,
        "The mapping set names a target schema that no *.xdm.json AdditionalFile defines (by $id or meta:altId), so its destinations are not checked.");

    public static readonly DiagnosticDescriptor InvalidJsonFile = Create("AEPF024",
        "Declarative file is not valid JSON",
        "{0} is not valid JSON: {1}", DiagnosticSeverity.Error,
        "A *.flow.json, *.mapping.json or *.xdm.json AdditionalFile must be strict JSON (RFC 8259): no trailing commas, comments or template tokens.");

    private static DiagnosticDescriptor Create(string id, string title, string format, DiagnosticSeverity severity, string description) =>
        new(id, title, format, Category, severity, isEnabledByDefault: true, description: description);
}
