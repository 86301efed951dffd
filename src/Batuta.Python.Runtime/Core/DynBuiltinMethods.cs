using System.Collections;
using System.Runtime.CompilerServices;

namespace Batuta.Python.Runtime;

/// <summary>
/// Python's methods and operators of the builtin containers and float on a dynamically-typed receiver, where the
/// runtime's C# member would not do: keyword arguments (<c>xs.sort(key=...)</c>, <c>s.split(",", maxsplit=1)</c>),
/// values of another type than a typed container holds (<c>d.get("z", 0)</c> on a dict of lists), Python names with no
/// C# counterpart (<c>count</c>, <c>is_integer</c>) and None results (<c>set.discard</c>).
/// </summary>
internal static class DynBuiltinMethods
{
    // str methods that take keywords: their parameters in positional order with Python's defaults (the runtime's str
    // methods take them positionally)
    private static readonly Dictionary<string, (string Name, object? Default)[]> StrKeywordParams = new(StringComparer.Ordinal)
    {
        ["split"] = [("sep", null), ("maxsplit", new PyInt(-1))],
        ["rsplit"] = [("sep", null), ("maxsplit", new PyInt(-1))],
        ["splitlines"] = [("keepends", false)],
        ["encode"] = [("encoding", "utf-8"), ("errors", "strict")],
        ["expandtabs"] = [("tabsize", new PyInt(8))],
    };

    public static bool TryCall(object o, string name, object?[] args, PyDict<string, object?>? kwargs, out object? result)
    {
        result = null;
        // a list or dict subclass's own method comes first (Dyn.CallMethodReflected), the builtin's after it
        if (o is IPyBuiltinSubclass) return false;
        if (kwargs is not { Count: > 0 } && TryObjectContainerMethod(o, name, args)) return true;
        return TryCallBuiltin(o, name, args, kwargs, out result);
    }

    private static bool TryCallBuiltin(object o, string name, object?[] args, PyDict<string, object?>? kwargs, out object? result)
    {
        result = null;
        if (kwargs is { Count: > 0 }) return TryCallWithKeywords(o, name, args, kwargs, out result);
        if (o is not PyObject && name.StartsWith("__", StringComparison.Ordinal) && TryDunder(o, name, args, out result)) return true;
        return o switch
        {
            IPySet set => TrySetMethod(set, name, args, out result),
            double f => TryFloatMethod(f, name, args, out result),
            IPyDataclass nt and ITuple when name == "_asdict" && args.Length == 0 => Done(AsDict(nt), out result),
            _ => TrySequenceOrDictMethod(o, name, args, out result),
        };
    }

    /// <summary>Explicit dunder calls on builtin values (<c>d.__setitem__(k, v)</c>, <c>(5).__add__(3)</c>): the operation itself.</summary>
    private static readonly Dictionary<(string, int), Func<object, object?[], object?>> Dunders = new()
    {
        [("__getitem__", 1)] = (o, a) => Dyn.GetItem(o, a[0]),
        [("__setitem__", 2)] = (o, a) => { Dyn.SetItem(o, a[0], a[1]); return null; },
        [("__contains__", 1)] = (o, a) => Dyn.Contains(o, a[0]),
        [("__delitem__", 1)] = (o, a) => { Dyn.DelItem(o, a[0]); return null; },
        [("__len__", 0)] = (o, _) => new PyInt(Py.Len(o)),
        [("__str__", 0)] = (o, _) => Str.Of(o),
        [("__repr__", 0)] = (o, _) => Repr.Of(o),
        [("__eq__", 1)] = (o, a) => Dyn.Eq(o, a[0]),
        [("__ne__", 1)] = (o, a) => !Dyn.Eq(o, a[0]),
        [("__lt__", 1)] = (o, a) => Dyn.Lt(o, a[0]),
        [("__add__", 1)] = (o, a) => Dyn.Add(o, a[0]),
        [("__sub__", 1)] = (o, a) => Dyn.Sub(o, a[0]),
        [("__mul__", 1)] = (o, a) => Dyn.Mul(o, a[0]),
    };

    private static bool TryDunder(object o, string name, object?[] args, out object? result)
    {
        result = null;
        if (!Dunders.TryGetValue((name, args.Length), out var op)) return false;
        result = op(o, args);
        return true;
    }

