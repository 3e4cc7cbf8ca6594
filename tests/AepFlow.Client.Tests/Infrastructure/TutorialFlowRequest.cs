using System.Text.Json;
using AepFlow.Validation;

namespace AepFlow.Client.Tests.Infrastructure;

/// <summary>
/// The CRM tutorial's flow body (CRMToAEP, a Mapping transformation, a minute schedule) written by hand, standing in for the
/// generated <c>CrmToAep.CreateFlowRequest</c> so the client's tests do not depend on the generator.
/// </summary>
public sealed record TutorialFlowRequest : IFlowRequest
{
    public string FlowSpecId => "14518937-270c-4525-bdec-c2ba7cce3860";

    public string FlowSpecVersion => "1.0";

    public required string Name { get; init; }

    public required string SourceConnectionId { get; init; }

    public required string TargetConnectionId { get; init; }

    public required string MappingId { get; init; }

    public long MappingVersion { get; init; }

    public int Interval { get; init; } = 15;

    public ValidationResult Validate()
    {
        var collector = new ValidationCollector();
        ValidateInto(ref collector);
        return collector.ToResult();
    }

    public void ValidateInto(ref ValidationCollector collector)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            collector.Add("name", "required", "name is required");
        }

        collector.Enter("scheduleParams");
        if (Interval < 15)
        {
            collector.Add("interval", "minimum", "interval must be at least 15 when frequency is minute");
        }

        collector.Exit();
    }

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", Name);
        writer.WriteString("description", "CRM contacts into the data lake");
        writer.WriteStartObject("flowSpec");
        writer.WriteString("id", FlowSpecId);
        writer.WriteString("version", FlowSpecVersion);
        writer.WriteEndObject();
        writer.WriteStartArray("sourceConnectionIds");
        writer.WriteStringValue(SourceConnectionId);
        writer.WriteEndArray();
        writer.WriteStartArray("targetConnectionIds");
        writer.WriteStringValue(TargetConnectionId);
        writer.WriteEndArray();
        writer.WriteStartArray("transformations");
        writer.WriteStartObject();
        writer.WriteString("name", "Mapping");
        writer.WriteStartObject("params");
        writer.WriteString("mappingId", MappingId);
        writer.WriteString("mappingVersion", MappingVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartObject("scheduleParams");
        writer.WriteNumber("startTime", 1767225600);
        writer.WriteString("frequency", "minute");
        writer.WriteNumber("interval", Interval);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
