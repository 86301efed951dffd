namespace Batuta.Python.Runtime;

/// <summary>
/// <c>getattr(obj, "on_" + kind)</c> on a user object's method: the method bound to its object, called like
/// Python's bound method (dispatch-by-name handlers, visitor tables).
/// </summary>
public sealed class PyBoundMethod(object self, string name) : IPyCallable, IPyKwCallable, IPyObject
{
    public object Self { get; } = self;

    public string Name { get; } = name;

    public object? PyCall(object?[] args) => Dyn.CallMethodReflected(Self, Name, args);

    /// <summary>m(*args, k=v): bound by the method's parameter names, as obj.m(*args, k=v) is.</summary>
    public object? PyCall(object?[] args, PyDict<string, object?> kwargs) => Dyn.CallMethodKw(Self, Name, kwargs, args);

    public string PyRepr() => $"<bound method {Dyn.TypeName(Self)}.{Name} of {Repr.Of(Self)}>";

    public string PyStr() => PyRepr();
}
