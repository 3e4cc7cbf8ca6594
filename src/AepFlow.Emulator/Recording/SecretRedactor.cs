using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AepFlow.Emulator.Specs;
using Microsoft.AspNetCore.WebUtilities;

namespace AepFlow.Emulator.Recording;

/// <summary>
/// Hides secrets before anything is recorded or shown: every value under a connection's <c>auth.params</c>, every member
/// a served connectionSpec declares <c>format: password</c>, and members, query parameters and form fields whose names say
/// they hold a secret (password, secret, token, credential, private key, connection string…). Secrets become <c>***</c>.
/// </summary>
internal sealed class SecretRedactor
{
    public const string Mask = "***";

    // Lowercase fragments of names that hold secrets; "continuationtoken" is a paging cursor, not a credential.
    private static readonly string[] SecretFragments =
        ["password", "passwd", "secret", "token", "credential", "privatekey", "private_key", "connectionstring", "sastoken", "sasuri", "apikey", "api_key", "passphrase"];

    private static readonly FrozenSet<string> NotSecret = new[] { "continuationtoken", "x-api-key", "tokentype", "token_type" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Duplicate keys fail here rather than later, lazily, while the tree is walked.
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false, MaxDepth = 256 };

    private readonly FrozenSet<string> _passwordFields;

    private SecretRedactor(FrozenSet<string> passwordFields) => _passwordFields = passwordFields;

    /// <summary>Collects the names of every <c>format: password</c> property in the catalog's connectionSpecs.</summary>
    public static SecretRedactor From(SpecCatalog specs)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in specs.ConnectionSpecs.Values)
        {
            CollectPasswordFields(spec, names);
        }

        return new SecretRedactor(names.ToFrozenSet(StringComparer.OrdinalIgnoreCase));
    }

    public bool IsSecretName(string name)
    {
        if (NotSecret.Contains(name))
        {
            return false;
        }

        if (_passwordFields.Contains(name))
        {
            return true;
        }

        foreach (var fragment in SecretFragments)
        {
            if (name.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Masks secrets in <paramref name="node"/> in place; returns whether anything was masked.</summary>
    public bool Redact(JsonNode? node) => Redact(node, maskAll: false);

    /// <summary>A deep copy of <paramref name="node"/> with its secrets masked, for display.</summary>
    public JsonNode? RedactedCopy(JsonNode? node)
    {
        var copy = node?.DeepClone();
        Redact(copy);
        return copy;
    }

    /// <summary>
    /// The body text to record: JSON with its secrets masked (the original text when nothing was masked), a form with secret
    /// fields masked, or a placeholder for anything that cannot be checked for secrets.
    /// </summary>
    public string RedactBody(string text, string? contentType)
    {
        if (contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            return RedactPairs(text, leadingQuestionMark: false);
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: DocumentOptions);
        }
        catch (JsonException)
        {
            return $"[{Encoding.UTF8.GetByteCount(text)} bytes that are not JSON; not recorded, as secrets in them could not be masked]";
        }

        return Redact(node) ? JsonResults.ToJsonString(node) : text;
    }

    /// <summary>A query string (with its leading <c>?</c>) with the values of secret parameters masked.</summary>
    public string RedactQuery(string query) => query.Length <= 1 ? query : RedactPairs(query, leadingQuestionMark: true);

    private string RedactPairs(string text, bool leadingQuestionMark)
    {
        var pairs = QueryHelpers.ParseQuery(text);
        if (!pairs.Keys.Any(IsSecretName))
        {
            return text;
        }

        var builder = new StringBuilder(leadingQuestionMark ? "?" : string.Empty);
        foreach (var (key, values) in pairs)
        {
            foreach (var value in values)
            {
                if (builder.Length > (leadingQuestionMark ? 1 : 0))
                {
                    builder.Append('&');
                }

                builder.Append(Uri.EscapeDataString(key)).Append('=').Append(IsSecretName(key) ? Mask : Uri.EscapeDataString(value ?? string.Empty));
            }
        }

        return builder.ToString();
    }

    private bool Redact(JsonNode? node, bool maskAll)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToArray())
                {
                    var value = obj[name];
                    var secret = maskAll || IsSecretName(name);
                    if (secret && value is JsonValue)
                    {
                        obj[name] = Mask;
                        changed = true;
                    }
                    else
                    {
                        // Everything under a connection's auth.params is a credential of some kind.
                        var underAuth = secret || (name == "params" && obj.Parent is JsonObject parent && ReferenceEquals(parent["auth"], obj));
                        changed |= Redact(value, underAuth);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (maskAll && array[i] is JsonValue)
                    {
                        array[i] = Mask;
                        changed = true;
                    }
                    else
                    {
                        changed |= Redact(array[i], maskAll);
                    }
                }

                break;
        }

        return changed;
    }

    private static void CollectPasswordFields(JsonNode? node, HashSet<string> names)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["properties"] is JsonObject properties)
                {
                    foreach (var (name, schema) in properties)
                    {
                        if (JsonRead.String(schema, "format") is "password")
                        {
                            names.Add(name);
                        }
                    }
                }

                foreach (var (_, child) in obj)
                {
                    CollectPasswordFields(child, names);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    CollectPasswordFields(item, names);
                }

                break;
        }
    }
}
