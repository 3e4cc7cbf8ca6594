using System.Text.Json;
using AepFlow.Validation;

namespace AepFlow.Requests;

/// <summary>The body of Catalog's <c>POST /dataSets</c>: a dataset whose records follow an XDM schema.</summary>
public sealed record CreateDataSetRequest : IAepModel
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The XDM schema's <c>$id</c>.</summary>
    public required string SchemaId { get; init; }

    /// <summary>The schema reference's content type.</summary>
    public string SchemaContentType { get; init; } = "application/vnd.adobe.xed+json;version=1";

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
        collector.Enter("schemaRef");
        Checks.Required(ref collector, "id", SchemaId);
        Checks.Required(ref collector, "contentType", SchemaContentType);
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

        writer.WriteStartObject("schemaRef");
        writer.WriteString("id", SchemaId);
        writer.WriteString("contentType", SchemaContentType);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
