using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AepFlow.Generator.Usage;

/// <summary>
/// Whether a project uses the standard XDM output (<c>&lt;root&gt;.Xdm.Standard</c>, ~560 lines): only then is it generated.
/// A use is the name <c>Standard</c> after <c>Xdm.</c> (<c>AepFlow.Xdm.Standard.Profile</c>, <c>using AepFlow.Xdm.Standard;</c>,
/// an alias to it) or unqualified (code inside <c>namespace AepFlow.Xdm</c> may write <c>Standard.Classes.Profile</c>).
/// Like <see cref="BundledUsage"/> it errs on the side of generating: a false match costs one file, a missed one an error.
/// </summary>
internal static class StandardXdmUsage
{
    private const string Name = "Standard";

    /// <summary>The syntax predicate (every node of every tree): identifiers spelled <c>Standard</c> that name the namespace.</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken) =>
        node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == Name && NamesXdmStandard(identifier);

    private static bool NamesXdmStandard(IdentifierNameSyntax identifier) => identifier.Parent switch
    {
        QualifiedNameSyntax qualified when qualified.Right == identifier => RightmostName(qualified.Left) == "Xdm",
        MemberAccessExpressionSyntax access when access.Name == identifier => RightmostName(access.Expression) == "Xdm",
        _ => true,
    };

    private static string? RightmostName(SyntaxNode node) => node switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}
