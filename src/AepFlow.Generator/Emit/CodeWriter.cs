using System;
using System.Text;

namespace AepFlow.Generator.Emit;

/// <summary>An indenting writer over <see cref="StringBuilder"/>: emitters write lines, blocks indent themselves.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    // A closed block is followed by a blank line unless the next line continues it (else, catch, another brace).
    private bool _blankPending;

    public CodeWriter(int indent = 0) => _indent = indent;

    public int Indent => _indent;

    public bool IsEmpty => _builder.Length == 0;

    public CodeWriter Line(string text)
    {
        if (_blankPending && text.Length > 0 && !ContinuesBlock(text))
        {
            _builder.Append('\n');
        }

        _blankPending = false;
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    public CodeWriter Line() => Line(string.Empty);

    public CodeWriter OpenBlock(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Open()
    {
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        _blankPending = true;
        return this;
    }

    /// <summary>Appends text produced by another writer (already indented).</summary>
    public CodeWriter Append(CodeWriter other)
    {
        if (other._builder.Length == 0)
        {
            return this;
        }

        if (_blankPending && !ContinuesBlock(other._builder.ToString().TrimStart()))
        {
            _builder.Append('\n');
        }

        _builder.Append(other._builder);
        _blankPending = other._blankPending;
        return this;
    }

    private static bool ContinuesBlock(string text) =>
        text.StartsWith("}", StringComparison.Ordinal) || text.StartsWith("else", StringComparison.Ordinal)
        || text.StartsWith("catch", StringComparison.Ordinal) || text.StartsWith("finally", StringComparison.Ordinal)
        || text.StartsWith("case ", StringComparison.Ordinal) || text.StartsWith("default:", StringComparison.Ordinal)
        || text.StartsWith(")", StringComparison.Ordinal);

    /// <summary>Writes <c>/// &lt;summary&gt;</c> docs, XML-escaped, one line per source line.</summary>
    public CodeWriter Summary(string? text, string fallback)
    {
        var content = string.IsNullOrWhiteSpace(text) ? fallback : Xml(text!.Trim());
        var lines = content.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 1 && content.Length <= 100)
        {
            return Line("/// <summary>" + content + "</summary>");
        }

        Line("/// <summary>");
        foreach (var line in lines)
        {
            Line("/// " + line.Trim());
        }

        Line("/// </summary>");
        return this;
    }

    public override string ToString() => _builder.ToString();

    /// <summary>Escapes text for XML doc comments.</summary>
    public static string Xml(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>A regular C# string literal.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var ch in value)
        {
            switch (ch)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\0':
                    builder.Append("\\0");
                    break;
                default:
                    if (char.IsControl(ch) || ch == '\u2028' || ch == '\u2029' || ch == '\u0085')
                    {
                        builder.Append("\\u").Append(((int)ch).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(ch);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>The escaped text of a string literal without its quotes, for splicing into a larger literal.</summary>
    public static string LiteralContent(string value)
    {
        var literal = Literal(value);
        return literal.Substring(1, literal.Length - 2);
    }

    /// <summary>Like <see cref="LiteralContent"/>, with braces doubled for an interpolated string.</summary>
    public static string InterpolatedContent(string value) => LiteralContent(value).Replace("{", "{{").Replace("}", "}}");

    /// <summary>A UTF-8 literal (<c>"name"u8</c>) for property names.</summary>
    public static string Utf8(string value) => Literal(value) + "u8";

    /// <summary>camelCase local name for a PascalCase member.</summary>
    public static string Camel(string pascal)
    {
        var name = pascal.TrimStart('@');
        if (name.Length == 0)
        {
            return "value";
        }

        var camel = char.ToLowerInvariant(name[0]) + name.Substring(1);

        // "_2x" has no lower-case form: the local would be the property itself.
        if (camel == name)
        {
            camel += "Value";
        }

        return Naming.MakeIdentifier(camel);
    }

    public static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";

    public static string Join(string separator, System.Collections.Generic.IEnumerable<string> values) => string.Join(separator, values);

    public static StringComparison Ordinal => StringComparison.Ordinal;
}
