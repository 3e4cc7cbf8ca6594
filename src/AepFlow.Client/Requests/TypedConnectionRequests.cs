using System.Text.Json;
using AepFlow.Validation;

namespace AepFlow.Requests;

/// <summary>A generated authSpec record of the connectionSpec <typeparamref name="TSpec"/>: the <c>auth.params</c> of its base connections.</summary>
/// <typeparam name="TSpec">The generated connectionSpec class.</typeparam>
public interface IConnectionAuth<TSpec> : IAepModel
    where TSpec : IConnectionSpec
{
    /// <summary>The authSpec name, sent as <c>auth.specName</c>.</summary>
    string AuthSpecName { get; }
}

/// <summary>The generated <c>params</c> record of a source connection of <typeparamref name="TSpec"/> (its <c>sourceSpec</c>).</summary>
/// <typeparam name="TSpec">The generated connectionSpec class.</typeparam>
public interface ISourceParams<TSpec> : IAepModel
    where TSpec : IConnectionSpec
{
}

/// <summary>The generated <c>params</c> record of a target connection of <typeparamref name="TSpec"/> (its <c>targetSpec</c>).</summary>
/// <typeparam name="TSpec">The generated connectionSpec class.</typeparam>
public interface ITargetParams<TSpec> : IAepModel
    where TSpec : IConnectionSpec
{
}

/// <summary>
/// <c>POST /connections</c> for the connectionSpec <typeparamref name="TSpec"/>: the spec id and version come from the spec,
/// the auth name and params from one of its generated authSpec records. Written exactly as <see cref="CreateConnectionRequest"/>.
/// </summary>
/// <typeparam name="TSpec">The generated connectionSpec class, e.g. <c>AepFlow.ConnectionSpecs.Salesforce</c>.</typeparam>
public sealed record CreateConnectionRequest<TSpec> : IAepModel
    where TSpec : IConnectionSpec
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The credentials: a generated authSpec record of <typeparamref name="TSpec"/>, e.g. <c>Salesforce.BasicAuthentication</c>.</summary>
    public required IConnectionAuth<TSpec> Auth { get; init; }

    /// <summary>The same body as an untyped request (one writer and one set of checks for both).</summary>
    public CreateConnectionRequest ToRequest() => new()
    {
        Name = Name,
        Description = Description,
        ConnectionSpec = new ResourceRefModel(TSpec.SpecId, TSpec.SpecVersion),
        AuthSpecName = Auth?.AuthSpecName!,
        AuthParams = Auth!,
    };

    /// <inheritdoc />
    public ValidationResult Validate() => ToRequest().Validate();

    /// <inheritdoc />
    public void ValidateInto(ref ValidationCollector collector) => ToRequest().ValidateInto(ref collector);

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter writer) => ToRequest().WriteJson(writer);
}

/// <summary>
/// <c>POST /sourceConnections</c> for the connectionSpec <typeparamref name="TSpec"/>: the spec id and version come from the
/// spec, and so does <c>data.format</c> for tabular sources; the params are the spec's generated <c>SourceParams</c>.
/// Written exactly as <see cref="CreateSourceConnectionRequest"/>.
/// </summary>
/// <typeparam name="TSpec">The generated connectionSpec class, e.g. <c>AepFlow.ConnectionSpecs.Salesforce</c>.</typeparam>
public sealed record CreateSourceConnectionRequest<TSpec> : IAepModel
    where TSpec : IConnectionSpec
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The base connection of the same spec holding the credentials (absent for streaming sources).</summary>
    public BaseConnectionId<TSpec>? BaseConnectionId { get; init; }

    /// <summary>The data format; defaults to the spec's (<c>tabular</c> for CRM and database sources). Files choose <c>delimited</c>, <c>json</c> or <c>parquet</c>.</summary>
    public string? DataFormat { get; init; } = TSpec.SourceDataFormat;

    /// <summary>What to read: the spec's generated <c>SourceParams</c>.</summary>
    public ISourceParams<TSpec>? Params { get; init; }

    /// <summary>The same body as an untyped request (one writer and one set of checks for both).</summary>
    public CreateSourceConnectionRequest ToRequest() => new()
    {
        Name = Name,
        Description = Description,
        BaseConnectionId = BaseConnectionId?.Value,
        ConnectionSpec = new ResourceRefModel(TSpec.SpecId, TSpec.SpecVersion),
        DataFormat = DataFormat,
        Params = Params,
    };

    /// <inheritdoc />
    public ValidationResult Validate() => ToRequest().Validate();

    /// <inheritdoc />
    public void ValidateInto(ref ValidationCollector collector) => ToRequest().ValidateInto(ref collector);

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter writer) => ToRequest().WriteJson(writer);
}

/// <summary>
/// <c>POST /targetConnections</c> for the connectionSpec <typeparamref name="TSpec"/>: the spec id and version come from the
/// spec; the params are its generated <c>TargetParams</c> (the data lake's <c>dataSetId</c>).
/// Written exactly as <see cref="CreateTargetConnectionRequest"/>.
/// </summary>
/// <typeparam name="TSpec">The generated connectionSpec class, e.g. <c>AepFlow.ConnectionSpecs.DataLake</c>.</typeparam>
public sealed record CreateTargetConnectionRequest<TSpec> : IAepModel
    where TSpec : IConnectionSpec
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The base connection, if the target needs one.</summary>
    public string? BaseConnectionId { get; init; }

    /// <summary>The data format, e.g. <see cref="CreateTargetConnectionRequest.ParquetXdm"/> for the data lake.</summary>
    public string? DataFormat { get; init; }

    /// <summary>The XDM schema the written records follow, e.g. <see cref="ResourceRefModel.XdmSchema(string)"/>.</summary>
    public ResourceRefModel? Schema { get; init; }

    /// <summary>Where to write: the spec's generated <c>TargetParams</c>.</summary>
    public ITargetParams<TSpec>? Params { get; init; }

    /// <summary>The same body as an untyped request (one writer and one set of checks for both).</summary>
    public CreateTargetConnectionRequest ToRequest() => new()
    {
        Name = Name,
        Description = Description,
        BaseConnectionId = BaseConnectionId,
        ConnectionSpec = new ResourceRefModel(TSpec.SpecId, TSpec.SpecVersion),
        DataFormat = DataFormat,
        Schema = Schema,
        Params = Params,
    };

    /// <inheritdoc />
    public ValidationResult Validate() => ToRequest().Validate();

    /// <inheritdoc />
    public void ValidateInto(ref ValidationCollector collector) => ToRequest().ValidateInto(ref collector);

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter writer) => ToRequest().WriteJson(writer);
}
