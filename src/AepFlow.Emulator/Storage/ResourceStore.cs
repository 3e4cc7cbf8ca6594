using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace AepFlow.Emulator.Storage;

/// <summary>
/// Created resources, held in memory and partitioned by sandbox: a flow created in <c>dev</c> does not exist in <c>prod</c>.
/// Each collection (flows, connections, mappingSets…) locks on its own, so callers may read one collection while
/// updating another.
/// </summary>
internal sealed class ResourceStore
{
    private readonly ConcurrentDictionary<(string Sandbox, string Collection), ResourceCollection> _collections = new();

    public ResourceCollection Collection(string sandbox, string collection) =>
        _collections.GetOrAdd((sandbox.ToLowerInvariant(), collection), static _ => new ResourceCollection());

    /// <summary>Forgets every resource in every sandbox.</summary>
    public void Clear() => _collections.Clear();

    /// <summary>The sandboxes holding a collection of this name, with it (for the run simulator and the dashboard).</summary>
    public IEnumerable<(string Sandbox, ResourceCollection Items)> All(string collection) =>
        _collections.Where(pair => pair.Key.Collection == collection).Select(pair => (pair.Key.Sandbox, pair.Value));

    /// <summary>Sandboxes that hold anything.</summary>
    public IEnumerable<string> Sandboxes => _collections.Keys.Select(key => key.Sandbox).Distinct(StringComparer.Ordinal);
}

/// <summary>The resources of one kind in one sandbox, in creation order. Bodies go in and come out as copies.</summary>
internal sealed class ResourceCollection
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _items = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _order = [];

    public void Add(string id, JsonObject body)
    {
        lock (_gate)
        {
            _items.Add(id, (JsonObject)body.DeepClone());
            _order.Add(id);
        }
    }

    public bool TryGet(string id, out JsonObject body)
    {
        lock (_gate)
        {
            if (_items.TryGetValue(id, out var stored))
            {
                body = (JsonObject)stored.DeepClone();
                return true;
            }
        }

        body = null!;
        return false;
    }

    public bool Contains(string id)
    {
        lock (_gate)
        {
            return _items.ContainsKey(id);
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>One page of the resources, oldest first unless ordered; only the page is copied.</summary>
    public PageResult Page(PageRequest request)
    {
        lock (_gate)
        {
            return ListPaging.Take(Stored(), request);
        }
    }

    /// <summary>Copies of every resource, oldest first (for small collections and the dashboard).</summary>
    public List<JsonObject> Snapshot() => Page(PageRequest.All()).Items;

    /// <summary>A copy of the first resource that matches, oldest first.</summary>
    public JsonObject? Find(Func<JsonObject, bool> match) => Page(new PageRequest(match, null, 0, 1, false)).Items.FirstOrDefault();

    private IEnumerable<(string Id, JsonObject Item)> Stored()
    {
        foreach (var id in _order)
        {
            yield return (id, _items[id]);
        }
    }

    /// <summary>
    /// Runs <paramref name="update"/> on a copy of the resource while holding the collection's lock, so two concurrent
    /// PATCHes with the same etag cannot both win. The update returns the replacement body, or an error to send instead.
    /// </summary>
    public UpdateOutcome Update(string id, Func<JsonObject, (JsonObject? Replacement, IResult? Error)> update)
    {
        lock (_gate)
        {
            if (!_items.TryGetValue(id, out var stored))
            {
                return new UpdateOutcome(false, null, null);
            }

            var (replacement, error) = update((JsonObject)stored.DeepClone());
            if (error is not null || replacement is null)
            {
                return new UpdateOutcome(true, null, error);
            }

            _items[id] = (JsonObject)replacement.DeepClone();
            return new UpdateOutcome(true, replacement, null);
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            if (!_items.Remove(id))
            {
                return false;
            }

            _order.RemoveAll(existing => string.Equals(existing, id, StringComparison.OrdinalIgnoreCase));
            return true;
        }
    }
}

/// <summary>What <see cref="ResourceCollection.Update"/> did.</summary>
internal readonly record struct UpdateOutcome(bool Found, JsonObject? Updated, IResult? Error);
