using System.Reflection;

namespace Batuta.Python.Runtime;

/// <summary>A function value that takes Python keyword arguments (<c>f(1, h=2)</c>, <c>fn(*args, **kwargs)</c>).</summary>
public interface IPyKwCallable
{
    object? PyCall(object?[] args, PyDict<string, object?> kwargs);
}

/// <summary>
/// Python's argument binding for a function value over a C# method: positional arguments first, then keywords by
/// parameter name, then the defaults of the trailing parameters (given by the transpiler, else the method's C#
/// optional values), with CPython's TypeError messages.
/// </summary>
public static class ArgumentBinder
{
    public static object? Invoke(string name, Delegate function, object?[]? defaults, object?[] args, PyDict<string, object?>? kwargs, int keywordOnly = 0)
    {
        var ps = function.Method.GetParameters();
        int positional = Math.Min(ps.Length - keywordOnly, ParameterDefaults.Positional(ps));
        if (args.Length > positional) throw TooManyPositional(name, ps, defaults, args.Length, positional);
        var values = Bind(name, ps, defaults, args, kwargs);
        try { return function.DynamicInvoke(values); }
        catch (TargetInvocationException e) when (e.InnerException is not null) { throw e.InnerException; }
    }

    /// <summary>
    /// A method of an object, bound as <see cref="Invoke"/> binds a function value; <paramref name="self"/> is 1 where
    /// CPython's messages count the receiver (a bound method: "takes from 2 to 4 positional arguments").
    /// </summary>
    public static object? InvokeMethod(string name, object? target, MethodInfo method, object?[] args, PyDict<string, object?>? kwargs, int self = 0)
    {
        var ps = method.GetParameters();
        int positional = ParameterDefaults.Positional(ps);
        if (args.Length > positional) throw TooManyPositional(name, ps, null, args.Length, positional, self);
        var values = Bind(name, ps, null, args, kwargs);
        try { return method.Invoke(target, values); }
        catch (TargetInvocationException e) when (e.InnerException is not null) { throw e.InnerException; }
    }

    /// <summary>
    /// A migrated def's method with <c>*args</c> and/or <c>**kwargs</c> (C# parameters: the named ones, then the
    /// <c>PyDict</c> of keywords, then the params array): extra positionals fill the array, unknown keywords the dict.
    /// </summary>
    public static object? InvokeVariadicMethod(string name, object target, MethodInfo method, object?[] args, PyDict<string, object?>? kwargs)
    {
        var values = BindVariadic(name, method.GetParameters(), args, kwargs);
        try { return method.Invoke(target, values); }
        catch (TargetInvocationException e) when (e.InnerException is not null) { throw e.InnerException; }
    }

    /// <summary>A def's parameters that end in <c>**kwargs</c> and/or <c>*args</c> (a method's or a constructor's).</summary>
    internal static bool IsVariadic(ParameterInfo[] ps) => VariadicShape(ps) is (true, _) or (_, true);

    /// <summary>The C# arguments of a variadic def: the named ones bound as Python binds them, then the keywords dict and the params array.</summary>
    internal static object?[] BindVariadic(string name, ParameterInfo[] ps, object?[] args, PyDict<string, object?>? kwargs)
    {
        var (hasStar, hasKw) = VariadicShape(ps);
        var namedPs = ps.Take(ps.Length - (hasStar ? 1 : 0) - (hasKw ? 1 : 0)).ToArray();
        int named = namedPs.Length;
        if (!hasStar && args.Length > named) throw TooManyPositional(name, namedPs, null, args.Length, named);
        var (known, extra) = SplitKeywords(name, namedPs, kwargs, hasKw);
        var values = new List<object?>(Bind(name, namedPs, null, args.Take(named).ToArray(), known));
        if (hasKw) values.Add(extra);
        if (hasStar) values.Add(StarArray(ps[^1], args.Skip(named).ToArray()));
        return values.ToArray();
    }

    /// <summary>Whether the parameters end in a params array (<c>*args</c>) and, before it, a keywords dict (<c>**kwargs</c>).</summary>
    private static (bool HasStar, bool HasKw) VariadicShape(ParameterInfo[] ps)
    {
        bool hasStar = ps.Length > 0 && ps[^1].IsDefined(typeof(ParamArrayAttribute), false);
        int kwIndex = ps.Length - (hasStar ? 2 : 1);
        return (hasStar, kwIndex >= 0 && ps[kwIndex].ParameterType == typeof(PyDict<string, object?>));
    }

    /// <summary>Keywords naming a parameter, and the rest (for <c>**kwargs</c>; an error without it).</summary>
    private static (PyDict<string, object?> Known, PyDict<string, object?> Extra) SplitKeywords(string name, ParameterInfo[] named, PyDict<string, object?>? kwargs, bool hasKw)
    {
        var known = new PyDict<string, object?>();
        var extra = new PyDict<string, object?>();
        if (kwargs is null) return (known, extra);
        foreach (var (key, value) in kwargs.Items())
        {
            if (Array.Exists(named, p => p.Name == key)) known[key] = value;
            else if (hasKw) extra[key] = value;
            else throw new TypeError($"{name}() got an unexpected keyword argument '{key}'");
        }
        return (known, extra);
    }

