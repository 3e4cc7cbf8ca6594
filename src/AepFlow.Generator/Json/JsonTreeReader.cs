using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AepFlow.Generator.Json;

/// <summary>Why a JSON text could not be read, and the character offset where reading stopped.</summary>
internal sealed class JsonSyntaxError
{
    public JsonSyntaxError(int position, string message)
    {
        Position = position;
        Message = message;
    }

    public int Position { get; }

    public string Message { get; }
}

/// <summary>The outcome of reading a JSON text: a tree or a syntax error, and every duplicate key met on the way.</summary>
internal sealed class JsonParseResult
{
    public JsonParseResult(JsonNode? root, JsonSyntaxError? error, IReadOnlyList<JsonMember> duplicateKeys)
    {
        Root = root;
        Error = error;
        DuplicateKeys = duplicateKeys;
    }

    /// <summary>The value, or null when <see cref="Error"/> is set.</summary>
    public JsonNode? Root { get; }

    public JsonSyntaxError? Error { get; }

    /// <summary>
    /// Members whose name an earlier member of the same object already had, in text order. The tree keeps one member per
    /// name: the last value wins (as in System.Text.Json's lookups and most JSON parsers) at the first one's position.
    /// </summary>
    public IReadOnlyList<JsonMember> DuplicateKeys { get; }
}

/// <summary>
/// The one JSON reader for everything AepFlow reads with positions: spec files, <c>*.flow.json</c>/<c>*.mapping.json</c>/
/// <c>*.xdm.json</c>, the CLI and the emulator. Strict RFC 8259 (no comments, no trailing commas), at most
/// <see cref="MaxDepth"/> nested objects/arrays, strings must be valid Unicode (a lone surrogate escape is an error).
/// A small recursive-descent reader over the text, so every node carries character offsets; it never throws.
/// </summary>
internal sealed class JsonTreeReader
{
    /// <summary>How many objects and arrays may nest; deeper text is an error, never a stack overflow.</summary>
    public const int MaxDepth = 128;

    private readonly string _text;
    private readonly List<JsonMember> _duplicates = new();
    private int _pos;
    private JsonSyntaxError? _error;

    private JsonTreeReader(string text) => _text = text;

    public static JsonParseResult Parse(string text)
    {
        var reader = new JsonTreeReader(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            reader._pos = 1;
        }

        reader.SkipWhitespace();
        JsonNode? root;
        if (reader._pos >= text.Length)
        {
            root = reader.Fail("the file is empty");
        }
        else
        {
            root = reader.ReadValue(0);
        }

        if (root != null)
        {
            reader.SkipWhitespace();
            if (reader._pos < text.Length)
            {
                root = reader.Fail($"unexpected '{Printable(text[reader._pos])}' after the end of the JSON value");
            }
        }

        return new JsonParseResult(reader._error == null ? root : null, reader._error, reader._duplicates);
    }

