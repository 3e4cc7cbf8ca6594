using System;

namespace AepFlow.Generator.Schema;

/// <summary>
/// Which C# type an <c>"integer"</c> member gets, and so which values it can hold: <c>long</c> for timestamps (names ending
/// in Time/time/At, an "epoch" description) and for bounds beyond <c>int</c>, <c>int</c> otherwise. The type builder picks
/// the type with it; the build-time evaluator rejects what that type cannot read, with the reader's own message
/// (<c>AepJson</c>), so a value the build accepts always reads at run time. Roslyn-free.
/// </summary>
internal static class IntegerWidth
{
    public const string Int32Message = "must be an integer between -2147483648 and 2147483647";

    public const string Int64Message = "must be an integer that fits in 64 bits";

    public static bool IsLong(string jsonName, string? description, double? minimum, double? maximum, double? exclusiveMinimum, double? exclusiveMaximum) =>
        jsonName.EndsWith("Time", StringComparison.Ordinal) || jsonName.EndsWith("time", StringComparison.Ordinal)
        || jsonName.EndsWith("At", StringComparison.Ordinal)
        || (description is not null && description.IndexOf("epoch", StringComparison.OrdinalIgnoreCase) >= 0)
        || OutsideInt(minimum) || OutsideInt(maximum) || OutsideInt(exclusiveMinimum) || OutsideInt(exclusiveMaximum);

    /// <summary>Whether the integer literal fits the member's C# type (the reader's rule: exact, or a whole double in range).</summary>
    public static bool Fits(string literal, bool isLong)
    {
        var style = System.Globalization.NumberStyles.Integer;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (isLong ? long.TryParse(literal, style, culture, out _) : int.TryParse(literal, style, culture, out _))
        {
            return true;
        }

        return double.TryParse(literal, System.Globalization.NumberStyles.Float, culture, out var value)
            && (isLong ? value >= -9.2e18 && value <= 9.2e18 : value >= int.MinValue && value <= int.MaxValue);
    }

    private static bool OutsideInt(double? value) => value is < int.MinValue or > int.MaxValue;
}
