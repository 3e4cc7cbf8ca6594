using System.Text.Json.Nodes;

namespace AepFlow.Emulator.Storage;

/// <summary>One page of a list: copies of its items, whether more match after it, and (when asked) how many match.</summary>
internal readonly record struct PageResult(List<JsonObject> Items, List<string> Ids, bool HasMore, int Count);

/// <summary>What a list request asks of a collection: which items, in which order, which slice.</summary>
internal readonly record struct PageRequest(Func<JsonObject, bool>? Filter, IComparer<JsonObject>? Order, int Offset, int Limit, bool CountOnly)
{
    public static PageRequest All(Func<JsonObject, bool>? filter = null) => new(filter, null, 0, int.MaxValue, false);
}

/// <summary>
/// Pages items so that a page costs what it holds: items are matched in place and only the page is copied. Without an
/// order the walk stops one match after the page; an order sorts references to the matches, never copies of them.
/// </summary>
internal static class ListPaging
{
    /// <summary>Pages specs or other objects that carry their own <c>id</c>.</summary>
    public static PageResult Take(IEnumerable<JsonObject> items, PageRequest request) =>
        Take(items.Select(item => (JsonRead.String(item, "id") ?? string.Empty, item)), request);

    public static PageResult Take(IEnumerable<(string Id, JsonObject Item)> items, PageRequest request)
    {
        var filter = request.Filter;
        if (request.CountOnly)
        {
            return new PageResult([], [], false, filter is null ? items.Count() : items.Count(entry => filter(entry.Item)));
        }

        var result = new List<JsonObject>();
        var ids = new List<string>();
        if (request.Order is { } order)
        {
            var matching = (filter is null ? items : items.Where(entry => filter(entry.Item))).OrderBy(entry => entry.Item, order).ToList();
            for (var i = request.Offset; i < matching.Count && result.Count < request.Limit; i++)
            {
                ids.Add(matching[i].Id);
                result.Add((JsonObject)matching[i].Item.DeepClone());
            }

            return new PageResult(result, ids, request.Offset + result.Count < matching.Count, matching.Count);
        }

        var skipped = 0;
        foreach (var (id, item) in items)
        {
            if (filter is not null && !filter(item))
            {
                continue;
            }

            if (skipped < request.Offset)
            {
                skipped++;
                continue;
            }

            if (result.Count == request.Limit)
            {
                return new PageResult(result, ids, true, -1);
            }

            ids.Add(id);
            result.Add((JsonObject)item.DeepClone());
        }

        return new PageResult(result, ids, false, -1);
    }
}
