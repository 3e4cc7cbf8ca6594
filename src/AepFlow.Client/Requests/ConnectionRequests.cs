using System.Text.Json;
using AepFlow.Validation;

namespace AepFlow.Requests;

/// <summary>The body of <c>POST /connections</c>: a base connection holding the credentials of one account.</summary>
public sealed record CreateConnectionRequest : IAepModel
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The connectionSpec (id and version).</summary>
    public required ResourceRefModel ConnectionSpec { get; init; }

    /// <summary>The authSpec name, e.g. <c>OAuth2 Refresh Code</c> or <c>Basic Authentication</c>.</summary>
    public required string AuthSpecName { get; init; }

    /// <summary>The auth parameters: a generated connectionSpec auth model, or <see cref="RawJson"/>.</summary>
    public required IAepModel AuthParams { get; init; }

    /// <inheritdoc />
    public ValidationResult Validate()
    {
        var collector = new ValidationCollector();
        ValidateInto(ref collector);
        return collector.ToResult();
    }

    /// <inheritdoc />
    public void ValidateInto(ref ValidationCollector collector)
    {
        Checks.Required(ref collector, "name", Name);
        Checks.Ref(ref collector, "connectionSpec", ConnectionSpec);
        collector.Enter("auth");
        Checks.Required(ref collector, "specName", AuthSpecName);
        if (AuthParams is null)
        {
            collector.Add("params", "required", "'auth.params' is required.");
        }

        Checks.Nested(ref collector, "params", AuthParams);
        collector.Exit();
    }

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", Name);
        if (Description is not null)
        {
            writer.WriteString("description", Description);
        }

        writer.WriteStartObject("auth");
        writer.WriteString("specName", AuthSpecName);
        writer.WritePropertyName("params");
        AuthParams.WriteJson(writer);
        writer.WriteEndObject();
        ConnectionSpec.Write(writer, "connectionSpec");
        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public override string ToString() => $"CreateConnectionRequest {{ Name = {Name}, ConnectionSpec = {ConnectionSpec}, AuthSpecName = {AuthSpecName} }}";
}

/// <summary>The body of <c>POST /sourceConnections</c>: what to read from a source (a table, a path, a stream).</summary>
public sealed record CreateSourceConnectionRequest : IAepModel
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The base connection holding the credentials (absent for streaming sources).</summary>
    public string? BaseConnectionId { get; init; }

    /// <summary>The connectionSpec (id and version).</summary>
    public required ResourceRefModel ConnectionSpec { get; init; }

    /// <summary>The data format: <c>tabular</c> for CRM and databases, <c>delimited</c>/<c>json</c>/<c>parquet</c> for files.</summary>
    public string? DataFormat { get; init; }

    /// <summary>The source parameters: a generated connectionSpec source model, or <see cref="RawJson"/>.</summary>
    public IAepModel? Params { get; init; }

    /// <inheritdoc />
    public ValidationResult Validate()
    {
        var collector = new ValidationCollector();
        ValidateInto(ref collector);
        return collector.ToResult();
    }

    /// <inheritdoc />
    public void ValidateInto(ref ValidationCollector collector)
    {
        Checks.Required(ref collector, "name", Name);
        Checks.Ref(ref collector, "connectionSpec", ConnectionSpec);
        if (BaseConnectionId is not null)
        {
            Checks.Required(ref collector, "baseConnectionId", BaseConnectionId);
        }

        Checks.Nested(ref collector, "params", Params);
    }

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", Name);
        if (Description is not null)
        {
            writer.WriteString("description", Description);
        }

        if (BaseConnectionId is not null)
        {
            writer.WriteString("baseConnectionId", BaseConnectionId);
        }

        if (DataFormat is not null)
        {
            writer.WriteStartObject("data");
            writer.WriteString("format", DataFormat);
            writer.WriteEndObject();
        }

        if (Params is not null)
        {
            writer.WritePropertyName("params");
            Params.WriteJson(writer);
        }

        ConnectionSpec.Write(writer, "connectionSpec");
        writer.WriteEndObject();
    }
}

/// <summary>The body of <c>POST /targetConnections</c>: where a flow writes (for the data lake: a dataset of an XDM schema).</summary>
public sealed record CreateTargetConnectionRequest : IAepModel
{
    /// <summary>The data lake's connectionSpec, the usual target.</summary>
    public static ResourceRefModel DataLake { get; } = new("c604ff05-7f1a-43c0-8e18-33bf874cb11c", "1.0");

    /// <summary>The data format the data lake writes: <c>parquet_xdm</c>.</summary>
    public const string ParquetXdm = "parquet_xdm";

    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The base connection, if the target needs one.</summary>
    public string? BaseConnectionId { get; init; }

    /// <summary>The connectionSpec (id and version), e.g. <see cref="DataLake"/>.</summary>
    public required ResourceRefModel ConnectionSpec { get; init; }

    /// <summary>The data format, e.g. <c>parquet_xdm</c> for the data lake.</summary>
    public string? DataFormat { get; init; }

    /// <summary>The XDM schema the written records follow: its <c>$id</c> and the content type as version.</summary>
    public ResourceRefModel? Schema { get; init; }

    /// <summary>The target parameters, e.g. <c>{"dataSetId": "…"}</c>: a generated model or <see cref="RawJson"/>.</summary>
    public IAepModel? Params { get; init; }

    /// <inheritdoc />
    public ValidationResult Validate()
    {
        var collector = new ValidationCollector();
        ValidateInto(ref collector);
        return collector.ToResult();
    }

    /// <inheritdoc />
    public void ValidateInto(ref ValidationCollector collector)
    {
        Checks.Required(ref collector, "name", Name);
        Checks.Ref(ref collector, "connectionSpec", ConnectionSpec);
        if (Schema is not null)
        {
            collector.Enter("data");
            Checks.Ref(ref collector, "schema", Schema);
            collector.Exit();
        }

        Checks.Nested(ref collector, "params", Params);
    }

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", Name);
        if (Description is not null)
        {
            writer.WriteString("description", Description);
        }

        if (BaseConnectionId is not null)
        {
            writer.WriteString("baseConnectionId", BaseConnectionId);
        }

        if (DataFormat is not null || Schema is not null)
        {
            writer.WriteStartObject("data");
            if (DataFormat is not null)
            {
                writer.WriteString("format", DataFormat);
            }

            Schema?.Write(writer, "schema");
            writer.WriteEndObject();
        }

        if (Params is not null)
        {
            writer.WritePropertyName("params");
            Params.WriteJson(writer);
        }

        ConnectionSpec.Write(writer, "connectionSpec");
        writer.WriteEndObject();
    }
}
