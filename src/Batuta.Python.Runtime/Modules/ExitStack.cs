namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// contextlib.ExitStack: exit callbacks run last-in first-out when the block ends (or on close()); a callback whose
/// result is true suppresses the exception leaving the block, and one that raises replaces it for the callbacks after
/// it, chained as CPython chains them.
/// </summary>
public sealed class ExitStack : IPyContextManager, IPyKeywordMethods, IPyObject
{
    private List<Func<PyBaseException?, bool>> _exits = new();

    public object? Enter() => this;

    public bool Exit(PyBaseException? raised)
    {
        var current = raised;
        bool suppressed = false, pending = false;
        while (_exits.Count > 0)
        {
            var exit = _exits[^1];
            _exits.RemoveAt(_exits.Count - 1);
            try
            {
                if (!exit(current)) continue;
                suppressed = true;
                pending = false;
                current = null;
            }
            catch (Exception e)
            {
                var py = PyExc.Translate(e);
                if (current is not null) py.WithContext(current);
                pending = true;
                current = py;
            }
        }
        if (pending && current is not null) throw current;
        return raised is not null && suppressed;
    }

    /// <summary>enter_context(cm): enters it now, exits it with the stack; returns what its __enter__ returned.</summary>
    public object? EnterContext(object? manager)
    {
        var context = new DynamicContext(manager);
        _exits.Add(context.Exit);
        return context.Value;
    }

    /// <summary>callback(fn, *args, **kwds): called on exit, never suppressing.</summary>
    public object? Callback(object? function, object?[] args, PyDict<string, object?> kwargs)
    {
        _exits.Add(_ =>
        {
            if (kwargs.Count > 0) Dyn.CallKw(function, args, kwargs);
            else Dyn.Call(function, args);
            return false;
        });
        return function;
    }

    /// <summary>push(exit): a context manager's __exit__, or a callable taking (type, value, traceback) like one.</summary>
    public object? Push(object? exit)
    {
        _exits.Add(exit switch
        {
            IPyContextManager manager => manager.Exit,
            PyObject when Py.HasAttr(exit, "__exit__") => raised => Py.Truth(Dyn.CallMethod(exit, "__exit__", ExitArguments(raised))),
            _ => raised => Py.Truth(Dyn.Call(exit, ExitArguments(raised))),
        });
        return exit;
    }

    private static object?[] ExitArguments(PyBaseException? raised) =>
        raised is null ? new object?[] { null, null, null } : new object?[] { Py.Type(raised), raised, raised.Traceback };

    /// <summary>pop_all(): a new stack takes the callbacks; this one is left empty.</summary>
    public ExitStack PopAll()
    {
        var moved = new ExitStack { _exits = _exits };
        _exits = new();
        return moved;
    }

    public void Close() => Exit(null);

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "callback" when args.Length > 0 => Callback(args[0], args[1..], kwargs),
        "enter_context" when args.Length == 1 => EnterContext(args[0]),
        "push" when args.Length == 1 => Push(args[0]),
        "pop_all" => PopAll(),
        "close" => Closed(),
        "__enter__" => Enter(),
        "__exit__" => Exit(args.Length > 1 ? args[1] as PyBaseException : null),
        _ => throw new AttributeError($"'ExitStack' object has no attribute '{name}'"),
    };

    private object? Closed()
    {
        Close();
        return null;
    }

    public string PyRepr() => "<contextlib.ExitStack object>";
    public string PyStr() => PyRepr();
}
