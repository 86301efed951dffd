using System.Collections;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Batuta.Python.Runtime;

/// <summary>
/// Operations on values whose type the transpiler could not infer (BATUTA-T-003): Python semantics
/// decided at run time. Typed code never comes here on its hot paths.
/// </summary>
public static class Dyn
{
    public static string TypeName(object? o) => o switch
    {
        null => "NoneType",
        bool => "bool",
        PyInt or long or int or BigInteger => "int",
        double or float => "float",
        string => "str",
        IPyTyped t => t.PyTypeName,
        ITuple => "tuple",
        Delegate => "function",
        byte[] => "bytes",
        _ when o.GetType() == typeof(object) => "object",
        _ when IteratorTypeName(o) is { } iterator => iterator,
        _ => o.GetType().Name,
    };

    /// <summary>
    /// Python's type name of an iterator kept as its C# object: a generator (a def with yield, a generator
    /// expression's LINQ iterator), or a builtin's (enumerate, zip, map, filter, itertools.count, ...) by the runtime
    /// method that made it; null for other objects.
    /// </summary>
    internal static string? IteratorTypeName(object o)
    {
        var t = o.GetType();
        if (o is not System.Collections.IEnumerable || !(t.Name.StartsWith('<') || t.Namespace == "System.Linq")) return o is IPyGenerator ? "generator" : null;
        if (t.Assembly != typeof(Dyn).Assembly) return IsGeneratorObject(o) ? "generator" : null;
        int close = t.Name.IndexOf('>', StringComparison.Ordinal);
        string method = close > 1 ? t.Name.Substring(1, close - 1) : "";
        if (t.DeclaringType == typeof(Py)) return BuiltinIteratorName(method);
        // itertools' iterator types are named as its functions (count, islice, cycle, ...)
        return t.DeclaringType?.Name == "IterTools" ? method.Replace("Core", "", StringComparison.Ordinal).ToLowerInvariant() : null;
    }

    private static string? BuiltinIteratorName(string method) => method switch
        {
            "Enumerate" => "enumerate",
            "Zip" => "zip",
            "MapItems" => "map",
            "FilterItems" => "filter",
            "ReverseList" => "list_reverseiterator",
            _ => null,
        };

    /// <summary>
    /// A generator function's iterator (a C# compiler-generated iterator) or a generator expression's (a LINQ
    /// iterator): Python's generator object, whose type name must not be the C# one.
    /// </summary>
    internal static bool IsGeneratorObject(object o)
    {
        if (o is IPyGenerator) return true;
        if (o is not System.Collections.IEnumerable) return false;
        var t = o.GetType();
        return t.Name.StartsWith('<') || (t.Namespace == "System.Linq" && t.Name.Contains("Iterator", StringComparison.Ordinal));
    }

    /// <summary>Numbers normalised for arithmetic: PyInt, double, or the value itself.</summary>
    private static object? Num(object? o) => o switch
    {
        bool b => new PyInt(b ? 1 : 0),
        long l => new PyInt(l),
        int i => new PyInt(i),
        BigInteger bi => PyInt.FromBig(bi),
        float f => (double)f,
        PyIntEnum e => e.IntValue,
        PyIntFlagEnum f => f.IntValue,
        IPyStrValue s => s.StrValue,
        PyIntSubclass i => i.IntValue,
        PyFloatSubclass f => f.FloatValue,
        _ => o,
    };

    /// <summary>A typed value as a Python object: a long becomes an int object.</summary>
    public static object? BoxValue<T>(T v) => v is long l ? new PyInt(l) : v;

    public static bool Truth(object? o) => o switch
    {
        null => false,
        bool b => b,
        PyInt i => !i.IsZero,
        long l => l != 0,
        int n => n != 0,
        double d => d != 0,
        string s => s.Length > 0,
        IPyBool pb => pb.PyBool(),
        IPySized c => c.Count > 0,
        ITuple t => t.Length > 0,
        ICollection c => c.Count > 0,
        _ => true,
    };

    public static bool Eq(object? a, object? b)
    {
        // a NaN is unequal to itself: a float's, a Decimal's
        if (ReferenceEquals(a, b)) return a is not double d ? a is not Modules.PyDecimal m || m.Equals(m) : !double.IsNaN(d);
        if (a is null || b is null) return false;
        // class Pair(tuple) / Word(str): its own __eq__ when it has one, on either side (Python tries a subclass's reflected __eq__ first)
        if (a is PyTupleSubclass or PyStrSubclass) return a.Equals(b);
        if (b is PyTupleSubclass or PyStrSubclass) return b.Equals(a);
        var x = Num(a);
        var y = Num(b);
        switch (x, y)
        {
            case (PyInt i, PyInt j): return i == j;
            case (PyInt i, double d): return Ops.Eq(i, d);
            case (double d, PyInt i): return Ops.Eq(i, d);
            case (double d1, double d2): return FloatExact.AreEqual(d1, d2);
            case (string s1, string s2): return string.Equals(s1, s2, StringComparison.Ordinal);
            case (ITuple t1, ITuple t2): return TupleEq(t1, t2);
            case (IPyList l1, IPyList l2): return ListEq(l1, l2);
            case (IPyDict d1, IPyDict d2): return IsCounter(d1) && IsCounter(d2) ? CounterEq(d1, d2) : DictEq(d1, d2);
            case (IPySet s1, IPySet s2): return s1.Count == s2.Count && s1.Cast<object?>().All(s2.ContainsObject);
        }
        // 0.5 == obj: the builtin's __eq__ gives NotImplemented, so Python asks the user object's (reflected) __eq__
        if (x is not PyObject && y is PyObject) return y.Equals(x);
        return x.OrThrow().Equals(y);
    }

    /// <summary>
    /// An element compared inside a container (<c>in</c>, <c>==</c> of lists, tuples and dicts, count, index): identity
    /// first, then <c>==</c>, as CPython's PyObject_RichCompareBool. A float is carried as a C# value, so a NaN stands
    /// for the same NaN object (<c>nan in [nan]</c> and <c>[nan] == [nan]</c> are True).
    /// </summary>
    public static bool ItemEq(object? a, object? b) =>
        ReferenceEquals(a, b) || a is double x && b is double y && double.IsNaN(x) && double.IsNaN(y) || Eq(a, b);

    /// <summary>
    /// <c>a is b</c> where a side is carried as a C# value (boxed anew each time, so ReferenceEquals cannot tell):
    /// True and False are singletons (1 is True is False), and values of different Python types are never the same
    /// object (1 is 1.0); equal values of one type stand for CPython's cached small ints and interned strings.
    /// </summary>
    public static bool Is(object? a, object? b)
    {
        if (a is bool || b is bool) return a is bool x && b is bool y && x == y;
        return TypeName(a) == TypeName(b) && Eq(a, b);
    }

    private static bool TupleEq(ITuple t1, ITuple t2)
    {
        if (t1.Length != t2.Length) return false;
        for (int k = 0; k < t1.Length; k++) if (!ItemEq(t1[k], t2[k])) return false;
        return true;
    }

    private static bool ListEq(IPyList l1, IPyList l2)
    {
        if (l1.Count != l2.Count) return false;
        for (int k = 0; k < l1.Count; k++) if (!ItemEq(l1.GetItem(k), l2.GetItem(k))) return false;
        return true;
    }

    private static bool DictEq(IPyDict d1, IPyDict d2)
    {
        if (d1.Count != d2.Count) return false;
        foreach (var kv in d1.ItemsObject()) if (!d2.ContainsKeyObject(kv.Key) || !ItemEq(kv.Value, d2.GetItem(kv.Key))) return false;
        return true;
    }

    /// <summary>Counter equality treats missing elements as zero counts (Python 3.10+).</summary>
    private static bool CounterEq(IPyDict d1, IPyDict d2)
    {
        foreach (var kv in d1.ItemsObject()) if (!Eq(kv.Value, d2.ContainsKeyObject(kv.Key) ? d2.GetItem(kv.Key) : new PyInt(0))) return false;
        foreach (var kv in d2.ItemsObject()) if (!d1.ContainsKeyObject(kv.Key) && !Eq(kv.Value, new PyInt(0))) return false;
        return true;
    }

    internal static bool IsCounter(object o) => o.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(Counter<>);

    public static int Compare(object? a, object? b)
    {
        var x = Num(a);
        var y = Num(b);
        switch (x, y)
        {
            case (PyInt i, PyInt j): return i.CompareTo(j);
            case (PyInt i, double d): return Ops.CompareIntFloat(i, d) ?? 0;
            case (double d, PyInt i): return -Ops.CompareIntFloat(i, d) ?? 0;
            case (double d1, double d2): return d1 < d2 ? -1 : d1 > d2 ? 1 : 0;
            case (string s1, string s2): return string.CompareOrdinal(s1, s2) switch { < 0 => -1, > 0 => 1, _ => 0 };
            case (ITuple t1, ITuple t2):
            {
                int n = Math.Min(t1.Length, t2.Length);
                for (int k = 0; k < n; k++) if (!Eq(t1[k], t2[k])) return Compare(t1[k], t2[k]);
                return t1.Length.CompareTo(t2.Length);
            }
            case (IPyList l1, IPyList l2):
            {
                int n = Math.Min(l1.Count, l2.Count);
                for (int k = 0; k < n; k++) if (!Eq(l1.GetItem(k), l2.GetItem(k))) return Compare(l1.GetItem(k), l2.GetItem(k));
                return l1.Count.CompareTo(l2.Count);
            }
            case (IPyOrdered o, _): return o.PyCompare(y);
            // 1 < Fraction(3, 2): the int cannot compare, so Python asks the Fraction's reflected operator
            case (PyInt or double, Modules.PyFraction f): return -f.PyCompare(x);
            // 2 < Decimal('2.5'): int's comparison gives NotImplemented, so the Decimal's reflected one decides
            case (_, Modules.PyDecimal dec): return -dec.PyCompare(x);
            case (IComparable c, _) when x.OrThrow().GetType() == y?.GetType(): return c.CompareTo(y);
        }
        throw new TypeError($"'<' not supported between instances of '{TypeName(a)}' and '{TypeName(b)}'");
    }

