namespace Batuta.Python.Runtime;

/// <summary>
/// Python's <c>NotImplemented</c> as a value (<c>x = self._coerce(other)</c> … <c>if x is NotImplemented</c>). A
/// dunder that returns it is translated to the operator's fallback by the transpiler; the value itself only has to
/// compare by identity and print as CPython prints it.
/// </summary>
public sealed class PyNotImplemented : PyObject
{
    public static readonly PyNotImplemented Instance = new();

    private PyNotImplemented() { }

    public override string PyTypeName => "NotImplementedType";

    public override string PyRepr() => "NotImplemented";
}

public static partial class Py
{
    /// <summary>The <c>NotImplemented</c> singleton.</summary>
    public static readonly PyNotImplemented NotImplemented = PyNotImplemented.Instance;
}
