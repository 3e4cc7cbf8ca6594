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
        // Every text that came from a spec reaches this point through Literal/Xml/an identifier, none of which can hold a
        // line break; one here would let spec text escape a comment or literal, so it is an emitter bug, never output.
        if (text.IndexOfAny(LineTerminators) >= 0)
        {
            throw new InvalidOperationException("A generated line contains a line terminator: " + Literal(text));
        }

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

    /// <summary>Writes <c>/// &lt;summary&gt;</c> docs from spec text (escaped by <see cref="Xml"/>, one comment line per text line); <paramref name="fallback"/> is trusted XML.</summary>
    public CodeWriter Summary(string? text, string fallback)
    {
        var lines = new System.Collections.Generic.List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            lines.Add(fallback);
        }
        else
        {
            foreach (var line in text!.Trim().Split(LineBreaks, StringSplitOptions.None))
            {
                lines.Add(Xml(line.Trim()));
            }
        }

        if (lines.Count == 1 && lines[0].Length <= 100)
        {
            return Line("/// <summary>" + lines[0] + "</summary>");
        }

        Line("/// <summary>");
        foreach (var line in lines)
        {
            Line("/// " + line);
        }

        Line("/// </summary>");
        return this;
    }

    public override string ToString() => _builder.ToString();

    /// <summary>Every character sequence that ends a line in C# source.</summary>
    private static readonly string[] LineBreaks = { "\r\n", "\r", "\n", "\u0085", "\u2028", "\u2029" };

    private static readonly char[] LineTerminators = { '\r', '\n', '\u0085', '\u2028', '\u2029' };

    /// <summary>
    /// Spec text for an XML doc comment, on one line: XML-escaped, line terminators and control characters become spaces,
    /// invisible format characters (bidi overrides, zero-width) and lone surrogates are shown as <c>\uXXXX</c>.
    /// </summary>
    public static string Xml(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            switch (ch)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                default:
                    if (char.IsControl(ch) || ch == '\u2028' || ch == '\u2029')
                    {
                        builder.Append(' ');
                    }
                    else if (IsLoneSurrogate(text, i) || char.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.Format)
                    {
                        builder.Append("\\u").Append(((int)ch).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(ch);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static bool IsLoneSurrogate(string text, int i)
    {
        var ch = text[i];
        if (char.IsHighSurrogate(ch))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }

        return char.IsLowSurrogate(ch) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
    }

    /// <summary>A regular C# string literal.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var ch = value[i];
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
                    // Line terminators, control and invisible format characters (bidi overrides) and lone surrogates are
                    // written as escapes, so the literal is one visible line and the value is exactly the spec's text.
                    if (char.IsControl(ch) || ch == '\u2028' || ch == '\u2029' || IsLoneSurrogate(value, i)
                        || char.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.Format)
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

    /// <summary>
    /// A single-line raw string literal (<c>"""{"type":"string"}"""</c>) when the value can be one verbatim (no character
    /// <see cref="Literal"/> would escape besides quotes and backslashes, no run of three quotes, no quote at either end), else
    /// <see cref="Literal"/>: JSON text then reaches C# without a backslash before every quote.
    /// </summary>
    public static string RawLiteral(string value)
    {
        if (value.Length == 0 || value[0] == '"' || value[value.Length - 1] == '"' || value.Contains("\"\"\""))
        {
            return Literal(value);
        }

        for (var i = 0; i < value.Length; i++)
        {
            // What Literal escapes (control, line and format characters); surrogates too, to stay on the safe side.
            var ch = value[i];
            if (char.IsControl(ch) || ch == '\u2028' || ch == '\u2029' || char.IsSurrogate(ch)
                || char.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.Format)
            {
                return Literal(value);
            }
        }

        return "\"\"\"" + value + "\"\"\"";
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
