namespace Batuta.Python.Runtime;

/// <summary>
/// <c>operator.methodcaller(name, *args, **kwargs)</c> where the transpiler cannot write it as a lambda: calling it with
/// an object calls that object's method, the arguments evaluated once when it was made, as in CPython.
/// </summary>
public sealed class PyMethodCaller : IPyCallable, IPyObject, IPyTyped
{
    private readonly string _name;
    private readonly object?[] _args;
    private readonly PyDict<string, object?> _kwargs;

    public PyMethodCaller(object? name, PyDict<string, object?> kwargs, params object?[] args)
    {
        _name = name as string ?? throw new TypeError("method name must be a string");
        _kwargs = kwargs;
        _args = args;
    }

    public string PyTypeName => "operator.methodcaller";

    public object? PyCall(object?[] args)
    {
        if (args.Length != 1) throw new TypeError($"methodcaller expected 1 argument, got {args.Length}");
        return _kwargs.Count == 0 ? Dyn.CallMethod(args[0], _name, _args) : Dyn.CallMethodKw(args[0], _name, _kwargs, _args);
    }

    public string PyRepr()
    {
        var parts = new[] { Repr.Of(_name) }.Concat(_args.Select(Repr.Of)).Concat(_kwargs.Pairs().Select(kv => kv.Key + "=" + Repr.Of(kv.Value)));
        return "operator.methodcaller(" + string.Join(", ", parts) + ")";
    }

    public string PyStr() => PyRepr();
}
