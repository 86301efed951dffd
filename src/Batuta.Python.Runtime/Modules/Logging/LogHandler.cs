namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// logging.StreamHandler (a null stream: sys.stderr at each record, as logging.lastResort) and logging.FileHandler
/// (the file opened at construction, each record appended and flushed).
/// </summary>
public sealed class LogHandler : IPyObject, IPyTyped, IPyKeywordMethods, IPyAttributes, IPySetAttr
{
    private static readonly LogFormatter DefaultFormatter = new(null, null);

    private readonly object? _stream;
    private readonly string? _path;

    public LogHandler(object? stream = null) => _stream = stream;

    private LogHandler(string path, string mode)
    {
        _path = Path.GetFullPath(path);
        if (mode.StartsWith('w')) System.IO.File.WriteAllText(_path, "");
        else System.IO.File.AppendAllText(_path, "");
    }

    public static LogHandler File(string filename, string mode = "a") => new(filename, mode);

    public long Level { get; set; }

    public LogFormatter? Formatter { get; set; }

    private object Stream => _stream ?? Sys.Stderr;

    public string PyTypeName => _path is null ? "StreamHandler" : "FileHandler";

    public string PyRepr() => _path is not null ? $"<FileHandler {_path} ({LoggingModule.LevelName(Level)})>"
        : $"<StreamHandler {(Stream is PyTextIO io ? io.Name : Dyn.TypeName(Stream))} ({LoggingModule.LevelName(Level)})>";

    public string PyStr() => PyRepr();

    internal void Handle(LogRecord record)
    {
        string text = (Formatter ?? DefaultFormatter).Format(record) + "\n";
        if (_path is not null) System.IO.File.AppendAllText(_path, text);
        else if (Stream is PyTextIO io)
        {
            io.Write(text);
            io.Flush();
        }
        else Dyn.CallMethod(Stream, "write", text);
    }

    internal void Flush()
    {
        if (_path is null && Stream is PyTextIO io) io.Flush();
    }

    internal void Close() => Flush();

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs)
    {
        var a = new ConfigParser.ConfigArgs(name, args, kwargs);
        switch (name)
        {
            case "setLevel": Level = LoggingModule.CheckLevel(a.Required(0, "level")); return null;
            case "setFormatter": Formatter = a.Required(0, "fmt") as LogFormatter; return null;
            case "flush": Flush(); return null;
            case "close": Close(); return null;
            default: throw new AttributeError($"'{PyTypeName}' object has no attribute '{name}'");
        }
    }

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "level" => (PyInt)Level,
            "formatter" => Formatter,
            "stream" when _path is null => Stream,
            "baseFilename" when _path is not null => _path,
            _ => this,
        };
        return !ReferenceEquals(value, this);
    }

    public void SetAttr(string name, object? value)
    {
        switch (name)
        {
            case "level": Level = LoggingModule.CheckLevel(value); break;
            case "formatter": Formatter = value as LogFormatter; break;
            default: throw new AttributeError($"Batuta's '{PyTypeName}' object has no settable attribute '{name}'");
        }
    }
}
