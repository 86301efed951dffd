using System.Collections;
using System.Runtime.CompilerServices;

namespace Batuta.Python.Runtime;

public static partial class Py
{
    /// <summary>a, b, c = seq: exactly <paramref name="count"/> items or ValueError.</summary>
    public static T[] Unpack<T>(IEnumerable<T> items, int count)
    {
        var arr = new T[count];
        int i = 0;
        foreach (var x in items)
        {
            if (i >= count) throw new ValueError($"too many values to unpack (expected {count})");
            arr[i++] = x;
        }
        if (i < count) throw new ValueError($"not enough values to unpack (expected {count}, got {i})");
        return arr;
    }

    public readonly record struct Starred<T>(T[] Items, PyList<T> Rest);

    /// <summary>a, *rest, b = seq.</summary>
    public static Starred<T> UnpackStar<T>(IEnumerable<T> items, int before, int after)
    {
        var all = items.ToList();
        if (all.Count < before + after) throw new ValueError($"not enough values to unpack (expected at least {before + after}, got {all.Count})");
        var fixedItems = all.Take(before).Concat(all.Skip(all.Count - after)).ToArray();
        return new Starred<T>(fixedItems, new PyList<T>(all.Skip(before).Take(all.Count - before - after)));
    }

    /// <summary>
    /// The value of a call to a function that returns nothing (a C# <c>void</c> method) where Python uses its result:
    /// runs it, then is None (<c>print(log("x"))</c> prints the log line, then None).
    /// </summary>
    public static object? NoneAfter(Action call)
    {
        call();
        return null;
    }

    /// <summary>float.hex(): CPython's form, 13 hex digits of mantissa ("0x1.999999999999ap-4", "0x0.0p+0").</summary>
    public static string FloatHex(double x)
    {
        if (double.IsNaN(x)) return "nan";
        if (double.IsInfinity(x)) return x > 0 ? "inf" : "-inf";
        long bits = BitConverter.DoubleToInt64Bits(x);
        string sign = bits < 0 ? "-" : "";
        int exp = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exp == 0 && mantissa == 0) return sign + "0x0.0p+0";
        int e = exp == 0 ? -1022 : exp - 1023;
        return $"{sign}0x{(exp == 0 ? 0 : 1)}.{mantissa.ToString("x13", System.Globalization.CultureInfo.InvariantCulture)}p{(e >= 0 ? "+" : "-")}{Math.Abs(e).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>float.as_integer_ratio(): the exact value as a fraction in lowest terms.</summary>
    public static (PyInt, PyInt) AsIntegerRatio(double x)
    {
        if (double.IsNaN(x)) throw new ValueError("cannot convert NaN to integer ratio");
        if (double.IsInfinity(x)) throw new OverflowError("cannot convert Infinity to integer ratio");
        var f = Modules.ExactFraction.Of(x);
        return (PyInt.FromBig(f.Num), PyInt.FromBig(f.Den));
    }

    /// <summary>d.get(k, default) with a default of another type than the values: either, as Python returns it.</summary>
    public static object? GetOr<TKey, TValue>(PyDict<TKey, TValue> d, TKey key, object? @default) =>
        d.TryGetValue(key, out var v) ? Dyn.BoxValue(v) : @default;

    /// <summary>d.get(k, default) with a key of run-time type: found when equal to a key (a tuple to a typed tuple), else the default.</summary>
    public static object? GetAny(IPyDict d, object? key, object? @default) =>
        d.ContainsKeyObject(key) ? d.GetItem(key) : @default;

    /// <summary>d.pop(k, default) with a default of another type than the values.</summary>
    public static object? PopOr<TKey, TValue>(PyDict<TKey, TValue> d, TKey key, object? @default) =>
        d.ContainsKey(key) ? Dyn.BoxValue(d.Pop(key)) : @default;

