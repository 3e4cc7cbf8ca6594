namespace AepFlow.Emulator;

/// <summary>
/// The faults waiting to be injected. Thread-safe: rules can be added while requests are in flight, and each matching
/// request consumes one use of the first matching rule.
/// </summary>
public sealed class FaultInjector
{
    private readonly CountedRules<FaultRule> _faults = new();

    /// <summary>Queues <paramref name="rule"/>; returns the id it is listed under.</summary>
    /// <exception cref="ArgumentException">The rule has no effect or an out-of-range value.</exception>
    public long Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.EnsureValid();
        return _faults.Add(rule, rule.Count);
    }

    /// <summary>Injects <paramref name="status"/> into the next <paramref name="count"/> matching requests.</summary>
    public long InjectStatus(int status, int count = 1, string? pathPrefix = null, string? method = null, int? retryAfterSeconds = null) =>
        Add(new FaultRule { Status = status, Count = count, PathPrefix = pathPrefix, Method = method, RetryAfterSeconds = retryAfterSeconds });

    /// <summary>Aborts the connection of the next <paramref name="count"/> matching requests.</summary>
    public long DropConnections(int count = 1, string? pathPrefix = null, string? method = null) =>
        Add(new FaultRule { DropConnection = true, Count = count, PathPrefix = pathPrefix, Method = method });

    /// <summary>Delays the next <paramref name="count"/> matching requests by <paramref name="latency"/>.</summary>
    public long AddLatency(TimeSpan latency, int count = 1, string? pathPrefix = null, string? method = null) =>
        Add(new FaultRule { LatencyMs = (int)latency.TotalMilliseconds, Count = count, PathPrefix = pathPrefix, Method = method });

    /// <summary>Removes every queued fault.</summary>
    public void Clear() => _faults.Clear();

    /// <summary>The queued faults with their remaining uses (0 = unlimited).</summary>
    public IReadOnlyList<ActiveFault> Snapshot() =>
        _faults.Snapshot(static (id, rule, remaining) => new ActiveFault(id, rule, remaining));

    /// <summary>Takes one use of the first rule matching the request, if any.</summary>
    internal FaultRule? TryTake(string method, string path) =>
        _faults.TryTake((method, path), static (rule, request) => rule.Matches(request.method, request.path));
}

/// <summary>A queued fault and how many more requests it will affect (0 = unlimited).</summary>
/// <param name="Id">The id <see cref="FaultInjector.Add"/> returned.</param>
/// <param name="Rule">What to inject.</param>
/// <param name="Remaining">Uses left; 0 means unlimited.</param>
public sealed record ActiveFault(long Id, FaultRule Rule, int Remaining);
