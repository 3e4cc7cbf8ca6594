using System;
using System.Collections.Generic;

namespace AepFlow.Generator.Declarative.Schema;

/// <summary>Closest-match suggestions ("did you mean …?") by case-insensitive edit distance.</summary>
internal static class Suggest
{
    /// <summary>The candidate nearest to <paramref name="value"/>, or null when none is close enough to be a plausible typo.</summary>
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            int distance = Distance(value.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // A third of the length (at least 2 edits) separates typos from different words.
        int allowed = Math.Max(2, value.Length / 3);
        return best != null && bestDistance <= allowed && bestDistance > 0 ? best
            : best != null && bestDistance == 0 && !string.Equals(best, value, StringComparison.Ordinal) ? best
            : null;
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
