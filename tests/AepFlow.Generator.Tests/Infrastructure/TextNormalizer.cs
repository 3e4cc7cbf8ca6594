namespace AepFlow.Generator.Tests.Infrastructure;

internal static class TextNormalizer
{
    /// <summary>CRLF/CR → LF, so baselines compare the same on every OS and git setting.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');
}
