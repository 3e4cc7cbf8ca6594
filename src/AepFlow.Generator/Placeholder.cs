namespace AepFlow.Generator;

internal static class Placeholder
{
}
