namespace Batuta.Python.Runtime;

/// <summary>
/// A function with <c>*args</c> (or <c>**kwargs</c>) used as a value (returned from a decorator, stored, passed on):
/// called with any number of positional arguments, which it spreads over its parameters itself.
/// </summary>
public sealed class PyVariadicFunction : IPyCallable, IPyKwCallable, IPyObject, IPyTyped, IPyAttributes
{
    private readonly Func<object?[], PyDict<string, object?>, object?> _call;
    private readonly bool _takesKeywords;

    public PyVariadicFunction(string name, Func<object?[], object?> call)
    {
        Name = name;
        _call = (args, _) => call(args);
    }

    /// <summary>A function with <c>**kwargs</c>: the keyword arguments of the call go there.</summary>
    public PyVariadicFunction(string name, Func<object?[], PyDict<string, object?>, object?> call)
    {
        Name = name;
        _call = call;
        _takesKeywords = true;
    }

    public string Name { get; }
    public string PyTypeName => "function";
    public object? PyCall(object?[] args) => _call(args, new PyDict<string, object?>());

    public object? PyCall(object?[] args, PyDict<string, object?> kwargs)
    {
        if (!_takesKeywords && kwargs.Count > 0) throw new TypeError($"{Name}() got an unexpected keyword argument '{kwargs.Keys().First()}'");
        return _call(args, kwargs);
    }
    public string PyRepr() => $"<function {Name} at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";
    public string PyStr() => PyRepr();

    private object? _wrapped;
    private bool _isWrapper;

    /// <summary>Under @functools.wraps(fn): fn, this wrapper's __wrapped__ (which only a wrapper has).</summary>
    public object? Wrapped { get => _wrapped; init { _wrapped = value; _isWrapper = true; } }

    /// <summary>The def's docstring: its __doc__ (None without one).</summary>
    public string? Doc { get; init; }

    public bool TryGetAttr(string name, out object? value)
    {
        value = name is "__name__" or "__qualname__" ? Name : name == "__wrapped__" && _isWrapper ? _wrapped : name == "__doc__" ? Py.DocOf(this, _isWrapper, _wrapped, Doc) : null;
        return value is not null || (name == "__wrapped__" && _isWrapper) || name == "__doc__";
    }
}
