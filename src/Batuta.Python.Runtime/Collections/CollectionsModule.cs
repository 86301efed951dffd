using System.Collections;

namespace Batuta.Python.Runtime;

// One marker per collections class, whatever its type arguments, for isinstance(x, Counter) and the like.
public interface IPyCounter { }
public interface IPyDeque { long? MaxLen { get; } }
public interface IPyDefaultDict { string FactoryRepr { get; } }
public interface IPyOrderedDict { }

/// <summary><c>collections.defaultdict</c>: a dict whose missing keys get a value from the factory.</summary>
/// <summary><c>collections.OrderedDict</c>: a dict (insertion-ordered already) with OrderedDict's repr; popitem(last) and move_to_end are on PyDict.</summary>
public sealed class OrderedDict<TKey, TValue> : PyDict<TKey, TValue>, Modules.IPyKeywordMethods, IPyOrderedDict
{
    public OrderedDict() { }

    /// <summary>popitem(last=False) and move_to_end(key, last=False) on an OrderedDict seen as object.</summary>
    object? Modules.IPyKeywordMethods.CallMethod(string name, object?[] args, PyDict<string, object?> kwargs)
    {
        bool last = kwargs.TryGetValue("last", out var l) ? Py.Truth(l) : args.Length > (name == "popitem" ? 0 : 1) ? Py.Truth(args[^1]) : true;
        switch (name)
        {
            case "popitem":
                var (k, v) = PopItem(last);
                return new PyTuple(Dyn.BoxValue(k), Dyn.BoxValue(v));
            case "move_to_end":
                MoveToEnd(Dyn.Cast<TKey>(args[0]), last);
                return null;
        }
        if (kwargs.Count > 0) throw new TypeError($"{name}() got keyword arguments Batuta cannot pass to 'OrderedDict'");
        return Dyn.CallMethodReflected(this, name, args);
    }

    public OrderedDict(IEnumerable<(TKey, TValue)> items) : base(items) { }

    public override string PyTypeName => "OrderedDict";

    public override string PyRepr() => Count == 0 ? "OrderedDict()" : "OrderedDict([" + string.Join(", ", Items().Select(kv => "(" + Repr.Of(kv.Item1) + ", " + Repr.Of(kv.Item2) + ")")) + "])";
}

public sealed class DefaultDict<TKey, TValue> : PyDict<TKey, TValue>, IPyDefaultDict
{
    private readonly Func<TValue>? _factory;

    private readonly string? _factoryRepr;

    public DefaultDict(Func<TValue>? factory) => _factory = factory;

    /// <summary>With the factory's repr (<c>&lt;class 'list'&gt;</c>), which the dict's own repr shows.</summary>
    public DefaultDict(Func<TValue>? factory, string factoryRepr)
    {
        _factory = factory;
        _factoryRepr = factoryRepr;
    }

    public DefaultDict(Func<TValue>? factory, IEnumerable<KeyValuePair<TKey, TValue>> items) : base(items) => _factory = factory;

    public override string PyTypeName => "defaultdict";

    protected override TValue Missing(TKey key)
    {
        if (_factory is null) throw new KeyError(key);
        var v = _factory();
        this[key] = v;
        return v;
    }

    public string FactoryRepr => _factory is null ? "None" : _factoryRepr ?? "<factory>";

    public override string PyRepr() => $"defaultdict({FactoryRepr}, {base.PyRepr()})";
}

/// <summary><c>collections.Counter</c>.</summary>
public sealed class Counter<TKey> : PyDict<TKey, PyInt>, IPyNumber, IPyBitwise, IPySigned, IPyCounter
{
    /// <summary>+counter: the positive counts.</summary>
    public Counter<TKey> Positive() => Select(v => v.Sign > 0 ? v : (PyInt?)null);

    /// <summary>-counter: the negative counts, negated.</summary>
    public Counter<TKey> Negative() => Select(v => v.Sign < 0 ? -v : (PyInt?)null);

    public object PyPos() => Positive();

    public object PyNeg() => Negative();

    /// <summary>counter.copy() is a Counter.</summary>
    public new Counter<TKey> Copy() => Select(v => v);

