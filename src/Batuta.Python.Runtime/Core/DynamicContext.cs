namespace Batuta.Python.Runtime;

/// <summary>
/// <c>with value as v:</c> where the transpiler cannot tell the value's class: the context manager protocol is looked
/// up at run time. A migrated class's <c>__enter__</c>/<c>__exit__</c> are called as Python calls them (the exception
/// leaving the block goes to <c>__exit__</c>, whose true result suppresses it); a runtime object without them that
/// owns a resource (an open file, a StringIO) enters as itself and is closed on exit; a runtime context manager
/// (<see cref="Modules.IPyContextManager"/>: contextlib's) runs its own; anything else is CPython's TypeError.
/// </summary>
public sealed class DynamicContext
{
    private readonly object? _manager;
    private readonly bool _protocol;

    public DynamicContext(object? manager)
    {
        _manager = manager;
        if (manager is Modules.IPyContextManager runtime)
        {
            Value = runtime.Enter();
            return;
        }
        _protocol = manager is PyObject && Py.HasAttr(manager, "__enter__") && Py.HasAttr(manager, "__exit__");
        if (!_protocol && manager is not IDisposable)
            throw new TypeError($"'{Dyn.TypeName(manager)}' object does not support the context manager protocol");
        Value = _protocol ? Dyn.CallMethod(manager, "__enter__") : manager;
    }

    /// <summary>What <c>__enter__</c> returned: the value <c>as</c> binds.</summary>
    public object? Value { get; }

    /// <summary>
    /// Leaves the block: <paramref name="raised"/> is the exception leaving it (null when it ended normally or by
    /// return/break). True when <c>__exit__</c> suppresses that exception.
    /// </summary>
    public bool Exit(PyBaseException? raised)
    {
        if (_manager is Modules.IPyContextManager runtime) return runtime.Exit(raised);
        if (!_protocol)
        {
            (_manager as IDisposable)?.Dispose();
            return false;
        }
        var result = raised is null
            ? Dyn.CallMethod(_manager, "__exit__", null, null, null)
            : Dyn.CallMethod(_manager, "__exit__", Py.Type(raised), raised, null);
        return raised is not null && Py.Truth(result);
    }
}
