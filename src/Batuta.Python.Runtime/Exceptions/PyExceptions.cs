namespace Batuta.Python.Runtime;

/// <summary>
/// Python's <c>BaseException</c>. Migrated code raises and catches these classes, which keep the Python
/// names (<c>ValueError</c>, <c>KeyError</c>, ...) so tracebacks and <c>str(e)</c> read as in CPython.
/// </summary>
public class PyBaseException : Exception, IPyObject, IPyTyped, IPyAttributes
{
    public PyBaseException() : this(Array.Empty<object?>()) { }

    public PyBaseException(params object?[] args) : base(null) => Args = args ?? [null];

    public PyBaseException(string message) : this(new object?[] { message }) { }

    /// <summary><c>e.args</c></summary>
    public object?[] Args { get; protected set; }

    /// <summary><c>raise ... from cause</c></summary>
    public PyBaseException? Cause { get; set; }

    /// <summary>The Python class name of a migrated exception class.</summary>
    protected virtual string? PyTypeNameOverride => null;

    /// <summary>The module that defines a migrated exception class ("__main__" for the entry module), for tracebacks.</summary>
    public virtual string PyModule => "builtins";

    public bool SuppressContext { get; set; }

    /// <summary>The exception being handled when this one was raised.</summary>
    public PyBaseException? PyContext { get; set; }

    public virtual string PythonName => PyTypeNameOverride ?? GetType().Name switch
    {
        "PyBaseException" => "BaseException",
        "PyException" => "Exception",
        var n => n,
    };

    public virtual string PyTypeName => PythonName;

    public override string Message => PyStr();

    public virtual string PyStr() => Args.Length switch
    {
        0 => "",
        1 => Str.Of(Args[0]),
        _ => Repr.Of(new PyTuple(Args)),
    };

    public virtual string PyRepr() => PythonName + (Args.Length == 1 ? "(" + Repr.Of(Args[0]) + ")" : Repr.Of(new PyTuple(Args)));

    public override string ToString() => PyStr();

    public PyBaseException WithCause(object? cause)
    {
        Cause = cause as PyBaseException;
        SuppressContext = true;
        // `raise X from e` is nearly always inside `except ... as e`, whose exception CPython also sets as __context__
        PyContext ??= Cause;
        return this;
    }

    /// <summary>A <c>raise</c> inside an <c>except</c> block: the exception being handled becomes <c>__context__</c>.</summary>
    public PyBaseException WithContext(object? handled)
    {
        if (PyContext is null && handled is PyBaseException h && !ReferenceEquals(h, this)) PyContext = h;
        return this;
    }

    /// <summary><c>e.__notes__</c>: the notes add_note() gave, printed after the exception's last traceback line; null until the first.</summary>
    public PyList<object?>? PyNotes { get; internal set; }

    /// <summary><c>e.add_note(note)</c></summary>
    public void AddNote(object? note)
    {
        if (note is not string) throw new TypeError($"note must be a str, not '{Dyn.TypeName(note)}'");
        (PyNotes ??= new PyList<object?>()).Append(note);
    }

    /// <summary><c>e.__traceback__</c>: a stand-in that the traceback module formats (Batuta keeps no frames).</summary>
    public PyTracebackObject Traceback => new(this);

    /// <summary>The exception attributes dynamic code reads: <c>e.__cause__</c>, <c>e.__context__</c> (None when absent), <c>e.args</c>.</summary>
    public virtual bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "__cause__" => Cause,
            "__context__" => PyContext,
            "__suppress_context__" => SuppressContext,
            "__traceback__" => Traceback,
            "__notes__" when PyNotes is not null => PyNotes,
            "args" => new PyTuple(Args),
            _ => this,
        };
        return !ReferenceEquals(value, this);
    }
}