    private static bool TrySequenceOrDictMethod(object o, string name, object?[] args, out object? result)
    {
        result = null;
        switch (o)
        {
            case IPyList l when name == "sort":
                SortList(l, args, null);
                return true;
            case IPyDict d when name == "get" && args.Length is 1 or 2:
                result = DictGet(d, args);
                return true;

            case IPyList or ITuple when name == "count" && args.Length == 1:
                result = new PyInt(Dyn.Iter(o).LongCount(x => Dyn.Eq(x, args[0])));
                return true;
            case PyByteArray ba when name == "count" && args.Length == 1:
                result = new PyInt(ba.CountOf(args[0]));
                return true;

            default:
                return false;
        }
    }

    private static bool TryCallWithKeywords(object o, string name, object?[] args, PyDict<string, object?> kwargs, out object? result)
    {
        result = null;
        switch (o)
        {
            case string s when name == "format":
                // "{name}".format(name=...) on a value typed at run time (operator.methodcaller("format", name=...))
                result = Text.Format.StrFormat(s, args, kwargs.Pairs().ToDictionary(kv => kv.Key, kv => kv.Value));
                return true;
            case string s when StrKeywordParams.TryGetValue(name, out var ps):
                result = Text.PyStr.CallMethod(s, name, Positional(name, ps, args, kwargs));
                return true;
            case IPyList l when name == "sort":
                SortList(l, args, kwargs);
                return true;
            case PyDict<object?, object?> d when name == "update":
                BuiltinSubclassSuper.Update(d, args, kwargs, "update");
                return true;
            case IPyDataclass nt and ITuple when name == "_replace" && args.Length == 0:
                result = NamedTupleReplace(nt, kwargs);
                return true;
            default:
                return false;
        }
    }

    /// <summary>namedtuple's <c>_replace(**changes)</c>: a new tuple of the same class, CPython's ValueError for an unknown field.</summary>
    private static object NamedTupleReplace(IPyDataclass nt, PyDict<string, object?> changes)
    {
        var fields = nt.PyFields();
        var unknown = changes.Keys().Where(k => !fields.ContainsKey(k)).ToList();
        if (unknown.Count > 0) throw new ValueError($"Got unexpected field names: {Repr.Of(new PyList<object?>(unknown))}");
        var values = fields.Items().Select(kv => changes.ContainsKey(kv.Item1) ? changes[kv.Item1] : kv.Item2).ToArray();
        return Dyn.Construct(nt.GetType(), values);
    }

    /// <summary>
    /// update / extend of a dict or list of objects (the one a dict or list subclass holds) from any mapping or iterable,
    /// which the typed C# members do not take.
    /// </summary>
    private static bool TryObjectContainerMethod(object o, string name, object?[] args)
    {
        switch (o)
        {
            case PyDict<object?, object?> d when name == "update":
                BuiltinSubclassSuper.Update(d, args, null, "update");
                return true;
            case PyList<object?> l when name == "extend" && args.Length == 1:
                l.Extend(Dyn.Iter(args[0]).ToList());
                return true;
            default:
                return false;
        }
    }

    private static bool Done(object? value, out object? result)
    {
        result = value;
        return true;
    }

    private static PyDict<string, object?> AsDict(IPyDataclass nt) =>
        new(nt.PyFields().Items().Select(kv => new KeyValuePair<string, object?>(kv.Item1, kv.Item2)));

    private static object? DictGet(IPyDict d, object?[] args) => d.ContainsKeyObject(args[0]) ? d.GetItem(args[0]) : args.Length == 2 ? args[1] : null;

    /// <summary>Keyword arguments put in their positional slots, with the defaults of the ones left out before them.</summary>
    private static object?[] Positional(string name, (string Name, object? Default)[] ps, object?[] args, PyDict<string, object?> kwargs)
    {
        var values = new List<object?>(args);
        foreach (var key in kwargs.Keys())
        {
            int i = Array.FindIndex(ps, p => p.Name == key);
            if (i < 0) throw new TypeError($"'{key}' is an invalid keyword argument for {name}()");
            if (i < args.Length) throw new TypeError($"argument for {name}() given by name ('{key}') and position ({i + 1})");
        }
        int last = kwargs.Keys().Max(k => Array.FindIndex(ps, p => p.Name == k));
        for (int i = args.Length; i <= last; i++) values.Add(kwargs.ContainsKey(ps[i].Name) ? kwargs[ps[i].Name] : ps[i].Default);
        return values.ToArray();
    }

