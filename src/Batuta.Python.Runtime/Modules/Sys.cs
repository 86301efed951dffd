using System.Text;

namespace Batuta.Python.Runtime;

/// <summary>Python's <c>sys</c> module.</summary>
public static class Sys
{
    private static TextWriter? _stdout;
    private static TextWriter? _stderr;
    private static TextReader? _stdin;

    public static PyList<string> Argv { get; set; } = new() { "" };

    /// <summary>The script's path as the program was started with it (sys.argv[0] before the program changes sys.argv).</summary>
    public static string ScriptName { get; internal set; } = "";

    /// <summary>
    /// A module's <c>__file__</c>: the main script's path as it was run, an imported module's absolute path beside it
    /// (<c>path</c>: the module's file relative to the project).
    /// </summary>
    public static string ModuleFile(string module, string path)
    {
        if (module == "__main__" && ScriptName.Length > 0) return ScriptName;
        string beside = Path.Combine(Path.GetDirectoryName(ScriptName) ?? "", path);
        return beside.Length == 0 ? beside : Path.GetFullPath(beside);
    }

    public static TextWriter StdoutWriter => _stdout ??= CreateStdout();
    public static TextWriter StderrWriter => _stderr ??= new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
    public static TextReader StdinReader => _stdin ??= new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));

    public static PyTextIO Stdout => new(StdoutWriter, "<stdout>", false);
    public static PyTextIO Stderr => new(StderrWriter, "<stderr>", true);
    public static PyTextIO Stdin => new(StdinReader, "<stdin>");

    public static readonly PyDict<string, object?> Modules = new();
    public static readonly long MaxSize = long.MaxValue;
    public static readonly string Platform = "linux";
    public static readonly (PyInt, PyInt, PyInt, string, PyInt) VersionInfo = (3, 11, 2, "final", 0);
    public static readonly string Version = "3.11.2 (Batuta)";
    public static readonly string ByteOrder = BitConverter.IsLittleEndian ? "little" : "big";
    public static long RecursionLimit { get; private set; } = 1000;

    private static TextWriter CreateStdout()
    {
        var w = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        w.AutoFlush = !Console.IsOutputRedirected;
        return w;
    }

    /// <summary>Redirects the standard streams (tests, embedding).</summary>
    public static void SetStreams(TextWriter? stdout, TextWriter? stderr, TextReader? stdin)
    {
        _stdout = stdout;
        _stderr = stderr;
        _stdin = stdin;
    }

    /// <summary>contextlib.redirect_stdout/redirect_stderr: puts <paramref name="writer"/> in place of the stream; returns what was there.</summary>
    internal static TextWriter? Redirect(bool stderr, TextWriter? writer)
    {
        var previous = stderr ? _stderr : _stdout;
        if (stderr) _stderr = writer;
        else _stdout = writer;
        return previous;
    }

    /// <summary>sys.exc_info(): (type, value, traceback) of the exception an enclosing except block handles, else three Nones.</summary>
    public static (object?, object?, object?) ExcInfo() =>
        PyExc.Handled is { } e && PyExc.Translate(e) is var py ? (Py.Type(py), py, py.Traceback) : (null, null, null);

    public static void Exit(object? code = null) => throw new SystemExit(code);
    public static void Exit() => throw new SystemExit();

    public static PyInt GetRecursionLimit() => RecursionLimit;
    public static void SetRecursionLimit(PyInt n) => RecursionLimit = (long)n;
    public static PyInt GetSizeOf(object? o) => 64;

    public static void Flush()
    {
        _stdout?.Flush();
        _stderr?.Flush();
    }
}

/// <summary>A Python text file: <c>open()</c>'s result and sys.stdout/stderr/stdin.</summary>
public sealed class PyTextIO : IDisposable, IEnumerable<string>, IPyObject, IPyTyped
{
    private readonly TextReader? _reader;
    private readonly TextWriter? _writer;
    private TextReader? _readBack;
    private bool _closed;

    public PyTextIO(TextWriter writer, string name, bool isStderr) { _writer = writer; Name = name; IsStderr = isStderr; Mode = "w"; }
    public PyTextIO(TextReader reader, string name) { _reader = reader; Name = name; Mode = "r"; }

