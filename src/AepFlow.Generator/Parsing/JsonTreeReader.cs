using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Generator.Parsing;

/// <summary>The outcome of parsing a spec file: a tree, or the first syntax error and where it is.</summary>
internal readonly struct JsonParseResult
{
    public JsonParseResult(JsonNode? root, string? error, int errorOffset)
    {
        Root = root;
        Error = error;
        ErrorOffset = errorOffset;
    }

    public JsonNode? Root { get; }

    public string? Error { get; }

    /// <summary>Character offset of the syntax error.</summary>
    public int ErrorOffset { get; }
}

/// <summary>
/// Builds a <see cref="JsonNode"/> tree over <see cref="Utf8JsonReader"/> (strict JSON: no comments, no trailing commas),
/// recording the character offset of every value so diagnostics point into the spec file.
/// </summary>
internal static class JsonTreeReader
{
    public static JsonParseResult Parse(SourceText text) => Parse(text.ToString());

    public static JsonParseResult Parse(string content)
    {
        var skipped = content.Length > 0 && content[0] == '\uFEFF' ? 1 : 0;
        var bytes = Encoding.UTF8.GetBytes(skipped == 0 ? content : content.Substring(1));
        var offsets = new OffsetMap(content, bytes, skipped);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 256 });
        var stack = new Stack<JsonNode>();
        JsonNode? root = null;
        string? pendingName = null;
        var pendingNameStart = 0;
        try
        {
            while (reader.Read())
            {
                var start = offsets.ToChar(reader.TokenStartIndex);
                JsonNode? node = null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingName = reader.GetString();
                        pendingNameStart = start;
                        continue;
                    case JsonTokenType.StartObject:
                        node = new JsonNode(JsonNodeKind.Object, start) { Members = new List<JsonMember>() };
                        break;
                    case JsonTokenType.StartArray:
                        node = new JsonNode(JsonNodeKind.Array, start) { Items = new List<JsonNode>() };
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.Pop().End = offsets.ToChar(reader.BytesConsumed);
                        continue;
                    case JsonTokenType.String:
                        node = new JsonNode(JsonNodeKind.String, start) { Text = reader.GetString() };
                        break;
                    case JsonTokenType.Number:
                        node = new JsonNode(JsonNodeKind.Number, start) { Text = Encoding.UTF8.GetString(reader.ValueSpan.ToArray()) };
                        break;
                    case JsonTokenType.True:
                        node = new JsonNode(JsonNodeKind.True, start);
                        break;
                    case JsonTokenType.False:
                        node = new JsonNode(JsonNodeKind.False, start);
                        break;
                    case JsonTokenType.Null:
                        node = new JsonNode(JsonNodeKind.Null, start);
                        break;
                    default:
                        continue;
                }

                node.End = offsets.ToChar(reader.BytesConsumed);
                if (stack.Count == 0)
                {
                    root = node;
                }
                else
                {
                    var parent = stack.Peek();
                    if (parent.IsObject)
                    {
                        parent.Members!.Add(new JsonMember(pendingName ?? string.Empty, pendingNameStart, node));
                    }
                    else
                    {
                        parent.Items!.Add(node);
                    }
                }

                if (node.Kind is JsonNodeKind.Object or JsonNodeKind.Array)
                {
                    stack.Push(node);
                }
            }

            if (root is null)
            {
                return new JsonParseResult(null, "the file is empty", 0);
            }

            return new JsonParseResult(root, null, 0);
        }
        catch (JsonException ex)
        {
            var offset = offsets.ToChar(ByteOffset(bytes, ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0));
            return new JsonParseResult(null, CleanMessage(ex.Message), offset);
        }
    }

    // Utf8JsonReader counts lines by '\n' only; walk the bytes the same way to get back to an absolute offset.
    private static long ByteOffset(byte[] bytes, long line, long bytePositionInLine)
    {
        long offset = 0;
        for (long current = 0; current < line && offset < bytes.Length; offset++)
        {
            if (bytes[offset] == (byte)'\n')
            {
                current++;
            }
        }

        return Math.Min(offset + bytePositionInLine, bytes.Length);
    }

    // The reader's message ends with its own "LineNumber: 3 | BytePositionInLine: 5." which the diagnostic location replaces.
    private static string CleanMessage(string message)
    {
        var index = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var trimmed = index > 0 ? message.Substring(0, index) : message;

        // The reader's advice is about its own options, which a spec author cannot change.
        trimmed = trimmed.Replace(" Change the reader options.", string.Empty).Replace(" which is not supported in this mode", string.Empty);
        return trimmed.TrimEnd('.', ' ');
    }

    /// <summary>Maps UTF-8 byte offsets back to character offsets in the source text.</summary>
    private sealed class OffsetMap
    {
        private readonly int[]? _charOfByte;
        private readonly int _skipped;
        private readonly int _length;

        public OffsetMap(string content, byte[] bytes, int skipped)
        {
            _skipped = skipped;
            _length = content.Length;
            if (bytes.Length == content.Length - skipped)
            {
                return; // ASCII: byte offsets are character offsets.
            }

            _charOfByte = new int[bytes.Length + 1];
            var byteIndex = 0;
            for (var i = skipped; i < content.Length; i++)
            {
                int size;
                var ch = content[i];
                if (ch < 0x80)
                {
                    size = 1;
                }
                else if (ch < 0x800)
                {
                    size = 2;
                }
                else if (char.IsHighSurrogate(ch) && i + 1 < content.Length && char.IsLowSurrogate(content[i + 1]))
                {
                    for (var k = 0; k < 4 && byteIndex + k < _charOfByte.Length; k++)
                    {
                        _charOfByte[byteIndex + k] = i;
                    }

                    byteIndex += 4;
                    i++;
                    continue;
                }
                else
                {
                    size = 3;
                }

                for (var k = 0; k < size && byteIndex + k < _charOfByte.Length; k++)
                {
                    _charOfByte[byteIndex + k] = i;
                }

                byteIndex += size;
            }

            _charOfByte[Math.Min(byteIndex, bytes.Length)] = content.Length;
        }

        public int ToChar(long byteOffset)
        {
            if (_charOfByte is null)
            {
                return (int)Math.Min(byteOffset + _skipped, _length);
            }

            return _charOfByte[Math.Min(byteOffset, _charOfByte.Length - 1)];
        }
    }
}
