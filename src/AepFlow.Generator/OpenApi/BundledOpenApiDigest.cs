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
        using var stream = typeof(BundledOpenApiDigest).Assembly.GetManifestResourceStream(ResourceName);
        return Load(stream);
    }

    /// <summary>Reads a digest stream; a missing or unreadable one gives the reason instead of throwing.</summary>
    internal static (ApiDigest? Digest, string? Error) Load(Stream? stream)
    {
        try
        {
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