    /// <summary>sorted used as a value (apply(sorted, xs, reverse=True)): one iterable, key= and reverse= by keyword.</summary>
    public static PyList<object?> SortedDynamic(object?[] args, PyDict<string, object?> kwargs)
    {
        if (args.Length != 1) throw new TypeError($"sorted expected 1 argument, got {args.Length}");
        var list = new PyList<object?>(Dyn.Iter(args[0]));
        var key = kwargs.TryGetValue("key", out var k) ? k : null;
        bool reverse = kwargs.TryGetValue("reverse", out var r) && Truth(r);
        foreach (var name in kwargs.Keys())
            if (name is not ("key" or "reverse")) throw new TypeError($"sort() got an unexpected keyword argument '{name}'");
        if (key is null) list.Sort(x => x, reverse);
        else list.Sort(x => Dyn.Call(key, x), reverse);
        return list;
    }

    /// <summary>functools.cmp_to_key(cmp): a key whose order is the sign of cmp(a, b).</summary>
    public static Func<T, CmpKey<T>> CmpToKey<T>(Func<T, T, object?> cmp) => x => new CmpKey<T>(x, cmp);

    /// <summary>A call's keyword arguments as a function's typed <c>**kwargs</c> dict.</summary>
    public static PyDict<string, T> KwOf<T>(PyDict<string, object?> kwargs)
    {
        var d = new PyDict<string, T>();
        foreach (var (k, v) in kwargs.Items()) d[k] = Dyn.Cast<T>(v);
        return d;
    }

    /// <summary>
    /// <c>super().__init__(**kwargs)</c> that reaches object at the end of a cooperative chain: object.__init__ takes no
    /// arguments, so keywords no class of the MRO took raise TypeError, as in CPython.
    /// </summary>
    public static void ObjectInitKwargs(params object?[] kwargs)
    {
        if (kwargs.Any(k => Dyn.Len(k) > 0)) throw new TypeError("object.__init__() takes exactly one argument (the instance to initialize)");
    }

    /// <summary>Raises where C# needs an expression (a throw that type-checks as a <typeparamref name="T"/>).</summary>
    public static T Raise<T>(Exception e) => throw e;

    /// <summary><c>zip(*rows)</c>: the transpose as tuples.</summary>
    public static IEnumerable<PyTuple> ZipStar<T>(IEnumerable<IEnumerable<T>> rows)
    {
        var enums = rows.Select(r => r.GetEnumerator()).ToList();
        if (enums.Count == 0) yield break;
        while (true)
        {
            var items = new object?[enums.Count];
            for (int i = 0; i < enums.Count; i++)
            {
                if (!enums[i].MoveNext()) yield break;
                items[i] = enums[i].Current;
            }
            yield return new PyTuple(items);
        }
    }

    /// <summary>open() with a mode known only at run time: text modes only (a binary mode must be a literal).</summary>
    public static string TextMode(string mode) =>
        mode.Contains('b') ? throw new NotSupportedException("a binary open() mode chosen at run time is not supported by Batuta (write the mode as a literal)") : mode;

    /// <summary>f(**mapping) with a mapping typed only at run time: its str keys and values.</summary>
    public static PyDict<string, object?> KwMapping(object? mapping)
    {
        if (mapping is not IPyDict d) throw new TypeError($"argument after ** must be a mapping, not {Dyn.TypeName(mapping)}");
        var result = new PyDict<string, object?>();
        foreach (var kv in d.ItemsObject())
            result[kv.Key as string ?? throw new TypeError("keywords must be strings")] = kv.Value;
        return result;
    }

    /// <summary>f(**mapping) for an f without **kwargs: a key that names no parameter is a TypeError.</summary>
    public static void KwCheck<TValue>(PyDict<string, TValue> mapping, string function, params string[] parameters)
    {
        foreach (var k in mapping.Keys())
            if (Array.IndexOf(parameters, k) < 0) throw new TypeError($"{function}() got an unexpected keyword argument '{k}'");
    }

    /// <summary><see cref="KwCheck"/> as an expression (a base constructor call's arguments): the mapping, once checked.</summary>
    public static PyDict<string, TValue> KwChecked<TValue>(PyDict<string, TValue> mapping, string function, params string[] parameters)
    {
        KwCheck(mapping, function, parameters);
        return mapping;
    }

