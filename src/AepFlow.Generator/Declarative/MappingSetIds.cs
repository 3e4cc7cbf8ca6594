using System.Linq;

namespace AepFlow.Generator.Declarative;

/// <summary>The two shapes Data Prep gives mapping set ids: 32 hexadecimal characters, or a GUID (8-4-4-4-12).</summary>
internal static class MappingSetIds
{
    public const string JsonName = "mappingId";

    /// <summary>Null when <paramref name="id"/> is well-formed, else what is wrong with it ("31 characters long").</summary>
    public static string? Problem(string id)
    {
        if (id.Length == 32 && id.All(IsHex))
        {
            return null;
        }

        if (id.Length == 36 && IsGuid(id))
        {
            return null;
        }

        if (id.Length == 0)
        {
            return "empty";
        }

        var bad = id.FirstOrDefault(c => !IsHex(c) && c != '-');
        if (bad != default)
        {
            return $"not hexadecimal ('{bad}' at position {id.IndexOf(bad) + 1})";
        }

        return id.Contains('-') ? $"not a GUID ({id.Length} characters, groups must be 8-4-4-4-12)" : $"{id.Length} characters long, not 32";
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    private static bool IsGuid(string id)
    {
        for (int i = 0; i < id.Length; i++)
        {
            bool dash = i is 8 or 13 or 18 or 23;
            if (dash ? id[i] != '-' : !IsHex(id[i]))
            {
                return false;
            }
        }

        return true;
    }
}
