#pragma warning disable CS8714 // Python allows None keys; Batuta maps them to null
using System.Collections;

namespace Batuta.Python.Runtime;

/// <summary>Non-generic view of a dict, for dynamic code and repr.</summary>
public interface IPyDict : IPySized, IEnumerable
{
    IEnumerable<KeyValuePair<object?, object?>> ItemsObject();
    object? GetItem(object? key);
    bool ContainsKeyObject(object? key);

    /// <summary><c>del d[key]</c> with a dynamic key.</summary>
    void DeleteObject(object? key);
}

/// <summary>
/// Python's <c>dict</c>: insertion-ordered (also across deletions), Python key equality, Python repr,
/// <c>KeyError</c> on a missing key.
/// </summary>
public class PyDict<TKey, TValue> : IPyDict, IPyObject, IEnumerable<TKey>, IEquatable<PyDict<TKey, TValue>>, IPyTyped
{
    private readonly Dictionary<TKey, int> _index;
    private TKey[] _keys = new TKey[4];
    private TValue[] _values = new TValue[4];
    private bool[] _alive = new bool[4];
    private int _used;   // slots used (including deleted)
    private int _count;
    private int _noneSlot = -1; // the slot of the key None: Dictionary rejects a null key

    private bool Find(TKey key, out int slot)
    {
        if (key is null) { slot = _noneSlot; return slot >= 0; }
        return _index.TryGetValue(key, out slot);
    }

    private void SetSlot(TKey key, int slot)
    {
        if (key is null) _noneSlot = slot;
        else _index[key] = slot;
    }

    private bool RemoveSlot(TKey key, out int slot)
    {
        if (key is not null) return _index.Remove(key, out slot);
        slot = _noneSlot;
        _noneSlot = -1;
        return slot >= 0;
    }

    public PyDict() => _index = new Dictionary<TKey, int>(PyComparer<TKey>.Default);

    public PyDict(IEnumerable<KeyValuePair<TKey, TValue>> items) : this()
    {
        foreach (var kv in items) this[kv.Key] = kv.Value;
    }

    public PyDict(IEnumerable<(TKey, TValue)> items) : this()
    {
        foreach (var (k, v) in items) this[k] = v;
    }

    public int Count => _count;
    public virtual string PyTypeName => "dict";

    /// <summary>Called on a missing key by <c>d[key]</c>; defaultdict and Counter override it.</summary>
    protected virtual TValue Missing(TKey key) => throw new KeyError(key);

    public TValue this[TKey key]
    {
        get => Find(key, out int i) ? _values[i] : Missing(key);
        set
        {
            if (Find(key, out int i)) { _values[i] = value; return; }
            if (_used == _keys.Length) Compact(Math.Max(4, _count * 2 + 2));
            _keys[_used] = key;
            _values[_used] = value;
            _alive[_used] = true;
            SetSlot(key, _used++);
            _count++;
        }
    }

    private void Compact(int capacity)
    {
        var keys = new TKey[capacity];
        var values = new TValue[capacity];
        var alive = new bool[capacity];
        int w = 0;
        for (int r = 0; r < _used; r++)
        {
            if (!_alive[r]) continue;
            keys[w] = _keys[r];
            values[w] = _values[r];
            alive[w] = true;
            SetSlot(keys[w], w);
            w++;
        }
        _keys = keys;
        _values = values;
        _alive = alive;
        _used = w;
    }

    public bool ContainsKey(TKey key) => Find(key, out _);

    public bool TryGetValue(TKey key, out TValue value)
    {
        if (Find(key, out int i)) { value = _values[i]; return true; }
        value = default!;
        return false;
    }

    public TValue? Get(TKey key) => Find(key, out int i) ? _values[i] : default;

    public TValue Get(TKey key, TValue fallback) => Find(key, out int i) ? _values[i] : fallback;

    public TValue SetDefault(TKey key, TValue value)
    {
        if (Find(key, out int i)) return _values[i];
        this[key] = value;
        return value;
    }

    public bool Remove(TKey key)
    {
        if (!RemoveSlot(key, out int i)) return false;
        _alive[i] = false;
        _keys[i] = default!;
        _values[i] = default!;
        _count--;
        return true;
    }

    /// <summary><c>del d[key]</c></summary>
    public void Delete(TKey key)
    {
        if (!Remove(key)) throw new KeyError(key);
    }

    public TValue Pop(TKey key)
    {
        if (!Find(key, out int i)) throw new KeyError(key);
        var v = _values[i];
        Remove(key);
        return v;
    }

    public TValue Pop(TKey key, TValue fallback) => TryPop(key, out var v) ? v : fallback;

    /// <summary>d.pop(k, None) where None is no value of the dict: whether k was there, and its value.</summary>
    public bool TryPop(TKey key, out TValue value)
    {
        if (!Find(key, out int i)) { value = default!; return false; }
        value = _values[i];
        Remove(key);
        return true;
    }

    public (TKey, TValue) PopItem()
    {
        for (int i = _used - 1; i >= 0; i--)
        {
            if (!_alive[i]) continue;
            var kv = (_keys[i], _values[i]);
            Remove(kv.Item1);
            return kv;
        }
        throw new KeyError("popitem(): dictionary is empty");
    }

    /// <summary><c>popitem(last=False)</c> (OrderedDict): the first item instead of the last.</summary>
    public (TKey, TValue) PopItem(bool last)
    {
        if (last) return PopItem();
        for (int i = 0; i < _used; i++)
        {
            if (!_alive[i]) continue;
            var kv = (_keys[i], _values[i]);
            Remove(kv.Item1);
            return kv;
        }
        throw new KeyError("dictionary is empty");
    }

