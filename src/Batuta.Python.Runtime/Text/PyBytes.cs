using System.Collections;
using System.Globalization;
using System.Text;

namespace Batuta.Python.Runtime;

/// <summary>
/// Python's <c>bytes</c>: immutable, compared and hashed by value (CPython's SipHash, so sets of bytes iterate in
/// CPython's order), indexing gives ints, slicing gives bytes, the common methods, and <c>b'...'</c> repr.
/// </summary>
public sealed class PyBytes : IReadOnlyList<long>, IEquatable<PyBytes>, IComparable<PyBytes>, IComparable, IPyObject, IPyTyped, IPyHashable, IPySized
{
    internal readonly byte[] Data;

    public PyBytes(byte[] data) => Data = data;

    public PyBytes(IEnumerable<long> values) => Data = values.Select(v => v is >= 0 and <= 255 ? (byte)v : throw new ValueError("bytes must be in range(0, 256)")).ToArray();

    public static readonly PyBytes Empty = new(Array.Empty<byte>());

    /// <summary>bytes(x): from an int (that many zeros), an iterable of ints, or a buffer.</summary>
    public static PyBytes From(object? x) => x switch
    {
        null => Empty,
        PyBytes b => b,
        PyByteArray a => new PyBytes(a.ToArray()),
        PyMemoryView v => new PyBytes(v.ToArray()),
        byte[] raw => new PyBytes((byte[])raw.Clone()),
        PyInt n => n.Sign < 0 ? throw new ValueError("negative count") : new PyBytes(new byte[(int)(long)n]),
        long n => n < 0 ? throw new ValueError("negative count") : new PyBytes(new byte[n]),
        string => throw new TypeError("string argument without an encoding"),
        IEnumerable e => new PyBytes(e.Cast<object?>().Select(v => (long)Dyn.Cast<PyInt>(v))),
        _ => throw new TypeError($"cannot convert '{Dyn.TypeName(x)}' object to bytes"),
    };

    public int Count => Data.Length;
    public long this[int index] => Data[Indexing.Normalize(index, Data.Length, "index")];
    public long this[long index] => Data[Indexing.Normalize(index, Data.Length, "index")];
    public string PyTypeName => "bytes";

    public PyBytes Slice(long? start, long? stop, long? step) => new(Indexing.Slice(Data, start, stop, step));

    public static PyBytes operator +(PyBytes a, PyBytes b)
    {
        var r = new byte[a.Data.Length + b.Data.Length];
        a.Data.CopyTo(r, 0);
        b.Data.CopyTo(r, a.Data.Length);
        return new PyBytes(r);
    }

    public static PyBytes operator *(PyBytes a, long n)
    {
        if (n <= 0 || a.Data.Length == 0) return Empty;
        var r = new byte[checked(a.Data.Length * (int)n)];
        for (int i = 0; i < n; i++) a.Data.CopyTo(r, i * a.Data.Length);
        return new PyBytes(r);
    }