    /// <summary>The values of a C# params array (<c>*args</c>), each converted to its element type.</summary>
    internal static Array StarArray(ParameterInfo star, object?[] rest)
    {
        var elem = star.ParameterType.GetElementType() ?? typeof(object);
        var array = Array.CreateInstance(elem, rest.Length);
        for (int i = 0; i < rest.Length; i++) array.SetValue(Dyn.Convert(rest[i], elem), i);
        return array;
    }

    private static object?[] Bind(string name, ParameterInfo[] ps, object?[]? defaults, object?[] args, PyDict<string, object?>? kwargs)
    {
        int n = ps.Length;
        if (args.Length > n) throw new TypeError($"{name}() takes {n} positional argument{(n == 1 ? "" : "s")} but {args.Length} {(args.Length == 1 ? "was" : "were")} given");
        var values = new object?[n];
        var set = new bool[n];
        for (int i = 0; i < args.Length; i++) (values[i], set[i]) = (args[i], true);
        if (kwargs is not null) BindKeywords(name, ps, kwargs, values, set);
        ThrowIfMissing(name, ps, defaults, set);
        for (int i = 0; i < n; i++)
            if (!set[i]) values[i] = DefaultOf(name, ps[i], i, n, defaults);
        for (int i = 0; i < n; i++) values[i] = Dyn.Convert(values[i], ps[i].ParameterType);
        return values;
    }

    /// <summary>
    /// The TypeError CPython raises for a call the parameters do not take (a constructor a class called through a value
    /// has none other of): too many positional arguments, a missing one, an unknown or repeated keyword.
    /// </summary>
    public static TypeError Mismatch(string name, ParameterInfo[] ps, object?[] args, PyDict<string, object?>? kwargs, int self = 0)
    {
        int positional = ParameterDefaults.Positional(ps);
        if (args.Length > positional) return TooManyPositional(name, ps, null, args.Length, positional, self);
        try { Bind(name, ps, null, args, kwargs); }
        catch (TypeError e) { return e; }
        return new TypeError($"{name}() got arguments Batuta cannot bind");
    }

    /// <summary>CPython's "f() takes from 1 to 2 positional arguments but 3 were given".</summary>
    private static TypeError TooManyPositional(string name, ParameterInfo[] ps, object?[]? defaults, int given, int positional, int self = 0)
    {
        int firstDefault = defaults is null ? ps.Length : ps.Length - defaults.Length;
        int required = self + Enumerable.Range(0, positional).Count(i => i < firstDefault && !ParameterDefaults.Has(ps[i]));
        (given, positional) = (given + self, positional + self);
        string takes = required == positional ? $"{positional} positional argument{(positional == 1 ? "" : "s")}" : $"from {required} to {positional} positional arguments";
        return new TypeError($"{name}() takes {takes} but {given} {(given == 1 ? "was" : "were")} given");
    }

    private static void BindKeywords(string name, ParameterInfo[] ps, PyDict<string, object?> kwargs, object?[] values, bool[] set)
    {
        foreach (var (key, value) in kwargs.Items())
        {
            int i = Array.FindIndex(ps, p => p.Name == key);
            if (i < 0) throw new TypeError($"{name}() got an unexpected keyword argument '{key}'");
            if (set[i]) throw new TypeError($"{name}() got multiple values for argument '{key}'");
            (values[i], set[i]) = (value, true);
        }
    }

    private static void ThrowIfMissing(string name, ParameterInfo[] ps, object?[]? defaults, bool[] set)
    {
        int n = ps.Length;
        var missing = Enumerable.Range(0, n).Where(i => !set[i] && !HasDefault(ps[i], i, n, defaults)).Select(i => ps[i].Name ?? "").ToList();
        if (missing.Count > 0) throw Missing(name, missing);
    }

    private static bool HasDefault(ParameterInfo p, int i, int n, object?[]? defaults) =>
        defaults is not null && i >= n - defaults.Length || ParameterDefaults.Has(p);

    /// <summary>CPython's "f() missing 3 required positional arguments: 'a', 'b', and 'c'".</summary>
    private static TypeError Missing(string name, List<string> names)
    {
        var quoted = names.Select(x => "'" + x.TrimStart('@') + "'").ToList();
        string list = quoted.Count switch
        {
            1 => quoted[0],
            2 => quoted[0] + " and " + quoted[1],
            _ => string.Join(", ", quoted.Take(quoted.Count - 1)) + ", and " + quoted[^1],
        };
        return new TypeError($"{name}() missing {names.Count} required positional argument{(names.Count == 1 ? "" : "s")}: {list}");
    }

    private static object? DefaultOf(string name, ParameterInfo p, int i, int n, object?[]? defaults)
    {
        if (defaults is not null && i >= n - defaults.Length) return defaults[i - (n - defaults.Length)];
        if (ParameterDefaults.Has(p)) return ParameterDefaults.Value(p);
        throw new TypeError($"{name}() missing 1 required positional argument: '{p.Name}'");
    }
}