    private static void SortList(IPyList l, object?[] args, PyDict<string, object?>? kwargs)
    {
        if (args.Length > 0) throw new TypeError("sort() takes no positional arguments");
        object? key = null;
        bool reverse = false;
        foreach (var (k, v) in kwargs?.ItemsInOrder() ?? [])
        {
            if (k == "key") key = v;
            else if (k == "reverse") reverse = Dyn.Truth(v);
            else throw new TypeError($"'{k}' is an invalid keyword argument for sort()");
        }
        l.SortDynamic(key is null ? null : x => Dyn.Call(key, x), reverse);
    }

    private static bool TrySetMethod(IPySet set, string name, object?[] args, out object? result)
    {
        result = null;
        string? op = name switch
        {
            "union" => "|",
            "intersection" => "&",
            "difference" => "-",
            "symmetric_difference" when args.Length == 1 => "^",
            _ => null,
        };
        if (op is not null)
        {
            result = FoldSetOperator(op, set, args);
            return true;
        }
        if (name == "discard" && args.Length == 1)
        {
            Dyn.CallMethodReflected(set, "Discard", args);
            return true;
        }
        return false;
    }

    /// <summary>set.union(*others) and its kin: any iterables; the result keeps the receiver's kind (frozenset).</summary>
    private static object FoldSetOperator(string op, IPySet set, object?[] others)
    {
        object acc = set;
        foreach (var other in others) acc = SetOperator(op, (IPySet)acc, other as IPySet ?? new PySet<object?>(Dyn.Iter(other)));
        return others.Length == 0 ? SetOperator("|", set, new PySet<object?>()) : acc;
    }

    private static bool TryFloatMethod(double f, string name, object?[] args, out object? result)
    {
        result = null;
        if (args.Length != 0) return false;
        switch (name)
        {
            case "is_integer": result = f == Math.Floor(f) && !double.IsInfinity(f); return true;
            case "as_integer_ratio": result = PyTuple.From(Py.AsIntegerRatio(f)); return true;
            case "hex": result = Py.FloatHex(f); return true;
            case "conjugate": result = f; return true;
            default: return false;
        }
    }

    /// <summary><c>a | b</c>, <c>&amp;</c>, <c>-</c>, <c>^</c> of two sets of any element types (a frozenset on the left gives a frozenset).</summary>
    public static object SetOperator(string op, IPySet a, IPySet b)
    {
        if (TrySameTypeOperator(op, a, b) is { } same) return same;
        var x = WidenSet(a);
        var y = WidenSet(b);
        return op switch
        {
            "|" => x | y,
            "&" => x & y,
            "-" => x - y,
            _ => x ^ y,
        };
    }

    /// <summary>Two sets of one element type: their own operator, which keeps CPython's table order exactly.</summary>
    private static object? TrySameTypeOperator(string op, IPySet a, IPySet b)
    {
        var elem = a.GetType().GetGenericArguments();
        if (elem.Length != 1 || !typeof(PySet<>).MakeGenericType(elem).IsInstanceOfType(b)) return null;
        var method = typeof(PySet<>).MakeGenericType(elem).GetMethod(OperatorName(op));
        return method is null ? null : Dyn.Unwrapped(() => method.Invoke(null, [a, b]));
    }

    private static PySet<object?> WidenSet(IPySet s) => s switch
    {
        PySet<object?> same => same,
        _ when s.GetType().IsGenericType && s.GetType().GetGenericTypeDefinition() == typeof(PyFrozenSet<>) => new PyFrozenSet<object?>(s.Cast<object?>()),
        _ => new PySet<object?>(s.Cast<object?>()),
    };

    private static string OperatorName(string op) => op switch
    {
        "|" => "op_BitwiseOr",
        "&" => "op_BitwiseAnd",
        "-" => "op_Subtraction",
        _ => "op_ExclusiveOr",
    };

    /// <summary><c>a | b</c> of two dicts of any key and value types: a new dict, b's values winning.</summary>
    public static object DictUnion(IPyDict a, IPyDict b)
    {
        var merged = new PyDict<object?, object?>(a.ItemsObject());
        foreach (var (k, v) in b.ItemsObject()) merged[k] = v;
        return merged;
    }
}
