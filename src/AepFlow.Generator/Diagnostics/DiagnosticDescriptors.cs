using Microsoft.CodeAnalysis;

namespace AepFlow.Generator.Diagnostics;

/// <summary>
/// Every diagnostic AepFlow reports, in one table: the generator's spec diagnostics (AEPF001–AEPF009), the compile-time checks
/// (AEPF010–AEPF089) and the OpenAPI client path (AEPF090–AEPF099). Each message says how to fix the problem; each help link
/// points at the ID's section of docs/diagnostics.md, which has an example and the fix.
/// </summary>
/// <remarks>
/// Adding an ID: add a descriptor here, a section <c>## AEPFnnn</c> to docs/diagnostics.md and a row to
/// AnalyzerReleases.Unshipped.md. DiagnosticTableTests (tests/AepFlow.Analyzers.Tests) reflects over this class and fails until
/// all three agree. Each descriptor is a plain <c>new(...)</c> with a constant id, category and severity so that the release
/// tracking analyzers (RS2001/RS2008, Microsoft.CodeAnalysis.Analyzers) can see it; a factory method would hide it from them.
/// </remarks>
internal static class DiagnosticDescriptors
{
    /// <summary>Where every help link points; the ID in lower case is the anchor of its heading.</summary>
    internal const string HelpBase = "https://github.com/aepflow/aepflow/blob/main/docs/diagnostics.md#";

    /// <summary>Problems in <c>*.flowspec.json</c> / <c>*.connectionspec.json</c> files and the generator itself.</summary>
    internal const string SpecsCategory = "AepFlow.Specs";

    /// <summary>Constants in C# and values in declarative files that Platform would reject.</summary>
    internal const string UsageCategory = "AepFlow.Usage";

    /// <summary>OpenAPI documents behind the generated client operations.</summary>
    internal const string OpenApiCategory = "AepFlow.OpenApi";

    // ----- Spec files (AEPF001–AEPF009), reported by the generator at the line and column inside the spec file. -----

    public static readonly DiagnosticDescriptor InvalidJson = new(
        id: "AEPF001",
        title: "Spec file is not valid JSON",
        messageFormat: "'{0}' is not valid JSON: {1}. Fix the JSON at this position; spec files are strict JSON (no comments, trailing commas or line breaks inside strings).",
        category: SpecsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A *.flowspec.json or *.connectionspec.json AdditionalFile must be strict JSON; nothing is generated from it.",
        helpLinkUri: HelpBase + "aepf001");

    public static readonly DiagnosticDescriptor NotASpec = new(
        id: "AEPF002",
        title: "JSON is not a flowSpec or connectionSpec",
        messageFormat: "This JSON is not a {0}: {1}. Give the object a string \"id\" and \"name\" as GET /{0}s returns them, or wrap several specs in {{\"items\": [...]}}.",
        category: SpecsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The file parses as JSON but does not have the shape of a flowSpec or connectionSpec.",
        helpLinkUri: HelpBase + "aepf002");

    public static readonly DiagnosticDescriptor UnsupportedSchema = new(
        id: "AEPF003",
        title: "Schema construct the generator cannot type",
        messageFormat: "{0} at '{1}' is not supported: {2}",
        category: SpecsCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The member falls back to System.Text.Json.JsonElement (or the keyword is not enforced) and everything else still generates.",
        helpLinkUri: HelpBase + "aepf003");

    public static readonly DiagnosticDescriptor DuplicateSpecId = new(
        id: "AEPF004",
        title: "Two spec files declare the same id",
        messageFormat: "The {0} id '{1}' is already declared in '{2}'; this one is ignored. Remove one of the two, or give this spec its own id.",
        category: SpecsCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "When two user spec files declare the same id, the first (by file path, then position) wins.",
        helpLinkUri: HelpBase + "aepf004");

    public static readonly DiagnosticDescriptor DuplicateJsonKey = new(
        id: "AEPF006",
        title: "JSON object has the same key twice",
        messageFormat: "The key \"{0}\" appears twice in this object; the last value is used. Remove one of the two.",
        category: SpecsCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "JSON allows duplicate keys but readers disagree on which one counts; AepFlow's one JSON reader keeps the last and reports the duplicate, in spec files and in *.flow.json, *.mapping.json and *.xdm.json files.",
        helpLinkUri: HelpBase + "aepf006");