    public static bool Lt(object? a, object? b) => Compare(a, b) < 0;
    public static bool Le(object? a, object? b) => Compare(a, b) <= 0;
    public static bool Gt(object? a, object? b) => Compare(a, b) > 0;
    public static bool Ge(object? a, object? b) => Compare(a, b) >= 0;

    public static int Hash(object? o) => (int)PyHashOf(o);

    public static long PyHashOf(object? o) => o switch
    {
        null => 0x5f3759df,
        string s => SipHash.Str(s),
        IPyHashable h => h.PyHash(),
        IPyList => throw new TypeError("unhashable type: 'list'"),
        IPyDict => throw new TypeError("unhashable type: 'dict'"),
        _ => PyHash.Of(o) ?? o.GetHashCode(),
    };

    public static long PyHashOf<T>(T o)
    {
        if (typeof(T) == typeof(PyInt)) return PyHash.Int((PyInt)(object)o.OrThrow());
        if (typeof(T) == typeof(long)) return PyHash.Int((long)(object)o.OrThrow());
        if (typeof(T) == typeof(string)) return SipHash.Str((string)(object)o.OrThrow());
        return PyHashOf((object?)o);
    }

    /// <summary>
    /// The value as a T when it is one, counting the carriers of a Python int as one type (PyInt, long, int, bool):
    /// a lookup of 1 finds the key True and 2**70 is simply absent from a dict of longs.
    /// </summary>
    public static bool TryAs<T>(object? o, out T value)
    {
        if (o is T t) { value = t; return true; }
        if (o is null) { value = default!; return default(T) is null; } // None is a key of a dict of objects
        if (NumberAs(o, typeof(T)) is T n) { value = n; return true; }
        // a tuple of other element types ((1, 2) built at run time) as a typed tuple key
        if (o is ITuple && typeof(ITuple).IsAssignableFrom(typeof(T)))
        {
            try { if (TupleCopy(o, out value)) return true; }
            catch (TypeError) { }
        }
        value = default!;
        return false;
    }

    /// <summary>
    /// A number as the equal value of another numeric carrier (Python's ==, under which they hash alike), or null:
    /// an integral Fraction or float finds the int's key, an int finds the equal float's.
    /// </summary>
    private static object? NumberAs(object o, Type t)
    {
        if (t == typeof(long))
            return o switch { PyInt { IsSmall: true } p => p.Small, int i => i, bool b => b ? 1L : 0L, Modules.PyFraction { AsInt: { IsSmall: true } n } => n.Small, double d => IntegralLong(d), _ => null };
        if (t == typeof(PyInt))
            return o switch { long l => new PyInt(l), int i => new PyInt(i), bool b => new PyInt(b ? 1 : 0), Modules.PyFraction f => f.AsInt, double d => IntegralLong(d) is { } n ? new PyInt(n) : null, _ => null };
        if (t != typeof(double)) return null;
        double? x = o switch { long l => l, int i => i, bool b => b ? 1 : 0, PyInt p => (double)p, _ => null };
        return x is { } v && Eq(o, v) ? v : null;
    }

    /// <summary>A float equal to an int (2.0 == 2, which finds the key 2); null for 2.5, nan and the infinities.</summary>
    private static long? IntegralLong(double d) => d == Math.Floor(d) && d >= -9.2e18 && d <= 9.2e18 ? (long)d : null;

    /// <summary>A str-mixin Enum member is a str (dict keys, str parameters): its value where a str is wanted.</summary>
    // a str enum member and an os.PathLike (pathlib.Path given to open() or os.path) read as their text where a str is wanted
    private static object? AsStrWhenWanted<T>(object? o) => typeof(T) != typeof(string) ? o : o switch
    {
        IPyStrValue s => s.StrValue,
        Modules.IPyPathLike p => p.FsPath(),
        _ => o,
    };

    public static T Cast<T>(object? o)
    {
        o = AsStrWhenWanted<T>(o);
        if (o is T t) return t;
        // an instance of class Celsius(float) / Count(int) where a float or an int is wanted: its value
        if (o is PyIntSubclass or PyFloatSubclass) return Cast<T>(Num(o));
        if (TryNumber<T>(o, out var number)) return number;
        if (o is null && default(T) is null) return default!;
        if (typeof(T) == typeof(object)) return (T)o.OrThrow();
        // an object with __index__ where an int is wanted (xs[obj]): what __index__ gives
        if ((typeof(T) == typeof(PyInt) || typeof(T) == typeof(long)) && o is PyObject && TryCallDunder(o, "__index__", out var index) && index is PyInt or long) return Cast<T>(index);
        if (TryContainerCopy<T>(o, out var copy)) return copy;
        if (o is string or PyInt or long && typeof(PyEnum).IsAssignableFrom(typeof(T)) && ValueEnumMember(typeof(T), o) is T member) return member;
        if (CallableAdapter.TryAdapt(o, typeof(T), out var adapted) && adapted is T fn) return fn;
        throw new TypeError($"expected {typeof(T).Name}, got '{TypeName(o)}'");
    }

    /// <summary>The numeric widenings and narrowings between int, bool, long, PyInt and float that a cast makes.</summary>
    private static bool TryNumber<T>(object? o, out T result)
    {
        object? r = null;
        if (typeof(T) == typeof(PyInt))
            r = o switch { long l => new PyInt(l), int i => new PyInt(i), bool b => new PyInt(b ? 1 : 0), PyIntEnum m => m.IntValue, PyIntFlagEnum f => f.IntValue, _ => null };
        else if (typeof(T) == typeof(double))
            r = o switch { PyInt pi => pi.ToDouble(), long l => (double)l, _ => null };
        else if (typeof(T) == typeof(long))
            r = o switch { PyInt p => (long)p, int i => (long)i, bool b => b ? 1L : 0L, _ => null };
        result = r is T t ? t : default!;
        return r is not null;
    }

    /// <summary>A dynamic list/set/dict crossing into typed code: a typed copy with each element converted.</summary>
    private static bool TryContainerCopy<T>(object? o, out T result)
    {
        result = default!;
        if (TupleCopy<T>(o, out result)) return true;
        if (!typeof(T).IsGenericType || o is not System.Collections.IEnumerable items || o is string) return false;
        var def = typeof(T).GetGenericTypeDefinition();
        if (def == typeof(PyList<>) && Activator.CreateInstance(typeof(T)) is IPyList list)
        {
            foreach (var x in items) list.AppendObject(x);
            result = (T)list;
            return true;
        }
        if (def == typeof(PySet<>))
        {
            var set = Activator.CreateInstance(typeof(T)).OrThrow();
            var add = typeof(T).GetMethod("Add").OrThrow();
            var castMethod = typeof(Dyn).GetMethod(nameof(Cast)).OrThrow().MakeGenericMethod(typeof(T).GetGenericArguments()[0]);
            foreach (var x in items) add.Invoke(set, new[] { castMethod.Invoke(null, new[] { x }) });
            result = (T)set;
            return true;
        }
        if (o is IPyDict source && (def == typeof(PyDict<,>) || def == typeof(Counter<>)))
        {
            result = DictCopy<T>(source);
            return true;
        }
        return false;
    }

    /// <summary>A tuple of other element types crossing into a typed tuple ((PyInt, PyInt) into (long, long)): each item converted.</summary>
    private static bool TupleCopy<T>(object? o, out T result)
    {
        result = default!;
        if (o is not System.Runtime.CompilerServices.ITuple tuple || !typeof(T).IsGenericType || !typeof(System.Runtime.CompilerServices.ITuple).IsAssignableFrom(typeof(T))) return false;
        var types = typeof(T).GetGenericArguments();
        if (types.Length != tuple.Length || types.Length > 7) return false;
        var items = new object?[types.Length];
        for (int i = 0; i < items.Length; i++)
            items[i] = Unwrapped(() => typeof(Dyn).GetMethod(nameof(Cast)).OrThrow().MakeGenericMethod(types[i]).Invoke(null, [tuple[i]]));
        result = (T)Activator.CreateInstance(typeof(T), items).OrThrow();
        return true;
    }

    /// <summary>A dict (or Counter) crossing into a variable typed with other key/value types: a converted copy.</summary>
    private static T DictCopy<T>(IPyDict source)
    {
        var target = Activator.CreateInstance(typeof(T)).OrThrow();
        var args = typeof(T).BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(PyDict<,>) && typeof(T).GetGenericTypeDefinition() != typeof(PyDict<,>)
            ? b.GetGenericArguments() : typeof(T).GetGenericArguments();
        var indexer = target.GetType().GetProperty("Item", new[] { args[0] }).OrThrow();
        var castKey = typeof(Dyn).GetMethod(nameof(Cast)).OrThrow().MakeGenericMethod(args[0]);
        var castValue = typeof(Dyn).GetMethod(nameof(Cast)).OrThrow().MakeGenericMethod(args[1]);
        foreach (var kv in source.ItemsObject())
            indexer.SetValue(target, castValue.Invoke(null, new[] { kv.Value }), new[] { castKey.Invoke(null, new[] { kv.Key }) });
        return (T)target;
    }

