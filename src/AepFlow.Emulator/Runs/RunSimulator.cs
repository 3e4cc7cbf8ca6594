using System.Text.Json.Nodes;
using AepFlow.Emulator.Endpoints;
using AepFlow.Emulator.Storage;

namespace AepFlow.Emulator.Runs;

/// <summary>
/// Makes runs the way Platform's scheduler does, on the emulator's simulated clock: an enabled flow with
/// <c>scheduleParams</c> gets a run at each slot of its schedule (at once when created with a start time in the past),
/// and each run moves <c>pending</c> → <c>inProgress</c> → <c>success</c>/<c>failed</c> after
/// <see cref="EmulatorOptions.RunStartDelay"/> and <see cref="EmulatorOptions.RunDuration"/>. Nothing runs in the background:
/// what became due is done when the clock moves or a request arrives (<see cref="CatchUp"/>), in time order, so a test that
/// advances a frozen clock sees exactly the runs of the time it skipped. The work is a priority queue of due events, so a
/// request costs nothing when nothing is due, whatever the store holds.
/// </summary>
internal sealed class RunSimulator
{
    /// <summary>A clock jump over more slots than this creates only the latest ones, as a paused scheduler would not replay a year.</summary>
    public const int MaxCatchUpRuns = 100;

    private readonly EmulatorState _state;
    private readonly Lock _gate = new();
    private readonly PriorityQueue<Due, (DateTimeOffset At, long Sequence)> _due = new();
    private readonly Dictionary<(string Sandbox, string FlowId), long> _flowVersions = new();
    private readonly CountedRules<RunFaultRule> _faults = new();
    private long _sequence;
    private long _nextDueTicks = long.MaxValue;

    public RunSimulator(EmulatorState state)
    {
        _state = state;
        state.Clock.Changed += _ => CatchUp();
    }

    /// <summary>Re-reads a created or changed flow's state and schedule; its next run follows the new schedule.</summary>
    public void FlowChanged(string sandbox, JsonObject flow, bool created)
    {
        var flowId = JsonRead.String(flow, "id");
        if (flowId is null)
        {
            return;
        }

        var now = _state.Now;
        lock (_gate)
        {
            var version = NextVersion(sandbox, flowId);
            if (JsonRead.String(flow, "state") == "enabled" && FlowSchedule.Of(flow) is { } schedule)
            {
                // Created with a start in the past, Platform starts the first run at once; otherwise runs keep to the grid.
                DateTimeOffset? first = created && schedule.Start <= now ? now
                    : schedule.Frequency == "once" ? (schedule.Start >= now ? schedule.Start : null)
                    : schedule.NextSlotFrom(now);
                if (first is { } at)
                {
                    Enqueue(at, new FlowSlot(sandbox, flowId, version, schedule));
                }
            }
        }

        CatchUp();
    }

    /// <summary>A deleted flow makes no more runs; runs in flight still finish.</summary>
    public void FlowRemoved(string sandbox, string flowId)
    {
        lock (_gate)
        {
            NextVersion(sandbox, flowId);
        }
    }

    /// <summary>Does everything that became due up to the simulated now.</summary>
    public void CatchUp()
    {
        var now = _state.Now;
        if (now.UtcTicks < Volatile.Read(ref _nextDueTicks))
        {
            return;
        }

        lock (_gate)
        {
            while (_due.TryPeek(out var due, out var key) && key.At <= now)
            {
                _due.Dequeue();
                switch (due)
                {
                    case FlowSlot slot:
                        StartRun(slot, key.At, now);
                        break;
                    case RunStep step:
                        Move(step, key.At);
                        break;
                }
            }

            Volatile.Write(ref _nextDueTicks, _due.TryPeek(out _, out var next) ? next.At.UtcTicks : long.MaxValue);
        }
    }

    public long AddFault(RunFaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.EnsureValid();
        return _faults.Add(rule, rule.Count);
    }

    public IReadOnlyList<ActiveRunFault> Faults() =>
        _faults.Snapshot(static (id, rule, remaining) => new ActiveRunFault(id, rule, remaining));

    public void ClearFaults() => _faults.Clear();

