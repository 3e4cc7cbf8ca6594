namespace AepFlow.Emulator;

/// <summary>
/// Rules that each apply to a limited number of uses (0 = unlimited), the first matching rule first: the one queue behind
/// request faults (<see cref="FaultInjector"/>) and run faults (<c>RunSimulator</c>). Thread-safe, so rules can be added
/// while requests or runs are in flight; every match consumes one use.
/// </summary>
internal sealed class CountedRules<TRule>
    where TRule : class
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];
    private long _nextId;

    /// <summary>Queues <paramref name="rule"/> for <paramref name="uses"/> matches; returns the id it is listed under.</summary>
    public long Add(TRule rule, int uses)
    {
        lock (_gate)
        {
            var id = ++_nextId;
            _entries.Add(new Entry(id, rule, uses));
            return id;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>The queued rules with their ids and remaining uses, in the shape the caller publishes.</summary>
    public T[] Snapshot<T>(Func<long, TRule, int, T> project)
    {
        lock (_gate)
        {
            var snapshot = new T[_entries.Count];
            for (var i = 0; i < snapshot.Length; i++)
            {
                var entry = _entries[i];
                snapshot[i] = project(entry.Id, entry.Rule, entry.Remaining);
            }

            return snapshot;
        }
    }

    /// <summary>Takes one use of the first rule <paramref name="matches"/> accepts, if any.</summary>
    public TRule? TryTake<TState>(TState state, Func<TRule, TState, bool> matches)
    {
        lock (_gate)
        {
            for (var i = 0; i < _entries.Count; i++)
            {
                var entry = _entries[i];
                if (!matches(entry.Rule, state))
                {
                    continue;
                }

                if (entry.Remaining == 1)
                {
                    _entries.RemoveAt(i);
                }
                else if (entry.Remaining > 1)
                {
                    _entries[i] = entry with { Remaining = entry.Remaining - 1 };
                }

                return entry.Rule;
            }
        }

        return null;
    }

    private readonly record struct Entry(long Id, TRule Rule, int Remaining);
}
