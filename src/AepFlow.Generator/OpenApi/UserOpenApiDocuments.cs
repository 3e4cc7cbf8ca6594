using System;
using AepFlow.Generator.Model;
using AepFlow.Generator.OpenApi.Digest;

namespace AepFlow.Generator.OpenApi;

/// <summary>A user's <c>*.openapi.json|yaml</c> AdditionalFile after reading: the digest, or located problems.</summary>
internal sealed record UserDocument(string Path, ServiceDigest? Service, EquatableArray<DigestProblem> Problems);

/// <summary>
/// The one door to NSwag inside the compiler. Nothing in the generator's ordinary path references
/// <see cref="OpenApiDigestBuilder"/>, so NSwag and its dependencies load only when a user document exists.
/// </summary>
internal static class UserOpenApiDocuments
{
    public static bool IsOpenApiFile(string path) =>
        path.EndsWith(".openapi.json", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".openapi.yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".openapi.yml", StringComparison.OrdinalIgnoreCase);

    public static UserDocument Read(string path, string? text)
    {
        if (text is null)
        {
            return new UserDocument(path, null, new EquatableArray<DigestProblem>(new[] { new DigestProblem("the file could not be read", 1, 1) }));
        }

        try
        {
            var result = OpenApiDigestBuilder.Load(path, text);
            return new UserDocument(path, result.Service, result.Problems);
        }
        catch (Exception ex)
        {
            // Never let a document crash the compiler (CS8785); say what happened instead.
            return new UserDocument(path, null, new EquatableArray<DigestProblem>(new[] { new DigestProblem(ex.GetType().Name + ": " + ex.Message, 1, 1) }));
        }
    }
}
