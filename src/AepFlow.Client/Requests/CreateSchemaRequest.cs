using System.Text.Json;
using AepFlow.Validation;

namespace AepFlow.Requests;

/// <summary>The body of Schema Registry's <c>POST /tenant/schemas</c>: an XDM schema composed of a class and field groups.</summary>
public sealed record CreateSchemaRequest : IAepModel
{
    /// <summary>The XDM Individual Profile class.</summary>
    public const string ProfileClass = "https://ns.adobe.com/xdm/context/profile";

    /// <summary>The XDM ExperienceEvent class.</summary>
    public const string ExperienceEventClass = "https://ns.adobe.com/xdm/context/experienceevent";

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The class's <c>$id</c>, e.g. <see cref="ProfileClass"/>.</summary>
    public required string ClassId { get; init; }

    /// <summary>The field groups' <c>$id</c>s, e.g. <c>https://ns.adobe.com/xdm/context/profile-person-details</c>.</summary>
    public IReadOnlyList<string> FieldGroupIds { get; init; } = [];

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
        Checks.Required(ref collector, "title", Title);
        collector.Enter("allOf");
        collector.Enter(0);
        Checks.Required(ref collector, "$ref", ClassId);
        collector.Exit();
        for (var i = 0; i < FieldGroupIds.Count; i++)
        {
            collector.Enter(i + 1);
            Checks.Required(ref collector, "$ref", FieldGroupIds[i]);
            collector.Exit();
        }

        collector.Exit();
    }

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "object");
        writer.WriteString("title", Title);
        if (Description is not null)
        {
            writer.WriteString("description", Description);
        }

        writer.WriteStartArray("allOf");
        WriteRef(writer, ClassId);
        foreach (var fieldGroup in FieldGroupIds)
        {
            WriteRef(writer, fieldGroup);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        static void WriteRef(Utf8JsonWriter writer, string id)
        {
            writer.WriteStartObject();
            writer.WriteString("$ref", id);
            writer.WriteEndObject();
        }
    }
}