    /// <summary><c>move_to_end(key, last=True)</c> (OrderedDict): the item goes to the end, or to the front.</summary>
    public void MoveToEnd(TKey key, bool last = true)
    {
        if (!Find(key, out int i)) throw new KeyError(key);
        var value = _values[i];
        Remove(key);
        if (last) { this[key] = value; return; }
        var rest = Items().ToList();
        Clear();
        this[key] = value;
        foreach (var (k, v) in rest) this[k] = v;
    }

    public void Clear()
    {
        _index.Clear();
        _noneSlot = -1;
        _keys = new TKey[4];
        _values = new TValue[4];
        _alive = new bool[4];
        _used = _count = 0;
    }

    public void Update(IEnumerable<KeyValuePair<TKey, TValue>> other)
    {
        foreach (var kv in other is PyDict<TKey, TValue> d ? d.Pairs().ToList() : other) this[kv.Key] = kv.Value;
    }

    public void Update(PyDict<TKey, TValue> other)
    {
        foreach (var (k, v) in other.Items().ToList()) this[k] = v;
    }

    /// <summary>update() from a dict of other key/value types ({**a, **b} into a dict typed wider than a and b).</summary>
    public void Update<TKey2, TValue2>(PyDict<TKey2, TValue2> other)
    {
        foreach (var (k, v) in other.Items().ToList()) this[Dyn.Cast<TKey>(Dyn.BoxValue(k))] = Dyn.Cast<TValue>(Dyn.BoxValue(v));
    }

    public PyDict<TKey, TValue> Copy()
    {
        var d = new PyDict<TKey, TValue>();
        foreach (var (k, v) in Items()) d[k] = v;
        return d;
    }

    public static PyDict<TKey, TValue> FromKeys(IEnumerable<TKey> keys, TValue value)
    {
        var d = new PyDict<TKey, TValue>();
        foreach (var k in keys) d[k] = value;
        return d;
    }

    public PyDictKeys<TKey, TValue> Keys() => new(this);

    public PyDictValues<TKey, TValue> Values() => new(this);

    public PyDictItems<TKey, TValue> Items() => new(this);

    internal IEnumerable<TKey> KeysInOrder()
    {
        for (int i = 0; i < _used; i++) if (_alive[i]) yield return _keys[i];
    }

    internal IEnumerable<TValue> ValuesInOrder()
    {
        for (int i = 0; i < _used; i++) if (_alive[i]) yield return _values[i];
    }

    internal IEnumerable<(TKey, TValue)> ItemsInOrder()
    {
        for (int i = 0; i < _used; i++) if (_alive[i]) yield return (_keys[i], _values[i]);
    }

    public IEnumerable<KeyValuePair<TKey, TValue>> Pairs()
    {
        for (int i = 0; i < _used; i++) if (_alive[i]) yield return new(_keys[i], _values[i]);
    }

    public IEnumerator<TKey> GetEnumerator()
    {
        int count = _count;
        for (int i = 0; i < _used; i++)
        {
            if (count != _count) throw new RuntimeError("dictionary changed size during iteration");
            if (_alive[i]) yield return _keys[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public virtual string PyRepr()
    {
        if (_count == 0) return "{}";
        var sb = new System.Text.StringBuilder("{");
        bool first = true;
        foreach (var (k, v) in Items())
        {
            if (!first) sb.Append(", ");
            first = false;
            sb.Append(Repr.Of(k)).Append(": ").Append(Repr.Of(v));
        }
        return sb.Append('}').ToString();
    }

    public string PyStr() => PyRepr();
    public override string ToString() => PyRepr();

    public bool Equals(PyDict<TKey, TValue>? other)
    {
        if (other is null || other._count != _count) return false;
        foreach (var (k, v) in Items())
            if (!other.TryGetValue(k, out var ov) || !Dyn.Eq(v, ov)) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is PyDict<TKey, TValue> d ? Equals(d) : obj is IPyDict && Dyn.Eq(this, obj);
    public override int GetHashCode() => throw new TypeError("unhashable type: 'dict'");

    public static PyDict<TKey, TValue> operator |(PyDict<TKey, TValue> a, PyDict<TKey, TValue> b)
    {
        var d = a.Copy();
        d.Update(b);
        return d;
    }

    IEnumerable<KeyValuePair<object?, object?>> IPyDict.ItemsObject()
    {
        foreach (var (k, v) in Items()) yield return new(k, v);
    }

    object? IPyDict.GetItem(object? key) => Dyn.TryAs<TKey>(key, out var k) || EqualKey(key, out k) ? this[k] : throw new KeyError(key);

    /// <summary>A key of another C# type equal to one of this dict's: a plain tuple or str among <c>class Point(tuple)</c> keys.</summary>
    private bool EqualKey(object? key, out TKey found)
    {
        // a plain value looking up keys of a tuple/str/int/float subclass (or named tuples): an equal key
        if (key is System.Runtime.CompilerServices.ITuple or string || typeof(IPyBuiltinSubclass).IsAssignableFrom(typeof(TKey)))
            foreach (var x in Keys())
                if (Dyn.Eq(x, key)) { found = x; return true; }
        found = default!;
        return false;
    }
    void IPyDict.DeleteObject(object? key)
    {
        if (!Dyn.TryAs<TKey>(key, out var k)) throw new KeyError(key);
        Delete(k);
    }

    bool IPyDict.ContainsKeyObject(object? key) =>
        Dyn.TryAs<TKey>(key, out var k) ? ContainsKey(k) : EqualKey(key, out _);
}