    private JsonNode? Fail(string message)
    {
        _error ??= new JsonSyntaxError(_pos, message);
        return null;
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            {
                return;
            }

            _pos++;
        }
    }

    private JsonNode? ReadValue(int depth)
    {
        SkipWhitespace();
        if (_pos >= _text.Length)
        {
            return Fail("unexpected end of file: a value is missing");
        }

        char c = _text[_pos];
        switch (c)
        {
            case '{':
            case '[':
                if (depth >= MaxDepth)
                {
                    return Fail($"nested too deeply (limit {MaxDepth} levels of objects and arrays)");
                }

                return c == '{' ? ReadObject(depth + 1) : ReadArray(depth + 1);
            case '"':
                int start = _pos;
                var s = ReadString();
                return s == null ? null : JsonNode.String(s, start, _pos);
            case 't': return ReadLiteral("true", JsonNode.Bool(true, _pos, _pos + 4));
            case 'f': return ReadLiteral("false", JsonNode.Bool(false, _pos, _pos + 5));
            case 'n': return ReadLiteral("null", JsonNode.Null(_pos, _pos + 4));
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                return Fail($"unexpected '{Printable(c)}': expected a JSON value");
        }
    }

    private JsonNode? ReadLiteral(string literal, JsonNode node)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            return Fail("unexpected token: expected a JSON value");
        }

        _pos += literal.Length;
        return node;
    }

    private JsonNode? ReadObject(int depth)
    {
        int start = _pos++;
        var members = new List<JsonMember>();
        Dictionary<string, int>? index = null;
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == '}')
        {
            _pos++;
            return JsonNode.Object(members, start, _pos);
        }

        while (true)
        {
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                return Fail("unexpected end of file: the object is not closed with '}'");
            }

            if (_text[_pos] != '"')
            {
                return Fail(_text[_pos] == '}' ? "trailing comma before '}'" : "expected a property name in double quotes");
            }

            int nameStart = _pos;
            var name = ReadString();
            if (name == null)
            {
                return null;
            }

            int nameEnd = _pos;
            SkipWhitespace();
            if (_pos >= _text.Length || _text[_pos] != ':')
            {
                return Fail($"expected ':' after property name \"{name}\"");
            }

            _pos++;
            var value = ReadValue(depth);
            if (value == null)
            {
                return null;
            }

            var member = new JsonMember(name, nameStart, nameEnd, value);
            index ??= new Dictionary<string, int>(System.StringComparer.Ordinal);
            if (index.TryGetValue(name, out var earlier))
            {
                _duplicates.Add(member);
                members[earlier] = new JsonMember(name, members[earlier].NameStart, members[earlier].NameEnd, value);
            }
            else
            {
                index[name] = members.Count;
                members.Add(member);
            }

            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == ',')
            {
                _pos++;
                continue;
            }

            if (_pos < _text.Length && _text[_pos] == '}')
            {
                _pos++;
                return JsonNode.Object(members, start, _pos);
            }

            return Fail(_pos >= _text.Length ? "unexpected end of file: the object is not closed with '}'" : "expected ',' or '}' after a property value");
        }
    }

    private JsonNode? ReadArray(int depth)
    {
        int start = _pos++;
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == ']')
        {
            _pos++;
            return JsonNode.Array(items, start, _pos);
        }

        while (true)
        {
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == ']')
            {
                return Fail("trailing comma before ']'");
            }

            var item = ReadValue(depth);
            if (item == null)
            {
                return null;
            }

            items.Add(item);
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == ',')
            {
                _pos++;
                continue;
            }

            if (_pos < _text.Length && _text[_pos] == ']')
            {
                _pos++;
                return JsonNode.Array(items, start, _pos);
            }

            return Fail(_pos >= _text.Length ? "unexpected end of file: the array is not closed with ']'" : "expected ',' or ']' after an array item");
        }
    }

    private string? ReadString()
    {
        int open = _pos++;

        // Most strings have no escapes: take them as one substring.
        int scan = _pos;
        while (scan < _text.Length)
        {
            char c = _text[scan];
            if (c == '"')
            {
                var plain = _text.Substring(_pos, scan - _pos);
                if (plain.Length > 0 && HasLoneSurrogate(plain, out var at))
                {
                    _pos += at;
                    Fail("a lone UTF-16 surrogate in a string is not valid Unicode text");
                    return null;
                }

                _pos = scan + 1;
                return plain;
            }

            if (c == '\\' || c < ' ')
            {
                break;
            }

            scan++;
        }

        var sb = new StringBuilder(_text, _pos, scan - _pos, scan - _pos + 16);
        _pos = scan;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                var value = sb.ToString();
                if (HasLoneSurrogate(value, out _))
                {
                    _pos = open;
                    Fail("a lone UTF-16 surrogate in a string is not valid Unicode text");
                    return null;
                }

                return value;
            }

            if (c == '\\')
            {
                if (_pos + 1 >= _text.Length)
                {
                    break;
                }

                char e = _text[_pos + 1];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (_pos + 6 > _text.Length ||
                            !int.TryParse(_text.Substring(_pos + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        {
                            Fail("invalid \\u escape: expected four hexadecimal digits");
                            return null;
                        }

                        if (IsLone((char)code, sb, _pos + 6))
                        {
                            Fail($"\\u{code:x4} is a lone UTF-16 surrogate, not valid Unicode text; escape the whole character (a high and a low surrogate) or remove it");
                            return null;
                        }

                        sb.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        Fail($"invalid escape '\\{Printable(e)}' in a string");
                        return null;
                }

                _pos += 2;
                continue;
            }

            if (c < ' ')
            {
                Fail(c == '\n' || c == '\r' ? "unterminated string: a line break before the closing '\"'" : "control character in a string must be escaped");
                return null;
            }

            sb.Append(c);
            _pos++;
        }

        Fail("unterminated string: the file ends before the closing '\"'");
        return null;
    }

    // A high surrogate escape must be followed by a low surrogate escape; a low one must follow a high one.
    private bool IsLone(char code, StringBuilder before, int next)
    {
        if (char.IsHighSurrogate(code))
        {
            return !(next + 6 <= _text.Length && _text[next] == '\\' && _text[next + 1] == 'u' &&
                int.TryParse(_text.Substring(next + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int low) &&
                char.IsLowSurrogate((char)low));
        }

        return char.IsLowSurrogate(code) && !(before.Length > 0 && char.IsHighSurrogate(before[before.Length - 1]));
    }

    private static bool HasLoneSurrogate(string value, out int at)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                at = i;
                return true;
            }
        }

        at = -1;
        return false;
    }

    private JsonNode? ReadNumber()
    {
        int start = _pos;
        if (_text[_pos] == '-')
        {
            _pos++;
        }

        if (!ReadDigits(allowLeadingZero: false))
        {
            return Fail("invalid number");
        }

        if (_pos < _text.Length && _text[_pos] == '.')
        {
            _pos++;
            if (!ReadDigits(allowLeadingZero: true))
            {
                return Fail("invalid number: digits expected after '.'");
            }
        }

        if (_pos < _text.Length && (_text[_pos] == 'e' || _text[_pos] == 'E'))
        {
            _pos++;
            if (_pos < _text.Length && (_text[_pos] == '+' || _text[_pos] == '-'))
            {
                _pos++;
            }

            if (!ReadDigits(allowLeadingZero: true))
            {
                return Fail("invalid number: digits expected in the exponent");
            }
        }

        return JsonNode.Number(_text.Substring(start, _pos - start), start, _pos);
    }

    private bool ReadDigits(bool allowLeadingZero)
    {
        int start = _pos;
        while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
        {
            _pos++;
        }

        if (_pos == start)
        {
            return false;
        }

        // RFC 8259: no leading zeros in the integer part ("01" is not JSON).
        return allowLeadingZero || _pos - start == 1 || _text[start] != '0';
    }

    // A character as a message can show it: control and invisible characters as \uXXXX.
    private static string Printable(char c) =>
        c < ' ' || c == '\u007F' || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085'
            ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture)
            : c.ToString();
}
