namespace AepFlow.Auth;

/// <summary>Supplies the bearer token sent with every Platform call.</summary>
internal abstract class AccessTokenProvider
{
    /// <summary>A token valid for at least the refresh margin.</summary>
    public abstract ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Whether <see cref="Invalidate"/> followed by <see cref="GetTokenAsync"/> can give a different token.</summary>
    public virtual bool CanRefresh => false;

    /// <summary>Platform refused <paramref name="token"/> (401): forget it so the next call obtains a new one.</summary>
    public virtual void Invalidate(string token)
    {
    }
}

/// <summary>A token given in the options; it is never refreshed.</summary>
internal sealed class FixedAccessTokenProvider(string token) : AccessTokenProvider
{
    public override ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);
}
