using AepFlow.Generator.Model;

namespace AepFlow.Generator;

// Every value that flows between incremental steps is a class, and Combine pairs only classes (or a Collect's
// ImmutableArray of classes). Roslyn's step nodes are generic over their value type: over a class the runtime shares code
// already compiled, but over a struct (bool, KeyValuePair, EquatableArray, a nested ValueTuple) it JIT-compiles the node,
// table and builder code again, about a hundred methods per shape, in every cold csc (docs/architecture.md, "Build cost").

/// <summary>A sorted list of names as one pipeline value (bundled class names and ids a project names).</summary>
internal sealed record NameList(EquatableArray<string> Items)
{
    public static readonly NameList Empty = new(EquatableArray<string>.Empty);
}

/// <summary>The options with the bundled specs they select: what spec resolution needs besides the user's files.</summary>
internal sealed record SpecInputs(GeneratorOptions Options, BundledSpecSet Bundled);

/// <summary>An AdditionalFile's path and text.</summary>
internal sealed record FileText(string Path, string Text);

/// <summary>A yes/no as a pipeline value.</summary>
internal sealed record Flag(bool Value)
{
    public static readonly Flag Yes = new(true);

    public static readonly Flag No = new(false);

    public static Flag Of(bool value) => value ? Yes : No;
}
