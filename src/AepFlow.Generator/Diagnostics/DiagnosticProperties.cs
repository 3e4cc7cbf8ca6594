namespace AepFlow.Generator.Diagnostics;

/// <summary>
/// The keys of the properties a diagnostic carries to its code fix. Linked as source into AepFlow.CodeFixes (the generator
/// must not load Workspaces, so the two assemblies do not reference each other): one definition both sides read.
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>AEPF010/AEPF011: the inclusive bound a value broke (<c>15</c>).</summary>
    public const string Limit = "AepFlow.Limit";

    /// <summary>AEPF010/AEPF011: the keyword of that bound (<c>minimum</c> or <c>maximum</c>).</summary>
    public const string Keyword = "AepFlow.Keyword";

    /// <summary>AEPF025: the fully qualified typed path constant of the closest valid path.</summary>
    public const string TypedPath = "AepFlow.TypedPath";
}
