namespace AepFlow.Emulator;

/// <summary>
/// One fault to inject into the next <see cref="Count"/> requests that match <see cref="Method"/> and <see cref="PathPrefix"/>.
/// Latency is applied first; then the connection is dropped, or <see cref="Status"/> is answered, or (latency only) the
/// request proceeds normally.
/// </summary>
public sealed class FaultRule
{
    /// <summary>Delay before the request is answered, in milliseconds.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Status to answer instead of the real response (429, 500, 503…); <see langword="null"/> answers normally.</summary>
    public int? Status { get; init; }

    /// <summary>Seconds to put in a <c>Retry-After</c> header on the injected response.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>How many matching requests this fault affects; 0 means every matching request until faults are cleared.</summary>
    public int Count { get; init; } = 1;

    /// <summary>Only requests whose path starts with this (case-insensitive); <see langword="null"/> matches every API path.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>Only requests with this HTTP method; <see langword="null"/> matches every method.</summary>
    public string? Method { get; init; }

    /// <summary>Abort the connection without a response, as a network failure would.</summary>
    public bool DropConnection { get; init; }

    /// <summary>Throws when the rule cannot be applied, naming the offending member.</summary>
    internal void EnsureValid()
    {
        if (LatencyMs < 0)
        {
            throw new ArgumentException("latencyMs must be zero or positive.", nameof(LatencyMs));
        }

        if (Count < 0)
        {
            throw new ArgumentException("count must be zero (unlimited) or positive.", nameof(Count));
        }

        if (Status is < 100 or > 599)
        {
            throw new ArgumentException("status must be an HTTP status code between 100 and 599.", nameof(Status));
        }

        if (RetryAfterSeconds is < 0)
        {
            throw new ArgumentException("retryAfterSeconds must be zero or positive.", nameof(RetryAfterSeconds));
        }

        if (LatencyMs == 0 && Status is null && !DropConnection)
        {
            throw new ArgumentException("A fault needs latencyMs, status or dropConnection.", nameof(Status));
        }
    }

    internal bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase));
}
