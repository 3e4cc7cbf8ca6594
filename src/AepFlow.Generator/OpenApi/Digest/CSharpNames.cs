using System.Collections.Generic;
using System.Text;

namespace AepFlow.Generator.OpenApi.Digest;

/// <summary>Turns OpenAPI names (<c>BASE_CONNECTION_ID</c>, <c>ConnectionItemDTO</c>, <c>meta:xdmType</c>) into C# names.</summary>
internal static class CSharpNames
{
    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>PascalCase by .NET rules: words split at separators and case changes, acronyms as words (<c>DTO</c> → <c>Dto</c>).</summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var word in Words(name))
        {
            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(word.Substring(1).ToLowerInvariant());
        }

        if (builder.Length == 0)
        {
            return "Value";
        }

        return char.IsDigit(builder[0]) ? "_" + builder : builder.ToString();
    }

    /// <summary>camelCase, escaped with <c>@</c> when it is a C# keyword.</summary>
    public static string Camel(string name)
    {
        var pascal = Pascal(name);
        var camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>Returns <paramref name="name"/>, or it with the smallest number suffix not yet in <paramref name="taken"/>; records the result.</summary>
    public static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static IEnumerable<string> Words(string name)
    {
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }

                continue;
            }

            if (current.Length > 0)
            {
                var previous = name[i - 1];
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                var lowerToUpper = char.IsUpper(c) && (char.IsLower(previous) || char.IsDigit(previous));
                var acronymEnd = char.IsUpper(c) && char.IsUpper(previous) && char.IsLower(next);
                if (lowerToUpper || acronymEnd)
                {
                    yield return current.ToString();
                    current.Clear();
                }
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