    /// <summary>Forgets schedules, queued steps and run faults (the store is cleared by the caller).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _due.Clear();
            _flowVersions.Clear();
            _faults.Clear();
            Volatile.Write(ref _nextDueTicks, long.MaxValue);
        }
    }

    private long NextVersion(string sandbox, string flowId)
    {
        var key = (sandbox.ToLowerInvariant(), flowId.ToLowerInvariant());
        var version = _flowVersions.GetValueOrDefault(key) + 1;
        _flowVersions[key] = version;
        return version;
    }

    private void Enqueue(DateTimeOffset at, Due due)
    {
        _due.Enqueue(due, (at, ++_sequence));
        if (at.UtcTicks < Volatile.Read(ref _nextDueTicks))
        {
            Volatile.Write(ref _nextDueTicks, at.UtcTicks);
        }
    }

    private void StartRun(FlowSlot slot, DateTimeOffset at, DateTimeOffset now)
    {
        if (_flowVersions.GetValueOrDefault((slot.Sandbox.ToLowerInvariant(), slot.FlowId.ToLowerInvariant())) != slot.Version)
        {
            return; // the flow was changed, disabled or deleted since this slot was planned
        }

        var flows = _state.Store.Collection(slot.Sandbox, FlowRules.Flows.Collection);
        if (!flows.TryGet(slot.FlowId, out var flow))
        {
            return;
        }

        var fault = TakeFault(slot.FlowId);
        var run = RunDocument.NewPending(flow, at);
        var runId = JsonRead.String(run, "id")!;
        _state.Store.Collection(slot.Sandbox, FlowRules.RunsCollection).Add(runId, run);
        SetLastRun(flows, slot.FlowId, runId, run, newRun: true);

        var started = at + _state.Options.RunStartDelay;
        var outcome = fault is null
            ? RunOutcome.Succeeded(_state.Options.RecordsPerRun)
            : RunOutcome.Failed(fault.Code, fault.Message, fault.RecordsRead);
        Enqueue(started, new RunStep(slot.Sandbox, slot.FlowId, runId, RunDocument.InProgress, outcome));
        Enqueue(started + _state.Options.RunDuration, new RunStep(slot.Sandbox, slot.FlowId, runId, outcome.Status, outcome));

        if (slot.Schedule.Period is { } period)
        {
            // The next slot on the schedule's grid (a first run made at creation may sit between slots).
            var next = slot.Schedule.NextSlotFrom(at + TimeSpan.FromTicks(1));
            if (now - next > period * MaxCatchUpRuns)
            {
                next = slot.Schedule.NextSlotFrom(now - (period * (MaxCatchUpRuns - 1)));
            }

            Enqueue(next, slot);
        }
    }

    private void Move(RunStep step, DateTimeOffset at)
    {
        var runs = _state.Store.Collection(step.Sandbox, FlowRules.RunsCollection);
        var moved = runs.Update(step.RunId, run =>
        {
            RunDocument.Move(run, step.To, step.Outcome, at);
            return (run, null);
        });
        if (moved.Updated is { } run)
        {
            SetLastRun(_state.Store.Collection(step.Sandbox, FlowRules.Flows.Collection), step.FlowId, step.RunId, run, newRun: false);
        }
    }

    /// <summary>
    /// Points the flow's <c>lastRunDetails</c> at this run. A new run always takes the place (slots come in time order);
    /// a step of an older run only updates it while that run is still the last one.
    /// </summary>
    private static void SetLastRun(ResourceCollection flows, string flowId, string runId, JsonObject run, bool newRun)
    {
        flows.Update(flowId, flow =>
        {
            if (!newRun && JsonRead.String(flow["lastRunDetails"], "id") != runId)
            {
                return (null, null);
            }

            flow["lastRunDetails"] = RunDocument.Summary(run);
            flow["runs"] = $"/runs?property=flowId=={flowId}";
            return (flow, null);
        });
    }

    private RunFaultRule? TakeFault(string flowId) =>
        _faults.TryTake(flowId, static (rule, flow) => rule.FlowId is not { } only || string.Equals(only, flow, StringComparison.OrdinalIgnoreCase));

    private abstract record Due;

    private sealed record FlowSlot(string Sandbox, string FlowId, long Version, FlowSchedule Schedule) : Due;

    private sealed record RunStep(string Sandbox, string FlowId, string RunId, string To, RunOutcome Outcome) : Due;
}
