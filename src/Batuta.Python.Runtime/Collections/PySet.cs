using System.Collections;

namespace Batuta.Python.Runtime;

/// <summary>A value with a Python <c>__hash__</c>.</summary>
public interface IPyHashable
{
    long PyHash();
}

/// <summary>Non-generic view of a set.</summary>
public interface IPySet : IPySized, IEnumerable
{
    bool ContainsObject(object? item);
}

/// <summary>
/// Python's <c>set</c>, laid out as CPython's open-addressing table (same probe sequence, resize
/// points and hashes), so iteration and <c>print</c> order match CPython (strings: under PYTHONHASHSEED=0).
/// </summary>
public class PySet<T> : IPySet, IPyObject, ICollection<T>, IReadOnlyCollection<T>, IEquatable<PySet<T>>, IPyTyped
{
    private const int LinearProbes = 9;
    private const int PerturbShift = 5;

    private T[] _keys = new T[8];
    private long[] _hashes = new long[8];
    private byte[] _state = new byte[8]; // 0 empty, 1 active, 2 dummy
    private int _mask = 7;
    private int _fill, _used;

    public PySet() { }

    public PySet(IEnumerable<T> items)
    {
        if (items is PySet<T> s && items is not PyFrozenSet<T>) { Merge(s); return; }
        if (items is PyFrozenSet<T> fs) { Merge(fs); return; }
        foreach (var x in items) Add(x);
    }

    public static PySet<T> Of(params T[] items) => new(items);

    /// <summary>
    /// A set display of constants: CPython folds it into a frozenset constant (rebuilt once more when the
    /// compiler merges constants) and merges that into a new set, which decides the iteration order.
    /// </summary>
    public static PySet<T> FromConstants(params T[] items)
    {
        var folded = new PyFrozenSet<T>(items);
        var merged = new PyFrozenSet<T>(folded.ToArray());
        var s = new PySet<T>();
        s.Merge(merged);
        return s;
    }

    public int Count => _used;
    public virtual string PyTypeName => "set";
    bool ICollection<T>.IsReadOnly => false;

    private static long HashOf(T item) => Dyn.PyHashOf(item);

    private static bool KeyEquals(T a, T b) => PyComparer<T>.Default.Equals(a, b);

    public void Add(T item) => AddEntry(item, HashOf(item));

    private bool AddEntry(T key, long hash)
    {
        while (true)
        {
            int mask = _mask;
            ulong perturb = (ulong)hash;
            ulong i = (ulong)hash & (ulong)mask;
            int freeslot = -1;
            while (true)
            {
                int probes = (long)i + LinearProbes <= mask ? LinearProbes : 0;
                int e = (int)i;
                do
                {
                    if (_state[e] == 0)
                    {
                        int slot = freeslot >= 0 ? freeslot : e;
                        _keys[slot] = key;
                        _hashes[slot] = hash;
                        _state[slot] = 1;
                        _used++;
                        if (freeslot >= 0) return true;
                        _fill++;
                        if ((long)_fill * 5 < (long)mask * 3) return true;
                        Resize(_used > 50000 ? _used * 2 : _used * 4);
                        return true;
                    }
                    if (_state[e] == 1 && _hashes[e] == hash && KeyEquals(_keys[e], key)) return false;
                    if (_state[e] == 2 && freeslot < 0) freeslot = e;
                    e++;
                } while (probes-- > 0);
                perturb >>= PerturbShift;
                i = (i * 5 + 1 + perturb) & (ulong)mask;
            }
        }
    }

    private int Find(T key, long hash)
    {
        int mask = _mask;
        ulong perturb = (ulong)hash;
        ulong i = (ulong)hash & (ulong)mask;
        while (true)
        {
            int probes = (long)i + LinearProbes <= mask ? LinearProbes : 0;
            int e = (int)i;
            do
            {
                if (_state[e] == 0) return -1;
                if (_state[e] == 1 && _hashes[e] == hash && KeyEquals(_keys[e], key)) return e;
                e++;
            } while (probes-- > 0);
            perturb >>= PerturbShift;
            i = (i * 5 + 1 + perturb) & (ulong)mask;
        }
    }

    private void Resize(int minused)
    {
        int newsize = 8;
        while (newsize <= minused) newsize <<= 1;
        var oldKeys = _keys;
        var oldHashes = _hashes;
        var oldState = _state;
        _keys = new T[newsize];
        _hashes = new long[newsize];
        _state = new byte[newsize];
        _mask = newsize - 1;
        _fill = _used;
        for (int j = 0; j < oldState.Length; j++)
            if (oldState[j] == 1) InsertClean(oldKeys[j], oldHashes[j]);
    }