    public static bool operator ==(PyBytes? a, PyBytes? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(PyBytes? a, PyBytes? b) => !(a == b);

    public bool Equals(PyBytes? other) => other is not null && Data.AsSpan().SequenceEqual(other.Data);
    public override bool Equals(object? obj) => obj is PyBytes b ? Equals(b) : obj is PyByteArray a && Data.AsSpan().SequenceEqual(a.ToArray());
    public override int GetHashCode() => (int)PyHash();
    public long PyHash() => SipHash.Bytes(Data);
    public int CompareTo(PyBytes? other) => other is null ? 1 : Math.Sign(Data.AsSpan().SequenceCompareTo(other.Data));
    public int CompareTo(object? obj) => obj is PyBytes b ? CompareTo(b) : throw new TypeError($"'<' not supported between instances of 'bytes' and '{Dyn.TypeName(obj)}'");

    public IEnumerator<long> GetEnumerator() { foreach (var b in Data) yield return b; }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string PyRepr() => Repr.Bytes(Data);
    public string PyStr() => PyRepr();

    // ---- methods ----
    public string Decode(string encoding = "utf-8", string errors = "strict") => Py.Decode(Data, encoding, errors);
    public string Hex(string? sep = null, long bytesPerSep = 1) => HexOf(Data, sep, bytesPerSep);

    /// <summary>bytes.hex(sep, bytes_per_sep): groups counted from the right, or from the left when negative.</summary>
    internal static string HexOf(byte[] data, string? sep, long bytesPerSep)
    {
        string hex = Convert.ToHexString(data).ToLowerInvariant();
        if (sep is null || bytesPerSep == 0 || data.Length == 0) return hex;
        int n = (int)Math.Min(Math.Abs(bytesPerSep), data.Length);
        int first = bytesPerSep > 0 && data.Length % n != 0 ? data.Length % n : n;
        var parts = new List<string>();
        for (int i = 0, len = first; i < data.Length; i += len, len = Math.Min(n, data.Length - i))
            parts.Add(hex.Substring(2 * i, 2 * len));
        return string.Join(sep, parts);
    }

    public static PyBytes FromHex(string s)
    {
        var clean = new string(s.Where(c => !char.IsWhiteSpace(c)).ToArray());
        try { return new PyBytes(Convert.FromHexString(clean)); }
        catch (FormatException) { throw new ValueError("non-hexadecimal number found in fromhex() arg"); }
    }

    /// <summary>int.to_bytes: two's complement when signed, OverflowError when it does not fit.</summary>
    public static PyBytes FromInt(PyInt value, long length = 1, string byteorder = "big", bool signed = false)
    {
        if (byteorder is not ("big" or "little")) throw new ValueError("byteorder must be either 'little' or 'big'");
        var v = value.ToBig();
        if (!signed && v.Sign < 0) throw new OverflowError("can't convert negative int to unsigned");
        var raw = v.ToByteArray(isUnsigned: !signed, isBigEndian: false);
        if (raw.Length > length && !(raw.Length == length + 1 && raw[^1] == (v.Sign < 0 ? 0xff : 0)))
            throw new OverflowError("int too big to convert");
        var result = new byte[length];
        for (int i = 0; i < length; i++) result[i] = i < raw.Length ? raw[i] : (byte)(v.Sign < 0 ? 0xff : 0);
        if (byteorder == "big") Array.Reverse(result);
        return new PyBytes(result);
    }

    /// <summary>int.from_bytes.</summary>
    public static PyInt ToInt(PyBytes bytes, string byteorder = "big", bool signed = false)
    {
        if (byteorder is not ("big" or "little")) throw new ValueError("byteorder must be either 'little' or 'big'");
        return PyInt.FromBig(new System.Numerics.BigInteger(bytes.Data, isUnsigned: !signed, isBigEndian: byteorder == "big"));
    }

    public PyBytes Upper() => new(Data.Select(b => b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 32) : b).ToArray());
    public PyBytes Lower() => new(Data.Select(b => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b).ToArray());
    public bool StartsWith(PyBytes p) => Data.AsSpan().StartsWith(p.Data);
    public bool EndsWith(PyBytes p) => Data.AsSpan().EndsWith(p.Data);
    public long Find(PyBytes sub) => Data.AsSpan().IndexOf(sub.Data);
    public long RFind(PyBytes sub) => Data.AsSpan().LastIndexOf(sub.Data);
    public long Index(PyBytes sub) => Find(sub) is var i && i >= 0 ? i : throw new ValueError("subsection not found");
    public bool Contains(PyBytes sub) => Find(sub) >= 0;
    public bool Contains(long value) => value is >= 0 and <= 255 ? Array.IndexOf(Data, (byte)value) >= 0 : throw new ValueError("byte must be in range(0, 256)");

    public long CountOf(PyBytes sub)
    {
        if (sub.Data.Length == 0) return Data.Length + 1;
        long n = 0;
        var span = Data.AsSpan();
        int at;
        while ((at = span.IndexOf(sub.Data)) >= 0) { n++; span = span.Slice(at + sub.Data.Length); }
        return n;
    }

