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

    /// <summary>Copies of every resource, oldest first.</summary>
    public List<JsonObject> Snapshot()
    {
        lock (_gate)
        {
            return _order.Select(id => (JsonObject)_items[id].DeepClone()).ToList();
        }
    }

    /// <summary>Copies of every resource with its id, oldest first (for bodies that do not carry their id).</summary>
    public List<KeyValuePair<string, JsonObject>> Entries()
    {
        lock (_gate)
        {
            return _order.Select(id => KeyValuePair.Create(id, (JsonObject)_items[id].DeepClone())).ToList();
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