    public static object? Add(object? a, object? b)
    {
        var x = Num(a); var y = Num(b);
        return (x, y) switch
        {
            (PyInt i, PyInt j) => i + j,
            (PyInt i, double d) => i.ToDouble() + d,
            (double d, PyInt i) => d + i.ToDouble(),
            (double d1, double d2) => d1 + d2,
            (string s1, string s2) => s1 + s2,
            (IPyList l1, IPyList l2) => ConcatList(l1, l2),
            (PyTuple t1, PyTuple t2) => t1 + t2,
            (ITuple t1, ITuple t2) => PyTuple.From(t1) + PyTuple.From(t2),
            (PyBytes b1, PyBytes b2) => b1 + b2,
            (PyByteArray a1, PyByteArray a2) => a1 + a2,
            (PyByteArray a1, PyBytes b2) => a1 + b2,
            (IPyNumber n, _) => n.PyAdd(y),
            (_, IPyReflectedNumber r) => r.PyRAdd(x),
            _ => throw Unsupported("+", a, b),
        };
    }

    private static PyList<object?> ConcatList(IPyList a, IPyList b)
    {
        var r = new PyList<object?>();
        foreach (var x in a) r.Append(x);
        foreach (var x in b) r.Append(x);
        return r;
    }

    public static object? Sub(object? a, object? b)
    {
        if (ViewOperator("-", a, b) is { } difference) return difference;
        var x = Num(a); var y = Num(b);
        return (x, y) switch
        {
            (PyInt i, PyInt j) => i - j,
            (PyInt i, double d) => i.ToDouble() - d,
            (double d, PyInt i) => d - i.ToDouble(),
            (double d1, double d2) => d1 - d2,
            (IPySet s1, IPySet s2) => DynBuiltinMethods.SetOperator("-", s1, s2),
            (IPyNumber n, _) => n.PySub(y),
            (_, IPyReflectedNumber r) => r.PyRSub(x),
            _ => throw Unsupported("-", a, b),
        };
    }

    public static object? Mul(object? a, object? b)
    {
        var x = Num(a); var y = Num(b);
        return (x, y) switch
        {
            (PyInt i, PyInt j) => i * j,
            (PyInt i, double d) => i.ToDouble() * d,
            (double d, PyInt i) => d * i.ToDouble(),
            (double d1, double d2) => d1 * d2,
            (string s, PyInt n) => Text.PyStr.Repeat(s, (long)n),
            (PyInt n, string s) => Text.PyStr.Repeat(s, (long)n),
            (IPyList l, PyInt n) => RepeatList(l, (long)n),
            (PyInt n, IPyList l) => RepeatList(l, (long)n),
            (ITuple t, PyInt n) => RepeatTuple(t, (long)n),
            (PyInt n, ITuple t) => RepeatTuple(t, (long)n),
            (PyBytes bs, PyInt n) => bs * (long)n,
            (PyInt n, PyBytes bs) => bs * (long)n,
            (PyByteArray ba, PyInt n) => ba * (long)n,
            (PyInt n, PyByteArray ba) => ba * (long)n,
            (IPyNumber nn, _) => nn.PyMul(y),
            (_, IPyReflectedNumber r) => r.PyRMul(x),
            (PyInt or double, Modules.PyTimeDelta t) => t.PyMul(x),
            _ => throw Unsupported("*", a, b),
        };
    }

    private static PyTuple RepeatTuple(ITuple t, long n)
    {
        var items = new List<object?>();
        for (long k = 0; k < n; k++)
            for (int i = 0; i < t.Length; i++) items.Add(t[i]);
        return new PyTuple(items.ToArray());
    }

    private static PyList<object?> RepeatList(IPyList l, long n)
    {
        var r = new PyList<object?>();
        for (long k = 0; k < n; k++) foreach (var x in l) r.Append(x);
        return r;
    }

    public static object? TrueDiv(object? a, object? b)
    {
        var x = Num(a); var y = Num(b);
        return (x, y) switch
        {
            (PyInt i, PyInt j) => PyInt.TrueDiv(i, j),
            (PyInt i, double d) => Ops.Div(i.ToDouble(), d),
            (double d, PyInt i) => Ops.Div(d, i.ToDouble()),
            (double d1, double d2) => Ops.Div(d1, d2),
            (IPyNumber n, _) => n.PyTrueDiv(y),
            (_, IPyReflectedNumber r) => r.PyRTrueDiv(x),
            _ => throw Unsupported("/", a, b),
        };
    }

    public static object? FloorDiv(object? a, object? b)
    {
        var x = Num(a); var y = Num(b);
        return (x, y) switch
        {
            (PyInt i, PyInt j) => PyInt.FloorDiv(i, j),
            (PyInt i, double d) => Ops.FloorDiv(i.ToDouble(), d),
            (double d, PyInt i) => Ops.FloorDiv(d, i.ToDouble()),
            (double d1, double d2) => Ops.FloorDiv(d1, d2),
            (Modules.PyTimeDelta t, _) => t.FloorDiv(y),
            (Modules.PyFraction f, _) => f.FloorDiv(y),
            (_, Modules.PyFraction f) => f.RFloorDiv(x),
            (Modules.PyDecimal, _) or (_, Modules.PyDecimal) => Modules.PyDecimal.FloorDivOrMod(x, y, quotient: true),
            _ => throw Unsupported("//", a, b),
        };
    }

    public static object? Mod(object? a, object? b)
    {
        var x = Num(a); var y = Num(b);
        return (x, y) switch
        {
            (PyInt i, PyInt j) => i % j,
            (PyInt i, double d) => Ops.Mod(i.ToDouble(), d),
            (double d, PyInt i) => Ops.Mod(d, i.ToDouble()),
            (double d1, double d2) => Ops.Mod(d1, d2),
            (string s, _) => Text.PercentFormat.Format(s, b),
            (PyBytes fb, _) => Text.PercentFormat.FormatBytes(fb, b),
            (Modules.PyTimeDelta t, _) => t.Mod(y),
            (Modules.PyFraction f, _) => f.Mod(y),
            (_, Modules.PyFraction f) => f.RMod(x),
            (Modules.PyDecimal, _) or (_, Modules.PyDecimal) => Modules.PyDecimal.FloorDivOrMod(x, y, quotient: false),
            _ => throw Unsupported("%", a, b),
        };
    }

    public static object? Pow(object? a, object? b)
    {
        var x = Num(a); var y = Num(b);
        return (x, y) switch
        {
            (PyInt i, PyInt j) => Ops.Pow(i, j),
            (PyInt i, double d) => Ops.Pow(i.ToDouble(), d),
            (double d, PyInt i) => Ops.Pow(d, i.ToDouble()),
            (double d1, double d2) => Ops.Pow(d1, d2),
            (Modules.PyComplex c, _) => c.Pow(y),
            (_, Modules.PyComplex c) => c.RPow(x),
            (Modules.PyFraction f, _) => f.Pow(y),
            (_, Modules.PyFraction f) => f.RPow(x),
            (Modules.PyDecimal, _) or (_, Modules.PyDecimal) => Modules.PyDecimal.Pow(x, y),
            _ => throw Unsupported("** or pow()", a, b),
        };
    }

    public static object? Pos(object? a) => Num(a) switch
    {
        PyInt or double => Num(a),
        IPySigned s => s.PyPos(),
        _ => throw new TypeError($"bad operand type for unary +: '{TypeName(a)}'"),
    };

    public static object? Neg(object? a) => Num(a) switch
    {
        PyInt i => -i,
        double d => -d,
        IPySigned s => s.PyNeg(),
        Modules.PyTimeDelta t => t.Negate(),
        PyObject when TryCallDunder(a, "__neg__", out var r) => r,
        _ => throw new TypeError($"bad operand type for unary -: '{TypeName(a)}'"),
    };

    /// <summary>A set operator between a keys/items view and an iterable that is not a set (which a set refuses): the iterable as a set.</summary>
    private static object? ViewOperator(string op, object? a, object? b) => (a, b) switch
    {
        (IPySetLikeView and IPySet x, not IPySet and not null and not PyInt) when b is System.Collections.IEnumerable => DynBuiltinMethods.SetOperator(op, x, new PySet<object?>(Iter(b))),
        (not IPySet and not null and not PyInt, IPySetLikeView and IPySet y) when a is System.Collections.IEnumerable => DynBuiltinMethods.SetOperator(op, new PySet<object?>(Iter(a)), y),
        _ => null,
    };

    public static object? BitAnd(object? a, object? b) => ViewOperator("&", a, b) ?? (IntFlagOperand(a, b) is { } f ? f.PyAnd(ReferenceEquals(f, a) ? b : a) : (Num(a), Num(b)) switch
    {
        (PyInt i, PyInt j) => i & j,
        (IPySet x, IPySet y) => DynBuiltinMethods.SetOperator("&", x, y),
        (IPyBitwise x, _) => x.PyAnd(b),
        _ => throw Unsupported("&", a, b),
    });

