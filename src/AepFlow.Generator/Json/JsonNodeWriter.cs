using System.Globalization;
using System.Text;

namespace AepFlow.Generator.Json;

/// <summary>
/// Writes a <see cref="JsonNode"/> back as compact JSON text: one member per name (duplicates already resolved by the reader),
/// numbers exactly as written. For tools that hand a spec to another JSON library (the emulator serves specs through
/// System.Text.Json.Nodes, which refuses duplicate keys).
/// </summary>
internal static class JsonNodeWriter
{
    public static string ToJson(JsonNode node)
    {
        var sb = new StringBuilder();
        Write(node, sb);
        return sb.ToString();
    }

    private static void Write(JsonNode node, StringBuilder sb)
    {
        switch (node.Kind)
        {
            case JsonNodeKind.Object:
                sb.Append('{');
                for (int i = 0; i < node.Members.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    WriteString(node.Members[i].Name, sb);
                    sb.Append(':');
                    Write(node.Members[i].Value, sb);
                }

                sb.Append('}');
                break;
            case JsonNodeKind.Array:
                sb.Append('[');
                for (int i = 0; i < node.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    Write(node.Items[i], sb);
                }

                sb.Append(']');
                break;
            case JsonNodeKind.String:
                WriteString(node.Text!, sb);
                break;
            case JsonNodeKind.Number:
                sb.Append(node.Text);
                break;
            case JsonNodeKind.True:
                sb.Append("true");
                break;
            case JsonNodeKind.False:
                sb.Append("false");
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    private static void WriteString(string value, StringBuilder sb)
    {
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
