namespace AepFlow.Validation;

/// <summary>The outcome of <c>Validate()</c> on a generated model.</summary>
public sealed class ValidationResult
{
    /// <summary>The single result shared by every valid value, so that validating a valid value allocates nothing.</summary>
    public static ValidationResult Valid { get; } = new([]);

    internal ValidationResult(IReadOnlyList<ValidationError> errors) => Errors = errors;

    /// <summary><see langword="true"/> when no rule was broken.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Every broken rule, in the order the schema lists them.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>Creates a result from a list of errors (an empty list gives <see cref="Valid"/>).</summary>
    public static ValidationResult FromErrors(IReadOnlyList<ValidationError> errors) =>
        errors.Count == 0 ? Valid : new ValidationResult(errors);

    /// <inheritdoc />
    public override string ToString() =>
        IsValid ? "valid" : string.Join(Environment.NewLine, Errors);
}
