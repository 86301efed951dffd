using System.Collections;
using System.Runtime.CompilerServices;

namespace Batuta.Python.Runtime;

/// <summary>
/// Base of migrated <c>class Point(tuple)</c> classes: an instance is the tuple its <c>__new__</c> made with
/// <c>tuple.__new__(cls, items)</c> (len, indexing, iteration, unpacking, + and ==, hash and ordering as a plain tuple
/// of those items), with the class's own methods and attributes on top.
/// </summary>
public abstract class PyTupleSubclass : PyObject, IReadOnlyList<object?>, ITuple, IPySized, IPyGetItem, IPyHashable, IPyOrdered, IComparable, IPyBuiltinSubclass
{
    private PyTuple _items = PyTuple.Empty;

    /// <summary>The items as a plain tuple (what a slice, + and tuple's methods give).</summary>
    public PyTuple TupleValue => _items;

    object IPyBuiltinSubclass.BuiltinValue => _items;

    /// <summary><c>tuple.__new__(cls, iterable)</c> on the fresh instance of cls: its items are the iterable's.</summary>
    public static T Create<T>(T instance, object? iterable) where T : PyTupleSubclass
    {
        instance._items = iterable is PyTuple t ? t : new PyTuple(Dyn.Iter(iterable).ToArray());
        return instance;
    }

    public int Count => _items.Count;
    public int Length => _items.Count;
    public object? this[int index] => _items[index];

    public object? PyGetItem(object? key) => Dyn.GetItem(_items, key);

    public IEnumerator<object?> GetEnumerator() => _items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string PyRepr() => _items.PyRepr();

    public override bool Equals(object? obj) => _items.Equals(obj is PyTupleSubclass s ? s._items : obj);
    public override int GetHashCode() => _items.GetHashCode();
    public long PyHash() => Dyn.PyHashOf(_items);

    public int PyCompare(object? other) => Dyn.Compare(_items, other is PyTupleSubclass s ? s._items : other);
    public int CompareTo(object? obj) => PyCompare(obj);
}
