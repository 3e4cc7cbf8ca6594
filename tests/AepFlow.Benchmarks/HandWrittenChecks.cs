using System.Text.RegularExpressions;
using AepFlow.FlowSpecs;
using AepFlow.Validation;

namespace AepFlow.Benchmarks;

/// <summary>
/// What a careful developer would write by hand for CRMToAEP's rules (the yardstick for the generated validators):
/// the same checks, the same collector, messages as constants.
/// </summary>
internal static partial class HandWrittenChecks
{
    public static ValidationResult Validate(CrmToAep.ScheduleParams schedule)
    {
        var collector = new ValidationCollector();
        CheckSchedule(schedule, ref collector);
        return collector.ToResult();
    }

    public static ValidationResult Validate(CrmToAep.CreateFlowRequest request)
    {
        var collector = new ValidationCollector();
        if (request.Name is null)
        {
            collector.Add("name", "required", "name is required.");
        }

        if (request.SourceConnectionIds is null)
        {
            collector.Add("sourceConnectionIds", "required", "sourceConnectionIds is required.");
        }

        if (request.TargetConnectionIds is null)
        {
            collector.Add("targetConnectionIds", "required", "targetConnectionIds is required.");
        }

        var index = 0;
        if (request.Copy is { } copy)
        {
            collector.Enter("transformations");
            collector.Enter(index++);
            collector.Enter("params");
            if (copy.DeltaColumn is null)
            {
                collector.Add("deltaColumn", "required", "deltaColumn is required.");
            }
            else if (copy.DeltaColumn.Name is null)
            {
                collector.Enter("deltaColumn");
                collector.Add("name", "required", "deltaColumn.name is required.");
                collector.Exit();
            }

            collector.Exit();
            collector.Exit();
            collector.Exit();
        }

        if (request.Mapping is { MappingId: { } mappingId } && !MappingId().IsMatch(mappingId))
        {
            collector.Enter("transformations");
            collector.Enter(index);
            collector.Enter("params");
            collector.Add("mappingId", "pattern", "mappingId must be 32 lowercase hex characters or a GUID.");
            collector.Exit();
            collector.Exit();
            collector.Exit();
        }

        if (request.Schedule is { } schedule)
        {
            collector.Enter("scheduleParams");
            CheckSchedule(schedule, ref collector);
            collector.Exit();
        }

        return collector.ToResult();
    }

    private static void CheckSchedule(CrmToAep.ScheduleParams schedule, ref ValidationCollector collector)
    {
        if (schedule.Frequency is not (CrmToAep.Frequency.Once or CrmToAep.Frequency.Minute or CrmToAep.Frequency.Hour
            or CrmToAep.Frequency.Day or CrmToAep.Frequency.Week))
        {
            collector.Add("frequency", "enum", "frequency must be once, minute, hour, day or week.");
            return;
        }

        if (schedule.Frequency == CrmToAep.Frequency.Once)
        {
            if (schedule.Interval is not null)
            {
                collector.Add("interval", "not", "interval is not allowed when frequency is once.");
            }

            if (schedule.Backfill is not null)
            {
                collector.Add("backfill", "not", "backfill is not allowed when frequency is once.");
            }
        }
        else if (schedule.Interval is not { } interval)
        {
            collector.Add("interval", "required", "interval is required unless frequency is once.");
        }
        else if (schedule.Frequency == CrmToAep.Frequency.Minute ? interval < 15 : interval < 1)
        {
            collector.Add(
                "interval",
                "minimum",
                schedule.Frequency == CrmToAep.Frequency.Minute
                    ? "interval must be at least 15 when frequency is minute."
                    : "interval must be at least 1.");
        }
    }

    [GeneratedRegex("^([0-9a-f]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$")]
    private static partial Regex MappingId();
}