    /// <summary>functools.wraps(fn): the wrapper takes fn's __name__ (its own when fn has none).</summary>
    public static string WrappedName(object? fn, string own)
    {
        try { return Dyn.GetAttr(fn, "__name__") as string ?? own; }
        catch (AttributeError) { return own; }
    }

    /// <summary>A function value's __doc__: under @functools.wraps(fn) fn's (wraps copies it), else its own docstring.</summary>
    internal static object? DocOf(object function, bool isWrapper, object? wrapped, string? own)
    {
        if (!isWrapper || ReferenceEquals(function, wrapped)) return own;
        try { return Dyn.GetAttr(wrapped, "__doc__"); }
        catch (AttributeError) { return own; }
    }

    /// <summary>Evaluates the first value for its effects, then gives the second (<c>xs.append(v) or len(xs)</c>).</summary>
    public static T Then<T>(object? first, T then) => then;

    /// <summary>An expression with a variable of its own (a comprehension's one cell for all iterations).</summary>
    public static TResult Let<TVar, TResult>(TVar variable, Func<TVar, TResult> body) => body(variable);

    public static T Build<T>(T value, Action<T> init)
    {
        init(value);
        return value;
    }

    /// <summary>dict(x) of a value whose type is only known at run time: a mapping is copied, anything else read as pairs.</summary>
    public static PyDict<object?, object?> DictOf(object? source) =>
        source is IPyDict mapping ? new PyDict<object?, object?>(mapping.ItemsObject()) : DictFromPairs(Dyn.Iter(source));

    public static PyDict<object?, object?> DictFromPairs<T>(IEnumerable<T> pairs)
    {
        var d = new PyDict<object?, object?>();
        // dict(registry) of a dict subclass: a copy of its entries, not its keys as pairs
        if (pairs is IPyDict mapping) return new PyDict<object?, object?>(mapping.ItemsObject());
        foreach (var p in pairs)
        {
            var kv = Unpack(Dyn.Iter(p), 2);
            d[kv[0]] = kv[1];
        }
        return d;
    }

    public static object? SliceOf(object? o, long? start, long? stop, long? step) => o switch
    {
        string s => Text.PyStr.Slice(s, start, stop, step),
        PyTuple t => t.Slice(start, stop, step),
        System.Runtime.CompilerServices.ITuple vt => PyTuple.From(vt).Slice(start, stop, step),
        PyRange r => r.Slice(start, stop, step),
        PyBytes b => b.Slice(start, stop, step),
        IPyList l => new PyList<object?>(Indexing.Slice(l.Cast<object?>().ToList(), start, stop, step)),
        Numpy.NdArray a => a.GetItem(Numpy.NpIndex.Slice(start, stop, step)),
        IPyGetItem g => g.PyGetItem(PySlice.Of(start, stop, step)),
        _ => throw new TypeError($"'{Dyn.TypeName(o)}' object is not subscriptable"),
    };

    /// <summary>For match sequence patterns: the value as a list when it is a sequence (not str).</summary>
    public static IReadOnlyList<object?>? AsSequence(object? o) => o switch
    {
        string => null,
        IPyList l => l.Cast<object?>().ToList(),
        PyTuple t => t.ToList(),
        ITuple t => Enumerable.Range(0, t.Length).Select(i => t[i]).ToList(),
        _ => null,
    };

    public static object? SeqItem(IReadOnlyList<object?>? seq, int index) => seq.OrThrow()[index] is long l ? new PyInt(l) : seq[index];

    public static PyList<T> SeqRest<T>(IReadOnlyList<object?> seq, int start, int after) =>
        new(seq.Skip(start).Take(seq.Count - start - after).Select(Dyn.Cast<T>));

    /// <summary><c>Enum.__members__</c>: the members by name, in definition order.</summary>
    public static PyDict<string, T> EnumMembers<T>(IEnumerable<T> members) where T : PyEnum
    {
        var result = new PyDict<string, T>();
        foreach (var m in members) result[m.Name] = m;
        return result;
    }

