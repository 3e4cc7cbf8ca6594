using Microsoft.CodeAnalysis;

namespace AepFlow.Generator.Diagnostics;

/// <summary>The spec diagnostics AEPF001–AEPF004. Each message says how to fix the problem.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "AepFlow.Specs";
    /// <summary>Where every AEPF diagnostic's help link points; the ID in lower case is the anchor.</summary>
    internal const string HelpBase = "https://github.com/aepflow/aepflow/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor InvalidJson = new(
        id: "AEPF001",
        title: "Spec file is not valid JSON",
        messageFormat: "'{0}' is not valid JSON: {1}. Fix the JSON at this position; spec files are strict JSON (no comments, trailing commas or line breaks inside strings).",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A *.flowspec.json or *.connectionspec.json AdditionalFile must be strict JSON; nothing is generated from it.",
        helpLinkUri: HelpBase + "aepf001");

    public static readonly DiagnosticDescriptor NotASpec = new(
        id: "AEPF002",
        title: "JSON is not a flowSpec or connectionSpec",
        messageFormat: "This JSON is not a {0}: {1}. Give the object a string \"id\" and \"name\" as GET /{0}s returns them, or wrap several specs in {{\"items\": [...]}}.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The file parses as JSON but does not have the shape of a flowSpec or connectionSpec.",
        helpLinkUri: HelpBase + "aepf002");

    public static readonly DiagnosticDescriptor UnsupportedSchema = new(
        id: "AEPF003",
        title: "Schema construct the generator cannot type",
        messageFormat: "{0} at '{1}' is not supported: {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The member falls back to System.Text.Json.JsonElement (or the keyword is not enforced) and everything else still generates.",
        helpLinkUri: HelpBase + "aepf003");

    public static readonly DiagnosticDescriptor DuplicateSpecId = new(
        id: "AEPF004",
        title: "Two spec files declare the same id",
        messageFormat: "The {0} id '{1}' is already declared in '{2}'; this one is ignored. Remove one of the two, or give this spec its own id.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "When two user spec files declare the same id, the first (by file path, then position) wins.",
        helpLinkUri: HelpBase + "aepf004");

    public static readonly DiagnosticDescriptor InternalError = new(
        id: "AEPF005",
        title: "Generator failed on a spec",
        messageFormat: "AepFlow could not generate code for '{0}': {1}. Please report this with the spec file; the other specs still generate.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An unexpected error in the generator, contained to one spec so that the build does not fail with CS8785.",
        helpLinkUri: HelpBase + "aepf005");
}
