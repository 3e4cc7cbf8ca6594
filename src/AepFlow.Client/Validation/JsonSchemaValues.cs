using System;
using System.Globalization;
using System.Text.Json;

namespace AepFlow.Validation;

/// <summary>
/// The one definition of how JSON Schema compares values in AepFlow: string length, <c>multipleOf</c> and JSON equality
/// (<c>enum</c>, <c>const</c>, <c>uniqueItems</c> on untyped values). Generated validators reach it through
/// <c>SchemaChecks</c>; the generator links this file (netstandard2.0) for its build-time evaluator and for the emitter's
/// generation-time decisions, so build time and run time answer alike.
/// </summary>
internal static class JsonSchemaValues
{
    /// <summary>How a <c>multipleOf</c> divisor written in a schema is applied.</summary>
    public enum DivisorKind
    {
        /// <summary>A decimal divisor: exact decimal arithmetic, so 0.3 is a multiple of 0.1.</summary>
        Decimal,

        /// <summary>Beyond decimal's range: only 0 is a multiple (no other value that large passes the decimal check either).</summary>
        TooLarge,

        /// <summary>Below decimal's precision, or not a positive number (the keyword is ignored, AEPF007): every value is a multiple.</summary>
        TooSmall,
    }

    /// <summary>The JSON Schema length of a string: Unicode code points, so a surrogate pair counts once (a lone surrogate once too).</summary>
    public static int Length(string value)
    {
        var length = value.Length;
        for (var i = 0; i < value.Length - 1; i++)
        {
            if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
            {
                length--;
                i++;
            }
        }

        return length;
    }

    /// <summary>Reads a <c>multipleOf</c> literal the way the generated check uses it.</summary>
    public static DivisorKind Divisor(string text, out decimal divisor)
    {
        divisor = 0m;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var approximate) || !(approximate > 0))
        {
            return DivisorKind.TooSmall;
        }

        if (approximate >= (double)decimal.MaxValue)
        {
            return DivisorKind.TooLarge;
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out divisor) && divisor > 0m
            ? DivisorKind.Decimal
            : DivisorKind.TooSmall;
    }

    /// <summary>Whether <paramref name="value"/> is a multiple of <paramref name="divisor"/> (decimal arithmetic).</summary>
    public static bool IsMultipleOf(double value, decimal divisor)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) > 7.9e27)
        {
            return false;
        }

        return (decimal)value % divisor == 0m;
    }

    /// <summary><c>multipleOf</c> with the divisor as the schema writes it (see <see cref="Divisor"/>).</summary>
    public static bool IsMultipleOf(double value, string divisorText) => Divisor(divisorText, out var divisor) switch
    {
        DivisorKind.Decimal => IsMultipleOf(value, divisor),
        DivisorKind.TooLarge => value == 0,
        _ => true,
    };

    /// <summary>Whether a JSON number literal is an integer as JSON Schema counts them (<c>30.0</c> is one).</summary>
    public static bool IsInteger(string literal)
    {
        if (decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d == decimal.Truncate(d);
        }

        return double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && Math.Floor(x) == x && !double.IsInfinity(x);
    }

    /// <summary>JSON equality as JSON Schema defines it: numbers by value (1 equals 1.0), objects regardless of member order.</summary>
    public static bool AreEqual(JsonElement a, JsonElement b)
    {
        switch (a.ValueKind)
        {
            case JsonValueKind.Number:
                return b.ValueKind == JsonValueKind.Number && NumbersEqual(a.GetRawText(), b.GetRawText());
            case JsonValueKind.String:
                return b.ValueKind == JsonValueKind.String && string.Equals(a.GetString(), b.GetString(), StringComparison.Ordinal);
            case JsonValueKind.Array:
                if (b.ValueKind != JsonValueKind.Array || a.GetArrayLength() != b.GetArrayLength())
                {
                    return false;
                }

                using (var left = a.EnumerateArray())
                using (var right = b.EnumerateArray())
                {
                    while (left.MoveNext() && right.MoveNext())
                    {
                        if (!AreEqual(left.Current, right.Current))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case JsonValueKind.Object:
                if (b.ValueKind != JsonValueKind.Object || Count(a) != Count(b))
                {
                    return false;
                }

                foreach (var member in a.EnumerateObject())
                {
                    if (!b.TryGetProperty(member.Name, out var other) || !AreEqual(member.Value, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return a.ValueKind == b.ValueKind;
        }
    }

    /// <summary>Whether two JSON number literals are the same number (exact for decimals, then by double).</summary>
    public static bool NumbersEqual(string a, string b)
    {
        if (decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
        {
            return x == y;
        }

        return double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var p)
            && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var q)
            && p.Equals(q);
    }

    private static int Count(JsonElement element)
    {
        var count = 0;
        foreach (var _ in element.EnumerateObject())
        {
            count++;
        }

        return count;
    }
}