    private void InsertClean(T key, long hash)
    {
        ulong perturb = (ulong)hash;
        ulong i = (ulong)hash & (ulong)_mask;
        while (true)
        {
            int e = (int)i;
            if (_state[e] == 0) { Put(e, key, hash); return; }
            if ((long)i + LinearProbes <= _mask)
            {
                for (int j = 0; j < LinearProbes; j++)
                {
                    e++;
                    if (_state[e] == 0) { Put(e, key, hash); return; }
                }
            }
            perturb >>= PerturbShift;
            i = (i * 5 + 1 + perturb) & (ulong)_mask;
        }
    }

    private void Put(int e, T key, long hash)
    {
        _keys[e] = key;
        _hashes[e] = hash;
        _state[e] = 1;
    }

    /// <summary>CPython's set_merge (used by set(s), copy and update from another set).</summary>
    internal void Merge(PySet<T> other)
    {
        if ((long)(_fill + other._used) * 5 >= (long)_mask * 3) Resize((_used + other._used) * 2);
        if (_fill == 0 && _mask == other._mask && other._fill == other._used)
        {
            for (int i = 0; i <= other._mask; i++)
                if (other._state[i] == 1) Put(i, other._keys[i], other._hashes[i]);
            _fill = other._fill;
            _used = other._used;
            return;
        }
        if (_fill == 0)
        {
            _fill = _used = other._used;
            for (int i = 0; i <= other._mask; i++)
                if (other._state[i] == 1) InsertClean(other._keys[i], other._hashes[i]);
            return;
        }
        for (int i = 0; i <= other._mask; i++)
            if (other._state[i] == 1) AddEntry(other._keys[i], other._hashes[i]);
    }

    public bool Contains(T item) => Find(item, HashOf(item)) >= 0;

    public bool ContainsObject(object? item) =>
        Dyn.TryAs<T>(item, out var t) ? Contains(t)
        // a tuple carried with other element types ((long, long) for (PyInt, PyInt)): equal by value
        : item is System.Runtime.CompilerServices.ITuple ? this.Any(x => Dyn.Eq(x, item))
        : item is null && default(T) is null && Contains(default!);

    public bool Discard(T item)
    {
        int e = Find(item, HashOf(item));
        if (e < 0) return false;
        _state[e] = 2;
        _hashes[e] = -1;
        _keys[e] = default!;
        _used--;
        return true;
    }

    public void Remove(T item)
    {
        if (!Discard(item)) throw new KeyError(item);
    }

    bool ICollection<T>.Remove(T item) => Discard(item);

    public T Pop()
    {
        if (_used == 0) throw new KeyError("pop from an empty set");
        for (int i = 0; i <= _mask; i++)
            if (_state[i] == 1)
            {
                var k = _keys[i];
                Discard(k);
                return k;
            }
        throw new KeyError("pop from an empty set");
    }

    public void Clear()
    {
        _keys = new T[8];
        _hashes = new long[8];
        _state = new byte[8];
        _mask = 7;
        _fill = _used = 0;
    }

    public PySet<T> Copy()
    {
        var s = new PySet<T>();
        s.Merge(this);
        return s;
    }

    public void Update(IEnumerable<T> items)
    {
        if (items is PySet<T> s) { Merge(s); return; }
        foreach (var x in items) Add(x);
    }

    /// <summary>update(*others): the items of every iterable.</summary>
    public void Update(params IEnumerable<T>[] others)
    {
        foreach (var o in others) Update(o);
    }

    public PySet<T> Union(params IEnumerable<T>[] others)
    {
        var r = Copy();
        foreach (var o in others) r.Update(o);
        return KeepKind(r);
    }

    public PySet<T> Intersection(IEnumerable<T> other)
    {
        var r = new PySet<T>();
        var o = other as PySet<T> ?? new PySet<T>(other);
        PySet<T> small = this, large = o;
        if (o._used > _used) { }
        else { small = o; large = this; }
        for (int i = 0; i <= small._mask; i++)
            if (small._state[i] == 1 && large.Find(small._keys[i], small._hashes[i]) >= 0) r.AddEntry(small._keys[i], small._hashes[i]);
        return KeepKind(r);
    }

    public PySet<T> Difference(IEnumerable<T> other)
    {
        var o = other as PySet<T> ?? new PySet<T>(other);
        if ((_used >> 2) > o._used)
        {
            var c = Copy();
            foreach (var x in o) c.Discard(x);
            return KeepKind(c);
        }
        var r = new PySet<T>();
        for (int i = 0; i <= _mask; i++)
            if (_state[i] == 1 && o.Find(_keys[i], _hashes[i]) < 0) r.AddEntry(_keys[i], _hashes[i]);
        return KeepKind(r);
    }

