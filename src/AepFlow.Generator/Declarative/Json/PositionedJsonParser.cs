using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Generator.Declarative.Json;

/// <summary>A syntax error in a JSON text, with the offset where reading stopped.</summary>
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

/// <summary>
/// Strict RFC 8259 reader that keeps the text span of every value and key. JsonDocument only exposes byte offsets of the
/// current token, and diagnostics need character spans in the original text, so this small recursive-descent reader
/// builds <see cref="JsonNode"/>s directly. It never throws: malformed text yields a <see cref="JsonSyntaxError"/>.
/// </summary>
internal sealed class PositionedJsonParser
{
    private const int MaxDepth = 128;
    private readonly string _text;
    private int _pos;
    private JsonSyntaxError? _error;

    private PositionedJsonParser(string text) => _text = text;

    public static JsonNode? Parse(string text, out JsonSyntaxError? error)
    {
        var parser = new PositionedJsonParser(text);
        parser.SkipWhitespace();
        if (parser._pos < text.Length && text[parser._pos] == '\uFEFF')
        {
            parser._pos++;
            parser.SkipWhitespace();
        }

        var root = parser.ReadValue(0);
        if (root != null)
        {
            parser.SkipWhitespace();
            if (parser._pos < text.Length)
            {
                parser.Fail($"unexpected '{text[parser._pos]}' after the end of the JSON value");
                root = null;
            }
        }

        error = parser._error;
        return error == null ? root : null;
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
        if (depth > MaxDepth)
        {
            return Fail("JSON is nested too deeply");
        }

        SkipWhitespace();
        if (_pos >= _text.Length)
        {
            return Fail("unexpected end of file: a value is missing");
        }

        char c = _text[_pos];
        switch (c)
        {
            case '{': return ReadObject(depth);
            case '[': return ReadArray(depth);
            case '"':
                int start = _pos;
                var s = ReadString();
                return s == null ? null : JsonNode.String(s, TextSpan.FromBounds(start, _pos));
            case 't': return ReadLiteral("true", JsonNode.Bool(true, new TextSpan(_pos, 4)));
            case 'f': return ReadLiteral("false", JsonNode.Bool(false, new TextSpan(_pos, 5)));
            case 'n': return ReadLiteral("null", JsonNode.Null(new TextSpan(_pos, 4)));
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                return Fail($"unexpected '{c}': expected a JSON value");
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
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == '}')
        {
            _pos++;
            return JsonNode.Object(members, TextSpan.FromBounds(start, _pos));
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

            var nameSpan = TextSpan.FromBounds(nameStart, _pos);
            SkipWhitespace();
            if (_pos >= _text.Length || _text[_pos] != ':')
            {
                return Fail($"expected ':' after property name \"{name}\"");
            }

            _pos++;
            var value = ReadValue(depth + 1);
            if (value == null)
            {
                return null;
            }

            members.Add(new JsonMember(name, nameSpan, value));
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == ',')
            {
                _pos++;
                continue;
            }

            if (_pos < _text.Length && _text[_pos] == '}')
            {
                _pos++;
                return JsonNode.Object(members, TextSpan.FromBounds(start, _pos));
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
            return JsonNode.Array(items, TextSpan.FromBounds(start, _pos));
        }

        while (true)
        {
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == ']')
            {
                return Fail("trailing comma before ']'");
            }

            var item = ReadValue(depth + 1);
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
                return JsonNode.Array(items, TextSpan.FromBounds(start, _pos));
            }

            return Fail(_pos >= _text.Length ? "unexpected end of file: the array is not closed with ']'" : "expected ',' or ']' after an array item");
        }
    }

    private string? ReadString()
    {
        _pos++; // opening quote
        var sb = new StringBuilder();
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return sb.ToString();
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

                        sb.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        Fail($"invalid escape '\\{e}' in a string");
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

        return JsonNode.Number(_text.Substring(start, _pos - start), TextSpan.FromBounds(start, _pos));
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
}
