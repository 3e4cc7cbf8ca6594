namespace AepFlow.Auth;

/// <summary>
/// Supplies the bearer token sent with every Platform call. Built in: <see cref="ImsClientSecretCredential"/> (Adobe IMS
/// OAuth server-to-server) and <see cref="AepAccessTokenCredential"/> (a fixed token). Derive from it to take tokens from
/// elsewhere (a vault, a token broker) and pass it to <see cref="AepClient(AepClientOptions, AepCredential, HttpMessageHandler?, Microsoft.Extensions.Logging.ILoggerFactory?)"/>.
/// </summary>
public abstract class AepCredential
{
    /// <summary>For derived credentials.</summary>
    protected AepCredential()
    {
    }

    /// <summary>A token valid for the next call. Called before every call, so cache it.</summary>
    public abstract ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Whether <see cref="Invalidate"/> followed by <see cref="GetTokenAsync"/> can give a different token.</summary>
    public virtual bool CanRefresh => false;

    /// <summary>Platform refused <paramref name="token"/> (401): forget it so the next call obtains a new one.</summary>
    public virtual void Invalidate(string token)
    {
    }

    /// <summary>A credential that always sends <paramref name="accessToken"/>.</summary>
    public static AepCredential FromAccessToken(string accessToken) => new AepAccessTokenCredential(accessToken);
}

/// <summary>A fixed access token; it is never refreshed, and a 401 is reported as is.</summary>
public sealed class AepAccessTokenCredential : AepCredential
{
    private readonly string _token;

    /// <summary>Creates the credential.</summary>
    public AepAccessTokenCredential(string accessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        _token = accessToken;
    }

    /// <inheritdoc />
    public override ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_token);

    /// <inheritdoc />
    public override string ToString() => nameof(AepAccessTokenCredential) + " { Token = " + Security.Redaction.Mask + " }";
}
