using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AepFlow.Emulator.Storage;
using Microsoft.AspNetCore.WebUtilities;

namespace AepFlow.Emulator.Listing;

/// <summary>
/// The list parameters Flow Service accepts: <c>property</c> filters (repeat to AND), <c>orderby=+field|-field</c>,
/// <c>limit</c>, <c>continuationToken</c> and <c>count=true</c>.
/// </summary>
internal sealed class ListQuery
{
    private const string TokenPrefix = "aepflow-emulator:";

    private ListQuery(IReadOnlyList<PropertyFilter> filters, string[]? orderBy, bool descending, int limit, int offset, bool count)
    {
        Filters = filters;
        OrderBy = orderBy;
        Descending = descending;
        Limit = limit;
        Offset = offset;
        Count = count;
    }

    public IReadOnlyList<PropertyFilter> Filters { get; }

    public string[]? OrderBy { get; }

    public bool Descending { get; }

    public int Limit { get; }

    public int Offset { get; }

    public bool Count { get; }

    public static bool TryParse(IQueryCollection query, int defaultLimit, out ListQuery listQuery, out string? error)
    {
        listQuery = null!;
        error = null;
        var filters = new List<PropertyFilter>();
        foreach (var text in query["property"])
        {
            if (!PropertyFilter.TryParse(text ?? string.Empty, out var filter, out error))
            {
                return false;
            }

            filters.Add(filter);
        }

        string[]? orderBy = null;
        var descending = false;
        var order = query["orderby"].ToString();
        if (order.Length > 0)
        {
            // An unencoded '+' arrives as a space, so a leading space means ascending too.
            descending = order.StartsWith('-');
            var field = order.TrimStart('+', '-', ' ');
            if (field.Length == 0)
            {
                error = "'orderby' needs a field name, e.g. orderby=-createdAt.";
                return false;
            }

            orderBy = field.Split('.');
        }

        var limit = defaultLimit;
        var limitText = query["limit"].ToString();
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            error = $"'limit' must be a positive integer, not '{limitText}'.";
            return false;
        }

        var offset = 0;
        var token = query["continuationToken"].ToString();
        if (token.Length > 0 && !TryReadToken(token, out offset))
        {
            error = "'continuationToken' is not a token this service issued.";
            return false;
        }

        var countText = query["count"].ToString();
        var count = countText.Length > 0 && bool.TryParse(countText, out var c) && c;
        listQuery = new ListQuery(filters, orderBy, descending, limit, offset, count);
        return true;
    }

    /// <summary>
    /// Filters, orders and pages the items <paramref name="source"/> holds into Flow Service's list body:
    /// <c>{"items":[...],"_links":{"next":{"href":...}}}</c>, or <c>{"count":N}</c> when <c>count=true</c>.
    /// Only the page is copied out of the source.
    /// </summary>
    public JsonObject Apply(Func<PageRequest, PageResult> source, HttpRequest request, string collectionName = "items")
    {
        Func<JsonObject, bool>? filter = Filters.Count == 0 ? null : item => Filters.All(f => f.Matches(item));
        IComparer<JsonObject>? order = OrderBy is { } path ? new ItemComparer(path, Descending) : null;
        var page = source(new PageRequest(filter, order, Offset, Limit, Count));
        if (Count)
        {
            return new JsonObject { ["count"] = page.Count };
        }

        var items = new JsonArray();
        foreach (var item in page.Items)
        {
            items.Add(item);
        }

        var body = new JsonObject { [collectionName] = items };
        var links = new JsonObject();
        if (page.HasMore)
        {
            links["next"] = new JsonObject { ["href"] = NextHref(request, Offset + Limit) };
        }

        body["_links"] = links;
        return body;
    }

    private string NextHref(HttpRequest request, int nextOffset)
    {
        // Keep the caller's filters and limit; swap in the next token. The href is a path from the host root.
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var (key, values) in request.Query)
        {
            if (key is "continuationToken" or "count" || key == "limit")
            {
                continue;
            }

            foreach (var value in values)
            {
                pairs.Add(new(key, value));
            }
        }

        pairs.Add(new("limit", Limit.ToString(CultureInfo.InvariantCulture)));
        pairs.Add(new("continuationToken", WriteToken(nextOffset)));
        return QueryHelpers.AddQueryString(request.PathBase.Add(request.Path).ToString(), pairs);
    }

    private static string WriteToken(int offset) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(TokenPrefix + offset.ToString(CultureInfo.InvariantCulture)));

    private static bool TryReadToken(string token, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
            return text.StartsWith(TokenPrefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(TokenPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Orders items by the value at a dotted path: numbers numerically, other scalars by text, missing values last.</summary>
    private sealed class ItemComparer(string[] path, bool descending) : IComparer<JsonObject>
    {
        public int Compare(JsonObject? left, JsonObject? right)
        {
            var x = left is null ? null : PropertyFilter.Resolve(left, path);
            var y = right is null ? null : PropertyFilter.Resolve(right, path);
            var a = x is JsonValue xv ? PropertyFilter.ScalarText(xv) : null;
            var b = y is JsonValue yv ? PropertyFilter.ScalarText(yv) : null;
            if (a is null || b is null)
            {
                return a is null ? (b is null ? 0 : 1) : -1;
            }

            var order = decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var na)
                && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var nb)
                ? na.CompareTo(nb)
                : string.CompareOrdinal(a, b);
            return descending ? -order : order;
        }
    }
}