    public static object? BitOr(object? a, object? b) => ViewOperator("|", a, b) ?? (IntFlagOperand(a, b) is { } f ? f.PyOr(ReferenceEquals(f, a) ? b : a) : (Num(a), Num(b)) switch
    {
        (PyInt i, PyInt j) => i | j,
        (IPyBitwise x, _) => x.PyOr(b),
        (IPySet x, IPySet y) => DynBuiltinMethods.SetOperator("|", x, y),
        (IPyDict x, IPyDict y) => DynBuiltinMethods.DictUnion(x, y),
        _ => throw Unsupported("|", a, b),
    });

    public static object? BitXor(object? a, object? b) => ViewOperator("^", a, b) ?? (IntFlagOperand(a, b) is { } f ? f.PyXor(ReferenceEquals(f, a) ? b : a) : (Num(a), Num(b)) switch
    {
        (PyInt i, PyInt j) => i ^ j,
        (IPySet x, IPySet y) => DynBuiltinMethods.SetOperator("^", x, y),
        _ => throw Unsupported("^", a, b),
    });

    public static object? Invert(object? a) => a is PyFlagEnum flags ? flags.PyInvert() : Num(a) switch
    {
        PyInt i => ~i,
        _ => throw new TypeError($"bad operand type for unary ~: '{TypeName(a)}'"),
    };

    public static object? LShift(object? a, object? b) => (Num(a), Num(b)) switch
    {
        (PyInt i, PyInt j) => i << j,
        _ => throw Unsupported("<<", a, b),
    };

    public static object? RShift(object? a, object? b) => (Num(a), Num(b)) switch
    {
        (PyInt i, PyInt j) => i >> j,
        _ => throw Unsupported(">>", a, b),
    };

    /// <summary>
    /// The flag operand of | &amp; ^ (kept a flag, not turned into its int as Num does): a Flag on the left, or an
    /// IntFlag on the right of an int, whose reflected operator gives a member of its class, as CPython's does.
    /// </summary>
    private static PyFlagEnum? IntFlagOperand(object? a, object? b) => a switch
    {
        PyFlagEnum f => f,
        PyInt or long or int or bool when b is PyIntFlagEnum f => f,
        _ => null,
    };

    private static TypeError Unsupported(string op, object? a, object? b) =>
        op == "+" && TypeName(a) is "str" or "list" or "tuple" && TypeName(a) != TypeName(b)
            ? new($"can only concatenate {TypeName(a)} (not \"{TypeName(b)}\") to {TypeName(a)}")
            : new($"unsupported operand type(s) for {op}: '{TypeName(a)}' and '{TypeName(b)}'");

    public static long Len(object? o) => o switch
    {
        string s => Text.CodePoints.Length(s),
        IPyStrValue e => Text.CodePoints.Length(e.StrValue),
        IPySized c => c.Count,
        ITuple t => t.Length,
        ICollection c => c.Count,
        _ => throw new TypeError($"object of type '{TypeName(o)}' has no len()"),
    };

    public static IEnumerable<object?> Iter(object? o)
    {
        switch (o)
        {
            case string s:
                foreach (var c in Text.PyStr.Chars(s)) yield return c;
                break;
            case IPyDict d:
                foreach (var kv in d.ItemsObject()) yield return kv.Key;
                break;
            case ITuple t:
                for (int i = 0; i < t.Length; i++) yield return t[i];
                break;
            case IEnumerable e:
                foreach (var x in e) yield return Box(x);
                break;
            case IPyGetItem g:
                foreach (var x in IterByIndex(g)) yield return x;
                break;
            default:
                throw new TypeError($"'{TypeName(o)}' object is not iterable");
        }
    }

    /// <summary>
    /// The old sequence protocol: a class with __getitem__ but no __iter__ iterates obj[0], obj[1], ... until
    /// IndexError (or StopIteration), as Python does.
    /// </summary>
    public static IEnumerable<object?> IterByIndex(IPyGetItem o)
    {
        for (long i = 0; ; i++)
        {
            if (!TryItem(o, i, out var item)) yield break;
            yield return item;
        }
    }

    private static bool TryItem(IPyGetItem o, long i, out object? item)
    {
        try
        {
            item = o.PyGetItem(new PyInt(i));
            return true;
        }
        catch (Exception e) when (PyExc.Translate(e) is IndexError or StopIteration)
        {
            item = null;
            return false;
        }
    }

    private static object? Box(object? x) => x switch
    {
        long l => new PyInt(l),
        int i => new PyInt(i),
        _ => x,
    };

    public static object? GetItem(object? o, object? key)
    {
        // self.data[i] inside a user __getitem__ that was given a slice
        if (key is PySlice slice && o is not (IPyDict or IPyGetItem))
        {
            var (start, stop, step) = slice.Bounds();
            return Py.SliceOf(o, start, stop, step);
        }
        switch (o)
        {
            // class Point(tuple) / Stack(list) / Registry(dict): its own __getitem__ when it has one, else the builtin's (slices too)
            case IPyGetItem sub when o is IPyBuiltinSubclass: return sub.PyGetItem(key);
            case IPyDict d: return d.GetItem(key);
            case IPyList l: return l.GetItem(IndexOf(key));
            case string s: return Text.PyStr.At(s, IndexOf(key));
            case PyTuple t: return t[IndexOf(key)];
            case PyRange r: return new PyInt(r[IndexOf(key)]);
            case ITuple t: return t[Indexing.Normalize(IndexOf(key), t.Length, "tuple")];
            case IPyGetItem g: return g.PyGetItem(key);
        }
        throw new TypeError($"'{TypeName(o)}' object is not subscriptable");
    }

    private static Type? DictType(object? o)
    {
        for (var t = o?.GetType(); t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(PyDict<,>)) return t;
        return null;
    }

    /// <summary><c>del o[key]</c> on a dynamic value: a list takes an index or a slice object, anything else its <c>__delitem__</c>.</summary>
    public static void DelItem(object? o, object? key)
    {
        if (o is IPyList l) l.DeleteItemOrSlice(key);
        else if (o is IPyDict d) d.DeleteObject(key);
        else CallMethod(o, "__delitem__", key);
    }

    public static void SetItem(object? o, object? key, object? value)
    {
        switch (o)
        {
            case IPyList l when key is PySlice slice:
            {
                var (start, stop, step) = slice.Bounds();
                l.SetSliceDynamic(start, stop, step, Iter(value).ToList());
                return;
            }
            case IPyList l: l.SetItem(IndexOf(key), value); return;
            case IPySetItem s: s.PySetItem(key, value); return;
        }
        if (DictType(o) is { } dictType)
        {
            // a PyDict or a subclass (OrderedDict, defaultdict): the value converted to the dict's value type
            var args = dictType.GetGenericArguments();
            dictType.GetProperty("Item").OrThrow().SetValue(o, Convert(value, args[1]), new[] { Convert(key, args[0]) });
            return;
        }
        throw new TypeError($"'{TypeName(o)}' object does not support item assignment");
    }

    private static long IndexOf(object? key) => Num(key) switch
    {
        PyInt i => i.AsIndex,
        _ => throw new TypeError($"indices must be integers, not {TypeName(key)}"),
    };

    /// <summary>
    /// The member of a str or int enum equal to a plain str or int (<c>counts["fee"]</c> on a dict keyed by
    /// <c>Kind(str, Enum)</c>): those members are strs and ints, equal to their values.
    /// </summary>
    private static object? ValueEnumMember(Type enumType, object value) =>
        enumType.GetField("Members", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is IEnumerable members
            ? members.OfType<PyEnum>().FirstOrDefault(m => m is PyStrEnum or PyIntEnum && Eq(m.Value, value))
            : null;

    public static bool Contains(object? container, object? item) => container switch
    {
        // class CaseInsensitive(dict) / Stack(list): its own __contains__ when it has one
        IPyBuiltinSubclass when TryCallDunder(container, "__contains__", out var own, item) => Truth(own),
        string s => Num(item) is string sub ? s.Contains(sub, StringComparison.Ordinal) : throw new TypeError("'in <string>' requires string as left operand, not " + TypeName(item)),
        IPyStrValue v => Contains(v.StrValue, item),
        IPyDict d => d.ContainsKeyObject(item) || item is IPyStrValue e && d.ContainsKeyObject(e.StrValue),
        IPySet s => s.ContainsObject(item) || item is IPyStrValue e && s.ContainsObject(e.StrValue),
        PyFlagEnum f => f.Has(item),
        // a bytes-like item is a subsequence, not an element
        PyByteArray ba => ba.Contains(item),
        PyBytes b => PyByteArray.From(b).Contains(item),
        PyObject when TryCallDunder(container, "__contains__", out var found, item) => Truth(found),
        _ => Iter(container).Any(x => ItemEq(x, item)),
    };

    /// <summary>
    /// The Python name of a function value that is a plain delegate: "&lt;lambda&gt;" for a lambda, else the method's
    /// name back in snake_case (the transpiler writes make_tree as MakeTree).
    /// </summary>
    internal static string FunctionName(Delegate d)
    {
        if (Py.FunctionNames.TryGetValue(d, out var named)) return named;
        var n = d.Method.Name;
        if (n.Contains('<', StringComparison.Ordinal)) return "<lambda>";
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < n.Length; i++)
        {
            if (char.IsUpper(n[i]) && i > 0 && n[i - 1] != '_') sb.Append('_');
            sb.Append(char.ToLowerInvariant(n[i]));
        }
        return sb.ToString();
    }