    public string Name { get; }
    public string Mode { get; private init; } = "r";
    public bool IsStderr { get; }
    public bool Closed => _closed;
    public string PyTypeName => _initial is null ? "TextIOWrapper" : "_io.StringIO";

    public TextWriter Writer => _closed ? throw ClosedError() : _writer ?? throw new UnsupportedOperation("not writable");
    private TextReader Reader => _closed ? throw ClosedError() : _reader ?? ReadBack() ?? throw new UnsupportedOperation("not readable");

    /// <summary>CPython's StringIO says it without the final period.</summary>
    private ValueError ClosedError() => new(_initial is null ? "I/O operation on closed file." : "I/O operation on closed file");

    /// <summary>A file opened with '+' reads from where its stream is, after what was written.</summary>
    private TextReader? ReadBack() => !Mode.Contains('+') ? null : _readBack ??= _writer is StreamWriter { BaseStream.CanRead: true } sw ? new StreamTextReader(sw.BaseStream, sw, sw.Encoding, true) : null;

    /// <summary>tempfile.NamedTemporaryFile(delete=True) and TemporaryFile: the file goes when it is closed.</summary>
    internal bool DeleteOnClose { get; init; }

    /// <summary>A text file over an open stream (os.fdopen, tempfile): reads and writes as its mode allows.</summary>
    internal static PyTextIO OverStream(Stream stream, string name, string mode, bool deleteOnClose = false, string? encoding = null, string? newline = null, string? errors = null)
    {
        var enc = Text.Codecs.FileEncoding(encoding, errors);
        if (mode.Contains('r') && !mode.Contains('+'))
            return new PyTextIO(new StreamTextReader(stream, null, enc, newline is null), name) { Mode = mode, DeleteOnClose = deleteOnClose, EncodingName = encoding };
        var writer = WriterOver(stream, enc);
        return new PyTextIO(writer, name, false) { Mode = mode, DeleteOnClose = deleteOnClose, EncodingName = encoding, _readBack = new StreamTextReader(stream, writer, enc, newline is null) };
    }

    /// <summary>A file's writer: one that checks each write against the codec when the codec is one of Python's own.</summary>
    private static StreamWriter WriterOver(Stream stream, System.Text.Encoding enc) =>
        enc is Text.CodecEncoding codec ? new Text.CodecStreamWriter(stream, codec) { NewLine = "\n" } : new StreamWriter(stream, enc) { NewLine = "\n" };

    private string? EncodingName { get; init; }

    /// <summary>The encoding the file was opened with, as named; 'UTF-8' when none was (the locale's), 'utf-8' for the standard streams.</summary>
    public string Encoding => EncodingName ?? (Name is "<stdout>" or "<stderr>" or "<stdin>" ? "utf-8" : "UTF-8");

    /// <summary>
    /// io.StringIO: an in-memory text file, written then read back with getvalue(), or read from the initial text
    /// (csv.reader(io.StringIO(s)), line iteration).
    /// </summary>
    public static PyTextIO StringIO(string? initial = null) =>
        initial is null ? new PyTextIO(new StringWriter { NewLine = "\n" }, "<StringIO>", false) { _initial = "" }
            : new PyTextIO(new TextCursor(initial, countsBytes: false), "<StringIO>") { _initial = initial };

    private string? _initial;

    /// <summary>StringIO.getvalue(): everything written (or the initial text of a reading StringIO).</summary>
    public string GetValue() => _writer is StringWriter sw ? sw.ToString() : _initial ?? throw new AttributeError("'TextIOWrapper' object has no attribute 'getvalue'");

    /// <summary>The stream a text file in a writing mode writes: r+ writes over the file from its start and keeps the rest.</summary>
    private static FileStream WriteStream(string path, string mode)
    {
        FileMode fm = mode.Contains('r') ? FileMode.Open : mode.Contains('a') ? FileMode.Append : mode.Contains('x') ? FileMode.CreateNew : FileMode.Create;
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (fm == FileMode.Open && !File.Exists(path) || dir is not null && !Directory.Exists(dir)) throw new FileNotFoundError(2, "No such file or directory") { Filename = path };
        if (!mode.Contains('+')) return new FileStream(path, fm, FileAccess.Write);
        // .NET appends through write-only streams only: a+ opens read-write at the end
        var stream = new FileStream(path, fm == FileMode.Append ? FileMode.OpenOrCreate : fm, FileAccess.ReadWrite);
        if (fm == FileMode.Append) stream.Seek(0, SeekOrigin.End);
        return stream;
    }

