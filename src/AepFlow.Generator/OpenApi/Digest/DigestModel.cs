using AepFlow.Generator.Model;

namespace AepFlow.Generator.OpenApi.Digest;

// The digest: what the emitter needs from an OpenAPI document, nothing more. It is built from NSwag's object model
// (at the generator's own build time for the bundled documents, at compile time for a user's document), written as
// compact JSON, and read back with System.Text.Json inside the compiler. All records are value-equal.

/// <summary>Every service of one digest file.</summary>
internal sealed record ApiDigest(EquatableArray<ServiceDigest> Services);

/// <summary>
/// One OpenAPI document: a Platform service.
/// <para><c>Name</c>: PascalCase service name from the file name (<c>flow-service</c> → <c>FlowService</c>).</para>
/// <para><c>Source</c>: The document's file name, for messages and XML docs.</para>
/// <para><c>BasePath</c>: The server URL's path, e.g. <c>/data/foundation/flowservice</c>.</para>
/// </summary>
internal sealed record ServiceDigest(
    string Name,
    string Source,
    string BasePath,
    EquatableArray<OperationDigest> Operations,
    EquatableArray<SchemaDigest> Schemas);

/// <summary>
/// One operation.
/// <para><c>MethodName</c>: The C# method name: PascalCase of the operationId.</para>
/// <para><c>Accept</c>: A response media type other than <c>application/json</c> that must be asked for, or null.</para>
/// </summary>
internal sealed record OperationDigest(
    string OperationId,
    string MethodName,
    string HttpMethod,
    string Path,
    EquatableArray<ParameterDigest> Parameters,
    BodyDigest? Body,
    TypeRef? Response,
    string? Accept,
    bool Pages,
    bool Idempotent);

/// <summary>A path, query or header parameter.</summary>
internal sealed record ParameterDigest(string Name, string CsName, string In, TypeRef Type, bool Required);

/// <summary>
/// The JSON request body.
/// <para><c>ClrType</c>: A hand-written type that replaces the schema (<c>x-aepflow-body-type</c>), or null.</para>
/// </summary>
internal sealed record BodyDigest(TypeRef Type, bool Required, string? ClrType);

/// <summary>An object schema that becomes a DTO record.</summary>
internal sealed record SchemaDigest(string Name, string? Description, EquatableArray<PropertyDigest> Properties);

/// <summary>One member of an object schema.</summary>
internal sealed record PropertyDigest(string JsonName, string CsName, TypeRef Type, bool Required, string? Description);

/// <summary>
/// A type in a small JSON Schema subset: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>array</c>
/// (<see cref="Items"/>), <c>map</c> (object with only additionalProperties, <see cref="Items"/> is the value type),
/// <c>ref</c> (a <see cref="SchemaDigest"/> by <see cref="RefName"/>) and <c>any</c> (kept as raw JSON).
/// </summary>
internal sealed record TypeRef(
    string Kind,
    string? Format = null,
    string? RefName = null,
    TypeRef? Items = null,
    EquatableArray<string>? Enum = null,
    double? Minimum = null,
    double? Maximum = null,
    int? MinLength = null,
    int? MaxLength = null,
    bool Nullable = false)
{
    public const string String = "string";
    public const string Integer = "integer";
    public const string Number = "number";
    public const string Boolean = "boolean";
    public const string Array = "array";
    public const string Map = "map";
    public const string Ref = "ref";
    public const string Any = "any";

    public static TypeRef AnyJson { get; } = new(Any);
}