    /// <summary>Attribute read through reflection (PascalCase member for a snake_case name).</summary>
    public static object? GetAttr(object? o, string name)
    {
        if (o is IPyAttributes a && a.TryGetAttr(name, out var v)) return v;
        if (o is null) throw new AttributeError($"'NoneType' object has no attribute '{name}'");
        if (o is PyObject && IsDeleted(o, name)) throw new AttributeError($"'{TypeName(o)}' object has no attribute '{name}'");
        if (name == "__dict__" && o is not PyEnum and PyObject { PyHasDict: true } instance) return instance.PyVars();
        if (o is Delegate fn && name is "__name__" or "__qualname__") return FunctionName(fn);
        if (name == "__wrapped__" && Py.TryGetWrapped(o, out var wrapped)) return wrapped;
        if (o is Type cls && TryClassAttr(cls, name, out var classValue)) return classValue;
        // a program class has no other attributes (System.Type's own members, Type.Missing among them, are not Python's)
        if (o is Type pyClass && typeof(PyObject).IsAssignableFrom(pyClass)) return UserObjectAttr(o, pyClass, name);
        // Before the .NET members: list.count is a method in Python, where PyList's Count property would answer.
        if (o is not PyObject && PyBuiltinMethod.Has(o, name)) return new PyBuiltinMethod(o, name);
        var t = o.GetType();
        foreach (var candidate in Naming.Candidates(name))
        {
            // FlattenHierarchy: a class attribute of an intermediate base (self.reach read in Piece, set on Rook)
            var p = t.GetProperty(candidate, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy);
            if (p is not null) return Unwrapped(() => p.GetValue(o));
            var f = t.GetField(candidate, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy);
            if (f is not null) return f.GetValue(o);
        }
        return UserObjectAttr(o, t, name);
    }

