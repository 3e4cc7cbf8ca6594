using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace AepFlow.Generator.Declarative;

/// <summary>C# identifiers and literals for the declarative generators (XDM paths, flow factories).</summary>
internal static class CodeNames
{
    /// <summary>
    /// PascalCase that keeps the field's own camel humps: <c>firstName</c> → <c>FirstName</c>, <c>_id</c> → <c>Id</c>,
    /// <c>crm-daily</c> → <c>CrmDaily</c>, <c>xdm:sku</c> → <c>XdmSku</c>. A leading digit gets <c>_</c>; nothing gives <c>Field</c>.
    /// </summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        bool upperNext = true;
        foreach (char c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        string result = builder.Length == 0 ? "Field" : builder.ToString();
        if (char.IsDigit(result[0]))
        {
            result = "_" + result;
        }

        return SyntaxFacts.GetKeywordKind(result) != SyntaxKind.None ? "@" + result : result;
    }

    /// <summary>Makes <paramref name="name"/> unique within <paramref name="taken"/> by appending 2, 3, …</summary>
    public static string Unique(string name, ISet<string> taken)
    {
        string candidate = name;
        for (int i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i;
        }

        return candidate;
    }

    /// <summary>A C# regular string literal.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>Text safe inside an XML doc comment on one line.</summary>
    public static string Xml(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", " ").Replace("\n", " ");
}
