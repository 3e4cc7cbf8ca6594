namespace AepFlow.Generator.Model;

/// <summary>
/// What the typed constructor of one flowSpec's <c>CreateFlowRequest</c> needs: the generated connectionSpec classes the
/// flowSpec accepts as sources and targets (only those generated in this compilation), and free names for its id wrappers.
/// </summary>
internal sealed record FlowFactoryModel(
    string ClassName,
    string Name,
    EquatableArray<string> SourceClasses,
    EquatableArray<string> TargetClasses,
    string SourceTypeName,
    string TargetTypeName);
