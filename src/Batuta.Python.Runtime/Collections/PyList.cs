using System.Collections;
using System.Runtime.CompilerServices;

namespace Batuta.Python.Runtime;

/// <summary>Non-generic view of a list, for dynamic code.</summary>
public interface IPyList : IPySized, IEnumerable
{
    object? GetItem(long index);
    void SetItem(long index, object? value);
    void AppendObject(object? value);

    /// <summary><c>list.sort(key=..., reverse=...)</c> with a dynamic key function (None: the elements themselves).</summary>
    void SortDynamic(Func<object?, object?>? key, bool reverse);

    /// <summary><c>del l[key]</c> with a dynamic key: an index or a slice object.</summary>
    void DeleteItemOrSlice(object? key);

    /// <summary><c>l[a:b:c] = values</c> with a slice object and dynamic values.</summary>
    void SetSliceDynamic(long? start, long? stop, long? step, IEnumerable<object?> values);
}

/// <summary>
/// Python's <c>list</c> with a typed element: negative indices, slices with steps, stable sort with
/// key/reverse, Python repr and lexicographic comparison.
/// </summary>
public sealed class PyList<T> : IList<T>, IReadOnlyList<T>, IPyList, IPyObject, IEquatable<PyList<T>>, IComparable<PyList<T>>, IComparable, IPyTyped
{
    private T[] _items;
    private int _count;

    public PyList() => _items = Array.Empty<T>();

    public PyList(int capacity) => _items = capacity == 0 ? Array.Empty<T>() : new T[capacity];

    public PyList(IEnumerable<T> items)
    {
        if (items is ICollection<T> c)
        {
            _items = new T[c.Count];
            c.CopyTo(_items, 0);
            _count = _items.Length;
        }
        else
        {
            _items = Array.Empty<T>();
            foreach (var x in items) Append(x);
        }
    }

    public static PyList<T> Of(params T[] items) => new(items);

    /// <summary><c>[x] * n</c></summary>
    public static PyList<T> Repeat(T value, long n)
    {
        var l = new PyList<T>((int)Math.Max(0, n));
        if (n > 0) { Array.Fill(l._items, value, 0, (int)n); l._count = (int)n; }
        return l;
    }

    public int Count => _count;
    public string PyTypeName => "list";
    bool ICollection<T>.IsReadOnly => false;

    public Span<T> AsSpan() => _items.AsSpan(0, _count);