    public PyBytes Replace(PyBytes old, PyBytes @new) => new(Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(Data).Replace(Encoding.Latin1.GetString(old.Data), Encoding.Latin1.GetString(@new.Data), StringComparison.Ordinal)));

    public PyList<PyBytes> Split(PyBytes? sep = null, long maxsplit = -1)
    {
        var text = Encoding.Latin1.GetString(Data);
        var parts = sep is null ? Text.PyStr.Split(text, null, maxsplit) : Text.PyStr.Split(text, Encoding.Latin1.GetString(sep.Data), maxsplit);
        return new PyList<PyBytes>(parts.Select(p => new PyBytes(Encoding.Latin1.GetBytes(p))));
    }

    public PyBytes Strip(PyBytes? chars = null) => Trim(chars, true, true);
    public PyBytes LStrip(PyBytes? chars = null) => Trim(chars, true, false);
    public PyBytes RStrip(PyBytes? chars = null) => Trim(chars, false, true);

    public PyBytes LJust(long width, PyBytes? fill = null) => Padded("ljust", Text.PyStr.LJust, width, fill);
    public PyBytes RJust(long width, PyBytes? fill = null) => Padded("rjust", Text.PyStr.RJust, width, fill);
    public PyBytes Center(long width, PyBytes? fill = null) => Padded("center", Text.PyStr.Center, width, fill);
    public PyBytes ZFill(long width) => new(Encoding.Latin1.GetBytes(Text.PyStr.ZFill(Encoding.Latin1.GetString(Data), width)));

    /// <summary>str's padding over the bytes read as Latin-1 (one char a byte); the fill must be one byte, as CPython says.</summary>
    private PyBytes Padded(string name, Func<string, long, string, string> pad, long width, PyBytes? fill)
    {
        if (fill is not null && fill.Data.Length != 1) throw new TypeError($"{name}() argument 2 must be a byte string of length 1, not bytes");
        string f = fill is null ? " " : Encoding.Latin1.GetString(fill.Data);
        return new(Encoding.Latin1.GetBytes(pad(Encoding.Latin1.GetString(Data), width, f)));
    }

    private PyBytes Trim(PyBytes? chars, bool left, bool right)
    {
        bool Strip(byte b) => chars is null ? b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0b or 0x0c : Array.IndexOf(chars.Data, b) >= 0;
        int s = 0, e = Data.Length;
        if (left) while (s < e && Strip(Data[s])) s++;
        if (right) while (e > s && Strip(Data[e - 1])) e--;
        return new PyBytes(Data[s..e]);
    }

    public PyBytes Join(IEnumerable<PyBytes> parts)
    {
        var ms = new MemoryStream();
        bool first = true;
        foreach (var p in parts)
        {
            if (!first) ms.Write(Data);
            ms.Write(p.Data);
            first = false;
        }
        return new PyBytes(ms.ToArray());
    }

    /// <summary><c>b"".join(...)</c> over dynamic values: bytes and bytearray items, else CPython's TypeError.</summary>
    public PyBytes Join(IEnumerable<object?> parts) => Join(parts.Select((p, i) => p switch
    {
        PyBytes b => b,
        PyByteArray ba => new PyBytes(ba.ToArray()),
        PyMemoryView mv => mv.ToBytes(),
        _ => throw new TypeError($"sequence item {i}: expected a bytes-like object, {Dyn.TypeName(p)} found"),
    }));
}

/// <summary>Python's <c>bytearray</c>: a mutable bytes.</summary>
public sealed class PyByteArray : IEnumerable<long>, IPyObject, IPyTyped, IPySized, IPyGetItem, IPySetItem
{
    private readonly List<byte> _data;

    public PyByteArray() => _data = new List<byte>();
    public PyByteArray(IEnumerable<byte> data) => _data = new List<byte>(data);

    public static PyByteArray From(object? x) => new(PyBytes.From(x).Data);

    public int Count => _data.Count;
    public string PyTypeName => "bytearray";
    public byte[] ToArray() => _data.ToArray();

    public long this[long index]
    {
        get => _data[Indexing.Normalize(index, _data.Count, "bytearray")];
        set => _data[Indexing.Normalize(index, _data.Count, "bytearray")] = ToByte(value);
    }

    private static byte ToByte(long value) => value is >= 0 and <= 255 ? (byte)value : throw new ValueError("byte must be in range(0, 256)");

    public PyByteArray Slice(long? start, long? stop, long? step) => new(Indexing.Slice(_data, start, stop, step));

    /// <summary><c>ba[a:b:c] = value</c>: a plain slice may change the length, an extended one must match it.</summary>
    public void SetSlice(long? start, long? stop, long? step, object? value)
    {
        var values = SliceSource(value);
        var (s, e, st, len) = Indexing.Adjust(start, stop, step, _data.Count);
        if (st == 1)
        {
            _data.RemoveRange(s, Math.Max(e - s, 0));
            _data.InsertRange(s, values);
            return;
        }
        if (values.Length != len) throw new ValueError($"attempt to assign bytes of size {values.Length} to extended slice of size {len}");
        for (int i = 0, j = s; i < len; i++, j += st) _data[j] = values[i];
    }

