using System.Text;

namespace AepFlow.Cli.Specs;

/// <summary>
/// Stable file names for pulled specs: <c>&lt;kebab-case name&gt;-&lt;first 8 characters of the id&gt;.flowspec.json</c>, the
/// convention of the bundled <c>specs/</c> folder, so the same spec always lands in the same file.
/// </summary>
internal static class SpecFileNames
{
    public static string For(SpecKind kind, string name, string id) => Stem(name, id) + kind.Suffix();

    /// <summary><c>CRMToAEP</c> + <c>14518937-…</c> → <c>crm-to-aep-14518937</c>.</summary>
    public static string Stem(string name, string id)
    {
        var kebab = Kebab(name);
        var idPart = new string(id.Where(char.IsAsciiLetterOrDigit).Take(8).Select(char.ToLowerInvariant).ToArray());
        return (kebab.Length, idPart.Length) switch
        {
            (0, 0) => "spec",
            (0, _) => "spec-" + idPart,
            (_, 0) => kebab,
            _ => kebab + "-" + idPart,
        };
    }

    /// <summary>
    /// Lower-case words joined by <c>-</c>, split at anything not a letter or digit, at lower→upper steps and at the end of an
    /// acronym (<c>CRMTo</c> → <c>crm</c>, <c>to</c>); the same word boundaries the generator uses for class names.
    /// </summary>
    public static string Kebab(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (word.Length > 0 && char.IsUpper(c))
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    Flush();
                }
            }

            word.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return string.Join('-', words);

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
    }
}
