namespace Batuta.Python.Runtime;

/// <summary>
/// <c>e.__traceback__</c> and <c>sys.exc_info()[2]</c>: Batuta keeps no frames, so this stands for the exception's
/// traceback where code passes it along (traceback.format_tb, format_exception(type, value, tb)).
/// </summary>
public sealed class PyTracebackObject : IPyObject, IPyTyped, IPyAttributes
{
    public PyTracebackObject(PyBaseException exception) => Exception = exception;

    public PyBaseException Exception { get; }

    public string PyTypeName => "traceback";

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "tb_lineno" or "tb_lasti" => new PyInt(1),
            "tb_next" => null,
            _ => this,
        };
        return !ReferenceEquals(value, this);
    }

    public string PyRepr() => "<traceback object>";
    public string PyStr() => PyRepr();
}