    /// <summary>What a slice of a bytearray may be assigned: bytes-like values or iterables of small ints (a copy, so ba[:] = ba works).</summary>
    private static byte[] SliceSource(object? value) => value switch
    {
        PyBytes b => b.Data,
        PyByteArray a => a.ToArray(),
        IEnumerable<long> ints => ints.Select(ToByte).ToArray(),
        IEnumerable items and not string => items.Cast<object?>().Select(x => ToByte((long)Dyn.Cast<PyInt>(x))).ToArray(),
        _ => throw new TypeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)"),
    };

    public object? PyGetItem(object? key)
    {
        if (key is not PySlice slice) return new PyInt(this[(long)Dyn.Cast<PyInt>(key)]);
        var (start, stop, step) = slice.Bounds();
        return Slice(start, stop, step);
    }

    public void PySetItem(object? key, object? value)
    {
        if (key is not PySlice slice)
        {
            this[(long)Dyn.Cast<PyInt>(key)] = (long)Dyn.Cast<PyInt>(value);
            return;
        }
        var (start, stop, step) = slice.Bounds();
        SetSlice(start, stop, step, value);
    }

    public static PyByteArray operator *(PyByteArray a, long n) => new((new PyBytes(a.ToArray()) * n).Data);
    public static PyByteArray operator *(long n, PyByteArray a) => a * n;
    public static PyByteArray operator +(PyByteArray a, PyByteArray b) => new(a._data.Concat(b._data));
    public static PyByteArray operator +(PyByteArray a, PyBytes b) => new(a._data.Concat(b.Data));

    public void Append(long value) => _data.Add(ToByte(value));
    public void Extend(IEnumerable<long> values) { foreach (var v in values) Append(v); }
    public string Decode(string encoding = "utf-8", string errors = "strict") => Py.Decode(_data.ToArray(), encoding, errors);
    public string Hex() => Convert.ToHexString(_data.ToArray()).ToLowerInvariant();

    public static PyByteArray FromHex(string s) => new(PyBytes.FromHex(s).Data);

    // ---- bytes' methods, on a snapshot of the data; the bytes-like arguments may be bytes, bytearray or (to search) an int ----
    private PyBytes View => new(_data.ToArray());

    internal static PyBytes BytesLike(object? x) => x switch
    {
        PyBytes b => b,
        PyByteArray a => a.View,
        PyMemoryView v => v.ToBytes(),
        _ => throw new TypeError($"a bytes-like object is required, not '{Dyn.TypeName(x)}'"),
    };

    private static PyBytes Needle(object? x) => x switch
    {
        PyInt or long or int or bool => new PyBytes(new[] { ToByte((long)Dyn.Cast<PyInt>(x)) }),
        PyBytes or PyByteArray => BytesLike(x),
        _ => throw new TypeError($"argument should be integer or bytes-like object, not '{Dyn.TypeName(x)}'"),
    };

    public long Find(object? sub) => View.Find(Needle(sub));
    public long RFind(object? sub) => View.RFind(Needle(sub));
    public long Index(object? sub) => View.Index(Needle(sub));
    public long CountOf(object? sub) => View.CountOf(Needle(sub));
    public bool Contains(object? item) => item is PyBytes or PyByteArray ? View.Contains(BytesLike(item)) : View.Contains((long)Dyn.Cast<PyInt>(item));
    public bool StartsWith(object? prefix) => View.StartsWith(BytesLike(prefix));
    public bool EndsWith(object? suffix) => View.EndsWith(BytesLike(suffix));
    public PyByteArray Replace(object? old, object? @new) => new(View.Replace(BytesLike(old), BytesLike(@new)).Data);
    public PyByteArray Strip(object? chars = null) => new(View.Strip(chars is null ? null : BytesLike(chars)).Data);
    public PyByteArray LStrip(object? chars = null) => new(View.LStrip(chars is null ? null : BytesLike(chars)).Data);
    public PyByteArray RStrip(object? chars = null) => new(View.RStrip(chars is null ? null : BytesLike(chars)).Data);
    public PyList<PyByteArray> Split(object? sep = null, long maxsplit = -1) =>
        new(View.Split(sep is null ? null : BytesLike(sep), maxsplit).Select(part => new PyByteArray(part.Data)));
    public PyByteArray Join(object? parts) => new(View.Join(Dyn.Iter(parts).Select(BytesLike)).Data);
    public PyByteArray Upper() => new(View.Upper().Data);
    public PyByteArray Lower() => new(View.Lower().Data);
    public PyByteArray Copy() => new(_data);

    // ---- list-like mutation ----
    public void Reverse() => _data.Reverse();
    public void Clear() => _data.Clear();

    public void Insert(long index, long value)
    {
        long at = index < 0 ? Math.Max(index + _data.Count, 0) : Math.Min(index, _data.Count);
        _data.Insert((int)at, ToByte(value));
    }

    public long Pop(long index = -1)
    {
        if (_data.Count == 0) throw new IndexError("pop from empty bytearray");
        int at = Indexing.Normalize(index, _data.Count, "pop");
        long value = _data[at];
        _data.RemoveAt(at);
        return value;
    }

    public void Remove(long value)
    {
        int at = _data.IndexOf(ToByte(value));
        if (at < 0) throw new ValueError("value not found in bytearray");
        _data.RemoveAt(at);
    }

    public IEnumerator<long> GetEnumerator() { foreach (var b in _data) yield return b; }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    public override bool Equals(object? obj) => obj is PyByteArray a ? _data.SequenceEqual(a._data) : obj is PyBytes b && b.Equals(this);
    public override int GetHashCode() => throw new TypeError("unhashable type: 'bytearray'");
    public string PyRepr() => "bytearray(" + Repr.Bytes(_data) + ")";
    public string PyStr() => PyRepr();
}

