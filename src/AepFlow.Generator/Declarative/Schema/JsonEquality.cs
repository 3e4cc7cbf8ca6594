using System.Globalization;
using System.Linq;
using System.Text.Json;
using AepFlow.Generator.Json;

namespace AepFlow.Generator.Declarative.Schema;

/// <summary>JSON Schema equality (for <c>enum</c>, <c>const</c>, <c>uniqueItems</c>): numbers by value, objects ignoring member order.</summary>
internal static class JsonEquality
{
    public static double ToDouble(string literal) =>
        double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN;

    public static bool AreEqual(JsonElement schemaValue, JsonNode node)
    {
        switch (schemaValue.ValueKind)
        {
            case JsonValueKind.String: return node.Kind == JsonNodeKind.String && node.Text == schemaValue.GetString();
            case JsonValueKind.Number: return node.Kind == JsonNodeKind.Number && NumbersEqual(schemaValue.GetRawText(), node.Text!);
            case JsonValueKind.True: return node.Kind == JsonNodeKind.True;
            case JsonValueKind.False: return node.Kind == JsonNodeKind.False;
            case JsonValueKind.Null: return node.Kind == JsonNodeKind.Null;
            case JsonValueKind.Array:
                return node.Kind == JsonNodeKind.Array && node.Items.Count == schemaValue.GetArrayLength() &&
                    schemaValue.EnumerateArray().Select((v, i) => AreEqual(v, node.Items[i])).All(x => x);
            case JsonValueKind.Object:
                if (node.Kind != JsonNodeKind.Object || node.Members.Count != schemaValue.EnumerateObject().Count())
                {
                    return false;
                }

                return schemaValue.EnumerateObject().All(p => node[p.Name] is { } v && AreEqual(p.Value, v));
            default:
                return false;
        }
    }

    public static bool AreEqual(JsonNode a, JsonNode b)
    {
        if (a.Kind != b.Kind || !a.IsKnown)
        {
            return false;
        }

        switch (a.Kind)
        {
            case JsonNodeKind.String: return a.Text == b.Text;
            case JsonNodeKind.Number: return NumbersEqual(a.Text!, b.Text!);
            case JsonNodeKind.Array:
                return a.Items.Count == b.Items.Count && a.Items.Select((v, i) => AreEqual(v, b.Items[i])).All(x => x);
            case JsonNodeKind.Object:
                return a.Members.Count == b.Members.Count && a.Members.All(m => b[m.Name] is { } v && AreEqual(m.Value, v));
            default:
                return true;
        }
    }

    private static bool NumbersEqual(string x, string y)
    {
        if (decimal.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var dx) &&
            decimal.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out var dy))
        {
            return dx == dy;
        }

        return ToDouble(x) == ToDouble(y);
    }
}
