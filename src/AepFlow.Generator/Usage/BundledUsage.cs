using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AepFlow.Generator.Model;
using AepFlow.Generator.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AepFlow.Generator.Usage;

/// <summary>
/// Which bundled specs a project uses, so only those are generated (a consumer pays for the types it uses, not for all
/// bundled specs): an identifier in C# that starts with a bundled spec's class name (<c>CrmToAep</c>,
/// <c>AepFlowJsonContext.Default.CrmToAepScheduleParams</c>), a string literal that is a bundled spec id, an id inside a
/// <c>*.flow.json</c> file, or <c>FlowSpecCatalog</c> (which dispatches over every flowSpec) for all bundled flowSpecs.
/// Matching is syntactic and errs on the side of generating: a false match costs one spec's types, a missed one an error.
/// </summary>
internal static class BundledUsage
{
    /// <summary>Naming the catalog uses every flowSpec: <c>FlowSpecCatalog.ValidateFlowJson</c> reads any of them.</summary>
    public const string CatalogName = "FlowSpecCatalog";

    private static readonly Lazy<Names> Index = new(() => new Names(BundledSpecs.Index));

    /// <summary>The syntax predicate: runs on every node of every tree, so it only looks at identifiers and string literals.</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken)
    {
        if (node is IdentifierNameSyntax identifier)
        {
            var text = identifier.Identifier.ValueText;
            return text == CatalogName || Index.Value.MatchesName(text);
        }

        return node is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            && Index.Value.IsId(literal.Token.ValueText);
    }

    /// <summary>The transform: the identifier or literal text (a value, so an unrelated edit leaves later steps cached).</summary>
    public static string Text(GeneratorSyntaxContext context, CancellationToken cancellationToken) => context.Node switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        LiteralExpressionSyntax literal => literal.Token.ValueText,
        _ => string.Empty,
    };

    /// <summary>The bundled spec ids a <c>*.flow.json</c> file's text contains.</summary>
    public static EquatableArray<string> IdsIn(string? text)
    {
        var result = new List<string>();
        if (text is not null)
        {
            foreach (var id in Index.Value.Ids)
            {
                if (text.IndexOf(id, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    result.Add(id);
                }
            }
        }

        return EquatableArray.From(result);
    }

    /// <summary>The class names and ids of the bundled specs named, sorted and distinct (the step's value-equal output).</summary>
    public static EquatableArray<string> Keys(ImmutableArray<string> texts, ImmutableArray<NameList> flowFileIds)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (seen.Add(text))
            {
                Index.Value.AddKeys(text, keys);
            }
        }

        foreach (var ids in flowFileIds)
        {
            foreach (var id in ids.Items)
            {
                keys.Add(id.ToLowerInvariant());
            }
        }

        return EquatableArray.From(new List<string>(keys));
    }

    private sealed class Names
    {
        private readonly Dictionary<char, List<BundledSpecEntry>> _byFirstLetter = new();
        private readonly HashSet<string> _ids = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<BundledSpecEntry> _flowSpecs = new();

        public Names(IEnumerable<BundledSpecEntry> entries)
        {
            foreach (var entry in entries)
            {
                var name = Bare(entry.ClassName);
                if (!_byFirstLetter.TryGetValue(name[0], out var list))
                {
                    _byFirstLetter[name[0]] = list = new List<BundledSpecEntry>();
                }

                list.Add(entry);
                _ids.Add(entry.Id);
                if (entry.Kind == SpecKind.FlowSpec)
                {
                    _flowSpecs.Add(entry);
                }
            }
        }

        public IEnumerable<string> Ids => _ids;

        public bool IsId(string text) => text.Length == 36 && _ids.Contains(text);

        public bool MatchesName(string identifier)
        {
            if (identifier.Length == 0 || !_byFirstLetter.TryGetValue(identifier[0], out var candidates))
            {
                return false;
            }

            foreach (var entry in candidates)
            {
                if (identifier.StartsWith(Bare(entry.ClassName), StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        public void AddKeys(string text, SortedSet<string> keys)
        {
            if (text == CatalogName)
            {
                foreach (var entry in _flowSpecs)
                {
                    keys.Add(entry.ClassName);
                }

                return;
            }

            if (IsId(text))
            {
                keys.Add(text.ToLowerInvariant());
                return;
            }

            if (text.Length > 0 && _byFirstLetter.TryGetValue(text[0], out var candidates))
            {
                foreach (var entry in candidates)
                {
                    if (text.StartsWith(Bare(entry.ClassName), StringComparison.Ordinal))
                    {
                        keys.Add(entry.ClassName);
                    }
                }
            }
        }

        // A keyword-named class is emitted as @name; its identifier's value text has no '@'.
        private static string Bare(string className) => className.Length > 1 && className[0] == '@' ? className.Substring(1) : className;
    }
}
