using System.Collections.Immutable;
using AepFlow.Generator.Declarative;
using AepFlow.Generator.Diagnostics;
using AepFlow.Generator.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Generator.Analyzers;

/// <summary>
/// Reports problems in <c>*.flow.json</c>, <c>*.mapping.json</c> and <c>*.xdm.json</c> AdditionalFiles at their JSON line and
/// column (AEPF012, AEPF014, AEPF020–AEPF024). Specs and XDM schemas are read once per compilation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarativeFileAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.MappingSetId, DiagnosticDescriptors.Transformation, DiagnosticDescriptors.FlowFileValue, DiagnosticDescriptors.UnknownFlowSpec,
        DiagnosticDescriptors.UnknownXdmPath, DiagnosticDescriptors.XdmSchemaNotFound, DiagnosticDescriptors.InvalidJsonFile,
        DiagnosticDescriptors.DuplicateJsonKey);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var files = start.Options.AdditionalFiles;
            if (files.IsEmpty)
            {
                return;
            }

            var catalog = new System.Lazy<Declarative.Specs.SpecCatalog>(() => DeclarativeFiles.LoadCatalog(files, start.Options.AnalyzerConfigOptionsProvider.GlobalOptions, start.CancellationToken));
            var schemas = new System.Lazy<System.Collections.Generic.IReadOnlyList<Declarative.Xdm.XdmSchema>>(
                () => DeclarativeFiles.LoadXdm(files, start.CancellationToken).Schemas);
            start.RegisterAdditionalFileAction(file =>
            {
                string path = file.AdditionalFile.Path;
                bool flow = DeclarativeFiles.Is(path, DeclarativeFiles.FlowSuffix);
                bool mapping = DeclarativeFiles.Is(path, DeclarativeFiles.MappingSuffix);
                bool xdm = DeclarativeFiles.Is(path, DeclarativeFiles.XdmSuffix);
                if (!flow && !mapping && !xdm)
                {
                    return;
                }

                var text = file.AdditionalFile.GetText(file.CancellationToken);
                if (text == null)
                {
                    return;
                }

                string content = text.ToString();
                var findings = flow ? FlowFileChecker.Check(content, catalog.Value, out _, out _)
                    : mapping ? MappingFileChecker.Check(content, schemas.Value)
                    : CheckXdm(content);
                foreach (var finding in findings)
                {
                    file.ReportDiagnostic(finding.ToDiagnostic(path, text));
                }
            });
        });
    }

    private static System.Collections.Generic.List<Finding> CheckXdm(string content)
    {
        var findings = new System.Collections.Generic.List<Finding>();
        DeclarativeFiles.Read(content, "This XDM schema file", findings);

        return findings;
    }
}
