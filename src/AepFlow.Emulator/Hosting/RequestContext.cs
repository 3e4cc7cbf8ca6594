using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AepFlow.Emulator;

/// <summary>Who is calling and in which sandbox, read from the Platform headers.</summary>
internal readonly record struct RequestContext(string Sandbox, string OrgId, string ClientId)
{
    public const string DefaultSandbox = "prod";

    public static RequestContext From(HttpContext context) =>
        From(context, context.RequestServices.GetRequiredService<EmulatorState>().Credentials.DefaultSandbox);

    public static RequestContext From(HttpContext context, string defaultSandbox)
    {
        var headers = context.Request.Headers;
        var sandbox = headers["x-sandbox-name"].ToString();
        return new RequestContext(
            string.IsNullOrWhiteSpace(sandbox) ? defaultSandbox : sandbox.Trim(),
            headers["x-gw-ims-org-id"].ToString(),
            headers["x-api-key"].ToString());
    }

    /// <summary>A stable id per sandbox name, as Platform gives every sandbox a GUID.</summary>
    public string SandboxId => SandboxIdOf(Sandbox);

    public static string SandboxIdOf(string sandbox) =>
        new Guid(MD5.HashData(Encoding.UTF8.GetBytes("sandbox:" + sandbox.ToLowerInvariant()))).ToString("D");

    /// <summary>Sets the audit members Flow Service puts on every resource it creates.</summary>
    public void StampCreated(JsonObject resource, string id, string etag, DateTimeOffset now)
    {
        var millis = now.ToUnixTimeMilliseconds();
        resource["id"] = id;
        resource["createdAt"] = millis;
        resource["updatedAt"] = millis;
        resource["createdBy"] = $"{ClientId}@AdobeID";
        resource["updatedBy"] = $"{ClientId}@AdobeID";
        resource["createdClient"] = ClientId;
        resource["updatedClient"] = ClientId;
        resource["sandboxId"] = SandboxId;
        resource["sandboxName"] = Sandbox;
        resource["imsOrgId"] = OrgId;
        resource["version"] = etag;
        resource["etag"] = etag;
    }

    /// <summary>Sets the audit members and the new etag after a change.</summary>
    public void StampUpdated(JsonObject resource, string etag, DateTimeOffset now)
    {
        resource["updatedAt"] = now.ToUnixTimeMilliseconds();
        resource["updatedBy"] = $"{ClientId}@AdobeID";
        resource["updatedClient"] = ClientId;
        resource["version"] = etag;
        resource["etag"] = etag;
    }
}