    /// <summary>A user object's method as a bound method, else what its <c>__getattr__</c> gives, else AttributeError.</summary>
    private static object? UserObjectAttr(object o, Type t, string name)
    {
        if (ExtraAttributes.TryGetValue(o, out var extra) && extra.TryGetValue(name, out var set)) return set;
        if (o is PyDictSubclass d && d.EntriesAreAttributes() && d.DictValue.TryGetValue(name, out var entry)) return entry;
        if (o is IPyLocalClassInstance local && local.PyClass.TryGetClassAttribute(name, out var classAttribute)) return classAttribute;
        if (o is PyObject)
        {
            var names = Naming.Candidates(name);
            if (t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => names.Contains(m.Name) && m.DeclaringType != typeof(object) && m.DeclaringType != typeof(PyObject)))
                return new PyBoundMethod(o, name);
            // a staticmethod or classmethod read from an instance (getattr(obj, "create")): the class's function
            if (PyClassFunction.Find(t, name) is { IsStatic: true } classFunction) return classFunction;
            if (o is IPyDataclass && PyBuiltinMethod.Has(o, name)) return new PyBuiltinMethod(o, name);
            if (o is IPyBuiltinSubclass sub && PyBuiltinMethod.Has(sub.BuiltinValue, name)) return new PyBuiltinMethod(sub.BuiltinValue, name);
            if (TryCallDunder(o, "__getattr__", out var fallback, name)) return fallback;
        }
        else if (PyBuiltinMethod.Has(o, name)) return new PyBuiltinMethod(o, name);
        if (o is Type cls && typeof(PyObject).IsAssignableFrom(cls)) throw new AttributeError($"type object '{cls.Name.TrimEnd('_')}' has no attribute '{name}'");
        throw new AttributeError($"'{TypeName(o)}' object has no attribute '{name}'");
    }

    public static void SetAttr(object? o, string name, object? value)
    {
        if (o is null) throw new AttributeError($"'NoneType' object has no attribute '{name}'");
        if (o is IPySetAttr s) { s.SetAttr(name, value); return; }
        // class AttrDict(dict) with __setattr__ (self[name] = value): cfg.debug = True goes through it
        if (o is IPyBuiltinSubclass && TryCallDunder(o, "__setattr__", out _, name, value)) return;
        // a migrated class held in a variable (tag(cls, key): cls.name = key): its class attribute
        if (o is Type cls && (typeof(PyObject).IsAssignableFrom(cls) || typeof(PyBaseException).IsAssignableFrom(cls))) { new PyTypeObject(cls.Name) { ClrType = cls }.SetAttr(name, value); return; }
        var t = o.GetType();
        foreach (var candidate in Naming.Candidates(name))
        {
            var p = t.GetProperty(candidate);
            if (p is not null && p.CanWrite) { Unwrapped(() => { p.SetValue(o, Convert(value, p.PropertyType)); return null; }); return; }
            var f = t.GetField(candidate);
            if (f is not null)
            {
                f.SetValue(o, Convert(value, f.FieldType));
                Assigning(o, name);
                return;
            }
        }
        // an instance of a migrated class takes new attributes (setattr(obj, "color", v)), as its __dict__ would;
        // so does a function (wrapper.calls = 0 in a decorator)
        if (o is PyDictSubclass entries && entries.EntriesAreAttributes()) { entries.DictValue[name] = value; return; }
        if (o is PyObject { PyHasDict: true } or Delegate or IPyCallable) { ExtraAttributes.GetOrCreateValue(o)[name] = value; return; }
        throw new AttributeError($"'{TypeName(o)}' object has no attribute '{name}'");
    }

    /// <summary>Attributes set on instances beyond the fields their class declares.</summary>
    private static readonly ConditionalWeakTable<object, Dictionary<string, object?>> ExtraAttributes = new();

    /// <summary>
    /// Declared fields that <c>del obj.attr</c> removed, or that a new instance does not have yet (Absent): the field
    /// holds its default until assigned again.
    /// </summary>
    private static readonly ConditionalWeakTable<object, HashSet<string>> DeletedFields = new();

    /// <summary>
    /// <c>del obj.attr</c> of an instance attribute: one set beyond the declared fields goes; a declared field is reset
    /// to its default and reads through the runtime (getattr, hasattr) raise AttributeError until it holds another value.
    /// </summary>
    public static void DelAttr(object? o, string name)
    {
        if (o is null) throw new AttributeError($"'NoneType' object has no attribute '{name}'");
        if (ExtraAttributes.TryGetValue(o, out var extra) && extra.Remove(name)) return;
        if (o is PyObject && TryDropOwnValue(o, name)) return;
        if (o is PyObject && !IsDeleted(o, name) && InstanceField(o.GetType(), name) is { } field)
        {
            field.SetValue(o, field.FieldType.IsValueType ? Activator.CreateInstance(field.FieldType) : null);
            DeletedFields.GetOrCreateValue(o).Add(name);
            return;
        }
        throw new AttributeError($"'{TypeName(o)}' object has no attribute '{name}'");
    }

    /// <summary>
    /// <c>del obj.attr</c> where the instance assigned a class attribute its own value (the transpiler's __has_X flag):
    /// the class's value shows through again.
    /// </summary>
    private static bool TryDropOwnValue(object o, string name)
    {
        var flag = Naming.Candidates(name).Select(c => o.GetType().GetField("__has_" + c, BindingFlags.NonPublic | BindingFlags.Instance)).FirstOrDefault(f => f is not null);
        if (flag is null || flag.GetValue(o) is not true) return false;
        flag.SetValue(o, false);
        return true;
    }

    /// <summary>
    /// A read of a field the program may delete or leave unset (obj.attr in a try catching AttributeError): the
    /// receiver, or AttributeError while the attribute is missing.
    /// </summary>
    public static T Present<T>(T o, string name) where T : class
    {
        if (IsDeleted(o, name)) throw new AttributeError($"'{TypeName(o)}' object has no attribute '{name}'");
        return o;
    }

    /// <summary>The receiver of an assignment to such a field: the attribute is there again, whatever value it gets.</summary>
    public static T Assigning<T>(T o, string name) where T : class
    {
        if (DeletedFields.TryGetValue(o, out var deleted)) deleted.Remove(name);
        return o;
    }

    /// <summary>The value assigned to such a field, once computed: the attribute is there again.</summary>
    public static T Assigned<T>(object o, string name, T value)
    {
        Assigning(o, name);
        return value;
    }

    /// <summary>Fields a new instance does not have yet (its __init__ does not set them): missing until assigned.</summary>
    public static void Absent(object o, params string[] names) => DeletedFields.GetOrCreateValue(o).UnionWith(names);

    private static FieldInfo? InstanceField(Type t, string name) =>
        Naming.Candidates(name).Select(c => t.GetField(c, BindingFlags.Public | BindingFlags.Instance)).FirstOrDefault(f => f is not null);

    /// <summary>Whether a field that <c>del</c> removed still holds its default (an assignment since gives it back).</summary>
    private static bool IsDeleted(object o, string name)
    {
        if (!DeletedFields.TryGetValue(o, out var deleted) || !deleted.Contains(name)) return false;
        var field = InstanceField(o.GetType(), name);
        var value = field?.GetValue(o);
        if (value is null || field is not null && field.FieldType.IsValueType && value.Equals(Activator.CreateInstance(field.FieldType))) return true;
        deleted.Remove(name);
        return false;
    }

    /// <summary>
    /// An instance's declared fields but those it does not have (deleted, not set yet), then the attributes set on it
    /// beyond them (setattr(obj, "color", v)), as its __dict__ holds them.
    /// </summary>
    public static PyDict<string, object?> WithExtraAttributes(object o, PyDict<string, object?> fields)
    {
        if (DeletedFields.TryGetValue(o, out var deleted))
            foreach (var name in deleted.ToList()) if (IsDeleted(o, name)) fields.Remove(name);
        if (ExtraAttributes.TryGetValue(o, out var extra))
            foreach (var (key, value) in extra) fields[key] = value;
        return fields;
    }

    internal static object? Convert(object? value, Type target)
    {
        if (value is null || target.IsInstanceOfType(value)) return value;
        if (target == typeof(PyInt)) return Cast<PyInt>(value);
        if (target == typeof(double)) return Cast<double>(value);
        if (target == typeof(long)) return Cast<long>(value);
        if (target == typeof(bool)) return Cast<bool>(value);
        // a lambda typed Func<object?, bool> by its call site, for a parameter typed Func<PyInt, bool> by its annotation
        if (typeof(Delegate).IsAssignableFrom(target) && CallableAdapter.TryAdapt(value, target, out var adapted)) return adapted;
        // a tuple or container built with other element types ((PyInt, PyInt) into (long, long)): a converted copy
        if (target.IsGenericType && value is System.Collections.IEnumerable or System.Runtime.CompilerServices.ITuple && value is not string)
            return Unwrapped(() => typeof(Dyn).GetMethod(nameof(Cast)).OrThrow().MakeGenericMethod(target).Invoke(null, [value]));
        return value;
    }

    /// <summary>Reflection wraps what a property getter or setter raises; Python code must see the exception itself.</summary>
    internal static object? Unwrapped(Func<object?> access)
    {
        try { return access(); }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    /// <summary>Calls a callable value with positional arguments.</summary>
    public static object? Call(object? f, params object?[] args)
    {
        if (f is IPyCallable c) return c.PyCall(args);
        if (f is Delegate d) return ArgumentBinder.Invoke(d.Method.Name, d, null, args, null);
        // a class used as a value: cls(*args) constructs it; type(self)(*args) too
        if (f is Type cls && IsConstructible(cls)) return Construct(cls, args);
        if (f is PyTypeObject { ClrType: { } typeOf } && IsConstructible(typeOf)) return Construct(typeOf, args);
        // an instance of a user class with __call__
        if (f is PyObject && f.GetType().GetMethods().FirstOrDefault(m => m.Name == "DunderCall" && m.GetParameters().Length == args.Length) is { } call)
        {
            var ps = call.GetParameters();
            var conv = new object?[args.Length];
            for (int i = 0; i < args.Length; i++) conv[i] = Convert(args[i], ps[i].ParameterType);
            return BoxValue(Unwrapped(() => call.Invoke(f, conv)));
        }
        if (f is PyObject && VariadicDunderCall(f) is { } variadic) return BoxValue(ArgumentBinder.InvokeVariadicMethod(TypeName(f), f, variadic, args, null));
        throw new TypeError($"'{TypeName(f)}' object is not callable");
    }

    /// <summary>
    /// A key or predicate held in a variable (groupby(xs, key) with key=None, filter(pred, xs)): None stands for the
    /// item itself, as sorted, min, max, groupby and filter take it.
    /// </summary>
    public static object? CallKey(object? key, object? item) => key is null ? item : Call(key, item);

    private static bool IsConstructible(Type cls) => typeof(PyObject).IsAssignableFrom(cls) || typeof(Exception).IsAssignableFrom(cls);

    /// <summary><c>cls(*args, **kwargs)</c> for a migrated class held in a variable: the first constructor the arguments fill (defaults after them).</summary>
    internal static object Construct(Type cls, object?[] args, PyDict<string, object?>? kwargs = null)
    {
        // a builtin exception class as a value (kinds[1]("message")): its params constructor takes the arguments as e.args
        // (GetConstructor's binder would also take a user exception's (object? value) constructor for object[])
        if (!typeof(PyObject).IsAssignableFrom(cls) && cls.GetConstructor([typeof(object[])]) is { } exceptionCtor && exceptionCtor.GetParameters()[0].ParameterType == typeof(object[])
            && typeof(PyBaseException).IsAssignableFrom(cls))
            return Unwrapped(() => exceptionCtor.Invoke([args])).OrThrow();
        // a class with its own __new__: its factory runs __new__, then __init__ (see the transpiler's Emitter.New)
        IEnumerable<MethodBase> creators = cls.GetMethod("__PyNew", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly) is { } factory
            ? [factory]
            : cls.GetConstructors().Where(c => c.GetParameters().All(p => p.ParameterType != typeof(DeferredInit))).OrderBy(c => c.GetParameters().Length);
        // a class whose __init__ takes *args/**kwargs (its own or the base's, for a subclass without one): bound as a call of it
        if (creators.Take(2).Count() == 1 && ArgumentBinder.IsVariadic(creators.First().GetParameters()))
        {
            var only = creators.First();
            var values = ArgumentBinder.BindVariadic(cls.Name.TrimEnd('_') + ".__init__", only.GetParameters(), args, kwargs);
            return Unwrapped(() => only is ConstructorInfo ctor ? ctor.Invoke(values) : only.Invoke(null, values)).OrThrow();
        }
        foreach (var creator in creators)
            if (BindConstructorArguments(creator.GetParameters(), args, kwargs) is { } conv)
                return Unwrapped(() => creator is ConstructorInfo ctor ? ctor.Invoke(conv) : creator.Invoke(null, conv)).OrThrow();
        // one way to construct it: CPython's message for what the arguments lack or add
        if (creators.Take(2).Count() == 1) throw ArgumentBinder.Mismatch(cls.Name.TrimEnd('_') + ".__init__", creators.First().GetParameters(), args, kwargs, self: 1);
        throw new TypeError($"{cls.Name.TrimEnd('_')}() got arguments its __init__ does not take ({args.Length} positional)");
    }

    private static object?[]? BindConstructorArguments(ParameterInfo[] ps, object?[] args, PyDict<string, object?>? kwargs)
    {
        // a factory taking *args (class Vec(tuple) with __new__(cls, *coords)): the arguments past the named ones fill it
        if (ps.Length > 0 && ps[^1].IsDefined(typeof(ParamArrayAttribute), false) && args.Length >= ps.Length - 1 && kwargs is not { Count: > 0 })
            return [.. args.Take(ps.Length - 1).Select((a, i) => Convert(a, ps[i].ParameterType)), args.Skip(ps.Length - 1).ToArray()];
        if (ParameterDefaults.Positional(ps) < args.Length || !KeywordsNameLaterParameters(ps, args.Length, kwargs)) return null;
        var conv = new object?[ps.Length];
        for (int i = 0; i < ps.Length; i++)
        {
            string pyName = ps[i].Name?.TrimStart('@') ?? "";
            if (i < args.Length) conv[i] = Convert(args[i], ps[i].ParameterType);
            else if (kwargs is not null && kwargs.ContainsKey(pyName)) conv[i] = Convert(kwargs[pyName], ps[i].ParameterType);
            else if (ParameterDefaults.Has(ps[i])) conv[i] = ParameterDefaults.Value(ps[i]);
            else return null;
        }
        return conv;
    }

    /// <summary>Each keyword names a parameter the positional arguments leave (else the constructor does not take the call).</summary>
    private static bool KeywordsNameLaterParameters(ParameterInfo[] ps, int positional, PyDict<string, object?>? kwargs) =>
        kwargs is null || kwargs.Keys().All(key => ps.Skip(positional).Any(p => p.Name == key));

    /// <summary>An attribute of a migrated class held in a variable: <c>__name__</c>, a class attribute, a static method.</summary>
    internal static bool TryClassAttr(Type cls, string name, out object? value)
    {
        value = null;
        // a builtin exception class as a value (kinds = [ValueError, KeyError]; k.__name__)
        if (typeof(PyBaseException).IsAssignableFrom(cls) && !typeof(PyObject).IsAssignableFrom(cls) && name is "__name__" or "__qualname__")
        {
            value = cls == typeof(PyException) ? "Exception" : cls == typeof(PyBaseException) ? "BaseException" : cls.Name;
            return true;
        }
        // migrated classes, exception classes among them (class AppError(Exception): code = 1)
        // object, the last class of every __mro__
        if (cls == typeof(object) && name is "__name__" or "__qualname__") { value = "object"; return true; }
        if (!typeof(PyObject).IsAssignableFrom(cls) && !typeof(PyBaseException).IsAssignableFrom(cls)) return false;
        if (name is "__name__" or "__qualname__") { value = cls.Name.TrimEnd('_'); return true; }
        if (name == "__dict__" && ClassDict(cls) is { } dict) { value = dict; return true; }
        if (name is "__mro__" or "__bases__" or "__base__" && IsLineageClass(cls))
        {
            value = name switch
            {
                "__mro__" => new PyTuple(Mro(cls)),
                "__bases__" => new PyTuple(PythonBases(cls)),
                _ => PythonBases(cls)[0],
            };
            return true;
        }
        foreach (var candidate in Naming.Candidates(name))
        {
            var p = cls.GetProperty(candidate, BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy);
            if (p is not null) { value = Unwrapped(() => p.GetValue(null)); return true; }
            var f = cls.GetField(candidate, BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy);
            if (f is not null) { value = f.GetValue(null); return true; }
        }
        // a method read from the class (getattr(Dog, "fetch"), hasattr(Dog, "speak")), inherited ones too
        value = PyClassFunction.Find(cls, name);
        return value is not null;
    }

    /// <summary>A migrated class's own <c>__dict__</c> (a snapshot), which the transpiler writes where the program reads one.</summary>
    internal static PyDict<string, object?>? ClassDict(Type cls) =>
        cls.GetMethod("__PyClassDict", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly, Type.EmptyTypes) is { } m
            ? Unwrapped(() => m.Invoke(null, null)) as PyDict<string, object?>
            : null;

    private static bool IsLineageClass(Type cls) =>
        typeof(PyObject).IsAssignableFrom(cls) && !typeof(PyEnum).IsAssignableFrom(cls) || typeof(PyBaseException).IsAssignableFrom(cls);

    /// <summary>
    /// Whether <paramref name="target"/> is in the <c>__mro__</c> of <paramref name="cls"/> through a base C# does not derive
    /// from (<c>class NotFound(AppError, LookupError)</c> derives from AppError and lists LookupError in __PyBases).
    /// </summary>
    public static bool HasPythonBase(Type cls, Type target) =>
        ExtraBaseMros.GetValue(cls, t => DeclaresPythonBases(t) ? Mro(t) : null) is { } mro && mro.Contains(target);

    private static readonly ConditionalWeakTable<Type, List<Type>?> ExtraBaseMros = new();

    private static bool DeclaresPythonBases(Type cls)
    {
        for (var t = cls; t is not null && IsLineageClass(t); t = t.BaseType)
            if (t.GetField("__PyBases", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly) is not null) return true;
        return false;
    }

    /// <summary>
    /// A migrated class's Python bases: those the generated class lists when it has several (C# derives from one and
    /// merges the others), else its C# base, else object.
    /// </summary>
    private static List<Type> PythonBases(Type cls)
    {
        if (cls.GetField("__PyBases", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)?.GetValue(null) is Type[] declared) return [.. declared];
        return cls.BaseType is { } b && b != typeof(PyObject) && IsLineageClass(b) ? [b] : [typeof(object)];
    }

    /// <summary>A migrated class's <c>__mro__</c>: Python's C3 linearization of its bases.</summary>
    public static List<Type> Mro(Type cls)
    {
        if (cls == typeof(object)) return [cls];
        var bases = PythonBases(cls);
        var sequences = bases.Select(Mro).Append(bases).Select(x => new List<Type>(x)).ToList();
        var result = new List<Type> { cls };
        while (sequences.Count > 0)
        {
            var head = sequences.Select(x => x[0]).FirstOrDefault(h => !sequences.Any(x => x.IndexOf(h) > 0))
                ?? throw new TypeError("Cannot create a consistent method resolution order (MRO)");
            result.Add(head);
            foreach (var x in sequences.Where(x => x[0] == head)) x.RemoveAt(0);
            sequences.RemoveAll(x => x.Count == 0);
        }
        return result;
    }

    /// <summary>A user class's <c>__call__(self, *args, **kwargs)</c>: its C# method ends in a params array or a keywords dict.</summary>
    private static MethodInfo? VariadicDunderCall(object f) =>
        f.GetType().GetMethods().FirstOrDefault(m => m.Name == "DunderCall" && m.GetParameters() is { Length: > 0 } ps
            && (ps[^1].IsDefined(typeof(ParamArrayAttribute), false) || ps[^1].ParameterType == typeof(PyDict<string, object?>)));

    /// <summary>f(a, k=v) on a function value: positional and keyword arguments bound as Python binds them.</summary>
    public static object? CallKw(object? f, object?[] args, PyDict<string, object?> kwargs)
    {
        if (kwargs.Count == 0) return Call(f, args);
        if (f is IPyKwCallable k) return k.PyCall(args, kwargs);
        if (f is Type cls && IsConstructible(cls)) return Construct(cls, args, kwargs);
        if (f is PyTypeObject { ClrType: { } typeOf } && IsConstructible(typeOf)) return Construct(typeOf, args, kwargs);
        if (f is Delegate d) return ArgumentBinder.Invoke(d.Method.Name, d, null, args, kwargs);
        if (f is IPyCallable) throw new TypeError($"{TypeName(f)}() got an unexpected keyword argument '{kwargs.Keys().First()}'");
        if (f is PyObject && f.GetType().GetMethod("DunderCall") is { } call)
            return BoxValue(ArgumentBinder.InvokeVariadicMethod("__call__", f, call, args, kwargs));
        throw new TypeError($"'{TypeName(f)}' object is not callable");
    }

    /// <summary>f(*args, **kwargs) on a function value.</summary>
    public static object? CallSpread(object? f, IEnumerable<object?> args, IPyDict? kwargs = null)
    {
        if (kwargs is not { Count: > 0 }) return Call(f, args.ToArray());
        var kw = new PyDict<string, object?>();
        foreach (var (key, value) in kwargs.ItemsObject()) kw[key as string ?? throw new TypeError("keywords must be strings")] = value;
        return CallKw(f, args.ToArray(), kw);
    }

    /// <summary>counter.update(iterable, q=1): the iterable or mapping, then the keywords as a mapping of counts.</summary>
    private static object? CounterKeywords(object counter, string name, object?[] args, PyDict<string, object?> kwargs)
    {
        var add = counter.GetType().GetMethod(name == "update" ? "UpdateDynamic" : "SubtractDynamic").OrThrow();
        foreach (var source in args.Append(kwargs)) Unwrapped(() => add.Invoke(counter, [source]));
        return null;
    }

    /// <summary>A method call with Python keyword arguments on a dynamic value.</summary>
    public static object? CallMethodKw(object? o, string name, PyDict<string, object?> kwargs, params object?[] args)
    {
        if (o is Modules.IPyKeywordMethods k) return k.CallMethod(name, args, kwargs);
        if (o is not null && DynBuiltinMethods.TryCall(o, name, args, kwargs, out var builtin)) return builtin;
        if (kwargs.Count > 0 && o is PyObject && TryDecoratedMethod(o.GetType(), name, out var decorated)) return CallKw(decorated, [o, .. args], kwargs);
        if (kwargs.Count > 0 && o is PyObject && TryCallUserMethod(o, name, args, kwargs, out var user)) return user;
        if (kwargs.Count > 0 && o is IPyBuiltinSubclass sub && PyBuiltinMethod.Has(sub.BuiltinValue, name)) return CallMethodKw(sub.BuiltinValue, name, kwargs, args);
        if (kwargs.Count > 0 && o is not null && IsCounter(o) && name is "update" or "subtract") return CounterKeywords(o, name, args, kwargs);
        if (kwargs.Count > 0) throw new TypeError($"{name}() got keyword arguments Batuta cannot pass to '{TypeName(o)}'");
        return CallMethod(o, name, args);
    }

    /// <summary>A user class's method called with keywords on a dynamic value: bound by the C# parameter names, which are Python's.</summary>
    private static bool TryCallUserMethod(object o, string name, object?[] args, PyDict<string, object?> kwargs, out object? result)
    {
        result = null;
        foreach (var candidate in Naming.Candidates(name))
        {
            var m = o.GetType().GetMethods().FirstOrDefault(m => m.Name == candidate && !m.IsGenericMethodDefinition && m.GetParameters() is var ps
                && ps.Length >= args.Length && kwargs.Keys().All(key => ps.Any(p => p.Name == key)));
            if (m is null) continue;
            result = BindUserMethod(o, name, m, args, kwargs);
            return true;
        }
        if (UserMethod(o.GetType(), name) is not { } user) return false;
        result = BindUserMethod(o, name, user, args, kwargs);
        return true;
    }

    /// <summary>Calls a user class's special method (<c>__abs__</c>, ...) when the object has one.</summary>
    public static bool TryCallDunder(object? o, string dunder, out object? result, params object?[] args)
    {
        result = null;
        var m = o is PyObject ? o.GetType().GetMethod(Naming.Dunder(dunder), Type.EmptyTypes.Length == args.Length ? Type.EmptyTypes : args.Select(a => a?.GetType() ?? typeof(object)).ToArray()) : null;
        if (m is null) return false;
        try { result = BoxValue(m.Invoke(o, args)); }
        catch (TargetInvocationException e) when (e.InnerException is not null) { throw e.InnerException; }
        return true;
    }

    /// <summary>An attribute set on the instance beyond its class's, else what its <c>__getattr__</c> gives.</summary>
    private static bool TryInstanceFallback(object o, string name, out object? value)
    {
        if (ExtraAttributes.TryGetValue(o, out var extra) && extra.TryGetValue(name, out value)) return true;
        if (o is PyDictSubclass d && d.EntriesAreAttributes() && d.DictValue.TryGetValue(name, out value)) return true;
        return TryCallDunder(o, "__getattr__", out value, name);
    }

    public static object? CallMethod(object? o, string name, params object?[] args)
    {
        if (o is Modules.IPyKeywordMethods k) return k.CallMethod(name, args, new PyDict<string, object?>());
        if (o is not null && DynBuiltinMethods.TryCall(o, name, args, null, out var builtin)) return builtin;
        return CallMethodReflected(o, name, args);
    }

    /// <summary>
    /// A builtin type's method as a value (<c>int.__mul__</c>, <c>str.replace</c>): its first argument is the receiver,
    /// the others the method's, however many it takes.
    /// </summary>
    public static PyVariadicFunction UnboundMethod(string type, string name) => new(name, args => args.Length == 0
        ? throw new TypeError(name.StartsWith("__", StringComparison.Ordinal) ? $"descriptor '{name}' of '{type}' object needs an argument" : $"unbound method {type}.{name}() needs an argument")
        : CallMethod(args[0], name, args[1..]));

    /// <summary>
    /// A method a decorator replaced (@times10 def run): the generated class keeps the decorated value in a static field
    /// beside the undecorated C# method, and that value is what Python's lookup finds, unless a subclass redefines the method.
    /// </summary>
    private static bool TryDecoratedMethod(Type t, string name, out object? decorated)
    {
        decorated = null;
        var names = Naming.Candidates(name);
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.DeclaredOnly;
        for (var c = t; c is not null && c != typeof(PyObject); c = c.BaseType)
        {
            if (c.GetFields(Declared | BindingFlags.Static).FirstOrDefault(f => names.Any(n => f.Name == n + "__decorated")) is { } field)
            {
                decorated = field.GetValue(null);
                return decorated is not null;
            }
            if (c.GetMethods(Declared | BindingFlags.Instance).Any(m => names.Contains(m.Name))) return false;
        }
        return false;
    }

    /// <summary>A method of a runtime object found by reflection (what CallMethod does for objects without keyword methods).</summary>
    /// <summary>A method with *args (a C# params array): the leading arguments, then the rest as the array.</summary>
    private static bool TryInvokeVariadic(object o, Type t, string name, object?[] args, out object? result)
    {
        result = null;
        var names = Naming.Candidates(name);
        var m = t.GetMethods().FirstOrDefault(x => names.Contains(x.Name) && x.GetParameters() is { Length: > 0 } ps
            && ps[^1].IsDefined(typeof(ParamArrayAttribute), false) && ps.Length - 1 <= args.Length);
        if (m is null) return false;
        var p = m.GetParameters();
        int fixedCount = p.Length - 1;
        var conv = new object?[p.Length];
        for (int i = 0; i < fixedCount; i++) conv[i] = Convert(args[i], p[i].ParameterType);
        conv[fixedCount] = ArgumentBinder.StarArray(p[fixedCount], args[fixedCount..]);
        result = BoxValue(Unwrapped(() => m.Invoke(o, conv)));
        return true;
    }

    public static object? CallMethodReflected(object? o, string name, object?[] args)
    {
        if (o is null) throw new AttributeError($"'NoneType' object has no attribute '{name}'");
        // Python's str methods, never System.String's (whose Split returned a string[])
        if (o is string s) return Text.PyStr.CallMethod(s, name, args);
        if (o is PyObject && TryDecoratedMethod(o.GetType(), name, out var decorated)) return Call(decorated, [o, .. args]);
        // inc.reset = reset on a closure, then c.reset(): the attribute holds the function to call
        if (o is Delegate or IPyCallable && ExtraAttributes.TryGetValue(o, out var extra) && extra.TryGetValue(name, out var held)) return Call(held, args);
        var t = o.GetType();
        // readline is ReadLine in the runtime: the last candidate ignores case and underscores
        string folded = name.Replace("_", "");
        foreach (var candidate in Naming.Candidates(name).Reverse().Append(null))
        {
            // Parameters past the given arguments must have C# defaults (the transpiler writes Python's constant defaults).
            var methods = t.GetMethods().Where(m => (candidate is null ? string.Equals(m.Name, folded, StringComparison.OrdinalIgnoreCase) : m.Name == candidate) && !m.IsGenericMethodDefinition && m.GetParameters() is var mp
                && ParameterDefaults.FillFrom(mp, args.Length)).OrderBy(m => m.GetParameters().Length).ToList();
            foreach (var m in methods)
            {
                var conv = ParameterDefaults.Complete(m.GetParameters(), args);
                try { return m.Invoke(o, conv); }
                catch (TargetInvocationException e) when (e.InnerException is not null) { throw e.InnerException; }
                catch (ArgumentException) { }
            }
        }
        if (TryInvokeVariadic(o, t, name, args, out var variadic)) return variadic;
        // a program class's method the arguments do not fit: bound as CPython binds them, for its TypeError
        if (o is PyObject && UserMethod(t, name) is { } user) return BindUserMethod(o, name, user, args, null);
        return CallNonMethod(o, name, args);
    }

    /// <summary>The public instance method of a program class (not the runtime's) named <paramref name="name"/>.</summary>
    private static MethodInfo? UserMethod(Type t, string name)
    {
        var names = Naming.Candidates(name);
        return t.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(m => names.Contains(m.Name) && !m.IsGenericMethodDefinition && m.DeclaringType is { } d && d.Assembly != typeof(PyObject).Assembly);
    }

    /// <summary>A program method called through a value, bound by Python's rules (defaults, keywords, *args, **kwargs) with CPython's TypeErrors.</summary>
    private static object? BindUserMethod(object o, string name, MethodInfo m, object?[] args, PyDict<string, object?>? kwargs)
    {
        string qualified = (m.DeclaringType?.Name.TrimEnd('_') ?? TypeName(o)) + "." + name;
        var ps = m.GetParameters();
        bool variadic = ps.Length > 0 && (ps[^1].IsDefined(typeof(ParamArrayAttribute), false) || ps[^1].ParameterType == typeof(PyDict<string, object?>));
        return BoxValue(variadic ? ArgumentBinder.InvokeVariadicMethod(qualified, o, m, args, kwargs) : ArgumentBinder.InvokeMethod(qualified, o, m, args, kwargs, self: 1));
    }

    /// <summary>obj.name(args) where obj's class has no such method: an attribute holding a callable, or a few special cases.</summary>
    private static object? CallNonMethod(object o, string name, object?[] args)
    {
        // an instance of class Stack(list) / Point(tuple): the builtin's methods on its value, found before __getattr__
        if (o is IPyBuiltinSubclass sub && PyBuiltinMethod.Has(sub.BuiltinValue, name)) return CallMethod(sub.BuiltinValue, name, args);
        // an attribute set on the instance, or what its __getattr__ gives (a proxy's p.push(4)): called
        if (o is PyObject && TryInstanceFallback(o, name, out var attribute)) return Call(attribute, args);
        if (o is Type cls && name == "mro" && args.Length == 0 && IsLineageClass(cls)) return new PyList<object?>(Mro(cls));
        // an attribute holding a function (a Namespace's func set with set_defaults): call it
        if (o is IPyAttributes a && a.TryGetAttr(name, out var f)) return Call(f, args);
        if (name == "__wrapped__" && Py.TryGetWrapped(o, out var wrapped)) return Call(wrapped, args);
        if (o is IPyResumable g && name is "send" or "throw" or "close") return CallMethodReflected(g.Iterator, name, args);
        if (name == "close" && args.Length == 0 && IteratorTypeName(o) == "generator") return PyIter.CloseBare(o);
        if (name == "throw" && args.Length is >= 1 and <= 3 && IteratorTypeName(o) == "generator") return PyIter.ThrowBare(o, args);
        // a member of class Kind(str, Enum), an instance of class Upper(str) or Point(tuple): the builtin's methods on its value
        if (o is IPyStrValue member && PyBuiltinMethod.Has(member.StrValue, name)) return Text.PyStr.CallMethod(member.StrValue, name, args);
        throw new AttributeError($"'{TypeName(o)}' object has no attribute '{name}'");
    }
}