/// <summary>
/// A file opened in binary mode ('rb', 'wb', 'ab', 'r+b'), or an in-memory io.BytesIO: reads give bytes, writes take
/// bytes, iteration gives lines (each ending in b"\n" but the last).
/// </summary>
public sealed class PyBinaryIO : IDisposable, IEnumerable<PyBytes>, IPyObject, IPyTyped
{
    private readonly Stream _stream;
    private readonly bool _inMemory;

    private PyBinaryIO(string name, string mode, Stream stream, bool inMemory = false)
    {
        Name = name;
        Mode = mode;
        _stream = stream;
        _inMemory = inMemory;
    }

    public string Name { get; }
    public string Mode { get; }
    public bool Closed { get; private set; }
    public string PyTypeName => _inMemory ? "_io.BytesIO" : Mode.Contains('r') && !Mode.Contains('+') ? "_io.BufferedReader" : "_io.BufferedWriter";

    /// <summary>io.BytesIO(initial): a buffer holding a copy of the bytes, positioned at its start.</summary>
    public static PyBinaryIO BytesIO(object? initial = null)
    {
        var ms = new MemoryStream();
        if (initial is not null) ms.Write(BytesOf(initial, "a bytes-like object is required, not '{0}'"));
        ms.Position = 0;
        return new PyBinaryIO("", "r+b", ms, inMemory: true);
    }

    /// <summary>tempfile.NamedTemporaryFile(delete=True) and TemporaryFile: the file goes when it is closed.</summary>
    internal bool DeleteOnClose { get; init; }

    /// <summary>A binary file over an open stream (os.fdopen, tempfile).</summary>
    internal static PyBinaryIO OverStream(Stream stream, string name, string mode, bool deleteOnClose = false) => new(name, mode, stream) { DeleteOnClose = deleteOnClose };

    public static PyBinaryIO Open(string path, string mode)
    {
        try
        {
            var fm = mode.Contains('r') ? FileMode.Open : mode.Contains('w') ? FileMode.Create : mode.Contains('a') ? FileMode.Append : mode.Contains('x') ? FileMode.CreateNew : FileMode.Open;
            var fa = mode.Contains('+') ? FileAccess.ReadWrite : mode.Contains('r') ? FileAccess.Read : FileAccess.Write;
            return new PyBinaryIO(path, mode, new FileStream(path, fm, fa));
        }
        catch (FileNotFoundException) { throw new FileNotFoundError($"[Errno 2] No such file or directory: {Repr.Of(path)}"); }
        catch (DirectoryNotFoundException) { throw new FileNotFoundError($"[Errno 2] No such file or directory: {Repr.Of(path)}"); }
        catch (IOException) when (mode.Contains('x')) { throw new FileExistsError($"[Errno 17] File exists: {Repr.Of(path)}"); }
        catch (UnauthorizedAccessException) { throw new PermissionError($"[Errno 13] Permission denied: {Repr.Of(path)}"); }
    }

