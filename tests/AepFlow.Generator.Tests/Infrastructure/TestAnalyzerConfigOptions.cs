using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AepFlow.Generator.Tests.Infrastructure;

/// <summary>Global options as MSBuild passes <c>CompilerVisibleProperty</c> values: <c>build_property.X</c>.</summary>
internal sealed class TestAnalyzerConfigOptionsProvider(ImmutableDictionary<string, string> globals) : AnalyzerConfigOptionsProvider
{
    private static readonly TestAnalyzerConfigOptions Empty = new(ImmutableDictionary<string, string>.Empty);

    public override AnalyzerConfigOptions GlobalOptions { get; } = new TestAnalyzerConfigOptions(globals);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

    /// <summary>Builds a provider from MSBuild property names (without the <c>build_property.</c> prefix).</summary>
    public static TestAnalyzerConfigOptionsProvider FromBuildProperties(IReadOnlyDictionary<string, string>? properties)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in properties ?? new Dictionary<string, string>())
        {
            builder[$"build_property.{name}"] = value;
        }

        return new TestAnalyzerConfigOptionsProvider(builder.ToImmutable());
    }
}

internal sealed class TestAnalyzerConfigOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
{
    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);

    public override IEnumerable<string> Keys => values.Keys;
}