    private Counter<TKey> Select(Func<PyInt, PyInt?> keep)
    {
        var result = new Counter<TKey>();
        foreach (var (k, v) in Items())
            if (keep(v) is { } kept) result[k] = kept;
        return result;
    }

    // Counter's multiset operators (CPython's collections.Counter): the result keeps positive counts only,
    // the left operand's keys first.
    public static Counter<TKey> operator +(Counter<TKey> a, Counter<TKey> b) => Combine(a, b, Sum, keepRightOnly: true);
    public static Counter<TKey> operator -(Counter<TKey> a, Counter<TKey> b) => Combine(a, b, Difference, keepRightOnly: false);
    public static Counter<TKey> operator |(Counter<TKey> a, Counter<TKey> b) => Combine(a, b, Max, keepRightOnly: true);
    public static Counter<TKey> operator &(Counter<TKey> a, Counter<TKey> b) => Combine(a, b, Min, keepRightOnly: false);

    // Counter's multiset inclusion (Python 3.10+): each count against the other's, a missing element counting 0
    public static bool operator <=(Counter<TKey> a, Counter<TKey> b) => a.AllCounts(b, static (x, y) => x <= y);
    public static bool operator >=(Counter<TKey> a, Counter<TKey> b) => a.AllCounts(b, static (x, y) => x >= y);
    public static bool operator <(Counter<TKey> a, Counter<TKey> b) => a <= b && !a.AllCounts(b, static (x, y) => x == y);
    public static bool operator >(Counter<TKey> a, Counter<TKey> b) => a >= b && !a.AllCounts(b, static (x, y) => x == y);

    private bool AllCounts(Counter<TKey> other, Func<PyInt, PyInt, bool> holds) =>
        Keys().All(k => holds(this[k], other[k])) && other.Keys().All(k => holds(this[k], other[k]));

    private static PyInt Sum(PyInt x, PyInt y) => x + y;
    private static PyInt Difference(PyInt x, PyInt y) => x - y;
    private static PyInt Max(PyInt x, PyInt y) => x < y ? y : x;
    private static PyInt Min(PyInt x, PyInt y) => x < y ? x : y;

    private static Counter<TKey> Combine(Counter<TKey> a, Counter<TKey> b, Func<PyInt, PyInt, PyInt> op, bool keepRightOnly)
    {
        var result = new Counter<TKey>();
        foreach (var (k, v) in a.Items())
        {
            var n = op(v, b[k]);
            if (n.Sign > 0) result[k] = n;
        }
        foreach (var (k, v) in b.Items())
        {
            if (a.ContainsKey(k)) continue;
            // a key only on the right: + and | keep a positive count, - keeps the negation of a negative one
            var n = keepRightOnly ? v : op(0, v);
            if (n.Sign > 0) result[k] = n;
        }
        return result;
    }

    /// <summary>
    /// A Counter operator seen through object. Counters of other key types (an empty Counter() + Counter(words)) are
    /// combined as counters of any keys, since Python's counters hold any keys.
    /// </summary>
    private object Operate(object? other, string op, Func<PyInt, PyInt, PyInt> f, bool keepRightOnly)
    {
        if (other is Counter<TKey> same) return Combine(this, same, f, keepRightOnly);
        if (other is not null && Dyn.IsCounter(other))
            return Counter<object?>.Combine(Dyn.Cast<Counter<object?>>(this), Dyn.Cast<Counter<object?>>(other), f, keepRightOnly);
        throw new TypeError($"unsupported operand type(s) for {op}: 'Counter' and '{Dyn.TypeName(other)}'");
    }

    object? IPyBitwise.PyAnd(object? other) => Operate(other, "&", Min, keepRightOnly: false);
    object? IPyBitwise.PyOr(object? other) => Operate(other, "|", Max, keepRightOnly: true);
    object? IPyNumber.PyAdd(object? other) => Operate(other, "+", Sum, keepRightOnly: true);
    object? IPyNumber.PySub(object? other) => Operate(other, "-", Difference, keepRightOnly: false);
    object? IPyNumber.PyMul(object? other) => throw new TypeError($"unsupported operand type(s) for *: 'Counter' and '{Dyn.TypeName(other)}'");
    object? IPyNumber.PyTrueDiv(object? other) => throw new TypeError($"unsupported operand type(s) for /: 'Counter' and '{Dyn.TypeName(other)}'");

