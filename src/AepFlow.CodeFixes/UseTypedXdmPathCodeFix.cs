using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using AepFlow.Generator.Diagnostics;
using Microsoft.CodeAnalysis.Simplification;

namespace AepFlow.CodeFixes;

/// <summary>
/// For AEPF025 (a mapping destination that is not a path of its target schema), replaces the string literal with the typed
/// path constant of the closest valid path (<c>"personalEmail.adress"</c> → <c>AepFlow.Xdm.Standard.Profile.PersonalEmail.Address</c>,
/// shortened by the document's usings), so the destination can no longer drift from the schema.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseTypedXdmPathCodeFix)), Shared]
public sealed class UseTypedXdmPathCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("AEPF025");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root == null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.TypedPath, out var typedPath) || typedPath == null)
            {
                continue;
            }

            // Only a literal written in place: a named constant may be used elsewhere, so changing it is the author's call.
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal ||
                !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Use " + typedPath, _ => Replace(context.Document, root, literal, typedPath), equivalenceKey: nameof(UseTypedXdmPathCodeFix)),
                diagnostic);
        }
    }

    private static Task<Document> Replace(Document document, SyntaxNode root, LiteralExpressionSyntax literal, string typedPath)
    {
        var replacement = SyntaxFactory.ParseExpression("global::" + typedPath)
            .WithTriviaFrom(literal)
            .WithAdditionalAnnotations(Simplifier.Annotation);
        return Simplifier.ReduceAsync(document.WithSyntaxRoot(root.ReplaceNode(literal, replacement)));
    }
}
