using AepFlow.Validation;

namespace AepFlow;

/// <summary>
/// A typed request broke its spec's rules. It is thrown before anything is sent, so no HTTP request was made.
/// </summary>
public sealed class AepValidationException : Exception
{
    /// <summary>Creates the exception for <paramref name="errors"/> found in a body meant for <paramref name="operation"/>.</summary>
    public AepValidationException(string operation, IReadOnlyList<ValidationError> errors)
        : base(BuildMessage(operation, errors))
    {
        Operation = operation;
        Errors = errors;
    }

    /// <summary>The call that was not made, e.g. <c>POST /data/foundation/flowservice/flows</c>.</summary>
    public string Operation { get; }

    /// <summary>Every broken rule, each with its JSON Pointer, keyword and message.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string BuildMessage(string operation, IReadOnlyList<ValidationError> errors)
    {
        var lines = string.Join(Environment.NewLine, errors.Select(static e => "  " + e));
        return $"The request for {operation} is invalid and was not sent ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):{Environment.NewLine}{lines}";
    }
}
