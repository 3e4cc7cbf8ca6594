// Linked into AepFlow.Generator (netstandard2.0): the generator decides at generation time which generated members print as
// "***", the client decides at run time which JSON members of error bodies to mask. One rule for both.
namespace AepFlow.Security;

/// <summary>Which member names hold secrets: passwords, keys, tokens, credentials.</summary>
internal static class SecretNames
{
    // Matched against the name lower-cased with '_', '-' and '.' removed, so client_secret, clientSecret and
    // CLIENT-SECRET are the same name.
    private static readonly string[] Contains =
    [
        "password", "passwd", "passphrase", "secret", "apikey", "privatekey", "accesskey", "credential", "connectionstring",
        "signature", "sastoken", "sasuri",
    ];

    // Tokens are secrets except the paging cursors that share the word.
    private static readonly string[] NotSecretTokens = ["continuationtoken", "nexttoken", "pagetoken", "tokentype"];

    /// <summary>Whether a member called <paramref name="name"/> holds a secret.</summary>
    public static bool IsSecret(string? name)
    {
        if (name is null || name.Length == 0)
        {
            return false;
        }

        var normalized = Normalize(name);
        foreach (var word in Contains)
        {
            if (normalized.IndexOf(word, System.StringComparison.Ordinal) >= 0)
            {
                return !normalized.EndsWith("id", System.StringComparison.Ordinal) || word == "password";
            }
        }

        // Whole names only: "sig" is an Azure SAS URL's signature ("signal" and "design" are not secrets).
        if (normalized == "sig")
        {
            return true;
        }

        if (normalized.EndsWith("token", System.StringComparison.Ordinal) || normalized == "authorization" || normalized == "bearer")
        {
            foreach (var cursor in NotSecretTokens)
            {
                if (normalized == cursor)
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    private static string Normalize(string name)
    {
        var chars = new char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (c != '_' && c != '-' && c != '.')
            {
                chars[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(chars, 0, length);
    }
}
