namespace AepFlow;

/// <summary>
/// Settings of an <see cref="AepClient"/>: where Platform is, who is calling (an Adobe Developer Console OAuth server-to-server
/// credential or a fixed access token), which organization and sandbox, and how patient to be.
/// </summary>
public sealed class AepClientOptions
{
    /// <summary>The default configuration section bound by <c>AddAepClient</c>.</summary>
    public const string DefaultSectionName = "Aep";

    /// <summary>The platform gateway. Default <c>https://platform.adobe.io</c>; point it at an emulator for local runs.</summary>
    public Uri BaseAddress { get; set; } = new("https://platform.adobe.io");

    /// <summary>The credential's client id; also sent as <c>x-api-key</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>The credential's client secret (only sent to the token endpoint, never logged).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The IMS organization id, sent as <c>x-gw-ims-org-id</c> (e.g. <c>…@AdobeOrg</c>).</summary>
    public string? OrgId { get; set; }

    /// <summary>The sandbox, sent as <c>x-sandbox-name</c>. Default <c>prod</c>.</summary>
    public string SandboxName { get; set; } = "prod";

    /// <summary>The IMS token endpoint for the client credentials grant.</summary>
    public Uri TokenEndpoint { get; set; } = new("https://ims-na1.adobelogin.com/ims/token/v3");

    /// <summary>The comma-separated scopes requested with the token.</summary>
    public string Scopes { get; set; } = "openid,AdobeID,read_organizations,additional_info.projectedProductContext,session";

    /// <summary>A fixed access token to use instead of requesting one (it is never refreshed).</summary>
    public string? AccessToken { get; set; }

    /// <summary>How long before a token's expiry it is replaced. Default 5 minutes.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The limit for one HTTP attempt. Default 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The limit for a call including its retries. Default 2 minutes.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many times an idempotent call is retried after a transient failure (0 disables retries). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry delay, doubled with jitter on each retry, unless the response says <c>Retry-After</c>. Default 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Reads the settings of a real Platform run from the environment: <c>AEP_CLIENT_ID</c>, <c>AEP_CLIENT_SECRET</c>,
    /// <c>AEP_ORG_ID</c>, <c>AEP_SANDBOX</c>, and optionally <c>AEP_BASE_URL</c>, <c>AEP_ACCESS_TOKEN</c> and <c>AEP_TOKEN_ENDPOINT</c>.
    /// </summary>
    public static AepClientOptions FromEnvironment()
    {
        var options = new AepClientOptions
        {
            ClientId = Read("AEP_CLIENT_ID"),
            ClientSecret = Read("AEP_CLIENT_SECRET"),
            OrgId = Read("AEP_ORG_ID"),
            AccessToken = Read("AEP_ACCESS_TOKEN"),
        };

        if (Read("AEP_SANDBOX") is { } sandbox)
        {
            options.SandboxName = sandbox;
        }

        if (Read("AEP_BASE_URL") is { } baseUrl)
        {
            options.BaseAddress = ParseUri("AEP_BASE_URL", baseUrl);
        }

        if (Read("AEP_TOKEN_ENDPOINT") is { } tokenEndpoint)
        {
            options.TokenEndpoint = ParseUri("AEP_TOKEN_ENDPOINT", tokenEndpoint);
        }

        return options;

        static string? Read(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value.Trim() : null;
    }

    /// <summary>
    /// <see langword="true"/> when <c>AEP_CLIENT_ID</c>, <c>AEP_ORG_ID</c> and either <c>AEP_CLIENT_SECRET</c> or
    /// <c>AEP_ACCESS_TOKEN</c> are set, i.e. <see cref="FromEnvironment"/> can reach real Platform.
    /// </summary>
    public static bool EnvironmentHasCredentials() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AEP_CLIENT_ID")) &&
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AEP_ORG_ID")) &&
        (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AEP_CLIENT_SECRET")) ||
         !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AEP_ACCESS_TOKEN")));

    /// <summary>Checks that the settings can make calls; throws <see cref="InvalidOperationException"/> naming what is missing.</summary>
    public void EnsureValid() => EnsureValid(requireCredential: true);

    /// <summary>Like <see cref="EnsureValid()"/>; without <paramref name="requireCredential"/> a secret or token is not required (an <see cref="Auth.AepCredential"/> supplies tokens).</summary>
    internal void EnsureValid(bool requireCredential)
    {
        if (Validate(requireCredential) is { } problems)
        {
            throw new InvalidOperationException(problems);
        }
    }

    /// <summary>What is wrong with the settings, or <see langword="null"/> when they can make calls.</summary>
    internal string? Validate(bool requireCredential)
    {
        var problems = new List<string>();
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri)
        {
            problems.Add("BaseAddress must be an absolute URI (e.g. https://platform.adobe.io)");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            problems.Add("ClientId is required (it is sent as x-api-key); set Aep:ClientId or AEP_CLIENT_ID");
        }

        if (string.IsNullOrWhiteSpace(OrgId))
        {
            problems.Add("OrgId is required (x-gw-ims-org-id); set Aep:OrgId or AEP_ORG_ID");
        }

        if (string.IsNullOrWhiteSpace(SandboxName))
        {
            problems.Add("SandboxName must not be empty (x-sandbox-name); set Aep:SandboxName or AEP_SANDBOX");
        }

        if (requireCredential && string.IsNullOrWhiteSpace(AccessToken) && string.IsNullOrWhiteSpace(ClientSecret))
        {
            problems.Add("either ClientSecret (OAuth server-to-server) or AccessToken is required; set AEP_CLIENT_SECRET");
        }

        if (requireCredential && string.IsNullOrWhiteSpace(AccessToken) && TokenEndpoint is null)
        {
            problems.Add("TokenEndpoint is required to request tokens");
        }

        if (MaxRetries < 0)
        {
            problems.Add("MaxRetries must not be negative");
        }

        if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout <= TimeSpan.Zero)
        {
            problems.Add("AttemptTimeout and TotalTimeout must be positive");
        }

        return problems.Count > 0 ? "AepClientOptions are incomplete: " + string.Join("; ", problems) + "." : null;
    }

    /// <summary>A copy, so a client is not affected by later changes to the options it was built from.</summary>
    internal AepClientOptions Clone() => (AepClientOptions)MemberwiseClone();

    private static Uri ParseUri(string name, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"{name} must be an absolute URI, got '{value}'.");
}