    public Counter() { }

    public Counter(IEnumerable<TKey> items)
    {
        foreach (var x in items) this[x] = Get(x, 0) + 1;
    }

    public Counter(PyDict<TKey, PyInt> mapping) : base(mapping.Pairs()) { }

    /// <summary>A Counter's counts under other key types (Counter() | Counter("aab"): the operands as one Counter type).</summary>
    public Counter(IEnumerable<KeyValuePair<TKey, PyInt>> counts) : base(counts) { }

    public override string PyTypeName => "Counter";

    protected override PyInt Missing(TKey key) => 0;

    public void Update(IEnumerable<TKey> items)
    {
        foreach (var x in items) this[x] = Get(x, 0) + 1;
    }

    public void Subtract(IEnumerable<TKey> items)
    {
        foreach (var x in items) this[x] = Get(x, 0) - 1;
    }

    /// <summary>Counter(mapping) and Counter(a=1, b=5): the given counts, in the mapping's order.</summary>
    public static Counter<TKey> FromMapping<TValue>(PyDict<TKey, TValue> mapping)
    {
        var c = new Counter<TKey>();
        foreach (var (k, v) in mapping.Items()) c[k] = Dyn.Cast<PyInt>(v);
        return c;
    }

    /// <summary>Counter(x) of a value known only at run time: a mapping's counts, else one per item.</summary>
    public static Counter<TKey> FromDynamic(object? source)
    {
        var c = new Counter<TKey>();
        c.UpdateDynamic(source);
        return c;
    }

    /// <summary>update(x) of a value known only at run time (json data): a mapping adds its counts, an iterable one per item.</summary>
    public void UpdateDynamic(object? source) => AddDynamic(source, 1);

    public void SubtractDynamic(object? source) => AddDynamic(source, -1);

    private void AddDynamic(object? source, int sign)
    {
        if (source is null) return;
        if (source is IPyDict mapping)
        {
            foreach (var (k, v) in mapping.ItemsObject())
            {
                var key = Dyn.Cast<TKey>(k);
                this[key] = sign > 0 ? Get(key, 0) + Dyn.Cast<PyInt>(v) : Get(key, 0) - Dyn.Cast<PyInt>(v);
            }
            return;
        }
        foreach (var x in Dyn.Iter(source))
        {
            var key = Dyn.Cast<TKey>(x);
            this[key] = Get(key, 0) + sign;
        }
    }

    /// <summary>update(mapping): adds the mapping's counts (update(iterable) counts items).</summary>
    public void UpdateFrom<TValue>(PyDict<TKey, TValue> mapping)
    {
        foreach (var (k, v) in mapping.Items()) this[k] = Get(k, 0) + Dyn.Cast<PyInt>(v);
    }

    public void SubtractFrom<TValue>(PyDict<TKey, TValue> mapping)
    {
        foreach (var (k, v) in mapping.Items()) this[k] = Get(k, 0) - Dyn.Cast<PyInt>(v);
    }

    /// <summary>Most common first; ties keep insertion order (a stable sort, as CPython).</summary>
    public PyList<(TKey, PyInt)> MostCommon(long? n = null)
    {
        var all = new PyList<(TKey, PyInt)>(Items());
        all.Sort(kv => kv.Item2, reverse: true);
        if (n is null || n >= all.Count) return all;
        return all.Slice(0, n);
    }

    public IEnumerable<TKey> Elements()
    {
        foreach (var (k, v) in Items())
            for (long i = 0; i < (long)v; i++) yield return k;
    }

    public PyInt Total() => Values().Aggregate(new PyInt(0), (a, b) => a + b);

    public override string PyRepr()
    {
        if (Count == 0) return "Counter()";
        var items = MostCommon();
        return "Counter({" + string.Join(", ", items.Select(kv => Repr.Of(kv.Item1) + ": " + kv.Item2)) + "})";
    }
}

/// <summary>
/// A <c>collections.Counter</c> whose counts are not all ints (weights: <c>c[k] += 0.75</c>, <c>Counter({"a": 1.5})</c>):
/// each count keeps its own Python number type, added and ordered as Python numbers. Int counts stay in Counter&lt;TKey&gt;.
/// </summary>
public sealed class NumberCounter<TKey> : PyDict<TKey, object?>, IPyNumber, IPyBitwise, IPySigned, IPyCounter
{
    public NumberCounter() { }