    public PySet<T> SymmetricDifference(IEnumerable<T> other)
    {
        var o = other as PySet<T> ?? new PySet<T>(other);
        var r = o.Copy();
        for (int i = 0; i <= _mask; i++)
        {
            if (_state[i] != 1) continue;
            if (!r.Discard(_keys[i])) r.AddEntry(_keys[i], _hashes[i]);
        }
        return KeepKind(r);
    }

    /// <summary>A frozenset's union, intersection and differences are frozensets (a set's are sets), as in Python.</summary>
    private PySet<T> KeepKind(PySet<T> result) => this is PyFrozenSet<T> ? new PyFrozenSet<T>(result) : result;

    public void IntersectionUpdate(IEnumerable<T> other) => Replace(Intersection(other));
    public void DifferenceUpdate(IEnumerable<T> other) { foreach (var x in other.ToList()) Discard(x); }

    // intersection(*others) and its kin: each iterable in turn; none gives a copy (the _update forms change nothing)
    public PySet<T> Intersection(params IEnumerable<T>[] others) => others.Aggregate(KeepKind(Copy()), (acc, o) => acc.Intersection(o));
    public PySet<T> Difference(params IEnumerable<T>[] others) => others.Aggregate(KeepKind(Copy()), (acc, o) => acc.Difference(o));
    public void IntersectionUpdate(params IEnumerable<T>[] others) => Replace(Intersection(others));
    public void DifferenceUpdate(params IEnumerable<T>[] others) { foreach (var o in others) DifferenceUpdate(o); }
    public void SymmetricDifferenceUpdate(IEnumerable<T> other) => Replace(SymmetricDifference(other));

    private void Replace(PySet<T> s)
    {
        _keys = s._keys; _hashes = s._hashes; _state = s._state; _mask = s._mask; _fill = s._fill; _used = s._used;
    }

    public bool IsSubset(IEnumerable<T> other)
    {
        var o = other as PySet<T> ?? new PySet<T>(other);
        return this.All(o.Contains);
    }

    public bool IsSuperset(IEnumerable<T> other) => other.All(Contains);
    public bool IsDisjoint(IEnumerable<T> other) => !other.Any(Contains);

    public static PySet<T> operator |(PySet<T> a, PySet<T> b) => a.Union(b);
    public static PySet<T> operator &(PySet<T> a, PySet<T> b) => a.Intersection(b);
    public static PySet<T> operator -(PySet<T> a, PySet<T> b) => a.Difference(b);
    public static PySet<T> operator ^(PySet<T> a, PySet<T> b) => a.SymmetricDifference(b);
    public static bool operator <=(PySet<T> a, PySet<T> b) => a.IsSubset(b);
    public static bool operator >=(PySet<T> a, PySet<T> b) => a.IsSuperset(b);
    public static bool operator <(PySet<T> a, PySet<T> b) => a.Count < b.Count && a.IsSubset(b);
    public static bool operator >(PySet<T> a, PySet<T> b) => a.Count > b.Count && a.IsSuperset(b);

    public IEnumerator<T> GetEnumerator()
    {
        var keys = _keys;
        var state = _state;
        int used = _used;
        for (int i = 0; i < state.Length; i++)
        {
            if (used != _used) throw new RuntimeError("Set changed size during iteration");
            if (state[i] == 1) yield return keys[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void CopyTo(T[] array, int arrayIndex)
    {
        foreach (var x in this) array[arrayIndex++] = x;
    }

    public virtual string PyRepr() => _used == 0 ? "set()" : Repr.Sequence(this, "{", "}");
    public string PyStr() => PyRepr();
    public override string ToString() => PyRepr();

    public bool Equals(PySet<T>? other) => other is not null && other._used == _used && this.All(other.Contains);
    public override bool Equals(object? obj) => obj is PySet<T> s && Equals(s);
    public override int GetHashCode() => throw new TypeError("unhashable type: 'set'");
}

/// <summary>Python's <c>frozenset</c>: a hashable, immutable set.</summary>
public sealed class PyFrozenSet<T> : PySet<T>, IPyHashable
{
    public PyFrozenSet(IEnumerable<T> items) : base(items) { }
    public PyFrozenSet() { }
    public override string PyTypeName => "frozenset";
    public override string PyRepr() => Count == 0 ? "frozenset()" : "frozenset(" + base.PyRepr() + ")";
    public long PyHash()
    {
        ulong hash = 0;
        foreach (var x in this)
        {
            ulong h = (ulong)Dyn.PyHashOf(x);
            hash ^= ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
        }
        hash ^= ((ulong)Count + 1) * 1927868237UL;
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash * 69069U + 907133923UL;
        return (long)hash == -1 ? 590923713 : (long)hash;
    }
    public override int GetHashCode() => (int)PyHash();
}