public interface IPyBool { bool PyBool(); }
/// <summary>A value with Python's unary + and - (Counter: the positive counts, the negated negative ones).</summary>
public interface IPySigned
{
    object PyPos();
    object PyNeg();
}
public interface IPyOrdered { int PyCompare(object? other); }
public interface IPyNumber
{
    object? PyAdd(object? other);
    object? PySub(object? other);
    object? PyMul(object? other);
    object? PyTrueDiv(object? other);
}
public interface IPyGetItem { object? PyGetItem(object? key); }
/// <summary>A class with reflected arithmetic (__radd__ ...): the right operand when the left one cannot do it.</summary>
public interface IPyReflectedNumber
{
    object? PyRAdd(object? other);
    object? PyRSub(object? other);
    object? PyRMul(object? other);
    object? PyRTrueDiv(object? other);
}
/// <summary>A value with Python's &amp; and | (Counter's multiset intersection and union).</summary>
public interface IPyBitwise
{
    object? PyAnd(object? other);
    object? PyOr(object? other);
}
public interface IPySetItem { void PySetItem(object? key, object? value); }
public interface IPyCallable { object? PyCall(object?[] args); }
public interface IPyAttributes { bool TryGetAttr(string name, out object? value); }
public interface IPySetAttr { void SetAttr(string name, object? value); }

