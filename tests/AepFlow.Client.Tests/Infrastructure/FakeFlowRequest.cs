using System.Text.Json;
using AepFlow.Validation;

namespace AepFlow.Client.Tests.Infrastructure;

/// <summary>A hand-written stand-in for a generated CreateFlowRequest: name required, interval at least 15 for minute.</summary>
public sealed record FakeFlowRequest : IFlowRequest
{
    public string FlowSpecId => "14518937-270c-4525-bdec-c2ba7cce3860";

    public string FlowSpecVersion => "1.0";

    public string Name { get; init; } = "CRM flow";

    public string Frequency { get; init; } = "minute";

    public int Interval { get; init; } = 15;

    public ValidationResult Validate()
    {
        var collector = new ValidationCollector();
        ValidateInto(ref collector);
        return collector.ToResult();
    }

    public void ValidateInto(ref ValidationCollector collector)
    {
        if (string.IsNullOrEmpty(Name))
        {
            collector.Add("name", "required", "name is required");
        }

        collector.Enter("scheduleParams");
        if (Frequency == "minute" && Interval < 15)
        {
            collector.Add("interval", "minimum", "interval must be at least 15 when frequency is minute");
        }

        collector.Exit();
    }

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", Name);
        writer.WriteStartObject("flowSpec");
        writer.WriteString("id", FlowSpecId);
        writer.WriteString("version", FlowSpecVersion);
        writer.WriteEndObject();
        writer.WriteStartArray("sourceConnectionIds");
        writer.WriteStringValue("src-1");
        writer.WriteEndArray();
        writer.WriteStartArray("targetConnectionIds");
        writer.WriteStringValue("tgt-1");
        writer.WriteEndArray();
        writer.WriteStartObject("scheduleParams");
        writer.WriteNumber("startTime", 1700000000);
        writer.WriteString("frequency", Frequency);
        writer.WriteNumber("interval", Interval);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
