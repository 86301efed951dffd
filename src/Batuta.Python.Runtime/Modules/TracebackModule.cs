namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// Python's <c>traceback</c> module over <see cref="TracebackFormatter"/>, the text an uncaught exception prints: the
/// last lines ("ValueError: too big: 3", the notes) are CPython's; the frame lines name the script at line 1, as
/// Batuta keeps no frames.
/// </summary>
public static class TracebackModule
{
    /// <summary>format_exc(): the traceback of the exception being handled; "NoneType: None\n" outside an except block.</summary>
    public static string FormatExc() => PyExc.Handled is { } e ? TracebackFormatter.Format(e, TracebackFormatter.ScriptName) : "NoneType: None\n";

    /// <summary>print_exc(file=sys.stderr)</summary>
    public static void PrintExc(object? file = null) => WriteTo(file, FormatExc());

    /// <summary>format_exception_only(exc) and the older format_exception_only(type, value).</summary>
    public static PyList<string> FormatExceptionOnly(object? exc, object? value = null) => Exception(exc, value) switch
    {
        { } e => TracebackFormatter.ExceptionOnly(e),
        null when exc is not null and not PyBaseException => new PyList<string> { Str.Of(Dyn.GetAttr(exc, "__name__")) + "\n" },
        null => new PyList<string> { "NoneType: None\n" },
    };

    /// <summary>format_exception(exc) and format_exception(type, value, tb): the traceback's lines.</summary>
    public static PyList<string> FormatException(object? exc, object? value = null, object? tb = null, bool chain = true) =>
        Lines(Exception(exc, value) is { } e ? TracebackFormatter.Format(e, TracebackFormatter.ScriptName, chain) : "NoneType: None\n");

    /// <summary>print_exception(exc, file=) and print_exception(type, value, tb, file=).</summary>
    public static void PrintException(object? exc, object? value = null, object? tb = null, object? limit = null, object? file = null, bool chain = true) =>
        WriteTo(file, string.Concat(FormatException(exc, value, tb, chain)));

    /// <summary>format_tb(tb): one frame per traceback (Batuta's frame line).</summary>
    public static PyList<string> FormatTb(object? tb) =>
        tb is null ? new PyList<string>() : new PyList<string> { "  File \"" + TracebackFormatter.ScriptName + "\", line 1, in <module>\n" };

    /// <summary>print_tb(tb, file=)</summary>
    public static void PrintTb(object? tb, object? limit = null, object? file = null) => WriteTo(file, string.Concat(FormatTb(tb)));

    /// <summary>The exception of the (exc) or (type, value) forms; a traceback object stands for its exception.</summary>
    private static PyBaseException? Exception(object? exc, object? value) => (value ?? exc) switch
    {
        PyBaseException e => e,
        Exception e => PyExc.Translate(e),
        PyTracebackObject tb => tb.Exception,
        _ => null,
    };

    private static PyList<string> Lines(string text)
    {
        var lines = new PyList<string>();
        int start = 0;
        for (int i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', start))
        {
            lines.Append(text.Substring(start, i + 1 - start));
            start = i + 1;
        }
        if (start < text.Length) lines.Append(text.Substring(start));
        return lines;
    }

    /// <summary>The file= a traceback function writes to: sys.stderr when None.</summary>
    internal static void WriteTo(object? file, string text)
    {
        switch (file)
        {
            case null:
                Sys.StdoutWriter.Flush();
                Sys.StderrWriter.Write(text);
                break;
            case PyTextIO io:
                io.Write(text);
                break;
            default:
                Dyn.CallMethod(file, "write", text);
                break;
        }
    }
}
