using System.Collections;

namespace Batuta.Python.Runtime;

/// <summary>
/// <c>collections.ChainMap</c>: a view over its maps, searched first to last; writes and deletions go to the first
/// map only. Its keys come in CPython's order, each at its first occurrence reading the maps from the last to the first.
/// The maps are any dicts, seen through object, so a ChainMap is a dynamic value.
/// </summary>
public sealed class ChainMap : IPyDict, IPySetItem, IPyObject, IPyTyped
{
    public ChainMap(params object?[] maps) => Maps = maps.Length == 0 ? [new PyDict<object?, object?>()] : new PyList<object?>(maps);

    /// <summary>The maps themselves (a list the program may change, as in Python).</summary>
    public PyList<object?> Maps { get; }

    /// <summary>A ChainMap of all maps but the first.</summary>
    public ChainMap Parents => new(Maps.Skip(1).ToArray());

    public string PyTypeName => "ChainMap";

    public int Count => KeyUnion().Count;

    /// <summary>new_child(m=None): a ChainMap of m (a new dict when None) before this one's maps.</summary>
    public ChainMap NewChild(object? m = null) => new([m ?? new PyDict<object?, object?>(), .. Maps]);

    /// <summary>copy(): the first map copied, the others shared.</summary>
    public ChainMap Copy() => new([Dyn.CallMethod(First, "copy"), .. Maps.Skip(1)]);

    public PyList<object?> Keys() => new(KeyUnion());

    public PyList<object?> Values() => new(KeyUnion().Select(GetItem));

    public PyList<PyTuple> Items() => new(KeyUnion().Select(k => new PyTuple(k, GetItem(k))));

    public object? Pop(object? key)
    {
        if (!Dyn.Contains(First, key)) throw FirstMissing(key);
        var value = Dyn.GetItem(First, key);
        Dyn.DelItem(First, key);
        return value;
    }

    public object? Pop(object? key, object? @default) => Dyn.Contains(First, key) ? Pop(key) : @default;

    public object? PopItem()
    {
        if (Py.Len(First) == 0) throw new KeyError("No keys found in the first mapping.");
        return Dyn.CallMethod(First, "popitem");
    }

    public void Clear() => Dyn.CallMethod(First, "clear");

    /// <summary>update(mapping): MutableMapping's, each item set (in the first map).</summary>
    public void Update(object? other)
    {
        var items = other is IPyDict d ? d.ItemsObject().Select(kv => (kv.Key, kv.Value)) : Dyn.Iter(other).Select(Pair);
        foreach (var (k, v) in items.ToList()) PySetItem(k, v);
    }

    private static (object?, object?) Pair(object? item)
    {
        var kv = Dyn.Iter(item).ToList();
        return kv.Count == 2 ? (kv[0], kv[1]) : throw new ValueError($"dictionary update sequence element has length {kv.Count}; 2 is required");
    }

    /// <summary>setdefault(key, default=None): MutableMapping's (the key set in the first map when no map has it).</summary>
    public object? SetDefault(object? key, object? @default = null)
    {
        if (!ContainsKeyObject(key)) PySetItem(key, @default);
        return GetItem(key);
    }

    private object? First => Maps[0];

    private static KeyError FirstMissing(object? key) => new($"Key not found in the first mapping: {Repr.Of(key)}");

    /// <summary>The keys of all maps, each once, where it first occurs reading the maps from the last.</summary>
    private List<object?> KeyUnion()
    {
        var seen = new PyDict<object?, bool>();
        for (int i = Maps.Count - 1; i >= 0; i--)
            foreach (var k in Dyn.Iter(Maps[i])) seen[k] = true;
        return seen.Keys().ToList();
    }

    public object? GetItem(object? key)
    {
        foreach (var m in Maps)
            if (Dyn.Contains(m, key)) return Dyn.GetItem(m, key);
        throw new KeyError(key);
    }

    public bool ContainsKeyObject(object? key) => Maps.Any(m => Dyn.Contains(m, key));

    public IEnumerable<KeyValuePair<object?, object?>> ItemsObject() => KeyUnion().Select(k => new KeyValuePair<object?, object?>(k, GetItem(k)));

    public void DeleteObject(object? key)
    {
        if (!Dyn.Contains(First, key)) throw FirstMissing(key);
        Dyn.DelItem(First, key);
    }

    public void PySetItem(object? key, object? value) => Dyn.SetItem(First, key, value);

    public IEnumerator GetEnumerator() => KeyUnion().GetEnumerator();

    public string PyRepr() => "ChainMap(" + string.Join(", ", Maps.Select(Repr.Of)) + ")";

    public string PyStr() => PyRepr();
}