    public static PyTextIO Open(string path, string mode = "r", string? encoding = null, string? newline = null, string? errors = null)
    {
        try
        {
            if (mode.Contains('r') && !mode.Contains('+'))
            {
                if (Directory.Exists(path)) throw new IsADirectoryError(21, "Is a directory") { Filename = path };
                if (!File.Exists(path)) throw new FileNotFoundError(2, "No such file or directory") { Filename = path };
                string text;
                try
                {
                    text = Text.Codecs.Decode(File.ReadAllBytes(path), encoding ?? "utf-8", errors ?? "strict");
                }
                catch (UnicodeDecodeError e)
                {
                    // CPython decodes as it reads: the error comes at the first read, not at open
                    return new PyTextIO(new FailingReader(e), path) { Mode = mode, EncodingName = encoding };
                }
                if (newline is null) text = text.Replace("\r\n", "\n").Replace('\r', '\n');
                return new PyTextIO(new TextCursor(text, countsBytes: true), path) { Mode = mode, EncodingName = encoding };
            }
            // as CPython's, the file is made before the encoding is looked up
            var stream = WriteStream(path, mode);
            using var guard = new StreamGuard(stream);
            var file = new PyTextIO(WriterOver(stream, Text.Codecs.FileEncoding(encoding, errors)), path, false) { Mode = mode, EncodingName = encoding };
            guard.Keep();
            return file;
        }
        catch (IOException e) when (e is not FileNotFoundException && mode.Contains('x'))
        {
            throw new FileExistsError(17, "File exists") { Filename = path };
        }
        catch (UnauthorizedAccessException)
        {
            throw new PermissionError(13, "Permission denied") { Filename = path };
        }
    }

    public long Write(string s)
    {
        Writer.Write(s);
        if (IsStderr) Writer.Flush();
        return s.Length;
    }

    public void WriteLines(IEnumerable<string> lines)
    {
        foreach (var l in lines) Writer.Write(l);
    }

    public string Read()
    {
        return Reader.ReadToEnd();
    }

    public string Read(long n)
    {
        if (n < 0) return Read();
        var buf = new char[n];
        int got = Reader.ReadBlock(buf, 0, (int)n);
        return new string(buf, 0, got);
    }

    /// <summary>One line including its newline; "" at end of file.</summary>
    public string ReadLine()
    {
        var sb = new StringBuilder();
        while (true)
        {
            int c = Reader.Read();
            if (c < 0) break;
            sb.Append((char)c);
            if (c == '\n') break;
        }
        return sb.ToString();
    }

    public PyList<string> ReadLines() => new(this);

