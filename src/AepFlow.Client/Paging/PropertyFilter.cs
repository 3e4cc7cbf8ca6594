using System.Globalization;

namespace AepFlow.Paging;

/// <summary>
/// One Flow Service list filter, rendered to Adobe's <c>property</c> query syntax (<c>name==CRMToAEP</c>, <c>state!=disabled</c>,
/// <c>id==a,b</c> for IN, <c>createdAt&gt;1700000000000</c>). Several filters are ANDed by repeating <c>property</c>.
/// </summary>
public sealed class PropertyFilter
{
    private PropertyFilter(string expression) => Expression = expression;

    /// <summary>The rendered expression, the value of one <c>property</c> query parameter.</summary>
    public string Expression { get; }

    /// <summary><paramref name="field"/> equals <paramref name="value"/>.</summary>
    public static PropertyFilter Equal(string field, string value) => new(Field(field) + "==" + Value(value));

    /// <summary><paramref name="field"/> differs from <paramref name="value"/>.</summary>
    public static PropertyFilter NotEqual(string field, string value) => new(Field(field) + "!=" + Value(value));

    /// <summary><paramref name="field"/> equals any of <paramref name="values"/>.</summary>
    public static PropertyFilter In(string field, params IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.Select(Value).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("An IN filter needs at least one value.", nameof(values));
        }

        return new(Field(field) + "==" + string.Join(',', list));
    }

    /// <summary><paramref name="field"/> is greater than <paramref name="value"/> (timestamps in epoch milliseconds).</summary>
    public static PropertyFilter GreaterThan(string field, long value) =>
        new(Field(field) + ">" + value.ToString(CultureInfo.InvariantCulture));

    /// <summary><paramref name="field"/> is less than <paramref name="value"/>.</summary>
    public static PropertyFilter LessThan(string field, long value) =>
        new(Field(field) + "<" + value.ToString(CultureInfo.InvariantCulture));

    /// <summary><paramref name="field"/> is present.</summary>
    public static PropertyFilter Exists(string field) => new(Field(field));

    /// <summary><paramref name="field"/> is absent.</summary>
    public static PropertyFilter NotExists(string field) => new("!" + Field(field));

    /// <inheritdoc />
    public override string ToString() => Expression;

    // Field names are dotted JSON paths (inheritedAttributes.sourceConnections.id); operator characters would change the filter.
    private static string Field(string field)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        foreach (var ch in field)
        {
            if (!(char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '-' or '@' or '$' or ':'))
            {
                throw new ArgumentException($"'{field}' is not a property path: use letters, digits, '.', '_', '-', ':' or '@'.", nameof(field));
            }
        }

        return field;
    }

    // A comma would turn the value into an IN list and '&' would end the parameter; neither can be expressed inside one value.
    private static string Value(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0 || value.Contains(',', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A filter value must be non-empty and contain no ',' (got '{value}'); use In(...) for several values.", nameof(value));
        }

        return value;
    }
}
