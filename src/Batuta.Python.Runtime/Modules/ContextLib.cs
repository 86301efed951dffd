namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// A runtime object that a <c>with</c> statement enters and exits (see <see cref="DynamicContext"/>): what
/// <c>__enter__</c> returns, and whether <c>__exit__</c> suppresses the exception leaving the block (null when none).
/// </summary>
public interface IPyContextManager
{
    object? Enter();

    bool Exit(PyBaseException? raised);
}

/// <summary>contextlib.redirect_stdout / redirect_stderr: print and sys.stdout (sys.stderr) write to the target inside the block.</summary>
public sealed class RedirectStream : IPyContextManager, IPyObject
{
    private readonly object? _target;
    private readonly bool _stderr;
    private readonly Stack<TextWriter?> _previous = new();

    public RedirectStream(object? target, bool stderr)
    {
        _target = target;
        _stderr = stderr;
    }

    public object? Enter()
    {
        var writer = _target is PyTextIO io ? io.Writer : new PyWriteAdapter(_target);
        (_stderr ? Sys.StderrWriter : Sys.StdoutWriter).Flush();
        _previous.Push(Sys.Redirect(_stderr, writer));
        return _target;
    }

    public bool Exit(PyBaseException? raised)
    {
        Sys.Redirect(_stderr, _previous.Pop());
        return false;
    }

    public string PyRepr() => $"<contextlib.{(_stderr ? "redirect_stderr" : "redirect_stdout")} object>";
    public string PyStr() => PyRepr();
}

/// <summary>A TextWriter over a Python object with a write() method (a redirect target that is not a file).</summary>
internal sealed class PyWriteAdapter(object? target) : TextWriter
{
    public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    public override void Write(char value) => Write(value.ToString());
    public override void Write(string? value) => Dyn.CallMethod(target, "write", value ?? "");
}

/// <summary>contextlib.nullcontext(enter_result) and contextlib.closing(thing) (which closes it on exit).</summary>
public sealed class SimpleContext(object? value, bool closes) : IPyContextManager, IPyObject
{
    public object? Enter() => value;

    public bool Exit(PyBaseException? raised)
    {
        if (closes) Dyn.CallMethod(value, "close");
        return false;
    }

    public string PyRepr() => closes ? "<contextlib.closing object>" : "<contextlib.nullcontext object>";
    public string PyStr() => PyRepr();
}

/// <summary>contextlib.suppress(*exceptions) used as a value (stack.enter_context(suppress(KeyError))).</summary>
public sealed class SuppressContext(params object?[] exceptions) : IPyContextManager, IPyObject
{
    public object? Enter() => null;

    public bool Exit(PyBaseException? raised) => raised is not null && exceptions.Any(c => Py.IsInstanceOf(raised, c));

    public string PyRepr() => "<contextlib.suppress object>";
    public string PyStr() => PyRepr();
}