#pragma warning disable CA1716, CA1711
public class PyException : PyBaseException { public PyException(params object?[] args) : base(args) { } public PyException(string message) : base(message) { } public PyException() { } }
public class SystemExit : PyBaseException
{
    public SystemExit(params object?[] args) : base(args) { }
    public object? Code => Args.Length == 0 ? null : Args.Length == 1 ? Args[0] : new PyTuple(Args);
}
public class KeyboardInterrupt : PyBaseException { public KeyboardInterrupt(params object?[] args) : base(args) { } }
public class GeneratorExit : PyBaseException { public GeneratorExit(params object?[] args) : base(args) { } }
public class ArithmeticError : PyException { public ArithmeticError(params object?[] args) : base(args) { } public ArithmeticError(string m) : base(m) { } }
public class ZeroDivisionError : ArithmeticError { public ZeroDivisionError(params object?[] args) : base(args) { } public ZeroDivisionError(string m) : base(m) { } }
public class OverflowError : ArithmeticError { public OverflowError(params object?[] args) : base(args) { } public OverflowError(string m) : base(m) { } }
public class FloatingPointError : ArithmeticError { public FloatingPointError(params object?[] args) : base(args) { } }
public class AssertionError : PyException { public AssertionError(params object?[] args) : base(args) { } public AssertionError(string m) : base(m) { } }
public class AttributeError : PyException { public AttributeError(params object?[] args) : base(args) { } public AttributeError(string m) : base(m) { } }
public class BufferError : PyException { public BufferError(params object?[] args) : base(args) { } }
public class EOFError : PyException { public EOFError(params object?[] args) : base(args) { } public EOFError(string m) : base(m) { } }
public class ImportError : PyException { public ImportError(params object?[] args) : base(args) { } public ImportError(string m) : base(m) { } }
public class ModuleNotFoundError : ImportError { public ModuleNotFoundError(params object?[] args) : base(args) { } }
public class LookupError : PyException { public LookupError(params object?[] args) : base(args) { } public LookupError(string m) : base(m) { } }
public class IndexError : LookupError { public IndexError(params object?[] args) : base(args) { } public IndexError(string m) : base(m) { } }
public class KeyError : LookupError
{
    public KeyError(params object?[] args) : base(args) { }
    public override string PyStr() => Args.Length == 1 ? Repr.Of(Args[0]) : base.PyStr();
}
public class MemoryError : PyException { public MemoryError(params object?[] args) : base(args) { } }
public class NameError : PyException { public NameError(params object?[] args) : base(args) { } public NameError(string m) : base(m) { } }
public class UnboundLocalError : NameError { public UnboundLocalError(params object?[] args) : base(args) { } }
public class OSError : PyException
{
    public OSError(params object?[] args) : base(args) { }
    public OSError(string m) : base(m) { }
    public object? Errno => Args.Length >= 2 ? Args[0] : null;
    public object? Strerror => Args.Length >= 2 ? Args[1] : null;
    public string? Filename { get; init; }
    public override string PyStr() => Args.Length >= 2 && Filename is not null
        ? $"[Errno {Str.Of(Args[0])}] {Str.Of(Args[1])}: {Repr.Of(Filename)}"
        : Args.Length >= 2 ? $"[Errno {Str.Of(Args[0])}] {Str.Of(Args[1])}" : base.PyStr();
}
public class FileNotFoundError : OSError { public FileNotFoundError(params object?[] args) : base(args) { } }
public class FileExistsError : OSError { public FileExistsError(params object?[] args) : base(args) { } }
public class PermissionError : OSError { public PermissionError(params object?[] args) : base(args) { } }
public class IsADirectoryError : OSError { public IsADirectoryError(params object?[] args) : base(args) { } }
public class NotADirectoryError : OSError { public NotADirectoryError(params object?[] args) : base(args) { } }
public class TimeoutError : OSError { public TimeoutError(params object?[] args) : base(args) { } }
public class ConnectionError : OSError { public ConnectionError(params object?[] args) : base(args) { } }
public class ReferenceError : PyException { public ReferenceError(params object?[] args) : base(args) { } }
public class RuntimeError : PyException { public RuntimeError(params object?[] args) : base(args) { } public RuntimeError(string m) : base(m) { } }
public class NotImplementedError : RuntimeError { public NotImplementedError(params object?[] args) : base(args) { } public NotImplementedError(string m) : base(m) { } }
public class RecursionError : RuntimeError { public RecursionError(params object?[] args) : base(args) { } public RecursionError(string m) : base(m) { } }
public class StopIteration : PyException
{
    public StopIteration(params object?[] args) : base(args) { }
    public object? Value => Args.Length > 0 ? Args[0] : null;
}
public class StopAsyncIteration : PyException { public StopAsyncIteration(params object?[] args) : base(args) { } }
public class SyntaxError : PyException { public SyntaxError(params object?[] args) : base(args) { } }
public class SystemError : PyException { public SystemError(params object?[] args) : base(args) { } }
public class TypeError : PyException { public TypeError(params object?[] args) : base(args) { } public TypeError(string m) : base(m) { } }
public class ValueError : PyException { public ValueError(params object?[] args) : base(args) { } public ValueError(string m) : base(m) { } }
public class UnicodeError : ValueError { public UnicodeError(params object?[] args) : base(args) { } }
public class Warning : PyException { public Warning(params object?[] args) : base(args) { } }
public class UserWarning : Warning { public UserWarning(params object?[] args) : base(args) { } }
public class DeprecationWarning : Warning { public DeprecationWarning(params object?[] args) : base(args) { } }
public class PendingDeprecationWarning : Warning { public PendingDeprecationWarning(params object?[] args) : base(args) { } }
public class RuntimeWarning : Warning { public RuntimeWarning(params object?[] args) : base(args) { } }
public class FutureWarning : Warning { public FutureWarning(params object?[] args) : base(args) { } }
public class SyntaxWarning : Warning { public SyntaxWarning(params object?[] args) : base(args) { } }
public class ImportWarning : Warning { public ImportWarning(params object?[] args) : base(args) { } }
public class UnicodeWarning : Warning { public UnicodeWarning(params object?[] args) : base(args) { } }
public class BytesWarning : Warning { public BytesWarning(params object?[] args) : base(args) { } }
public class ResourceWarning : Warning { public ResourceWarning(params object?[] args) : base(args) { } }
public class EncodingWarning : Warning { public EncodingWarning(params object?[] args) : base(args) { } }
#pragma warning restore CA1716, CA1711

