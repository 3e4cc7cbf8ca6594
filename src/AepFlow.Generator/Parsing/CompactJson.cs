using AepFlow.Generator.Json;
using System.Globalization;
using System.Text;

namespace AepFlow.Generator.Parsing;

/// <summary>Writes a <see cref="JsonNode"/> back as compact JSON (duplicate members collapsed, last wins).</summary>
internal static class CompactJson
{
    public static string Write(JsonNode node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    public static void WriteString(StringBuilder builder, string value)
    {
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
                default:
                    if (ch < ' ')
                    {
                        builder.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(ch);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    public static void Write(StringBuilder builder, JsonNode node)
    {
        switch (node.Kind)
        {
            case JsonNodeKind.Object:
                builder.Append('{');
                var first = true;
                foreach (var member in node.Members)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    WriteString(builder, member.Name);
                    builder.Append(':');
                    Write(builder, member.Value);
                }

                builder.Append('}');
                break;
            case JsonNodeKind.Array:
                builder.Append('[');
                for (var i = 0; i < node.Items!.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(builder, node.Items[i]);
                }

                builder.Append(']');
                break;
            case JsonNodeKind.String:
                WriteString(builder, node.Text!);
                break;
            case JsonNodeKind.Number:
                builder.Append(node.Text);
                break;
            case JsonNodeKind.True:
                builder.Append("true");
                break;
            case JsonNodeKind.False:
                builder.Append("false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }
}