    /// <summary>+counter: the positive counts.</summary>
    public NumberCounter<TKey> Positive() => Select(v => IsPositive(v) ? v : null);

    /// <summary>-counter: the negative counts, negated (0 - count, as CPython, so -(-1.0) is 1.0).</summary>
    public NumberCounter<TKey> Negative() => Select(v => Dyn.Lt(v, Zero) ? Dyn.Sub(Zero, v) : null);

    public object PyPos() => Positive();

    public object PyNeg() => Negative();

    private static readonly PyInt Zero = new(0);

    private static bool IsPositive(object? count) => Dyn.Gt(count, Zero);

    private NumberCounter<TKey> Select(Func<object?, object?> keep)
    {
        var result = new NumberCounter<TKey>();
        foreach (var (k, v) in Items())
            if (keep(v) is { } kept) result[k] = kept;
        return result;
    }

    // The multiset operators with CPython's rules (as Counter<TKey>'s): positive counts only, the left operand's keys first.
    public static NumberCounter<TKey> operator +(NumberCounter<TKey> a, NumberCounter<TKey> b) => Combine(a, b, Dyn.Add, keepRightOnly: true);
    public static NumberCounter<TKey> operator -(NumberCounter<TKey> a, NumberCounter<TKey> b) => Combine(a, b, Dyn.Sub, keepRightOnly: false);
    public static NumberCounter<TKey> operator |(NumberCounter<TKey> a, NumberCounter<TKey> b) => Combine(a, b, Max, keepRightOnly: true);
    public static NumberCounter<TKey> operator &(NumberCounter<TKey> a, NumberCounter<TKey> b) => Combine(a, b, Min, keepRightOnly: false);

    private static object? Max(object? x, object? y) => Dyn.Lt(x, y) ? y : x;
    private static object? Min(object? x, object? y) => Dyn.Lt(x, y) ? x : y;

    private static NumberCounter<TKey> Combine(NumberCounter<TKey> a, NumberCounter<TKey> b, Func<object?, object?, object?> op, bool keepRightOnly)
    {
        var result = new NumberCounter<TKey>();
        foreach (var (k, v) in a.Items())
        {
            var n = op(v, b[k]);
            if (IsPositive(n)) result[k] = n;
        }
        foreach (var (k, v) in b.Items())
        {
            if (a.ContainsKey(k)) continue;
            // a key only on the right: + and | keep a positive count, - keeps the negation of a negative one
            var n = keepRightOnly ? v : op(Zero, v);
            if (IsPositive(n)) result[k] = n;
        }
        return result;
    }

    /// <summary>An operator seen through object: the other operand may be any Counter (int counts or other key types).</summary>
    private object Operate(object? other, string op, Func<object?, object?, object?> f, bool keepRightOnly)
    {
        if (other is NumberCounter<TKey> same) return Combine(this, same, f, keepRightOnly);
        if (other is IPyCounter and IPyDict counts)
        {
            if (CountsOf<TKey>(counts) is { } typed) return Combine(this, typed, f, keepRightOnly);
            return NumberCounter<object?>.Combine(CountsOf<object?>(this).OrThrow(), CountsOf<object?>(counts).OrThrow(), f, keepRightOnly);
        }
        throw new TypeError($"unsupported operand type(s) for {op}: 'Counter' and '{Dyn.TypeName(other)}'");
    }

    /// <summary>A counter's counts as a NumberCounter of the given key type; null when a key is not of that type.</summary>
    private static NumberCounter<T>? CountsOf<T>(IPyDict counts)
    {
        var c = new NumberCounter<T>();
        foreach (var (k, v) in counts.ItemsObject())
        {
            if (k is not T && k is not null) return null;
            c[Dyn.Cast<T>(k)] = v;
        }
        return c;
    }