    /// <summary><c>{**m}</c> of a dynamic value: its items, or CPython's TypeError when it is not a mapping.</summary>
    public static IEnumerable<KeyValuePair<object?, object?>> MappingItems(object? mapping) =>
        mapping is IPyDict d ? d.ItemsObject() : throw new TypeError($"'{Dyn.TypeName(mapping)}' object is not a mapping");

    /// <summary>The <c>**rest</c> of a mapping pattern: a new dict of the entries whose keys the pattern did not name.</summary>
    public static PyDict<TKey, TValue> MappingRest<TKey, TValue>(IPyDict mapping, params object?[] taken)
    {
        var rest = new PyDict<TKey, TValue>();
        foreach (var kv in mapping.ItemsObject())
            if (!taken.Any(t => Dyn.Eq(t, kv.Key))) rest[Dyn.Cast<TKey>(kv.Key)] = Dyn.Cast<TValue>(kv.Value);
        return rest;
    }

    public static PyTypeObject Type(object? o) => o is IPyLocalClassInstance local ? local.PyClass : new PyTypeObject(Dyn.TypeName(o)) { ClrType = o?.GetType() };

    /// <summary>The receiver of <c>x.attr</c> when x may be None: CPython's AttributeError names the attribute.</summary>
    public static T NotNone<T>(T? x, string attr) where T : class => x ?? throw new AttributeError($"'NoneType' object has no attribute '{attr}'");

    /// <summary>map(f, xs) with f a function value: f is taken now (a later rebinding of the variable does not matter).</summary>
    public static IEnumerable<TResult> MapWith<T, TArg, TResult>(IEnumerable<T> source, Func<TArg, TResult> f, Func<T, TArg> argument) =>
        MapItems(source, x => f(argument(x)));

    /// <summary>filter(f, xs) with f a function value: f is taken now; its result's truth decides.</summary>
    public static IEnumerable<T> FilterWith<T, TArg, TResult>(IEnumerable<T> source, Func<TArg, TResult> f, Func<T, TArg> argument) =>
        FilterItems(source, x => Dyn.Truth(Dyn.BoxValue(f(argument(x)))));

    public static IEnumerable<object?> MapDynamic<T>(IEnumerable<T> source, object? f) => MapItems(source, x => Dyn.Call(f, Dyn.BoxValue(x)));

    /// <summary><c>map(f, xs, ys, ...)</c> with f known only at run time: one item of each iterable per call, up to the shortest.</summary>
    public static IEnumerable<object?> MapDynamicMany(object? f, params object?[] sources)
    {
        var iterators = sources.Select(s => Dyn.Iter(s).GetEnumerator()).ToArray();
        try
        {
            while (iterators.All(it => it.MoveNext()))
                yield return Dyn.Call(f, iterators.Select(it => it.Current).ToArray());
        }
        finally
        {
            foreach (var it in iterators) it.Dispose();
        }
    }

    public static IEnumerable<T> FilterDynamic<T>(IEnumerable<T> source, object? f) => FilterItems(source, x => Dyn.Truth(Dyn.CallKey(f, Dyn.BoxValue(x))));

    /// <summary>
    /// <c>issubclass(cls, classinfo)</c> for migrated classes and exception classes: cls is a class value or what
    /// <c>type(x)</c> gave; classinfo a class or a tuple of them.
    /// </summary>
    public static bool IsSubclass(object? cls, object? classinfo)
    {
        var type = cls switch { System.Type t => t, PyTypeObject p => p.ClrType, _ => null };
        if (type is null) return cls is PyTypeObject po && classinfo is PyTypeObject pi && po.__name__ == pi.__name__;
        if (classinfo is System.Runtime.CompilerServices.ITuple tuple)
        {
            for (int i = 0; i < tuple.Length; i++) if (IsSubclass(cls, tuple[i])) return true;
            return false;
        }
        if (classinfo is PyTuple pt) return pt.Any(x => IsSubclass(cls, x));
        var target = classinfo switch { System.Type t => t, PyTypeObject p => p.ClrType, _ => null };
        return target is not null && (target.IsAssignableFrom(type) || Dyn.HasPythonBase(type, target));
    }

