namespace AepFlow.Emulator;

/// <summary>
/// The OAuth server-to-server credential the emulator's IMS endpoint accepts, and the org and sandbox it belongs to —
/// what a client needs to talk to this emulator (<see cref="AepEmulator.CreateClientOptions"/> fills them in).
/// </summary>
/// <param name="ClientId">The client id; also the <c>x-api-key</c> every Platform request must carry.</param>
/// <param name="ClientSecret">The client secret for <c>POST /ims/token/v3</c>.</param>
/// <param name="OrgId">The <c>x-gw-ims-org-id</c> every Platform request must carry.</param>
/// <param name="Sandboxes">Sandboxes that exist (<c>x-sandbox-name</c>); the first is the default.</param>
public sealed record EmulatorCredentials(string ClientId, string ClientSecret, string OrgId, IReadOnlyList<string> Sandboxes)
{
    internal const string DefaultClientId = "aepflow-emulator";
    internal const string DefaultOrgId = "AEPFLOWEMULATOR@AdobeOrg";

    /// <summary>The sandbox used when a request names none.</summary>
    public string DefaultSandbox => Sandboxes.Count > 0 ? Sandboxes[0] : RequestContext.DefaultSandbox;

    /// <summary>Whether <paramref name="sandbox"/> exists (case-insensitive, as Platform's sandbox names are lowercase).</summary>
    public bool HasSandbox(string sandbox)
    {
        foreach (var known in Sandboxes)
        {
            if (string.Equals(known, sandbox, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
