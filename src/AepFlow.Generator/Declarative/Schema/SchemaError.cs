using AepFlow.Generator.Json;

namespace AepFlow.Generator.Declarative.Schema;

/// <summary>Outcome of a schema over a possibly partial instance: three-valued, because run-time values decide nothing.</summary>
internal enum SchemaOutcome
{
    Valid,
    Invalid,
    Unknown,
}

/// <summary>One broken rule: where (JSON Pointer and the instance node to locate), which keyword, and how to fix it.</summary>
internal sealed class SchemaError
{
    public SchemaError(string path, string keyword, string message, JsonNode node, bool conditional, object? origin = null)
    {
        Path = path;
        Keyword = keyword;
        Message = message;
        Node = node;
        Conditional = conditional;
        Origin = origin ?? node.Origin;
    }

    /// <summary>JSON Pointer (RFC 6901) of the offending value, e.g. <c>/scheduleParams/interval</c>.</summary>
    public string Path { get; }

    public string Keyword { get; }

    public string Message { get; }

    /// <summary>The instance node the error is about (the value, or the object for <c>required</c>).</summary>
    public JsonNode Node { get; }

    /// <summary>True when the rule applied only because an <c>if</c> decided it (a <c>then</c>/<c>else</c> branch).</summary>
    public bool Conditional { get; }

    /// <summary>Where to report the error for instances built from C# (a node's origin, or that of a constant <c>null</c>).</summary>
    public object? Origin { get; }

    /// <summary>
    /// For an inclusive <c>minimum</c>/<c>maximum</c>, the bound as written in the schema: the one value a fix can use without
    /// guessing (the code fix raises an interval to it).
    /// </summary>
    public string? Limit { get; init; }

    public override string ToString() => $"{(Path.Length == 0 ? "/" : Path)}: {Message} ({Keyword})";
}
