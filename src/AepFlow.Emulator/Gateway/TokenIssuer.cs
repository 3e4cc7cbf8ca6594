using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace AepFlow.Emulator.Gateway;

/// <summary>Access tokens handed out by the emulated IMS endpoint, each with the client it was issued to and its expiry.</summary>
internal sealed class TokenIssuer(EmulatorOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _issued = new(StringComparer.Ordinal);
    private int _issuedCount;

    /// <summary>How many tokens were issued since start or the last reset.</summary>
    public int IssuedCount => Volatile.Read(ref _issuedCount);

    public (string Token, TimeSpan Lifetime) Issue(string clientId)
    {
        var token = "emulator-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _issued[token] = new IssuedToken(clientId, time.GetUtcNow() + options.TokenLifetime);
        Interlocked.Increment(ref _issuedCount);
        return (token, options.TokenLifetime);
    }

    /// <summary>The client an unexpired token issued here belongs to, or null for a token this emulator never issued.</summary>
    public string? ClientOf(string token) =>
        _issued.TryGetValue(token, out var issued) && time.GetUtcNow() < issued.Expires ? issued.ClientId : null;

    /// <summary>
    /// Restarts <see cref="IssuedCount"/>. Issued tokens stay valid: they stand for IMS, which a reset of the emulated
    /// Platform services does not touch, so a client holding a cached token keeps working.
    /// </summary>
    public void ResetCount() => Interlocked.Exchange(ref _issuedCount, 0);

    private readonly record struct IssuedToken(string ClientId, DateTimeOffset Expires);
}
