namespace AepFlow.Generator;

/// <summary>Names of the pipeline steps, so tests can assert that each one caches.</summary>
public static class TrackingNames
{
    /// <summary>The three build properties.</summary>
    public const string Options = nameof(Options);

    /// <summary>One parsed user AdditionalFile (spec models + diagnostics).</summary>
    public const string AdditionalSpecFiles = nameof(AdditionalSpecFiles);

    /// <summary>The class names and ids of bundled specs the project's C# and flow files name (sorted, distinct).</summary>
    public const string UsedBundledSpecs = nameof(UsedBundledSpecs);

    /// <summary>The bundled specs after filtering by the build properties and by use.</summary>
    public const string BundledSpecs = nameof(BundledSpecs);

    /// <summary>The resolved spec set: user overrides applied, class names unique.</summary>
    public const string ParsedSpecs = nameof(ParsedSpecs);

    /// <summary>One flowSpec model (one generated file each).</summary>
    public const string FlowSpecModels = nameof(FlowSpecModels);

    /// <summary>One connectionSpec model (one generated file each).</summary>
    public const string ConnectionSpecModels = nameof(ConnectionSpecModels);

    /// <summary>One flowSpec's typed CreateFlowRequest constructor: the generated connectionSpec classes it accepts.</summary>
    public const string FlowFactoryModels = nameof(FlowFactoryModels);

    /// <summary>The summary behind FlowSpecCatalog and AepFlowJsonContext.</summary>
    public const string CatalogModel = nameof(CatalogModel);

    /// <summary>Every diagnostic, on its own branch.</summary>
    public const string Diagnostics = nameof(Diagnostics);
}
