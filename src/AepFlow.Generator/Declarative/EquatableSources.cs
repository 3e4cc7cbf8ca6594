using System.Collections.Generic;
using System.Linq;

namespace AepFlow.Generator.Declarative;

/// <summary>Hint name → source pairs with value equality, so the incremental pipeline can cache generated output.</summary>
internal sealed class EquatableSources : List<KeyValuePair<string, string>>
{
    public EquatableSources(IEnumerable<KeyValuePair<string, string>> items)
        : base(items)
    {
    }

    public override bool Equals(object? obj) =>
        obj is EquatableSources other && Count == other.Count && this.Zip(other, (a, b) => a.Key == b.Key && a.Value == b.Value).All(x => x);

    public override int GetHashCode()
    {
        int hash = 17;
        foreach (var item in this)
        {
            hash = (hash * 31) + item.Key.GetHashCode();
        }

        return hash;
    }
}
