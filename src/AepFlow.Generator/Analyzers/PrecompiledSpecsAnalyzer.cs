using System.Collections.Generic;
using System.Collections.Immutable;
using AepFlow.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AepFlow.Generator.Analyzers;

/// <summary>
/// AEPF009: where the package's targets referenced the precompiled bundled specs (<c>AepFlowBundledSpecsPrecompiled</c>), a
/// referenced library that generated the same public types in the default namespace makes them ambiguous. Reported once per
/// such library, once the compilation is complete; a project without the property returns at once.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PrecompiledSpecsAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The precompiled assembly's name (src/AepFlow.Specs).</summary>
    internal const string PrecompiledAssembly = "AepFlow.Specs";

    // One type every generating library has per kind of output that can clash: the catalog comes with any generated spec,
    // the standard XDM classes with Xdm.Standard.
    private static readonly string[] Markers = { "AepFlow.FlowSpecs.FlowSpecCatalog", "AepFlow.Xdm.Standard.Classes" };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.PrecompiledSpecsClash);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(end =>
        {
            if (!AepFlowGenerator.ReadOptions(end.Options.AnalyzerConfigOptionsProvider.GlobalOptions).BundledPrecompiled)
            {
                return;
            }

            var reported = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var marker in Markers)
            {
                foreach (var type in end.Compilation.GetTypesByMetadataName(marker))
                {
                    var assembly = type.ContainingAssembly;
                    if (type.DeclaredAccessibility == Accessibility.Public && assembly is not null && assembly.Name != PrecompiledAssembly
                        && !SymbolEqualityComparer.Default.Equals(assembly, end.Compilation.Assembly) && reported.Add(assembly.Name))
                    {
                        end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.PrecompiledSpecsClash, Location.None, assembly.Name, marker));
                    }
                }
            }
        });
    }
}
