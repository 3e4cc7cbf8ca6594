using AepFlow.Generator.Json;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using AepFlow.Generator.Diagnostics;
using AepFlow.Generator.Emit;
using AepFlow.Generator.Model;
using AepFlow.Generator.Specs;
using AepFlow.Generator.Parsing;
using AepFlow.Generator.Usage;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Generator;

/// <summary>
/// Generates typed, validated Flow Service request models from the bundled flowSpecs/connectionSpecs and the user's
/// <c>*.flowspec.json</c> / <c>*.connectionspec.json</c> AdditionalFiles.
/// </summary>
/// <remarks>
/// Pipeline: options and files are parsed into value-equal models; each spec feeds its own source output, so editing one
/// spec regenerates one file; diagnostics travel on a separate branch so a moved diagnostic does not regenerate source.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class AepFlowGenerator : IIncrementalGenerator
{
    private const string FlowSuffix = ".flow.json";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Every step's value is a class and every Combine pairs classes (PipelineValues.cs says why: JIT in a cold csc).
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ReadOptions(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var userFiles = context.AdditionalTextsProvider
            .Where(static file => KindOf(file.Path) is not null)
            .Select(static (file, cancellationToken) => ParseFile(file, cancellationToken))
            .WithTrackingName(TrackingNames.AdditionalSpecFiles);

        var collectedFiles = userFiles.Collect();

        // Pay for what is used: the bundled specs the project's C# or flow files name (a sorted list of names and ids, so
        // an edit that names nothing new leaves every later step cached).
        var namedInCode = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, ct) => BundledUsage.IsCandidate(node, ct), static (syntax, ct) => BundledUsage.Text(syntax, ct))
            .Collect();
        var namedInFlowFiles = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(FlowSuffix, StringComparison.OrdinalIgnoreCase))
            .Select(static (file, ct) => new NameList(BundledUsage.IdsIn(file.GetText(ct)?.ToString())))
            .Collect();
        var used = namedInCode
            .Combine(namedInFlowFiles)
            .Select(static (input, _) => new NameList(BundledUsage.Keys(input.Left, input.Right)))
            .WithTrackingName(TrackingNames.UsedBundledSpecs);

        var inputs = options
            .Combine(used)
            .Select(static (input, _) => new SpecInputs(input.Left, BundledSpecs.SelectUsed(input.Left, input.Right.Items)))
            .WithTrackingName(TrackingNames.BundledSpecs);

        var resolved = inputs
            .Combine(collectedFiles)
            .Select(static (input, _) => Resolve(input.Left, input.Right))
            .WithTrackingName(TrackingNames.ParsedSpecs);

        var flowSpecs = resolved
            .SelectMany(static (specs, _) => specs.FlowSpecs)
            .WithTrackingName(TrackingNames.FlowSpecModels);

        var connectionSpecs = resolved
            .SelectMany(static (specs, _) => specs.ConnectionSpecs)
            .WithTrackingName(TrackingNames.ConnectionSpecModels);

        var flowFactories = resolved
            .SelectMany(static (specs, _) => FlowFactoryEmitter.Models(specs))
            .WithTrackingName(TrackingNames.FlowFactoryModels);

        // Read on their own so the spec steps stay cached whatever they say.
        var emitOptions = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => new EmitOptions(ReadAccessibility(provider.GlobalOptions), ReadRootNamespace(provider.GlobalOptions)));

        // With AepFlowGenerateClient nothing resolves, so the catalog is empty and not emitted.
        var catalog = resolved
            .Combine(emitOptions)
            .Select(static (input, _) => BuildCatalog(input.Left, input.Right.RootNamespace))
            .WithTrackingName(TrackingNames.CatalogModel);

        var diagnostics = inputs
            .Combine(collectedFiles)
            .SelectMany(static (input, _) => input.Left.Options.GenerateClient ? ImmutableArray<DiagnosticInfo>.Empty : CollectDiagnostics(input.Right, input.Left.Bundled))
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(flowSpecs.Combine(emitOptions), static (spc, input) =>
            EmitGuard.AddSource(spc, EmitGuard.HintName("FlowSpecs", input.Left.ClassName), input.Left.Name, () => FlowSpecEmitter.Emit(input.Left, input.Right.Accessibility, input.Right.RootNamespace)));

        context.RegisterSourceOutput(connectionSpecs.Combine(emitOptions), static (spc, input) =>
            EmitGuard.AddSource(spc, EmitGuard.HintName("ConnectionSpecs", input.Left.ClassName), input.Left.Name, () => ConnectionSpecEmitter.Emit(input.Left, input.Right.Accessibility, input.Right.RootNamespace)));

        context.RegisterSourceOutput(flowFactories.Combine(emitOptions), static (spc, input) =>
            EmitGuard.AddSource(spc, EmitGuard.HintName("FlowSpecs", input.Left.ClassName).Replace(".g.cs", ".Factory.g.cs"), input.Left.Name, () => FlowFactoryEmitter.Emit(input.Left, input.Right.Accessibility, input.Right.RootNamespace)));

        context.RegisterSourceOutput(catalog.Combine(emitOptions), static (spc, input) =>
        {
            var (model, emit) = input;
            // Nothing generated, nothing to list: a project that uses no spec gets neither file (pay for what is used).
            if (model.FlowSpecClasses.IsEmpty && model.Types.IsEmpty)
            {
                return;
            }

            EmitGuard.AddSource(spc, "FlowSpecs.FlowSpecCatalog.g.cs", "FlowSpecCatalog", () => CatalogEmitter.Emit(model, emit.Accessibility, emit.RootNamespace));
            EmitGuard.AddSource(spc, "AepFlowJsonContext.g.cs", "AepFlowJsonContext", () => JsonContextEmitter.Emit(model, emit.Accessibility, emit.RootNamespace));
        });

        context.RegisterSourceOutput(diagnostics, static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic.ToDiagnostic()));
    }

    internal static SpecKind? KindOf(string path) => SpecRules.KindOfFile(path);

    internal static GeneratorOptions ReadOptions(AnalyzerConfigOptions options)
    {
        var generateClient = options.TryGetValue("build_property.AepFlowGenerateClient", out var client) && IsTrue(client);
        var includeBundled = !options.TryGetValue("build_property.AepFlowIncludeBundledSpecs", out var bundled) || string.IsNullOrWhiteSpace(bundled) || IsTrue(bundled);
        var selected = new List<string>();
        if (options.TryGetValue("build_property.AepFlowSpecs", out var specs) && !string.IsNullOrWhiteSpace(specs))
        {
            foreach (var part in specs.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var trimmed = part.Trim();
                if (trimmed.Length > 0)
                {
                    selected.Add(trimmed);
                }
            }
        }

        var precompiled = options.TryGetValue("build_property.AepFlowBundledSpecsPrecompiled", out var compiled) && IsTrue(compiled);
        return new GeneratorOptions(generateClient, includeBundled, EquatableArray.From(selected), precompiled);
    }

    /// <summary>
    /// <c>AepFlowGeneratedAccessibility</c>: <c>internal</c> makes the generated top-level types internal, for an assembly that
    /// uses the models itself but must not expose them to projects that generate their own (the emulator); default public.
    /// </summary>
    internal static string ReadAccessibility(AnalyzerConfigOptions options) =>
        options.TryGetValue("build_property.AepFlowGeneratedAccessibility", out var value)
        && string.Equals(value.Trim(), "internal", StringComparison.OrdinalIgnoreCase)
            ? "internal"
            : "public";

    /// <summary>
    /// <c>AepFlowNamespace</c>: the root namespace of generated code (<c>&lt;root&gt;.FlowSpecs</c>, <c>&lt;root&gt;.ConnectionSpecs</c>,
    /// <c>&lt;root&gt;.Flows</c>); default <c>AepFlow</c>. A value that is not a dotted C# identifier falls back to the default.
    /// </summary>
    internal static string ReadRootNamespace(AnalyzerConfigOptions options) =>
        options.TryGetValue("build_property.AepFlowNamespace", out var value) && IsValidNamespace(value.Trim())
            ? value.Trim()
            : EmitOptions.DefaultRootNamespace;

    private static bool IsValidNamespace(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        var parts = value.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (!Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(part)
                || Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None
                || (i == 0 && part == "global"))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTrue(string value) => string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static ParsedSpecFile ParseFile(AdditionalText file, System.Threading.CancellationToken cancellationToken)
    {
        var kind = KindOf(file.Path)!.Value;
        SourceText? text;
        try
        {
            text = file.GetText(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            text = null;
        }

        if (text is null)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, new LocationInfo(file.Path, default, default), file.Path, "the file could not be read");
            return new ParsedSpecFile(file.Path, EquatableArray<FlowSpecModel>.Empty, EquatableArray<ConnectionSpecModel>.Empty, EquatableArray<SpecIdentity>.Empty, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));
        }

        return SpecFileReader.Read(file.Path, text, kind, isBundled: false);
    }

    private static ImmutableArray<DiagnosticInfo> CollectDiagnostics(ImmutableArray<ParsedSpecFile> userFiles, BundledSpecSet bundled)
    {
        var result = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        result.AddRange(bundled.Diagnostics);
        foreach (var file in userFiles)
        {
            result.AddRange(file.Diagnostics);
        }

        result.AddRange(SpecResolver.DuplicateIds(userFiles));
        return result.ToImmutable();
    }

    private static readonly ResolvedSpecs Nothing = new(EquatableArray<FlowSpecModel>.Empty, EquatableArray<ConnectionSpecModel>.Empty);

    private static ResolvedSpecs Resolve(SpecInputs inputs, ImmutableArray<ParsedSpecFile> userFiles)
    {
        // Nothing to resolve (the client library, or a project that names no bundled spec and has no spec files): the
        // resolver and the models are not even touched.
        if (inputs.Options.GenerateClient || (userFiles.IsEmpty && inputs.Bundled.FlowSpecs.Count + inputs.Bundled.ConnectionSpecs.Count == inputs.Bundled.Placeholders.Count))
        {
            return Nothing;
        }

        return WithoutPlaceholders(SpecResolver.Resolve(userFiles, inputs.Bundled), inputs.Bundled.Placeholders);
    }

    // Unused bundled specs took part in resolution only to keep their class names taken (see BundledSpecs.Select).
    private static ResolvedSpecs WithoutPlaceholders(ResolvedSpecs specs, EquatableArray<string> placeholders)
    {
        if (placeholders.IsEmpty)
        {
            return specs;
        }

        var ids = new HashSet<string>(placeholders, StringComparer.Ordinal);
        var flowSpecs = new List<FlowSpecModel>();
        foreach (var spec in specs.FlowSpecs)
        {
            if (!(spec.IsBundled && ids.Contains(spec.Id)))
            {
                flowSpecs.Add(spec);
            }
        }

        var connectionSpecs = new List<ConnectionSpecModel>();
        foreach (var spec in specs.ConnectionSpecs)
        {
            if (!(spec.IsBundled && ids.Contains(spec.Id)))
            {
                connectionSpecs.Add(spec);
            }
        }

        return new ResolvedSpecs(EquatableArray.From(flowSpecs), EquatableArray.From(connectionSpecs));
    }

    private static CatalogModel BuildCatalog(ResolvedSpecs specs, string rootNamespace)
    {
        var classes = new List<(string Name, string ClassName, string Id)>();
        foreach (var spec in specs.FlowSpecs)
        {
            classes.Add((spec.Name, spec.ClassName, spec.Id));
        }

        classes.Sort((a, b) => string.CompareOrdinal(a.ClassName, b.ClassName));
        var classNames = new List<string>();
        var labels = new List<string>();
        foreach (var (name, className, id) in classes)
        {
            classNames.Add(className);
            labels.Add(name + " (" + id + ")");
        }

        var types = new List<ContextTypeModel>();
        // Context property names must not take a member the context already has (Default, Options, GetTypeInfo, ...).
        var propertyNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "AepFlowJsonContext", "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions", "Create", "Equals", "GetHashCode", "ToString", "GetType",
            "MemberwiseClone", "Finalize",
        };
        foreach (var spec in specs.FlowSpecs)
        {
            var prefix = "global::" + rootNamespace + ".FlowSpecs." + spec.ClassName + ".";
            types.Add(new ContextTypeModel(prefix + "CreateFlowRequest", Naming.Unique(spec.ClassName + "CreateFlowRequest", propertyNames)));
            AddTypes(spec.Types, prefix, spec.ClassName, types, propertyNames);
        }

        foreach (var spec in specs.ConnectionSpecs)
        {
            AddTypes(spec.Types, "global::" + rootNamespace + ".ConnectionSpecs." + spec.ClassName + ".", spec.ClassName, types, propertyNames);
        }

        return new CatalogModel(EquatableArray.From(classNames), EquatableArray.From(labels), EquatableArray.From(types));
    }

    private static void AddTypes(SpecTypes specTypes, string prefix, string className, List<ContextTypeModel> types, HashSet<string> propertyNames)
    {
        foreach (var type in specTypes.Objects)
        {
            types.Add(new ContextTypeModel(prefix + type.Name, Naming.Unique(className + type.Name, propertyNames)));
        }

        foreach (var type in specTypes.Enums)
        {
            types.Add(new ContextTypeModel(prefix + type.Name, Naming.Unique(className + type.Name, propertyNames)));
        }
    }
}