    private void Check()
    {
        if (Closed) throw new ValueError("I/O operation on closed file.");
    }

    /// <summary>The data of a bytes-like value (bytes, bytearray); CPython's TypeError for anything else.</summary>
    private static byte[] BytesOf(object? data, string message) => data switch
    {
        PyBytes b => b.Data.ToArray(),
        PyByteArray a => a.ToArray(),
        PyMemoryView v => v.ToArray(),
        _ => throw new TypeError(string.Format(CultureInfo.InvariantCulture, message, Dyn.TypeName(data))),
    };

    public PyBytes Read(long size = -1)
    {
        Check();
        if (!_stream.CanRead) throw new UnsupportedOperation("read");
        if (size < 0)
        {
            var ms = new MemoryStream();
            _stream.CopyTo(ms);
            return new PyBytes(ms.ToArray());
        }
        var buf = new byte[size];
        int n = 0, got;
        while (n < size && (got = _stream.Read(buf, n, (int)size - n)) > 0) n += got;
        return new PyBytes(buf[..n]);
    }

    public long Write(PyBytes data)
    {
        Check();
        if (!_stream.CanWrite) throw new UnsupportedOperation("write");
        _stream.Write(data.Data);
        return data.Count;
    }

    public long Write(PyByteArray data) => Write(new PyBytes(data.ToArray()));

    /// <summary>write() of a value typed only at run time (a str is CPython's TypeError).</summary>
    public long Write(object? data) => Write(new PyBytes(BytesOf(data, "a bytes-like object is required, not '{0}'")));

    /// <summary>One line, its b"\n" kept; b"" at the end. A size limits how many bytes it reads.</summary>
    public PyBytes ReadLine(long size = -1)
    {
        Check();
        var line = new MemoryStream();
        int b;
        while ((size < 0 || line.Length < size) && (b = _stream.ReadByte()) >= 0)
        {
            line.WriteByte((byte)b);
            if (b == '\n') break;
        }
        return new PyBytes(line.ToArray());
    }

    public PyList<PyBytes> ReadLines()
    {
        var lines = new PyList<PyBytes>();
        foreach (var line in this) lines.Append(line);
        return lines;
    }

    public void WriteLines(IEnumerable<object?> lines)
    {
        foreach (var line in lines) Write(line);
    }

    /// <summary>BytesIO.getvalue(): the whole buffer, wherever the position is.</summary>
    public PyBytes GetValue()
    {
        Check();
        if (_stream is not MemoryStream ms) throw new AttributeError($"'{PyTypeName}' object has no attribute 'getvalue'");
        return new PyBytes(ms.ToArray());
    }

    public long Truncate(long? size = null)
    {
        Check();
        long at = size ?? _stream.Position;
        _stream.SetLength(at);
        return at;
    }

    public bool Readable() { Check(); return _stream.CanRead; }
    public bool Writable() { Check(); return _stream.CanWrite; }
    public bool Seekable() { Check(); return _stream.CanSeek; }
    public bool IsATty() { Check(); return false; }

    private long? _fileno;

    /// <summary>fileno(): a BytesIO has none; a file gets the lowest free number from 3 when first asked (see PyTextIO.Fileno).</summary>
    public long Fileno()
    {
        Check();
        return _inMemory ? throw new UnsupportedOperation("fileno") : _fileno ??= Modules.OsFd.Hold();
    }

    public IEnumerator<PyBytes> GetEnumerator()
    {
        while (ReadLine() is { Count: > 0 } line) yield return line;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public long Seek(long offset, long whence = 0) { Check(); return _stream.Seek(offset, whence switch { 1 => SeekOrigin.Current, 2 => SeekOrigin.End, _ => SeekOrigin.Begin }); }
    public long Tell() { Check(); return _stream.Position; }
    public void Flush() { Check(); _stream.Flush(); }

    public void Close()
    {
        if (Closed) return;
        Closed = true;
        if (_fileno is { } fd) Modules.OsFd.Release(fd);
        _stream.Dispose();
        if (DeleteOnClose) File.Delete(Name);
    }

    public void Dispose() => Close();
    public string PyRepr() => _inMemory ? $"<{PyTypeName} object>" : $"<{PyTypeName} name={Repr.Of(Name)}>";
    public string PyStr() => PyRepr();
}