    public static readonly DiagnosticDescriptor MalformedKeyword = new(
        id: "AEPF007",
        title: "Schema keyword has a value of the wrong shape",
        messageFormat: "The keyword '{0}' at '{1}' {2}, so it is ignored: {3}",
        category: SpecsCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A keyword whose value is not what JSON Schema draft-07 defines (multipleOf: 0, minLength: -1, maximum: \"10\", pattern: 5, required: true) is not enforced anywhere; the rest of the schema still generates.",
        helpLinkUri: HelpBase + "aepf007");

    public static readonly DiagnosticDescriptor UnsatisfiableSchema = new(
        id: "AEPF008",
        title: "Schema accepts no value",
        messageFormat: "The schema at '{0}' accepts no value: {1}. Fix the bounds or the list so that a valid value exists.",
        category: SpecsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Contradictory keywords (minimum above maximum, minLength above maxLength, an empty enum) would make every request using the member fail at run time.",
        helpLinkUri: HelpBase + "aepf008");

    // A warning: nothing is wrong until the code names one of the clashing types, and then CS0433 stops the build anyway;
    // this says why and what to change, once per library, instead of one ambiguity per use.
    public static readonly DiagnosticDescriptor PrecompiledSpecsClash = new(
        id: "AEPF009",
        title: "A referenced library also defines the bundled spec types",
        messageFormat: "'{0}' also defines {1}, which this application gets from the precompiled bundled specs (AepFlow.Specs.dll), so code that names them is ambiguous (CS0433). Generate that library's AepFlow types internal (AepFlowGeneratedAccessibility=internal) or under its own AepFlowNamespace, or set AepFlowPrecompiledSpecs=false in this project to generate them here.",
        category: SpecsCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An application with default options references the bundled specs precompiled; a referenced library that generated the same types publicly in the default namespace makes every such name ambiguous.",
        helpLinkUri: HelpBase + "aepf009",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    // An error (issue 8): a spec the generator fails on generates nothing, so a warning would let a build "succeed" without it.
    public static readonly DiagnosticDescriptor InternalError = new(
        id: "AEPF005",
        title: "Generator failed on a spec",
        messageFormat: "AepFlow could not generate code for '{0}': {1}. Please report this with the spec file; the other specs still generate.",
        category: SpecsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An unexpected error in the generator, contained to one spec so that the build does not fail with CS8785.",
        helpLinkUri: HelpBase + "aepf005");

    // ----- Compile-time checks (AEPF010–AEPF089): C# constants (AEPF010–AEPF019) and declarative files (AEPF020–). -----

    public static readonly DiagnosticDescriptor ConditionalRule = new(
        id: "AEPF010",
        title: "Constant breaks a conditional rule of its flowSpec",
        messageFormat: "{0}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A constant breaks a rule that applies because of another member's constant value (if/then/else in the flowSpec schema), such as an interval below the minimum for its frequency.",
        helpLinkUri: HelpBase + "aepf010");

    public static readonly DiagnosticDescriptor MemberConstraint = new(
        id: "AEPF011",
        title: "Constant breaks a member constraint",
        messageFormat: "{0}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A constant assigned to a generated member breaks that member's JSON Schema (enum, minimum/maximum, length, pattern or format).",
        helpLinkUri: HelpBase + "aepf011");

    public static readonly DiagnosticDescriptor MappingSetId = new(
        id: "AEPF012",
        title: "Mapping set id is malformed",
        messageFormat: "mappingId \"{0}\" is {1}: a mapping set id is 32 hexadecimal characters or a GUID; copy the id returned by POST /mappingSets",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Data Prep returns mapping set ids as 32 lowercase hexadecimal characters or a GUID; anything else cannot name a mapping set.",
        helpLinkUri: HelpBase + "aepf012");

    public static readonly DiagnosticDescriptor ConnectionSpecNotAccepted = new(
        id: "AEPF013",
        title: "Flow combines a connection spec its flowSpec does not list",
        messageFormat: "{0}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A flowSpec lists the source and target connection specs it accepts; a connection created from any other spec makes Flow Service reject the flow.",
        helpLinkUri: HelpBase + "aepf013");

    public static readonly DiagnosticDescriptor Transformation = new(
        id: "AEPF014",
        title: "Flow omits a required transformation or names an undefined one",
        messageFormat: "{0}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A flowSpec defines which transformations a flow may carry; those whose params have required members must be present.",
        helpLinkUri: HelpBase + "aepf014");

    public static readonly DiagnosticDescriptor FlowFileValue = new(
        id: "AEPF020",
        title: "Flow file value breaks its flowSpec",
        messageFormat: "{0}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A value in a *.flow.json file breaks the POST /flows body shape or its flowSpec's transformation or schedule schema.",
        helpLinkUri: HelpBase + "aepf020");

    public static readonly DiagnosticDescriptor UnknownFlowSpec = new(
        id: "AEPF021",
        title: "Flow file names an unknown flowSpec",
        messageFormat: "{0}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The flowSpec id in a *.flow.json file is neither bundled nor supplied as a *.flowspec.json AdditionalFile, so nothing can be checked or generated.",
        helpLinkUri: HelpBase + "aepf021");

    public static readonly DiagnosticDescriptor UnknownXdmPath = new(
        id: "AEPF022",
        title: "Mapping destination is not in the target XDM schema",
        messageFormat: "{0}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A mapping set destination must be a field path of the target XDM schema named by the file.",
        helpLinkUri: HelpBase + "aepf022");

    public static readonly DiagnosticDescriptor XdmSchemaNotFound = new(
        id: "AEPF023",
        title: "Mapping target schema is not among the XDM files",
        messageFormat: "{0}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The mapping set names a target schema that no *.xdm.json AdditionalFile defines (by $id or meta:altId), so its destinations are not checked.",
        helpLinkUri: HelpBase + "aepf023");

    public static readonly DiagnosticDescriptor InvalidJsonFile = new(
        id: "AEPF024",
        title: "Declarative file is not valid JSON",
        messageFormat: "{0} is not valid JSON: {1}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A *.flow.json, *.mapping.json or *.xdm.json AdditionalFile must be strict JSON (RFC 8259): no trailing commas, comments or template tokens.",
        helpLinkUri: HelpBase + "aepf024");

    public static readonly DiagnosticDescriptor UnknownXdmPathInCode = new(
        id: "AEPF025",
        title: "Mapping destination written in C# is not in the target XDM schema",
        messageFormat: "{0}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A constant MappingRule destination must be a field path of the schema the mapping set targets, when that schema can be traced within the method to a CreateSchemaRequest of constant class and field groups or to a *.xdm.json schema.",
        helpLinkUri: HelpBase + "aepf025");

    // ----- OpenAPI client path (AEPF090–AEPF099), reported by AepClientGenerator. -----

    public static readonly DiagnosticDescriptor InvalidOpenApiDocument = new(
        id: "AEPF090",
        title: "OpenAPI document cannot be read",
        messageFormat: "'{0}' is not a readable OpenAPI document: {1}. Fix the document at this position; no operations are generated from it.",
        category: OpenApiCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A *.openapi.json or *.openapi.yaml AdditionalFile must be an OpenAPI 3.x or Swagger 2.0 document that NSwag can parse.",
        helpLinkUri: HelpBase + "aepf090");

    public static readonly DiagnosticDescriptor DuplicateOpenApiService = new(
        id: "AEPF091",
        title: "Two OpenAPI documents give the same service name",
        messageFormat: "The service name '{0}' of '{1}' is already used by '{2}'; this document is ignored. Rename the file (the service name comes from it).",
        category: OpenApiCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Generated classes are named after the document's file name, so two documents with the same name would collide.",
        helpLinkUri: HelpBase + "aepf091");

    public static readonly DiagnosticDescriptor BundledOpenApiDigestMissing = new(
        id: "AEPF092",
        title: "Bundled OpenAPI digest is missing",
        messageFormat: "The generator carries no readable OpenAPI digest ({0}). Rebuild AepFlow.Generator; the client operations are not generated.",
        category: OpenApiCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The digest of specs/openapi is produced when the generator is built and embedded as AepFlow.OpenApi.digest.json.",
        helpLinkUri: HelpBase + "aepf092");

    public static readonly DiagnosticDescriptor OpenApiClientNotReferenced = new(
        id: "AEPF093",
        title: "OpenAPI document in a project without AepFlow.Client",
        messageFormat: "'{0}' is an OpenAPI document, but this project does not reference AepFlow.Client, which the generated request builders and models build on. Add a reference to the AepFlow.Client package; nothing is generated from the document until then.",
        category: OpenApiCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Generated operations return AepFlow.Http.AepRequest and generated models implement AepFlow.Validation.IAepModel, both from AepFlow.Client.",
        helpLinkUri: HelpBase + "aepf093");
}
