namespace Batuta.Python.Runtime;

/// <summary>
/// A function with <c>*args</c> (or <c>**kwargs</c>) used as a value (returned from a decorator, stored, passed on):
/// called with any number of positional arguments, which it spreads over its parameters itself.
/// </summary>
public sealed class PyVariadicFunction : IPyCallable, IPyObject, IPyTyped, IPyAttributes
{
    private readonly Func<object?[], object?> _call;

    public PyVariadicFunction(string name, Func<object?[], object?> call)
    {
        Name = name;
        _call = call;
    }

    public string Name { get; }
    public string PyTypeName => "function";
    public object? PyCall(object?[] args) => _call(args);
    public string PyRepr() => $"<function {Name} at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";
    public string PyStr() => PyRepr();

    public bool TryGetAttr(string name, out object? value)
    {
        value = name is "__name__" or "__qualname__" ? Name : null;
        return value is not null;
    }
}
