using System.Text.Json;
using System.Text.Json.Nodes;

namespace AepFlow.Emulator.Runs;

/// <summary>
/// A flow's <c>scheduleParams</c> as Platform reads them: <c>startTime</c> (epoch seconds), <c>frequency</c>
/// (<c>once</c>, <c>minute</c>, <c>hour</c>, <c>day</c>, <c>week</c>) and <c>interval</c> (how many of those between runs).
/// </summary>
internal readonly record struct FlowSchedule(DateTimeOffset Start, string Frequency, int Interval)
{
    /// <summary>The time between runs; <see langword="null"/> for <c>once</c>.</summary>
    public TimeSpan? Period => Frequency switch
    {
        "minute" => TimeSpan.FromMinutes(Interval),
        "hour" => TimeSpan.FromHours(Interval),
        "day" => TimeSpan.FromDays(Interval),
        "week" => TimeSpan.FromDays(7 * Interval),
        _ => null,
    };

    /// <summary>The schedule of a stored flow, or null when it has none (a streaming flow) or one the emulator cannot follow.</summary>
    public static FlowSchedule? Of(JsonObject flow)
    {
        if (flow["scheduleParams"] is not JsonObject schedule)
        {
            return null;
        }

        var frequency = JsonRead.String(schedule, "frequency")?.ToLowerInvariant();
        var start = Number(schedule["startTime"]);
        var interval = Number(schedule["interval"]) ?? 1;
        if (frequency is null || start is null || interval < 1 || interval > int.MaxValue || start < 0 || start > 253_402_300_799)
        {
            return null;
        }

        var result = new FlowSchedule(DateTimeOffset.FromUnixTimeSeconds(start.Value), frequency, (int)interval);
        return frequency == "once" || result.Period is not null ? result : null;
    }

    /// <summary>"every 15 minutes from 2026-12-02 17:00 UTC", "once at …".</summary>
    public string Describe()
    {
        var at = Start.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        if (Frequency == "once")
        {
            return $"once at {at}";
        }

        var unit = Interval == 1 ? Frequency : Frequency + "s";
        return Interval == 1 ? $"every {unit} from {at}" : $"every {Interval} {unit} from {at}";
    }

    /// <summary>The first slot at or after <paramref name="now"/> on this schedule's grid.</summary>
    public DateTimeOffset NextSlotFrom(DateTimeOffset now)
    {
        if (Period is not { } period || now <= Start)
        {
            return Start;
        }

        var elapsed = (now - Start).Ticks;
        var steps = (elapsed + period.Ticks - 1) / period.Ticks;
        return Start + TimeSpan.FromTicks(steps * period.Ticks);
    }

    private static long? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out long number) ? number
        : node is JsonValue text && text.GetValueKind() == JsonValueKind.String && long.TryParse(text.GetValue<string>(), out var parsed) ? parsed
        : null;
}