/// <summary>Python → C# identifier conventions shared by the transpiler's output and reflection fallbacks.</summary>
public static class Naming
{
    public static string Pascal(string name)
    {
        if (name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal)) return name;
        var sb = new System.Text.StringBuilder();
        bool up = true;
        foreach (var c in name)
        {
            if (c == '_') { up = true; continue; }
            sb.Append(up ? char.ToUpperInvariant(c) : c);
            up = false;
        }
        return sb.Length == 0 ? name : sb.ToString();
    }

    /// <summary>The C# member name the transpiler gives a Python attribute: PascalCase, one leading _ kept for _private names.</summary>
    public static string Member(string name) =>
        name.StartsWith('_') && !(name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal)) ? "_" + Pascal(name) : Pascal(name);

    /// <summary>
    /// Reflection candidates for a Python attribute name, most specific first. Member, not Pascal: for <c>_balance</c>
    /// Pascal gives <c>Balance</c>, the C# name of a different Python attribute (<c>balance</c>).
    /// </summary>
    public static string[] Candidates(string name) => new[] { name, Member(name), Dunder(name) }.Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The transpiler's C# name for a user class's special method: <c>__abs__</c> is <c>DunderAbs</c>.</summary>
    public static string Dunder(string name) =>
        name.Length > 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal) ? "Dunder" + Pascal(name.Trim('_')) : name;
}
