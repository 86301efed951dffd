namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// A method of a runtime object that takes Python keyword arguments, read as a value (<c>pack = s.pack</c>,
/// <c>getattr(s, "pack")</c>): calling it calls the object's <see cref="IPyKeywordMethods.CallMethod"/>.
/// </summary>
public sealed class PyKeywordMethod(IPyKeywordMethods self, string name, string ownerType) : IPyCallable, IPyKwCallable, IPyObject
{
    public object? PyCall(object?[] args) => self.CallMethod(name, args, new PyDict<string, object?>());

    public object? PyCall(object?[] args, PyDict<string, object?> kwargs) => self.CallMethod(name, args, kwargs);

    public string PyRepr() => $"<built-in method {name} of {ownerType} object at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(self):x12}>";

    public string PyStr() => PyRepr();
}
