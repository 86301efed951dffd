#pragma warning disable CS8714 // Python allows None keys; Batuta maps them to null
using System.Collections;
using System.Runtime.CompilerServices;

namespace Batuta.Python.Runtime;

/// <summary>
/// d.keys(), d.values() and d.items(): live views of the dict, with len() and CPython's repr
/// (<c>dict_keys(['a', 'b'])</c>).
/// </summary>
public abstract class PyDictView<T> : IEnumerable<T>, IPyObject, IPySized, IPyTyped
{
    public abstract int Count { get; }
    public abstract string PyTypeName { get; }
    public abstract IEnumerator<T> GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string PyRepr() => PyTypeName + "(" + Repr.Sequence(this, "[", "]") + ")";
    public string PyStr() => PyRepr();
    public override string ToString() => PyRepr();
}

/// <summary>
/// The set-like views (keys and items): <c>in</c>, isdisjoint, and, as a set, the set operators, comparisons and
/// equality of the dynamic paths.
/// </summary>
public abstract class PySetLikeView<T> : PyDictView<T>, IPySet, IPySetLikeView
{
    public abstract bool Contains(T item);
    public abstract bool ContainsObject(object? item);
    public bool IsDisjoint(IEnumerable<T> other) => !other.Any(Contains);
}

/// <summary>dict_keys and dict_items: their set operators take any iterable on the other side (<c>d.keys() | other_dict</c>).</summary>
public interface IPySetLikeView;

public sealed class PyDictKeys<TKey, TValue> : PySetLikeView<TKey>
{
    private readonly PyDict<TKey, TValue> _dict;

    internal PyDictKeys(PyDict<TKey, TValue> dict) => _dict = dict;

    public override int Count => _dict.Count;
    public override string PyTypeName => "dict_keys";
    public override IEnumerator<TKey> GetEnumerator() => _dict.KeysInOrder().GetEnumerator();
    public override bool Contains(TKey item) => _dict.ContainsKey(item);
    public override bool ContainsObject(object? item) => ((IPyDict)_dict).ContainsKeyObject(item);
}

public sealed class PyDictValues<TKey, TValue> : PyDictView<TValue>
{
    private readonly PyDict<TKey, TValue> _dict;

    internal PyDictValues(PyDict<TKey, TValue> dict) => _dict = dict;

    public override int Count => _dict.Count;
    public override string PyTypeName => "dict_values";
    public override IEnumerator<TValue> GetEnumerator() => _dict.ValuesInOrder().GetEnumerator();
}

public sealed class PyDictItems<TKey, TValue> : PySetLikeView<(TKey, TValue)>
{
    private readonly PyDict<TKey, TValue> _dict;

    internal PyDictItems(PyDict<TKey, TValue> dict) => _dict = dict;

    public override int Count => _dict.Count;
    public override string PyTypeName => "dict_items";
    public override IEnumerator<(TKey, TValue)> GetEnumerator() => _dict.ItemsInOrder().GetEnumerator();
    public override bool Contains((TKey, TValue) item) => _dict.TryGetValue(item.Item1, out var v) && Dyn.Eq(v, item.Item2);

    public override bool ContainsObject(object? item) =>
        item is ITuple { Length: 2 } pair && _dict is IPyDict d && d.ContainsKeyObject(pair[0]) && Dyn.Eq(d.GetItem(pair[0]), pair[1]);
}
