namespace AepFlow.Emulator;

/// <summary>
/// Makes the next <see cref="Count"/> runs (of one flow, or of any flow) fail, with an error in Platform's run shape
/// (<c>metrics.statusSummary.errors[]</c> of <c>{"code","message"}</c>).
/// </summary>
public sealed class RunFaultRule
{
    /// <summary>Only runs of this flow; <see langword="null"/> matches runs of every flow.</summary>
    public string? FlowId { get; init; }

    /// <summary>How many runs fail; 0 means every matching run until run faults are cleared.</summary>
    public int Count { get; init; } = 1;

    /// <summary>The error code the failed run reports.</summary>
    public string Code { get; init; } = "CONNECTOR-1001-500";

    /// <summary>The error message the failed run reports.</summary>
    public string Message { get; init; } = "The source could not be read (a run fault injected by the emulator).";

    /// <summary>Records the failed run had read before it failed; all of them are reported failed.</summary>
    public int RecordsRead { get; init; }

    internal void EnsureValid()
    {
        if (Count < 0)
        {
            throw new ArgumentException("count must be zero (unlimited) or positive.", nameof(Count));
        }

        if (RecordsRead < 0)
        {
            throw new ArgumentException("recordsRead must be zero or positive.", nameof(RecordsRead));
        }

        if (string.IsNullOrWhiteSpace(Code) || string.IsNullOrWhiteSpace(Message))
        {
            throw new ArgumentException("code and message must be non-empty.", nameof(Code));
        }
    }
}

/// <summary>A queued run fault and how many more runs it will fail (0 = unlimited).</summary>
/// <param name="Id">The id it was queued under.</param>
/// <param name="Rule">What to inject.</param>
/// <param name="Remaining">Runs left; 0 means unlimited.</param>
public sealed record ActiveRunFault(long Id, RunFaultRule Rule, int Remaining);