/// <summary>Turns .NET exceptions raised inside migrated code into their Python equivalents.</summary>
public static class PyExc
{
    private const string TranslatedKey = "Batuta.Python";

    /// <summary>
    /// The Python exception for <paramref name="e"/>: one object per .NET exception (remembered in its Data), so
    /// that a handler's <c>e</c>, a re-raise and <c>__context__</c> all see the same Python exception.
    /// </summary>
    public static PyBaseException Translate(Exception e)
    {
        if (e is PyBaseException p) return p;
        if (e.Data[TranslatedKey] is PyBaseException known) return known;
        var translated = TranslateNew(e);
        e.Data[TranslatedKey] = translated;
        return translated;
    }

    private static PyBaseException TranslateNew(Exception e) => e switch
    {
        // a class attribute's initializer that raised (the class body's NameError) surfaces as itself
        TypeInitializationException { InnerException: { } inner } => Translate(inner),
        DivideByZeroException => new ZeroDivisionError("division by zero"),
        KeyNotFoundException k => new KeyError(k.Message),
        IndexOutOfRangeException or ArgumentOutOfRangeException => new IndexError("list index out of range"),
        OverflowException => new OverflowError("integer overflow"),
        InvalidCastException c => new TypeError(c.Message),
        NullReferenceException => new AttributeError("'NoneType' object has no attribute"),
        FileNotFoundException f => new FileNotFoundError(2, "No such file or directory") { Filename = f.FileName },
        DirectoryNotFoundException => new FileNotFoundError(2, "No such file or directory"),
        UnauthorizedAccessException => new PermissionError(13, "Permission denied"),
        IOException io => new OSError(io.Message),
        FormatException fe => new ValueError(fe.Message),
        InsufficientExecutionStackException => new RecursionError("maximum recursion depth exceeded"),
        NotSupportedException ns => new NotImplementedError(ns.Message),
        _ => new RuntimeError(e.GetType().Name + ": " + e.Message),
    };

    [ThreadStatic]
    private static Stack<Exception>? _handled;

    /// <summary>The exception an enclosing <c>except</c> block handles (what logging.exception() formats), else null.</summary>
    public static Exception? Handled => _handled is { Count: > 0 } h ? h.Peek() : null;

    /// <summary>
    /// Marks <paramref name="e"/> as handled for the body of its <c>except</c> block: emitted only in programs that
    /// read it (sys.exc_info is not tracked otherwise, as the catch block itself does not expose it to callees).
    /// </summary>
    public static IDisposable Handling(Exception e)
    {
        (_handled ??= new()).Push(e);
        return new HandledScope();
    }

    private sealed class HandledScope : IDisposable
    {
        public void Dispose() => _handled?.Pop();
    }

    /// <summary>For <c>except T as e</c>: the Python view of <paramref name="e"/> if it is a <typeparamref name="T"/>.</summary>
    public static T? As<T>(Exception e) where T : PyBaseException => Translate(e) as T;

    public static bool Is<T>(Exception e) where T : PyBaseException => Translate(e) is T;

    /// <summary>
    /// An exception filter that never catches: an exception leaving <c>__exit__</c> while another one was leaving the
    /// with block gets that one as <c>__context__</c>, as CPython chains them.
    /// </summary>
    public static bool ChainContext(Exception raised, object? inFlight)
    {
        if (Translate(raised) is PyBaseException p && inFlight is PyBaseException h) p.WithContext(h);
        return false;
    }

    /// <summary>
    /// <c>raise x</c> where only the run time knows what x is: an exception, or an exception class (<c>E = ValueError;
    /// raise E</c>) instantiated without arguments; anything else is CPython's TypeError.
    /// </summary>
    public static PyBaseException Raisable(object? value) => value switch
    {
        Exception e => Translate(e),
        Type t when typeof(Exception).IsAssignableFrom(t) && Dyn.Call(t) is Exception made => Translate(made),
        _ => new TypeError("exceptions must derive from BaseException"),
    };

    /// <summary><c>raise</c> inside an <c>except</c> block: the handled exception becomes the raised one's <c>__context__</c>.</summary>
    public static Exception InContext(Exception raised, Exception handled)
    {
        if (raised is PyBaseException p) p.WithContext(Translate(handled));
        return raised;
    }
}
