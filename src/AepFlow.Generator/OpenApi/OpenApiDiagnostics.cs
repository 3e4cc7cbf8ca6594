using Microsoft.CodeAnalysis;

namespace AepFlow.Generator.OpenApi;

/// <summary>Diagnostics of the OpenAPI client path (AEPF090–AEPF093). Each message says how to fix the problem.</summary>
internal static class OpenApiDiagnostics
{
    private const string Category = "AepFlow.OpenApi";
    private const string HelpBase = Diagnostics.DiagnosticDescriptors.HelpBase;

    public static readonly DiagnosticDescriptor InvalidDocument = new(
        id: "AEPF090",
        title: "OpenAPI document cannot be read",
        messageFormat: "'{0}' is not a readable OpenAPI document: {1}. Fix the document at this position; no operations are generated from it.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A *.openapi.json or *.openapi.yaml AdditionalFile must be an OpenAPI 3.x or Swagger 2.0 document that NSwag can parse.",
        helpLinkUri: HelpBase + "aepf090");

    public static readonly DiagnosticDescriptor DuplicateService = new(
        id: "AEPF091",
        title: "Two OpenAPI documents give the same service name",
        messageFormat: "The service name '{0}' of '{1}' is already used by '{2}'; this document is ignored. Rename the file (the service name comes from it).",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Generated classes are named after the document's file name, so two documents with the same name would collide.",
        helpLinkUri: HelpBase + "aepf091");

    public static readonly DiagnosticDescriptor BundledDigestMissing = new(
        id: "AEPF092",
        title: "Bundled OpenAPI digest is missing",
        messageFormat: "The generator carries no readable OpenAPI digest ({0}). Rebuild AepFlow.Generator; the client operations are not generated.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The digest of specs/openapi is produced when the generator is built and embedded as AepFlow.OpenApi.digest.json.",
        helpLinkUri: HelpBase + "aepf092");

    public static readonly DiagnosticDescriptor ClientNotReferenced = new(
        id: "AEPF093",
        title: "OpenAPI document in a project without AepFlow.Client",
        messageFormat: "'{0}' is an OpenAPI document, but this project does not reference AepFlow.Client, which the generated request builders and models build on. Add a reference to the AepFlow.Client package; nothing is generated from the document until then.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Generated operations return AepFlow.Http.AepRequest and generated models implement AepFlow.Validation.IAepModel, both from AepFlow.Client.",
        helpLinkUri: HelpBase + "aepf093");
}