    object? IPyBitwise.PyAnd(object? other) => Operate(other, "&", Min, keepRightOnly: false);
    object? IPyBitwise.PyOr(object? other) => Operate(other, "|", Max, keepRightOnly: true);
    object? IPyNumber.PyAdd(object? other) => Operate(other, "+", Dyn.Add, keepRightOnly: true);
    object? IPyNumber.PySub(object? other) => Operate(other, "-", Dyn.Sub, keepRightOnly: false);
    object? IPyNumber.PyMul(object? other) => throw new TypeError($"unsupported operand type(s) for *: 'Counter' and '{Dyn.TypeName(other)}'");
    object? IPyNumber.PyTrueDiv(object? other) => throw new TypeError($"unsupported operand type(s) for /: 'Counter' and '{Dyn.TypeName(other)}'");

    public NumberCounter(IEnumerable<TKey> items) => Update(items);

    /// <summary>An int Counter's counts as a NumberCounter (the other operand of a float-count operator).</summary>
    public NumberCounter(IEnumerable<KeyValuePair<TKey, object?>> counts) : base(counts) { }

    public override string PyTypeName => "Counter";

    protected override object? Missing(TKey key) => new PyInt(0);

    public new NumberCounter<TKey> Copy()
    {
        var c = new NumberCounter<TKey>();
        foreach (var (k, v) in Items()) c[k] = v;
        return c;
    }

    public static NumberCounter<TKey> FromMapping<TValue>(PyDict<TKey, TValue> mapping)
    {
        var c = new NumberCounter<TKey>();
        foreach (var (k, v) in mapping.Items()) c[k] = v;
        return c;
    }

    public void Update(IEnumerable<TKey> items) => Add(items.Select(x => new KeyValuePair<TKey, object?>(x, new PyInt(1))), 1);

    public void Subtract(IEnumerable<TKey> items) => Add(items.Select(x => new KeyValuePair<TKey, object?>(x, new PyInt(1))), -1);

    public void UpdateFrom<TValue>(PyDict<TKey, TValue> mapping) => Add(mapping.Items().Select(kv => new KeyValuePair<TKey, object?>(kv.Item1, kv.Item2)), 1);

    public void SubtractFrom<TValue>(PyDict<TKey, TValue> mapping) => Add(mapping.Items().Select(kv => new KeyValuePair<TKey, object?>(kv.Item1, kv.Item2)), -1);

    public void UpdateDynamic(object? source) => Add(DynamicCounts(source), 1);

    public void SubtractDynamic(object? source) => Add(DynamicCounts(source), -1);

    /// <summary>A mapping's counts, else one per item.</summary>
    private static IEnumerable<KeyValuePair<TKey, object?>> DynamicCounts(object? source) => source switch
    {
        null => [],
        IPyDict mapping => mapping.ItemsObject().Select(kv => new KeyValuePair<TKey, object?>(Dyn.Cast<TKey>(kv.Key), kv.Value)),
        _ => Dyn.Iter(source).Select(x => new KeyValuePair<TKey, object?>(Dyn.Cast<TKey>(x), new PyInt(1))),
    };

    private void Add(IEnumerable<KeyValuePair<TKey, object?>> counts, int sign)
    {
        foreach (var (k, v) in counts) this[k] = sign > 0 ? Dyn.Add(Get(k, new PyInt(0)), v) : Dyn.Sub(Get(k, new PyInt(0)), v);
    }

    /// <summary>Most common first; ties keep insertion order (a stable sort, as CPython).</summary>
    public PyList<(TKey, object?)> MostCommon(long? n = null)
    {
        var all = new PyList<(TKey, object?)>(Items());
        all.Sort(kv => kv.Item2, reverse: true);
        if (n is null || n >= all.Count) return all;
        return all.Slice(0, n);
    }

    /// <summary>elements() repeats each key by its count, which must be an int (a float count is a TypeError, as in CPython).</summary>
    public IEnumerable<TKey> Elements()
    {
        foreach (var (k, v) in Items())
        {
            long times = v is double ? throw new TypeError("'float' object cannot be interpreted as an integer") : (long)Dyn.Cast<PyInt>(v);
            for (long i = 0; i < times; i++) yield return k;
        }
    }

    public object? Total() => Values().Aggregate((object?)new PyInt(0), Dyn.Add);