    /// <summary>
    /// <c>isinstance(x, classinfo)</c> when classinfo is a value: a class, <c>type(y)</c>, a builtin type used as a value
    /// (<c>int</c>, <c>float</c>, <c>str</c>, <c>bool</c>), or a tuple of those.
    /// </summary>
    public static bool IsInstanceOf(object? x, object? classinfo) => classinfo switch
    {
        PyTuple pt => pt.Any(c => IsInstanceOf(x, c)),
        System.Runtime.CompilerServices.ITuple t => Enumerable.Range(0, t.Length).Any(i => IsInstanceOf(x, t[i])),
        System.Type type => type == typeof(object) || type.IsInstanceOfType(x) || x is not null && Dyn.HasPythonBase(x.GetType(), type),
        PyLocalClass local => local.IsInstance(x),
        PyTypeObject { __name__: "int" } => IsBuiltinInstance(x, typeof(PyInt)),
        PyTypeObject p => p.ClrType is { } clr && typeof(PyObject).IsAssignableFrom(clr) ? clr.IsInstanceOfType(x) : Dyn.TypeName(x) == p.__name__,
        Delegate d when FunctionNames.TryGetValue(d, out var typeName) && IsNamedBuiltinInstance(x, typeName) is { } named => named,
        Delegate d => IsBuiltinInstance(x, d.Method.ReturnType),
        _ => throw new TypeError("isinstance() arg 2 must be a type, a tuple of types, or a union"),
    };

    /// <summary>A builtin type used as a value is its converter (int is Py.Int): known by what it returns. bool is an int.</summary>
    private static bool IsBuiltinInstance(object? x, System.Type converterResult)
    {
        if (converterResult == typeof(PyInt)) return x is PyInt or long or int or bool;
        if (converterResult == typeof(double)) return x is double;
        if (converterResult == typeof(string)) return x is string;
        return converterResult == typeof(bool) && x is bool;
    }

    /// <summary>isinstance(x, t) where t holds a builtin type by name (t = list); null when the name is not a builtin type's.</summary>
    private static bool? IsNamedBuiltinInstance(object? x, string typeName) => typeName switch
    {
        "int" => x is PyInt or long or int or bool or PyIntEnum or PyIntFlagEnum,
        "float" => x is double,
        "complex" => x is Modules.PyComplex,
        "str" => x is string or IPyStrValue,
        "bool" => x is bool,
        "list" => x is IPyList,
        "dict" => x is IPyDict,
        "set" => x is IPySet && Dyn.TypeName(x) == "set",
        "tuple" => x is System.Runtime.CompilerServices.ITuple,
        _ => null,
    };

    /// <summary>A function value made by an adapter lambda, tagged with the Python function's name for <c>__name__</c>.</summary>
    public static T Named<T>(T function, string name) where T : Delegate
    {
        FunctionNames.AddOrUpdate(function, name);
        return function;
    }

    /// <summary>An adapter around another function value keeps that function's name.</summary>
    public static T NamedLike<T>(T adapter, Delegate inner) where T : Delegate => Named(adapter, Dyn.FunctionName(inner));

    internal static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Delegate, string> FunctionNames = new();

    /// <summary>functools.wraps(fn) on a def kept as a typed delegate: fn becomes the delegate's __wrapped__.</summary>
    public static T Wraps<T>(T function, object? wrapped) where T : Delegate
    {
        WrappedFunctions.AddOrUpdate(function, new System.Runtime.CompilerServices.StrongBox<object?>(wrapped));
        return function;
    }

