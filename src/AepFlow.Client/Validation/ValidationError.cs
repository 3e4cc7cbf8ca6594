namespace AepFlow.Validation;

/// <summary>One broken JSON Schema rule.</summary>
/// <param name="Path">A JSON Pointer (RFC 6901) into the wire JSON of the validated value, e.g. <c>/scheduleParams/interval</c>.</param>
/// <param name="Keyword">The JSON Schema keyword that failed: <c>required</c>, <c>minimum</c>, <c>enum</c>, <c>minLength</c>, …</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record ValidationError(string Path, string Keyword, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{(Path.Length == 0 ? "/" : Path)}: {Message} ({Keyword})";
}
