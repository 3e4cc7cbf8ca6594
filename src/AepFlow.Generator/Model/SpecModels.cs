namespace AepFlow.Generator.Model;

/// <summary>The nested types one spec needs (records and enums), in emission order.</summary>
internal sealed record SpecTypes(EquatableArray<ObjectTypeModel> Objects, EquatableArray<EnumTypeModel> Enums);

/// <summary>A transformation of a flowSpec and the record its params map to.</summary>
// Name: The transformation name on the wire (<c>Copy</c>).
// PropertyName: The <c>CreateFlowRequest</c> property (<c>Copy</c>).
// TypeName: The params record (<c>CopyParams</c>).
internal sealed record TransformationModel(string Name, string PropertyName, string TypeName);

/// <summary>Everything the emitter needs for one flowSpec. No locations: moving text in a spec file does not regenerate it.</summary>
internal sealed record FlowSpecModel(
    string Id,
    string Name,
    string Version,
    string ClassName,
    string? Description,
    EquatableArray<string> SourceConnectionSpecIds,
    EquatableArray<string> TargetConnectionSpecIds,
    EquatableArray<TransformationModel> Transformations,
    string? ScheduleTypeName,
    SpecTypes Types,
    bool IsBundled);

/// <summary>An authSpec of a connectionSpec and the record its params map to.</summary>
internal sealed record AuthSpecModel(string SpecName, string TypeName);

/// <summary>Everything the emitter needs for one connectionSpec.</summary>
internal sealed record ConnectionSpecModel(
    string Id,
    string Name,
    string ClassName,
    string? ProviderId,
    string? Description,
    EquatableArray<AuthSpecModel> AuthSpecs,
    string? SourceParamsTypeName,
    SpecTypes Types,
    bool IsBundled)
{
    /// <summary>The spec's <c>version</c>, sent as <c>connectionSpec.version</c>.</summary>
    public string Version { get; init; } = "1.0";

    /// <summary>The record of <c>targetSpec.spec</c> (a target connection's <c>params</c>), when the spec has one.</summary>
    public string? TargetParamsTypeName { get; init; }

    /// <summary>The <c>data.format</c> a source connection of this spec sends (<c>tabular</c>), or null when the caller chooses.</summary>
    public string? SourceDataFormat { get; init; }
}

/// <summary>One type the JSON context covers.</summary>
// FullName: The fully qualified type (<c>global::AepFlow.FlowSpecs.CrmToAep.ScheduleParams</c>).
// PropertyName: The context property (<c>CrmToAepScheduleParams</c>).
internal sealed record ContextTypeModel(string FullName, string PropertyName);

/// <summary>What FlowSpecCatalog and AepFlowJsonContext need: class names and type names only, so spec edits rarely touch them.</summary>
internal sealed record CatalogModel(EquatableArray<string> FlowSpecClasses, EquatableArray<string> FlowSpecLabels, EquatableArray<ContextTypeModel> Types);
