namespace AepFlow.Services;

/// <summary>
/// How a wait polls Platform: the first delay, doubled after each poll up to <see cref="MaxDelay"/>, and an optional limit
/// for the whole wait. Cancel the token to stop waiting at any time.
/// </summary>
public sealed record AepPollingOptions
{
    /// <summary>2 s first, at most 30 s between polls, no overall limit.</summary>
    public static AepPollingOptions Default { get; } = new();

    /// <summary>The delay before the second poll. Default 2 seconds.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest delay between polls. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The limit for the whole wait (<see cref="AepTimeoutException"/> after it); <see langword="null"/> waits until cancelled.</summary>
    public TimeSpan? Timeout { get; init; }

    internal TimeSpan Next(TimeSpan delay) => delay >= MaxDelay / 2 ? MaxDelay : delay * 2;

    /// <summary>Polls <paramref name="poll"/> with backoff until it returns a value.</summary>
    internal async Task<T> PollAsync<T>(Func<CancellationToken, Task<T?>> poll, string method, string path, string what, CancellationToken cancellationToken)
        where T : class
    {
        if (InitialDelay < TimeSpan.Zero || MaxDelay < InitialDelay)
        {
            throw new ArgumentException("InitialDelay must not be negative and MaxDelay not below it.");
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (Timeout is { } timeout)
        {
            limit.CancelAfter(timeout);
        }

        var delay = InitialDelay;
        try
        {
            while (true)
            {
                if (await poll(limit.Token).ConfigureAwait(false) is { } done)
                {
                    return done;
                }

                await Task.Delay(delay, limit.Token).ConfigureAwait(false);
                delay = Next(delay);
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && limit.IsCancellationRequested)
        {
            throw new AepTimeoutException($"{what} did not happen within {Timeout}.", method, path, null, ex);
        }
    }
}
