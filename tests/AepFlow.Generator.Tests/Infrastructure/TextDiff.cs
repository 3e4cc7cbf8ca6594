using System.Text;

namespace AepFlow.Generator.Tests.Infrastructure;

/// <summary>A short unified-style view of where two texts start to differ.</summary>
internal static class TextDiff
{
    private const int Context = 3;
    private const int Shown = 12;

    public static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var first = 0;
        while (first < e.Length && first < a.Length && e[first] == a[first])
        {
            first++;
        }

        var builder = new StringBuilder();
        builder.AppendLine($"@@ first difference at line {first + 1} (expected {e.Length} lines, actual {a.Length}) @@");
        for (var i = Math.Max(0, first - Context); i < first; i++)
        {
            builder.Append("  ").AppendLine(e[i]);
        }

        for (var i = first; i < Math.Min(e.Length, first + Shown); i++)
        {
            builder.Append("- ").AppendLine(e[i]);
        }

        for (var i = first; i < Math.Min(a.Length, first + Shown); i++)
        {
            builder.Append("+ ").AppendLine(a[i]);
        }

        return builder.ToString();
    }
}
