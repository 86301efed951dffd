namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>argparse.FileType(mode, bufsize, encoding, errors)</c>, as CPython 3.11's: a type= that opens the named file,
/// "-" meaning sys.stdin (read modes) or sys.stdout (write modes); a file that cannot be opened becomes the
/// argument's error "can't open 'NAME': [Errno 2] ...".
/// </summary>
public sealed class FileType : PyObject, IPyCallable
{
    private readonly string _mode;
    private readonly object? _bufsize;
    private readonly string? _encoding;
    private readonly string? _errors;

    public FileType(object?[] args, PyDict<string, object?> kwargs)
    {
        if (args.Length > 4) throw new TypeError($"FileType.__init__() takes from 1 to 5 positional arguments but {args.Length + 1} were given");
        object? Arg(int i, string name, object? fallback) => i < args.Length ? args[i] : kwargs.TryGetValue(name, out var v) ? v : fallback;
        _mode = Arg(0, "mode", "r") as string ?? throw new TypeError("FileType mode must be a str");
        _bufsize = Arg(1, "bufsize", new PyInt(-1));
        _encoding = Arg(2, "encoding", null) as string;
        _errors = Arg(3, "errors", null) as string;
        // errors= and a bufsize are open() details the runtime does not model: say so rather than ignore them
        if (_errors is not null) throw new NotImplementedError("argparse.FileType(errors=...) is not supported by Batuta");
    }

    public override string PyTypeName => "FileType";

    public object? PyCall(object?[] args)
    {
        var name = args.Length == 1 && args[0] is string s ? s : throw new TypeError("FileType() expects one str argument");
        bool binary = _mode.Contains('b');
        if (name == "-")
        {
            if (binary) throw new NotImplementedError("argparse.FileType('" + _mode + "') of '-' (sys.stdin.buffer / sys.stdout.buffer) is not supported by Batuta");
            if (_mode.Contains('r')) return Sys.Stdin;
            if (_mode.IndexOfAny(new[] { 'w', 'a', 'x' }) >= 0) return Sys.Stdout;
            throw new ValueError($"argument \"-\" with mode {Repr.Of(_mode)}");
        }
        try
        {
            return binary ? PyBinaryIO.Open(name, _mode) : PyTextIO.Open(name, _mode, _encoding);
        }
        catch (Exception e) when (PyExc.Translate(e) is OSError os)
        {
            throw new ArgumentTypeError($"can't open '{name}': {os.PyStr()}");
        }
    }

    public override string PyRepr()
    {
        var parts = new List<string> { Repr.Of(_mode) };
        if (!(_bufsize is PyInt b && b == -1)) parts.Add(Repr.Of(_bufsize));
        if (_encoding is not null) parts.Add("encoding=" + Repr.Of(_encoding));
        return "FileType(" + string.Join(", ", parts) + ")";
    }
}

/// <summary>An add_mutually_exclusive_group: at most one of its actions given, exactly one when required.</summary>
internal sealed class MutexGroup
{
    public MutexGroup(bool required) => Required = required;

    public bool Required { get; }
    public List<ArgAction> Actions { get; } = new();
}
