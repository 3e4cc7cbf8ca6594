using System.Text.Json;
using AepFlow.Validation;

namespace AepFlow.Requests;

/// <summary>The body of Data Prep's <c>POST /mappingSets</c>: how source columns map onto an XDM schema.</summary>
public sealed record CreateMappingSetRequest : IAepModel
{
    /// <summary>The target XDM schema's <c>$id</c>.</summary>
    public required string XdmSchema { get; init; }

    /// <summary>The schema version, usually <c>1.0</c>.</summary>
    public string XdmVersion { get; init; } = "1.0";

    /// <summary>The mappings; at least one.</summary>
    public required IReadOnlyList<MappingRule> Mappings { get; init; }

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
        Checks.Required(ref collector, "xdmSchema", XdmSchema);
        Checks.Required(ref collector, "xdmVersion", XdmVersion);
        if (Mappings is null || Mappings.Count == 0)
        {
            collector.Add("mappings", "minItems", "'mappings' needs at least one mapping.");
            return;
        }

        collector.Enter("mappings");
        for (var i = 0; i < Mappings.Count; i++)
        {
            collector.Enter(i);
            if (Mappings[i] is { } rule)
            {
                Checks.Required(ref collector, "sourceAttribute", rule.SourceAttribute);
                Checks.Required(ref collector, "destinationXdmPath", rule.DestinationXdmPath);
            }
            else
            {
                collector.Add("type", "A mapping must not be null.");
            }

            collector.Exit();
        }

        collector.Exit();
    }

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("version", 0);
        writer.WriteString("xdmSchema", XdmSchema);
        writer.WriteString("xdmVersion", XdmVersion);
        writer.WriteNull("id");
        writer.WriteStartArray("mappings");
        foreach (var rule in Mappings)
        {
            writer.WriteStartObject();
            writer.WriteString("destinationXdmPath", rule.DestinationXdmPath);
            writer.WriteString("sourceAttribute", rule.SourceAttribute);
            writer.WriteBoolean("identity", rule.Identity);
            if (rule.IdentityGroup is null)
            {
                writer.WriteNull("identityGroup");
            }
            else
            {
                writer.WriteString("identityGroup", rule.IdentityGroup);
            }

            if (rule.NamespaceCode is null)
            {
                writer.WriteNull("namespaceCode");
            }
            else
            {
                writer.WriteString("namespaceCode", rule.NamespaceCode);
            }

            writer.WriteNumber("version", 0);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}

/// <summary>One mapping: a source column (or Data Prep expression) onto an XDM path.</summary>
/// <param name="SourceAttribute">The source column, e.g. <c>first_name</c>.</param>
/// <param name="DestinationXdmPath">The XDM path, e.g. <c>person.name.firstName</c>.</param>
public sealed record MappingRule(string SourceAttribute, string DestinationXdmPath)
{
    /// <summary>Whether the field is an identity.</summary>
    public bool Identity { get; init; }

    /// <summary>The identity group, for identities.</summary>
    public string? IdentityGroup { get; init; }

    /// <summary>The identity namespace code, for identities.</summary>
    public string? NamespaceCode { get; init; }
}
