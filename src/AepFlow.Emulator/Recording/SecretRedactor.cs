using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AepFlow.Emulator.Specs;
using Microsoft.AspNetCore.WebUtilities;

namespace AepFlow.Emulator.Recording;

/// <summary>
/// Hides secrets before anything is recorded or shown: every value in a connection's <c>auth</c> but its authSpec's name,
/// whatever the params are called (also when set by JSON Patch), every member a served connectionSpec (bundled or the
/// user's) declares <c>format: password</c>, and members, query parameters and form fields whose names say they hold a
/// secret by the client's rule (<c>AepFlow.Security.Redaction.IsSecretName</c>: password, secret, …token, credential, private
/// key, connection string, a SAS URL's <c>sig</c>…). Secrets become <c>***</c>.
/// </summary>
internal sealed class SecretRedactor
{
    public const string Mask = "***";

    // Names the shared rule (AepFlow.Security.Redaction) reads as secrets but a recording shows: x-api-key is the client id.
    private static readonly FrozenSet<string> NotSecret = new[] { "x-api-key" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

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

        // One rule with the client and the generator (password, secret, api/private/access key, credential, …token but
        // paging cursors, sig…), plus the format: password members of the served connectionSpecs.
        return _passwordFields.Contains(name) || AepFlow.Security.Redaction.IsSecretName(name);
    }

    /// <summary>Masks secrets in <paramref name="node"/> in place; returns whether anything was masked.</summary>
    public bool Redact(JsonNode? node) => Redact(node, Scope.Names);

    /// <summary>A deep copy of a connection's <c>auth</c> with every value but the authSpec's name masked, for display.</summary>
    public JsonNode? RedactedAuthCopy(JsonNode? auth)
    {
        if (auth is JsonValue)
        {
            return Mask;
        }

        var copy = auth?.DeepClone();
        Redact(copy, Scope.Auth);
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

    /// <summary>How much of a subtree is secret.</summary>
    private enum Scope
    {
        /// <summary>Only members whose names say so.</summary>
        Names,

        /// <summary>A connection's <c>auth</c>: everything but the name of its authSpec.</summary>
        Auth,

        /// <summary>Every value (under <c>auth.params</c> or a secret-named member).</summary>
        All,
    }

    private bool Redact(JsonNode? node, Scope scope)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                var patchScope = scope == Scope.Names ? PatchValueScope(obj) : Scope.Names;
                foreach (var name in obj.Select(p => p.Key).ToArray())
                {
                    var value = obj[name];
                    var inner = MemberScope(scope, name);
                    if (patchScope != Scope.Names && name == "value")
                    {
                        inner = patchScope;
                    }

                    if (inner != Scope.Names && value is JsonValue)
                    {
                        obj[name] = Mask;
                        changed = true;
                    }
                    else
                    {
                        changed |= Redact(value, inner);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (scope != Scope.Names && array[i] is JsonValue)
                    {
                        array[i] = Mask;
                        changed = true;
                    }
                    else
                    {
                        changed |= Redact(array[i], scope);
                    }
                }

                break;
        }

        return changed;
    }

    /// <summary>
    /// What is secret in a member's value. Everything in a connection's <c>auth</c> is a credential of some kind, whatever its
    /// name, except the name of the authSpec; names are matched in any case, as a lenient reader would.
    /// </summary>
    private Scope MemberScope(Scope parent, string name) => parent switch
    {
        Scope.All => Scope.All,
        Scope.Auth => name.Equals("specName", StringComparison.OrdinalIgnoreCase) ? Scope.Names : Scope.All,
        _ when name.Equals("auth", StringComparison.OrdinalIgnoreCase) => Scope.Auth,
        _ => IsSecretName(name) ? Scope.All : Scope.Names,
    };

    /// <summary>
    /// A JSON Patch operation names its target only in <c>path</c>: its <c>value</c> is as secret as the member it lands in
    /// (<c>/auth/params/password</c>, <c>/auth</c>, <c>/params/sasToken</c>).
    /// </summary>
    private Scope PatchValueScope(JsonObject operation)
    {
        if (JsonRead.String(operation, "path") is not { } path || !operation.ContainsKey("value"))
        {
            return Scope.Names;
        }

        var scope = Scope.Names;
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            scope = MemberScope(scope, segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return scope;
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
