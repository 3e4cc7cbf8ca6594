using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using AepFlow.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AepFlow.CodeFixes;

/// <summary>
/// For AEPF010/AEPF011 on a numeric literal below a <c>minimum</c> or above a <c>maximum</c> (<c>Interval = 10</c> with
/// <c>Frequency = Minute</c>), replaces the literal with the bound the schema names (<c>Interval = 15</c>). Offered only when the
/// value is written in place: a named constant may be used elsewhere, so changing it is the author's call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseSchemaBoundCodeFix)), Shared]
public sealed class UseSchemaBoundCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("AEPF010", "AEPF011");

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
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Limit, out var limit) || limit == null ||
                !diagnostic.Properties.TryGetValue(DiagnosticProperties.Keyword, out var keyword) ||
                !decimal.TryParse(limit, NumberStyles.Float, CultureInfo.InvariantCulture, out var bound) || bound != decimal.Truncate(bound))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var literal = node as LiteralExpressionSyntax ?? node.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().FirstOrDefault();
            var target = literal?.Parent is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } negative ? (ExpressionSyntax)negative : literal;
            if (literal == null || !literal.IsKind(SyntaxKind.NumericLiteralExpression) || target == null || target.Span != diagnostic.Location.SourceSpan)
            {
                continue;
            }

            // Truncate drops a scale ("15.0" in the schema) so the literal is the integer the member takes.
            string text = decimal.Truncate(bound).ToString(CultureInfo.InvariantCulture);
            string title = $"Use {text} (the {keyword})";
            context.RegisterCodeFix(
                CodeAction.Create(title, _ => Replace(context.Document, root, target, text), equivalenceKey: nameof(UseSchemaBoundCodeFix) + keyword),
                diagnostic);
        }
    }

    private static Task<Document> Replace(Document document, SyntaxNode root, ExpressionSyntax target, string bound)
    {
        // Parsed, not built with SyntaxFactory.Literal: the token then carries the value the compiler gives those digits (an int
        // for 15, not the decimal the bound is held in), and a negative bound becomes the same unary minus a person would write.
        var replacement = SyntaxFactory.ParseExpression(bound);
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(target, replacement.WithTriviaFrom(target))));
    }
}
