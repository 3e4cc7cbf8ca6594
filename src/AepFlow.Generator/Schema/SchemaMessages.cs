using System.Globalization;

namespace AepFlow.Generator.Schema;

/// <summary>
/// The one wording of a failed keyword. The generated validators (<c>ValidatorEmitter</c>, for spec models and OpenAPI DTOs
/// alike) and the build-time evaluator all say it this way, so a value reads the same at
/// build time and at run time. Callers add the condition (" when …") and the evaluator its ", not …". Roslyn-free.
/// </summary>
internal static class SchemaMessages
{
    public static string MinLength(string subject, int count) =>
        count == 1 ? subject + " must not be empty" : subject + " must be at least " + Count(count) + " characters long";

    public static string MaxLength(string subject, int count) => subject + " must be at most " + Count(count) + " " + Plural(count, "character") + " long";

    public static string Minimum(string subject, double bound) => subject + " must be at least " + Number(bound);

    public static string Maximum(string subject, double bound) => subject + " must be at most " + Number(bound);

    public static string ExclusiveMinimum(string subject, double bound) => subject + " must be greater than " + Number(bound);

    public static string ExclusiveMaximum(string subject, double bound) => subject + " must be less than " + Number(bound);

    public static string MinItems(string subject, int count) => subject + " must have at least " + Count(count) + " " + Plural(count, "item");

    public static string MaxItems(string subject, int count) => subject + " must have at most " + Count(count) + " " + Plural(count, "item");

    /// <summary><paramref name="shown"/>: the allowed values as the message lists them.</summary>
    public static string Enum(string subject, string shown) => subject + " must be one of: " + shown;

    public static string Required(string name) => name + " is required";

    /// <summary>A bound as messages show it: shortest round-trip form, invariant culture.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";
}
