namespace AepFlow.Paging;

/// <summary>A list's sort order, rendered to Adobe's <c>orderby</c> syntax: <c>+createdAt</c> or <c>-createdAt</c>.</summary>
public sealed class OrderBy
{
    private OrderBy(string expression) => Expression = expression;

    /// <summary>The rendered value of the <c>orderby</c> query parameter.</summary>
    public string Expression { get; }

    /// <summary>Sorts by <paramref name="field"/>, smallest first.</summary>
    public static OrderBy Ascending(string field) => new("+" + Check(field));

    /// <summary>Sorts by <paramref name="field"/>, largest first.</summary>
    public static OrderBy Descending(string field) => new("-" + Check(field));

    /// <inheritdoc />
    public override string ToString() => Expression;

    private static string Check(string field)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        if (!field.All(static ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_'))
        {
            throw new ArgumentException($"'{field}' is not a sortable property name.", nameof(field));
        }

        return field;
    }
}
