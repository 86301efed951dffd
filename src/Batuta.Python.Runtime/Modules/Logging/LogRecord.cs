using Batuta.Python.Runtime.Text;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// logging.LogRecord: its attributes as the mapping a format string reads. The frame-dependent ones come from the
/// call site the transpiler passes; a call it could not see (log.info(*args), getattr(log, "info")) names the main script,
/// <c>&lt;module&gt;</c> and line 0.
/// </summary>
internal sealed class LogRecord
{
    private static readonly DateTime Start = DateTime.Now;

    private LogRecord(PyDict<string, object?> attributes, long level, object? msg, object? args, bool hasException, Exception? exception)
    {
        Attributes = attributes;
        Level = level;
        Msg = msg;
        Args = args;
        HasException = hasException;
        Exception = exception;
    }

    public PyDict<string, object?> Attributes { get; }

    public long Level { get; }

    public object? Msg { get; }

    /// <summary>The % operand: a tuple, or the one mapping given as the only argument.</summary>
    public object? Args { get; }

    public bool HasException { get; }

    public Exception? Exception { get; }

    /// <summary>When the record was made (local time), for %(asctime)s.</summary>
    public DateTime Time { get; private init; }

    public static LogRecord Create(string name, long level, object? msg, object?[] args, PyDict<string, object?> kwargs, SourceSite? site)
    {
        var now = DateTime.Now;
        var created = (now.ToUniversalTime() - DateTime.UnixEpoch).TotalSeconds;
        var attributes = new PyDict<string, object?>
        {
            ["name"] = name, ["msg"] = msg, ["levelname"] = LoggingModule.LevelName(level), ["levelno"] = (PyInt)level,
            ["created"] = created, ["msecs"] = (double)now.Millisecond, ["relativeCreated"] = (now - Start).TotalMilliseconds,
            ["thread"] = (PyInt)Environment.CurrentManagedThreadId, ["threadName"] = "MainThread", ["processName"] = "MainProcess", ["process"] = (PyInt)Environment.ProcessId,
            ["exc_text"] = null, ["stack_info"] = null, ["taskName"] = null,
        };
        AddSite(attributes, site);
        object? operand = args.Length == 1 && args[0] is IPyDict mapping && Dyn.Len(mapping) > 0 ? mapping : new PyTuple(args);
        attributes["args"] = operand;
        AddExtra(attributes, kwargs.Get("extra"));
        var excInfo = kwargs.Get("exc_info");
        bool hasException = Dyn.Truth(excInfo);
        var exception = excInfo as Exception ?? (hasException ? PyExc.Handled : null);
        attributes["exc_info"] = hasException ? excInfo : null;
        return new LogRecord(attributes, level, msg, operand, hasException, exception) { Time = now };
    }

    /// <summary>pathname, filename, module, lineno and funcName: the call site, else the main script at line 0.</summary>
    private static void AddSite(PyDict<string, object?> attributes, SourceSite? site)
    {
        string path = site?.PathName ?? WarningsModule.ScriptPath("__main__", "");
        string file = Path.GetFileName(path);
        attributes["pathname"] = path;
        attributes["filename"] = file;
        attributes["module"] = Path.GetFileNameWithoutExtension(file);
        attributes["lineno"] = (PyInt)(site?.Line ?? 0L);
        attributes["funcName"] = site?.Function ?? "<module>";
    }

    /// <summary>extra=: more attributes, which may not replace the record's own.</summary>
    private static void AddExtra(PyDict<string, object?> attributes, object? extra)
    {
        if (extra is null) return;
        foreach (var key in Dyn.Iter(extra))
        {
            var k = Str.Of(key);
            if (k is "message" or "asctime" || attributes.ContainsKey(k)) throw new KeyError($"Attempt to overwrite {Repr.Of(k)} in LogRecord");
            attributes[k] = Dyn.GetItem(extra, key);
        }
    }

    /// <summary>LogRecord.getMessage: str(msg) % args when there are args.</summary>
    public string GetMessage()
    {
        string msg = Str.Of(Msg);
        return Args is PyTuple { Count: 0 } ? msg : PercentFormat.Format(msg, Args);
    }

    /// <summary>What formatException gives for the record (CPython prints "NoneType: None" when nothing is handled).</summary>
    public string ExceptionText() => Exception is null ? "NoneType: None"
        : PyProgram.Traceback(Exception, Sys.Argv.Count > 0 ? Sys.Argv[0] : "").TrimEnd('\n');
}
