namespace AepFlow.Emulator;

/// <summary>
/// The emulator's simulated clock: real time by default, shifted or frozen by tests (<see cref="AepEmulator.Clock"/>) and the
/// admin API (<c>/__emulator/clock</c>). Timestamps, etags and run schedules follow it; token expiry follows real time, as
/// IMS is not part of the emulated Platform.
/// </summary>
public sealed class EmulatorClock : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly Lock _gate = new();
    private TimeSpan _offset;
    private DateTimeOffset? _frozenAt;

    internal EmulatorClock(TimeProvider real) => _real = real;

    /// <summary>Raised after the clock was moved or frozen, with the new time; runs that became due are created then.</summary>
    internal event Action<DateTimeOffset>? Changed;

    /// <summary>Whether the clock stands still until it is advanced or resumed.</summary>
    public bool IsFrozen
    {
        get
        {
            lock (_gate)
            {
                return _frozenAt is not null;
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _frozenAt ?? _real.GetUtcNow() + _offset;
        }
    }

    /// <summary>Stops the clock at its current time.</summary>
    public void Freeze() => Move(now => now, freeze: true);

    /// <summary>Lets the clock run again from where it stands.</summary>
    public void Resume() => Move(now => now, freeze: false);

    /// <summary>Moves the clock forward (a frozen clock stays frozen at the new time).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is negative: simulated time never goes back.</exception>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Move(now => now + by, freeze: null);
    }

    /// <summary>Sets the clock to <paramref name="now"/> (a frozen clock stays frozen there).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/> is before the current simulated time.</exception>
    public void SetUtcNow(DateTimeOffset now)
    {
        var current = GetUtcNow();
        ArgumentOutOfRangeException.ThrowIfLessThan(now, current);
        Move(_ => now, freeze: null);
    }

    private void Move(Func<DateTimeOffset, DateTimeOffset> target, bool? freeze)
    {
        DateTimeOffset now;
        lock (_gate)
        {
            var real = _real.GetUtcNow();
            now = target(_frozenAt ?? real + _offset);
            var frozen = freeze ?? _frozenAt is not null;
            _frozenAt = frozen ? now : null;
            _offset = now - real;
        }

        Changed?.Invoke(now);
    }
}
