using System.Collections;
using System.Runtime.CompilerServices;

namespace Batuta.Python.Runtime;

/// <summary>
/// A Python tuple of any length and element types (fixed-arity typed tuples are C# value tuples;
/// this one serves <c>tuple[T, ...]</c>, <c>*args</c> and dynamic code).
/// </summary>
public sealed class PyTuple : IReadOnlyList<object?>, ITuple, IPyObject, IPySized, IEquatable<PyTuple>, IComparable<PyTuple>, IComparable, IPyTyped
{
    private readonly object?[] _items;

    public static readonly PyTuple Empty = new(Array.Empty<object?>());

    public PyTuple(params object?[] items) => _items = items;

    public PyTuple(IEnumerable<object?> items) => _items = items.ToArray();

    public static PyTuple From(ITuple t)
    {
        var a = new object?[t.Length];
        for (int i = 0; i < a.Length; i++) a[i] = t[i];
        return new PyTuple(a);
    }

    public int Count => _items.Length;
    public int Length => _items.Length;
    public string PyTypeName => "tuple";

    public object? this[int index] => _items[index];

    public object? this[long index] => _items[Indexing.Normalize(index, _items.Length, "tuple")];

    public PyTuple Slice(long? start, long? stop, long? step = null) => new(Indexing.Slice(_items, start, stop, step));

    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public string PyRepr() => _items.Length == 1 ? "(" + Repr.Of(_items[0]) + ",)" : Repr.Sequence(_items, "(", ")");
    public string PyStr() => PyRepr();

    public bool Equals(PyTuple? other) => other is not null && _items.Length == other._items.Length && _items.Zip(other._items).All(p => Dyn.Eq(p.First, p.Second));
    public override bool Equals(object? obj) => obj is PyTuple t ? Equals(t) : obj is ITuple it && Equals(From(it));
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var x in _items) h.Add(Dyn.Hash(x));
        return h.ToHashCode();
    }

    public int CompareTo(PyTuple? other) => Dyn.Compare(this, other);
    public int CompareTo(object? obj) => Dyn.Compare(this, obj);

    public static PyTuple operator +(PyTuple a, PyTuple b) => new(a._items.Concat(b._items).ToArray());

    public bool Contains(object? x) => _items.Any(i => Dyn.Eq(i, x));

    public long Index(object? x)
    {
        for (int i = 0; i < _items.Length; i++) if (Dyn.Eq(_items[i], x)) return i;
        throw new ValueError("tuple.index(x): x not in tuple");
    }

    public long CountOf(object? x) => _items.Count(i => Dyn.Eq(i, x));

    public object?[] ToArray() => (object?[])_items.Clone();
}
