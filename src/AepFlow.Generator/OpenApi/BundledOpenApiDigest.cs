using System;
using System.IO;
using AepFlow.Generator.OpenApi.Digest;

namespace AepFlow.Generator.OpenApi;

/// <summary>
/// The digest of specs/openapi, produced by AepFlow.OpenApi.Digest when the generator was built and embedded as a resource.
/// Reading it costs a few milliseconds of System.Text.Json; it is read once per generator load.
/// </summary>
internal static class BundledOpenApiDigest
{
    public const string ResourceName = "AepFlow.OpenApi.digest.json";

    private static readonly Lazy<(ApiDigest? Digest, string? Error)> Cached = new(Load);

    public static ApiDigest? Digest => Cached.Value.Digest;

    public static string? Error => Cached.Value.Error;

    private static (ApiDigest?, string?) Load()
    {
        try
        {
            using var stream = typeof(BundledOpenApiDigest).Assembly.GetManifestResourceStream(ResourceName);
            if (stream is null)
            {
                return (null, "resource " + ResourceName + " not found");
            }

            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return (DigestJson.Read(new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length)), null);
        }
        catch (Exception ex)
        {
            return (null, ex.Message);
        }
    }
}