    public IEnumerator<string> GetEnumerator()
    {
        while (true)
        {
            var line = ReadLine();
            if (line.Length == 0) yield break;
            yield return line;
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public void Flush() => _writer?.Flush();

    /// <summary>tell(): the position in the file (bytes; characters in a StringIO).</summary>
    public long Tell()
    {
        CheckOpen();
        if (_reader is TextCursor cursor) return cursor.Tell();
        if (_reader is StreamTextReader streamReader) return streamReader.Position;
        if (_writer is StreamWriter sw) { sw.Flush(); return sw.BaseStream.Position; }
        if (_writer is StringWriter w) return w.GetStringBuilder().Length;
        throw new UnsupportedOperation("underlying stream is not seekable");
    }

    /// <summary>truncate(size=None): the file cut (or zero-extended) to size bytes, else at the current position; the new size.</summary>
    public long Truncate(long? size = null)
    {
        CheckOpen();
        if (size < 0) throw new ValueError($"negative size value {size}");
        if (_writer is StreamWriter sw)
        {
            sw.Flush();
            long n = size ?? sw.BaseStream.Position;
            sw.BaseStream.SetLength(n);
            return n;
        }
        if (_writer is StringWriter w)
        {
            var sb = w.GetStringBuilder();
            int n = (int)Math.Min(size ?? sb.Length, sb.Length);
            sb.Length = n;
            return n;
        }
        throw new UnsupportedOperation("File not open for writing");
    }

    /// <summary>seek(offset, whence=0) on a file being read; a file being written can only seek to where it is.</summary>
    public long Seek(long offset, long whence = 0)
    {
        CheckOpen();
        if (_reader is TextCursor cursor) return cursor.Seek(offset, whence);
        if (_reader is StreamTextReader streamReader) return streamReader.Seek(offset, whence);
        if (_writer is StreamWriter sw && (whence == 0 && offset >= 0 || whence is 1 or 2 && offset == 0))
        {
            sw.Flush();
            sw.BaseStream.Position = whence == 2 ? sw.BaseStream.Length : whence == 1 ? sw.BaseStream.Position : offset;
            return sw.BaseStream.Position;
        }
        throw new UnsupportedOperation("underlying stream is not seekable");
    }

    public void Close()
    {
        if (_closed) return;
        if (_fileno is { } fd) Modules.OsFd.Release(fd);
        if (_writer is not null)
        {
            _writer.Flush();
            if (Name is not "<stdout>" and not "<stderr>") _writer.Dispose();
        }
        if (_reader is not null && Name != "<stdin>") _reader.Dispose();
        _closed = true;
        if (DeleteOnClose) File.Delete(Name);
    }

    public void Dispose() => Close();

    /// <summary>A terminal only for a standard stream that is not redirected.</summary>
    public bool IsATty()
    {
        CheckOpen();
        return Name switch
        {
            "<stdin>" => !Console.IsInputRedirected,
            "<stdout>" => !Console.IsOutputRedirected,
            "<stderr>" => !Console.IsErrorRedirected,
            _ => false,
        };
    }

    private void CheckOpen()
    {
        if (_closed) throw ClosedError();
    }

    private bool IsStandard => Name is "<stdin>" or "<stdout>" or "<stderr>";

    public bool Readable()
    {
        CheckOpen();
        return _initial is not null || _reader is not null || Mode.Contains('+');
    }

    /// <summary>A StringIO is writable (one made from an initial text too, as in Python).</summary>
    public bool Writable()
    {
        CheckOpen();
        return _initial is not null || _writer is not null;
    }

    /// <summary>Files on disk and StringIO seek; the standard streams are taken as pipes or terminals.</summary>
    public bool Seekable()
    {
        CheckOpen();
        return !IsStandard;
    }

    private long? _fileno;

    /// <summary>
    /// fileno(): 0, 1, 2 for the standard streams; a file gets the lowest free number from 3 when first asked (the
    /// number CPython's open() gets while the program's other files are closed); a StringIO has none.
    /// </summary>
    public long Fileno()
    {
        CheckOpen();
        if (_initial is not null) throw new UnsupportedOperation("fileno");
        return Name switch
        {
            "<stdin>" => 0,
            "<stdout>" => 1,
            "<stderr>" => 2,
            _ => _fileno ??= Modules.OsFd.Hold(),
        };
    }

    public string PyRepr() => $"<_io.TextIOWrapper name={Repr.Of(Name)} mode={Repr.Of(Mode)} encoding={Repr.Of(Encoding)}>";
    public string PyStr() => PyRepr();
}

/// <summary>A text file whose bytes do not decode: every read raises the codec's error.</summary>
internal sealed class FailingReader(PyException error) : TextReader
{
    public override int Peek() => throw error;
    public override int Read() => throw error;
    public override int Read(char[] buffer, int index, int count) => throw error;
    public override string ReadToEnd() => throw error;
    public override string? ReadLine() => throw error;
}

/// <summary>Closes a stream opened for a file when making the file fails (an unknown encoding).</summary>
internal sealed class StreamGuard(Stream stream) : IDisposable
{
    private bool _kept;

    public void Keep() => _kept = true;

    public void Dispose()
    {
        if (!_kept) stream.Dispose();
    }
}

/// <summary>io.UnsupportedOperation: an OSError and a ValueError. C# derives it from OSError; ValueError is in its __PyBases.</summary>
public class UnsupportedOperation : OSError
{
    public UnsupportedOperation(params object?[] args) : base(args) { }

    public static readonly Type[] __PyBases = [typeof(OSError), typeof(ValueError)];

    public override string PyModule => "io";
}
