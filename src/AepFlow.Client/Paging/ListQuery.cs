using AepFlow.Http;

namespace AepFlow.Paging;

/// <summary>Filters, order and page size of a list call. Filters are ANDed.</summary>
/// <example><code>ListQuery.Where(PropertyFilter.Equal("name", "CRMToAEP")).OrderedBy(OrderBy.Descending("createdAt"))</code></example>
public sealed record ListQuery
{
    /// <summary>The filters, each sent as one <c>property</c> parameter.</summary>
    public IReadOnlyList<PropertyFilter> Filters { get; init; } = [];

    /// <summary>The order, sent as <c>orderby</c>.</summary>
    public OrderBy? Order { get; init; }

    /// <summary>How many items each page holds, sent as <c>limit</c>; the service's default when <see langword="null"/>.</summary>
    public int? PageSize { get; init; }

    /// <summary>A query with <paramref name="filters"/>.</summary>
    public static ListQuery Where(params PropertyFilter[] filters) => new() { Filters = filters };

    /// <summary>This query with another filter ANDed.</summary>
    public ListQuery And(PropertyFilter filter) => this with { Filters = [.. Filters, filter] };

    /// <summary>This query sorted by <paramref name="order"/>.</summary>
    public ListQuery OrderedBy(OrderBy order) => this with { Order = order };

    /// <summary>This query with pages of <paramref name="pageSize"/> items.</summary>
    public ListQuery WithPageSize(int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        return this with { PageSize = pageSize };
    }

    /// <summary>Adds the query's parameters to <paramref name="request"/>.</summary>
    public AepRequest ApplyTo(AepRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var filter in Filters)
        {
            request.AddQuery("property", filter.Expression);
        }

        request.AddQuery("orderby", Order?.Expression);
        request.AddQuery("limit", PageSize);
        return request;
    }
}
