using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace AepFlow.Emulator.Gateway;

/// <summary>Access tokens handed out by the emulated IMS endpoint, with their expiry.</summary>
internal sealed class TokenIssuer(EmulatorOptions options)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _issued = new(StringComparer.Ordinal);
    private int _issuedCount;

    /// <summary>How many tokens were issued since start or the last reset.</summary>
    public int IssuedCount => Volatile.Read(ref _issuedCount);

    public (string Token, TimeSpan Lifetime) Issue()
    {
        var token = "emulator-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _issued[token] = options.TimeProvider.GetUtcNow() + options.TokenLifetime;
        Interlocked.Increment(ref _issuedCount);
        return (token, options.TokenLifetime);
    }

    public bool IsAccepted(string token) =>
        !options.RequireIssuedTokens
        || (_issued.TryGetValue(token, out var expires) && options.TimeProvider.GetUtcNow() < expires);

    /// <summary>
    /// Restarts <see cref="IssuedCount"/>. Issued tokens stay valid: they stand for IMS, which a reset of the emulated
    /// Platform services does not touch, so a client holding a cached token keeps working.
    /// </summary>
    public void ResetCount() => Interlocked.Exchange(ref _issuedCount, 0);
}