    public override string PyRepr() =>
        Count == 0 ? "Counter()" : "Counter({" + string.Join(", ", MostCommon().Select(kv => Repr.Of(kv.Item1) + ": " + Repr.Of(kv.Item2))) + "})";
}

/// <summary><c>collections.deque</c> (optionally bounded).</summary>
public sealed class Deque<T> : IEnumerable<T>, IPyObject, IPySized, IPyTyped, IPyDeque
{
    private readonly LinkedList<T> _items = new();

    /// <summary>deque == deque compares the items in order (another type, a list included, is never equal).</summary>
    public override bool Equals(object? obj) =>
        obj is Deque<T> d ? _items.Count == d._items.Count && _items.SequenceEqual(d._items, PyComparer<T>.Default)
        : obj is IEnumerable other && obj.GetType().IsGenericType && obj.GetType().GetGenericTypeDefinition() == typeof(Deque<>) && Dyn.Eq(new PyList<object?>(this.Cast<object?>()), new PyList<object?>(other.Cast<object?>()));

    /// <summary>deques are unhashable in Python; this keeps .NET's contract for equal deques.</summary>
    public override int GetHashCode() => _items.Count;

    public Deque() { }

    public Deque(IEnumerable<T> items, long? maxlen = null)
    {
        MaxLen = maxlen;
        foreach (var x in items) Append(x);
    }

    public long? MaxLen { get; }
    public int Count => _items.Count;
    public string PyTypeName => "deque";

    public void Append(T x)
    {
        _items.AddLast(x);
        if (MaxLen is not null && _items.Count > MaxLen) _items.RemoveFirst();
    }

    public void AppendLeft(T x)
    {
        _items.AddFirst(x);
        if (MaxLen is not null && _items.Count > MaxLen) _items.RemoveLast();
    }

    public T Pop()
    {
        if (_items.Count == 0) throw new IndexError("pop from an empty deque");
        var v = _items.Last.OrThrow().Value;
        _items.RemoveLast();
        return v;
    }

    public T PopLeft()
    {
        if (_items.Count == 0) throw new IndexError("pop from an empty deque");
        var v = _items.First.OrThrow().Value;
        _items.RemoveFirst();
        return v;
    }

    public void Extend(IEnumerable<T> xs) { foreach (var x in xs) Append(x); }
    public void ExtendLeft(IEnumerable<T> xs) { foreach (var x in xs) AppendLeft(x); }
    public void Clear() => _items.Clear();
    public bool Contains(T x) => _items.Any(i => PyComparer<T>.Default.Equals(i, x));
    public long CountOf(T x) => _items.Count(i => PyComparer<T>.Default.Equals(i, x));

    public long Index(T x)
    {
        long i = 0;
        foreach (var item in _items)
        {
            if (PyComparer<T>.Default.Equals(item, x)) return i;
            i++;
        }
        throw new ValueError($"{Repr.Of(x)} is not in deque");
    }

    public void Remove(T x)
    {
        for (var node = _items.First; node is not null; node = node.Next)
            if (PyComparer<T>.Default.Equals(node.Value, x)) { _items.Remove(node); return; }
        throw new ValueError("deque.remove(x): x not in deque");
    }

    public void Reverse()
    {
        var items = _items.Reverse().ToList();
        _items.Clear();
        foreach (var x in items) _items.AddLast(x);
    }

    public void Rotate(long n = 1)
    {
        if (_items.Count == 0) return;
        n %= _items.Count;
        if (n < 0) n += _items.Count;
        for (long i = 0; i < n; i++)
        {
            var v = _items.Last.OrThrow().Value;
            _items.RemoveLast();
            _items.AddFirst(v);
        }
    }

    public T this[long index]
    {
        get => _items.ElementAt(Indexing.Normalize(index, _items.Count, "deque"));
        set
        {
            var node = _items.First.OrThrow();
            for (int i = Indexing.Normalize(index, _items.Count, "deque"); i > 0; i--) node = node.Next.OrThrow();
            node.Value = value;
        }
    }

    public T this[PyInt index] { get => this[(long)index]; set => this[(long)index] = value; }

    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string PyRepr() => "deque(" + Repr.Sequence(_items, "[", "]") + (MaxLen is null ? "" : ", maxlen=" + MaxLen) + ")";
    public string PyStr() => PyRepr();
}
