using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace AepFlow.Generator.Declarative;

/// <summary>
/// C# identifiers for the declarative generators (XDM paths, flow factories). Literals and doc text go through the one
/// escaping point, <see cref="Emit.CodeWriter"/>; uniqueness through <see cref="Naming.Unique"/>.
/// </summary>
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
}