    /// <summary>The __wrapped__ of a function value that functools.wraps made a wrapper.</summary>
    internal static bool TryGetWrapped(object? function, out object? wrapped)
    {
        wrapped = null;
        if (function is not Delegate d || !WrappedFunctions.TryGetValue(d, out var box)) return false;
        wrapped = box.Value;
        return true;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Delegate, System.Runtime.CompilerServices.StrongBox<object?>> WrappedFunctions = new();

    /// <summary><c>callable(x)</c>: functions, classes, and instances of a class with <c>__call__</c>.</summary>
    public static bool Callable(object? x) => x is Delegate or System.Type or IPyCallable || x is PyObject && x.GetType().GetMethod("DunderCall") is not null;

    /// <summary><c>a is b</c> between type objects: <c>type(x)</c>, a class, or a builtin type used as a value (<c>int</c>).</summary>
    public static bool SameType(object? a, object? b) =>
        a is PyLocalClass || b is PyLocalClass ? ReferenceEquals(a, b) : TypeNameOf(a) is { } x && x == TypeNameOf(b);

    /// <summary>The builtin types the transpiler passes as named converter functions (<c>k = int</c>).</summary>
    internal static bool IsBuiltinTypeName(string name) => name is "int" or "float" or "str" or "bool" or "list" or "dict" or "set" or "tuple";

    internal static string? TypeNameOf(object? t) => t switch
    {
        PyTypeObject p => p.__name__,
        System.Type type => type == typeof(object) ? "object" : type.Name.TrimEnd('_'),
        // a builtin type used as a value is registered under its name; another named function names no type
        Delegate d when FunctionNames.TryGetValue(d, out var name) => IsBuiltinTypeName(name) ? name : null,
        Delegate d => d.Method.ReturnType switch
        {
            var r when r == typeof(PyInt) => "int",
            var r when r == typeof(double) => "float",
            var r when r == typeof(string) => "str",
            var r when r == typeof(bool) => "bool",
            _ => null,
        },
        _ => null,
    };

    public static object? GetAttr(object? o, string name, object? fallback)
    {
        try { return Dyn.GetAttr(o, name); }
        catch (AttributeError) { return fallback; }
    }

    /// <summary>A class decorator's result: the class itself (a registry's decorator), else loudly unsupported.</summary>
    public static void ClassDecorated(object? result, System.Type cls)
    {
        if (!Equals(result, cls))
            throw new NotSupportedException($"a class decorator returned {Dyn.TypeName(result)} instead of the class {cls.Name.TrimEnd('_')}: Batuta keeps the class under its name");
    }

    /// <summary>isinstance(x, P) for a @runtime_checkable Protocol P: x has every member P declares, as CPython checks.</summary>
    public static bool HasAttrs(object? o, params string[] names) => names.All(name => HasAttr(o, name));

    /// <summary>A class attribute's value whose class defines <c>__set_name__</c>: told its owner and name, as the class statement does.</summary>
    public static T SetName<T>(T value, System.Type owner, string name)
    {
        Dyn.CallMethod(value, "__set_name__", owner, name);
        return value;
    }

    public static bool HasAttr(object? o, string name)
    {
        if (o is not PyObject && BuiltinProtocol(o, name) is { } has) return has;
        try { Dyn.GetAttr(o, name); return true; }
        catch (AttributeError) { return false; }
    }

    /// <summary>hasattr(x, "__len__") and the other protocol dunders on builtin values (duck-typing checks).</summary>
    private static bool? BuiltinProtocol(object? o, string name) => name switch
    {
        "__len__" or "__contains__" => o is string or System.Collections.ICollection or IPyDict or IPySet or IPySized or System.Runtime.CompilerServices.ITuple,
        "__iter__" => o is System.Collections.IEnumerable,
        "__getitem__" => o is string or IPyDict or IPyList or System.Runtime.CompilerServices.ITuple or IPySized,
        "__call__" => o is Delegate or IPyCallable or System.Type,
        _ => null,
    };

    public static string Decode(byte[] data, string encoding = "utf-8", string errors = "strict") => Text.Codecs.Decode(data, encoding, errors);

    /// <summary><c>str(b, encoding, errors)</c>: a bytes-like value decoded.</summary>
    public static string StrDecode(object? o, string encoding = "utf-8", string errors = "strict") => o switch
    {
        string => throw new TypeError("decoding str is not supported"),
        PyBytes or PyByteArray or PyMemoryView => Text.Codecs.Decode(PyByteArray.BytesLike(o).Data, encoding, errors),
        _ => throw new TypeError($"decoding to str: need a bytes-like object, {Dyn.TypeName(o)} found"),
    };
}

/// <summary>What <c>type(x)</c> returns: its <c>__name__</c> and repr <c>&lt;class 'int'&gt;</c>.</summary>
public class PyTypeObject(string name) : IPyObject, IEquatable<PyTypeObject>, IPyAttributes, IPySetAttr
{
    /// <summary>The migrated class behind <c>type(obj)</c>, for its class attributes (<c>type(self).count += 1</c>).</summary>
    public System.Type? ClrType { get; init; }

