namespace Batuta.Python.Runtime;

/// <summary>
/// <c>functools.partial(func, *args, **keywords)</c> as a value: a call adds its arguments after the bound ones, and its
/// keywords over the bound ones, as CPython's does. A partial of a partial flattens, as CPython's does.
/// </summary>
public sealed class PyPartial : IPyCallable, IPyKwCallable, IPyAttributes, IPyObject, IPyTyped
{
    private readonly Func<object?, object?>? _one;

    /// <param name="one">The call with one more positional argument, as the transpiler wrote it (a builtin's value takes no keywords).</param>
    public PyPartial(object? func, object?[] args, PyDict<string, object?> keywords, Func<object?, object?>? one = null)
    {
        _one = one;
        if (!Py.Callable(func)) throw new TypeError("the first argument must be callable");
        if (func is PyPartial inner)
        {
            func = inner.Func;
            args = inner.Args.Concat(args).ToArray();
            var merged = inner.Keywords.Copy();
            merged.Update(keywords);
            keywords = merged;
        }
        Func = func;
        Args = new PyTuple(args);
        Keywords = keywords;
    }

    public object? Func { get; }
    public PyTuple Args { get; }
    public PyDict<string, object?> Keywords { get; }
    public string PyTypeName => "functools.partial";

    public object? PyCall(object?[] args) => PyCall(args, new PyDict<string, object?>());

    public object? PyCall(object?[] args, PyDict<string, object?> kwargs)
    {
        if (_one is not null && args.Length == 1 && kwargs.Count == 0) return _one(args[0]);
        var keywords = Keywords.Copy();
        keywords.Update(kwargs);
        return Dyn.CallKw(Func, Args.Concat(args).ToArray(), keywords);
    }

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "func" => Func,
            "args" => Args,
            "keywords" => Keywords,
            _ => null,
        };
        return name is "func" or "args" or "keywords";
    }

    public string PyRepr()
    {
        var parts = new[] { Repr.Of(Func) }.Concat(Args.Select(Repr.Of)).Concat(Keywords.Pairs().Select(kv => kv.Key + "=" + Repr.Of(kv.Value)));
        return "functools.partial(" + string.Join(", ", parts) + ")";
    }

    public string PyStr() => PyRepr();
}
