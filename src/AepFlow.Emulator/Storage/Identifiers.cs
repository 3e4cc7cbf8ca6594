using System.Globalization;

namespace AepFlow.Emulator.Storage;

/// <summary>Ids and etags in the formats Platform uses.</summary>
internal static class Identifiers
{
    private static long s_etagCounter = Random.Shared.NextInt64(0x1000_0000, 0x7000_0000);

    /// <summary>A Flow Service id: a GUID without braces.</summary>
    public static string NewGuid() => Guid.NewGuid().ToString("D");

    /// <summary>A Data Prep mapping set id: 32 lowercase hex characters.</summary>
    public static string NewMappingSetId() => Guid.NewGuid().ToString("N");

    /// <summary>A Catalog dataset id: 24 lowercase hex characters, like Catalog's object ids.</summary>
    public static string NewDataSetId() => Guid.NewGuid().ToString("N")[..24];

    /// <summary>The hex part of a Schema Registry schema id (48 characters).</summary>
    public static string NewSchemaHex() => (Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"))[..48];

    /// <summary>
    /// A new quoted etag shaped like Platform's (<c>"7e05b480-0000-0200-0000-638e84a00000"</c>). A process-wide
    /// counter makes every etag distinct, so each change yields a new one.
    /// </summary>
    public static string NewEtag(DateTimeOffset now)
    {
        var sequence = Interlocked.Increment(ref s_etagCounter) & 0xFFFF_FFFF;
        var seconds = now.ToUnixTimeSeconds() & 0xFFFF_FFFF;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"\"{sequence:x8}-0000-0200-0000-{seconds:x8}0000\"");
    }
}