    public virtual bool TryGetAttr(string attr, out object? value)
    {
        value = null;
        return ClrType is not null && attr != "__name__" && Dyn.TryClassAttr(ClrType, attr, out value);
    }

    public virtual void SetAttr(string attr, object? value)
    {
        const System.Reflection.BindingFlags Statics = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.FlattenHierarchy;
        // a subclass's own copy of an inherited class attribute is a static property hiding the base's field
        var property = ClrType is null ? null : Naming.Candidates(attr).Select(c => ClrType.GetProperty(c, Statics)).FirstOrDefault(p => p is { CanWrite: true });
        if (property is not null) { property.SetValue(null, Dyn.Convert(value, property.PropertyType)); return; }
        var field = ClrType is null ? null : Naming.Candidates(attr).Select(c => ClrType.GetField(c, Statics)).FirstOrDefault(f => f is not null);
        if (field is null) throw new AttributeError($"cannot set '{attr}' attribute of type '{__name__}'");
        field.SetValue(null, Dyn.Convert(value, field.FieldType));
    }

#pragma warning disable IDE1006
    public string __name__ { get; } = name.StartsWith("_io.", StringComparison.Ordinal) ? name.Substring(4) : name;
#pragma warning restore IDE1006
    // the io classes keep their module in the repr, as the type name in their error messages does
    public virtual string PyRepr() => name.StartsWith("_io.", StringComparison.Ordinal) ? $"<class '{name}'>" : $"<class '{(IsBuiltin(__name__) ? __name__ : "__main__." + __name__)}'>";
    public string PyStr() => PyRepr();
    private static bool IsBuiltin(string n) => n is "int" or "float" or "str" or "bool" or "list" or "dict" or "set" or "tuple" or "NoneType" or "function" or "range" or "frozenset" or "bytes" or "type" || char.IsLower(n[0]) || IsBuiltinExceptionName(n);
    private static bool IsBuiltinExceptionName(string n) => n.EndsWith("Error", StringComparison.Ordinal) || n == "Exception" || n.EndsWith("Warning", StringComparison.Ordinal) || n.EndsWith("ExceptionGroup", StringComparison.Ordinal);
    public virtual bool Equals(PyTypeObject? other) => other is not null && other.__name__ == __name__;
    public override bool Equals(object? obj) => Equals(obj as PyTypeObject);
    public override int GetHashCode() => __name__.GetHashCode(StringComparison.Ordinal);
}

/// <summary>The key functools.cmp_to_key makes: ordered by an old-style comparison function.</summary>
public sealed class CmpKey<T> : IPyOrdered
{
    private readonly Func<T, T, object?> _cmp;

    public CmpKey(T value, Func<T, T, object?> cmp)
    {
        Value = value;
        _cmp = cmp;
    }

    public T Value { get; }

    public int PyCompare(object? other) =>
        other is CmpKey<T> k ? Math.Sign(Dyn.Compare(_cmp(Value, k.Value), new PyInt(0))) : throw new TypeError("'<' not supported between instances of 'functools.KeyWrapper' and '" + Dyn.TypeName(other) + "'");
}