    public T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (uint)index < (uint)_count ? _items[index] : _items[Indexing.Normalize(index, _count)];
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set
        {
            if ((uint)index < (uint)_count) _items[index] = value;
            else _items[Indexing.Normalize(index, _count, "list assignment")] = value;
        }
    }

    public T this[long index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (ulong)index < (ulong)_count ? _items[index] : _items[Indexing.Normalize(index, _count)];
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set
        {
            if ((ulong)index < (ulong)_count) _items[index] = value;
            else _items[Indexing.Normalize(index, _count, "list assignment")] = value;
        }
    }

    public T this[PyInt index]
    {
        get => this[index.AsIndex];
        set => this[index.AsIndex] = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(T item)
    {
        if (_count == _items.Length) Grow(_count + 1);
        _items[_count++] = item;
    }

    private void Grow(int min)
    {
        int cap = Math.Max(min, _items.Length == 0 ? 4 : _items.Length * 2);
        Array.Resize(ref _items, cap);
    }

    public void Extend(IEnumerable<T> items)
    {
        if (ReferenceEquals(items, this)) items = ToArray();
        if (items is ICollection<T> c)
        {
            if (_count + c.Count > _items.Length) Grow(_count + c.Count);
            c.CopyTo(_items, _count);
            _count += c.Count;
            return;
        }
        foreach (var x in items) Append(x);
    }

    public void Insert(long index, T item)
    {
        long i = index < 0 ? Math.Max(0, index + _count) : Math.Min(index, _count);
        if (_count == _items.Length) Grow(_count + 1);
        Array.Copy(_items, i, _items, i + 1, _count - i);
        _items[i] = item;
        _count++;
    }

    void IList<T>.Insert(int index, T item) => Insert(index, item);

    public T Pop() => _count == 0 ? throw new IndexError("pop from empty list") : PopAt(_count - 1);

    public T Pop(long index)
    {
        if (_count == 0) throw new IndexError("pop from empty list");
        long i = index < 0 ? index + _count : index;
        if ((ulong)i >= (ulong)_count) throw new IndexError("pop index out of range");
        return PopAt((int)i);
    }

    private T PopAt(int i)
    {
        var v = _items[i];
        _count--;
        if (i < _count) Array.Copy(_items, i + 1, _items, i, _count - i);
        _items[_count] = default!;
        return v;
    }

    public void Remove(T item)
    {
        int i = IndexOfItem(item);
        if (i < 0) throw new ValueError("list.remove(x): x not in list");
        PopAt(i);
    }

    bool ICollection<T>.Remove(T item)
    {
        int i = IndexOfItem(item);
        if (i < 0) return false;
        PopAt(i);
        return true;
    }

    public void RemoveAt(int index) => PopAt(Indexing.Normalize(index, _count, "list assignment"));

    public void Delete(long index) => PopAt(Indexing.Normalize(index, _count, "list assignment"));

    /// <summary><c>del l[key]</c> with a key a user <c>__delitem__</c> was given: an index or a slice object.</summary>
    public void DeleteItemOrSlice(object? key)
    {
        if (key is PySlice slice)
        {
            var (start, stop, step) = slice.Bounds();
            DeleteSlice(start, stop, step);
        }
        else Delete((long)Dyn.Cast<PyInt>(key));
    }

    public void DeleteSlice(long? start, long? stop, long? step = null)
    {
        var (s, _, st, len) = Indexing.Adjust(start, stop, step, _count);
        if (len == 0) return;
        var keep = new bool[_count];
        Array.Fill(keep, true);
        for (int i = 0, j = s; i < len; i++, j += st) keep[j] = false;
        int w = 0;
        for (int r = 0; r < _count; r++) if (keep[r]) _items[w++] = _items[r];
        Array.Clear(_items, w, _count - w);
        _count = w;
    }

    private int IndexOfItem(T item)
    {
        var cmp = PyComparer<T>.Default;
        for (int i = 0; i < _count; i++) if (cmp.Equals(_items[i], item)) return i;
        return -1;
    }

    public int IndexOf(T item) => IndexOfItem(item);

    public long Index(T item, long start = 0, long? stop = null)
    {
        var (s, e, _, _) = Indexing.Adjust(start, stop, 1, _count);
        var cmp = PyComparer<T>.Default;
        for (int i = s; i < e; i++) if (cmp.Equals(_items[i], item)) return i;
        throw new ValueError($"{Repr.Of(item)} is not in list");
    }

    public long CountOf(T item)
    {
        var cmp = PyComparer<T>.Default;
        long n = 0;
        for (int i = 0; i < _count; i++) if (cmp.Equals(_items[i], item)) n++;
        return n;
    }

    public bool Contains(T item) => IndexOfItem(item) >= 0;

    public void Clear()
    {
        Array.Clear(_items, 0, _count);
        _count = 0;
    }

    public PyList<T> Copy() => new(AsSpan().ToArray());

    public void Reverse() => Array.Reverse(_items, 0, _count);

    public T[] ToArray() => AsSpan().ToArray();

    public void CopyTo(T[] array, int arrayIndex) => Array.Copy(_items, 0, array, arrayIndex, _count);

    /// <summary><c>list.sort(key=..., reverse=...)</c>: stable, as CPython's timsort.</summary>
    public void Sort(bool reverse = false) => SortBy<T>(Identity, reverse);

    private static T Identity(T x) => x;

    public void Sort<TKey>(Func<T, TKey> key, bool reverse = false) => SortBy(key, reverse);

    void IPyList.SetSliceDynamic(long? start, long? stop, long? step, IEnumerable<object?> values) =>
        SetSlice(start, stop, step, values.Select(Dyn.Cast<T>));

    void IPyList.SortDynamic(Func<object?, object?>? key, bool reverse)
    {
        if (key is null) Sort(reverse);
        else SortBy(x => key(x), reverse);
    }

    private static void ThrowFirstIncomparablePair<TKey>(TKey[] keys, PyComparer<TKey> cmp)
    {
        for (int i = 1; i < keys.Length; i++) _ = cmp.Compare(keys[i], keys[i - 1]);
    }

    private void SortBy<TKey>(Func<T, TKey> key, bool reverse)
    {
        if (_count < 2) return;
        if (reverse) Array.Reverse(_items, 0, _count);
        var keys = new TKey[_count];
        for (int i = 0; i < _count; i++) keys[i] = key(_items[i]);
        // reverse=True is "reverse, stable ascending sort, reverse", as CPython does it.
        var order = StableOrder(keys);
        var sorted = new T[_count];
        for (int i = 0; i < _count; i++) sorted[i] = _items[order[i]];
        Array.Copy(sorted, _items, _count);
        if (reverse) Array.Reverse(_items, 0, _count);
    }

    /// <summary>The indices of the keys in stable ascending order, with Python's comparisons and their exceptions.</summary>
    private static int[] StableOrder<TKey>(TKey[] keys)
    {
        var order = new int[keys.Length];
        for (int i = 0; i < keys.Length; i++) order[i] = i;
        var cmp = PyComparer<TKey>.Default;
        try
        {
            Array.Sort(order, (a, b) => { int c = cmp.Compare(keys[a], keys[b]); return c != 0 ? c : a.CompareTo(b); });
        }
        catch (InvalidOperationException e) when (e.InnerException is not null)
        {
            // CPython's timsort first compares neighbours, later < earlier: the first pair that cannot be compared
            // names its types in that order ("'<' not supported between instances of 'str' and 'int'").
            if (e.InnerException is TypeError) ThrowFirstIncomparablePair(keys, cmp);
            // Array.Sort wraps what a comparison raised (a ValueError in __lt__): Python sees the original.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
        return order;
    }

    public PyList<T> Slice(long? start, long? stop, long? step = null)
    {
        var (s, _, st, len) = Indexing.Adjust(start, stop, step, _count);
        var items = len == 0 ? Array.Empty<T>() : new T[len];
        if (st == 1) Array.Copy(_items, s, items, 0, len);
        else for (int i = 0, j = s; i < len; i++, j += st) items[i] = _items[j];
        return new PyList<T>(items, len);
    }

    /// <summary>
    /// <c>target = source[:]</c> where the transpiler proved nothing else refers to the list in target: the copy goes
    /// into target's storage (a new list when target is None).
    /// </summary>
    public static PyList<T> CopyInto(PyList<T>? target, PyList<T> source)
    {
        if (target is null) return source.Slice(null, null, null);
        if (ReferenceEquals(target, source)) return target;
        int n = source._count;
        if (target._items.Length < n) target._items = new T[n];
        Array.Copy(source._items, target._items, n);
        if (target._count > n) Array.Clear(target._items, n, target._count - n);
        target._count = n;
        return target;
    }

    /// <summary>A list that takes ownership of <paramref name="items"/> (no copy).</summary>
    private PyList(T[] items, int count)
    {
        _items = items;
        _count = count;
    }

    public void SetSlice(long? start, long? stop, long? step, IEnumerable<T> values)
    {
        var vals = values.ToArray();
        var (s, e, st, len) = Indexing.Adjust(start, stop, step, _count);
        if (st == 1)
        {
            if (e < s) e = s;
            int removed = e - s;
            int newCount = _count - removed + vals.Length;
            var next = new T[Math.Max(newCount, 4)];
            Array.Copy(_items, 0, next, 0, s);
            Array.Copy(vals, 0, next, s, vals.Length);
            Array.Copy(_items, e, next, s + vals.Length, _count - e);
            _items = next;
            _count = newCount;
            return;
        }
        if (vals.Length != len) throw new ValueError($"attempt to assign sequence of size {vals.Length} to extended slice of size {len}");
        for (int i = 0, j = s; i < len; i++, j += st) _items[j] = vals[i];
    }

    public static PyList<T> operator +(PyList<T> a, PyList<T> b)
    {
        var r = new PyList<T>(a._count + b._count);
        Array.Copy(a._items, r._items, a._count);
        Array.Copy(b._items, 0, r._items, a._count, b._count);
        r._count = a._count + b._count;
        return r;
    }

    public static PyList<T> operator *(PyList<T> a, long n)
    {
        if (n <= 0 || a._count == 0) return new PyList<T>();
        if (a._count == 1) return Repeat(a._items[0], n);
        var r = new PyList<T>((int)(a._count * n));
        for (long i = 0; i < n; i++) Array.Copy(a._items, 0, r._items, i * a._count, a._count);
        r._count = (int)(a._count * n);
        return r;
    }

    public static PyList<T> operator *(PyList<T> a, PyInt n) => a * (long)n;

    public Enumerator GetEnumerator() => new(this);
    IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);
    IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

    /// <summary>Like CPython's list iterator: sees appends made during the loop.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        private readonly PyList<T> _list;
        private int _index;

        internal Enumerator(PyList<T> list)
        {
            _list = list;
            _index = -1;
        }

        public readonly T Current => _list._items[_index];
        readonly object? IEnumerator.Current => Current;
        public bool MoveNext() => ++_index < _list._count;
        public void Reset() => _index = -1;
        public readonly void Dispose() { }
    }

    public string PyRepr() => Repr.Sequence(this, "[", "]");
    public string PyStr() => PyRepr();
    public override string ToString() => PyRepr();

    public bool Equals(PyList<T>? other)
    {
        if (other is null || other._count != _count) return false;
        var cmp = PyComparer<T>.Default;
        for (int i = 0; i < _count; i++) if (!cmp.Equals(_items[i], other._items[i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is PyList<T> l ? Equals(l) : obj is IPyList && Dyn.Eq(this, obj);
    public override int GetHashCode() => throw new TypeError("unhashable type: 'list'");

    public int CompareTo(PyList<T>? other)
    {
        if (other is null) return 1;
        var cmp = PyComparer<T>.Default;
        int n = Math.Min(_count, other._count);
        for (int i = 0; i < n; i++)
        {
            if (cmp.Equals(_items[i], other._items[i])) continue;
            return cmp.Compare(_items[i], other._items[i]);
        }
        return _count.CompareTo(other._count);
    }

    public int CompareTo(object? obj) => obj is PyList<T> l ? CompareTo(l) : Dyn.Compare(this, obj);

    object? IPyList.GetItem(long index) => this[index];
    void IPyList.SetItem(long index, object? value) => this[index] = Dyn.Cast<T>(value);
    void IPyList.AppendObject(object? value) => Append(Dyn.Cast<T>(value));
    public void Add(T item) => Append(item);
}
