using System.Collections;

namespace Batuta.Python.Runtime;

/// <summary>
/// Python's <c>memoryview</c> of bytes or a bytearray (format 'B', one dimension): indexing gives ints, slicing gives a
/// view of the same memory, and writing through a view of a bytearray changes the bytearray; CPython's errors for
/// read-only memory, bad values and a released view.
/// </summary>
public sealed class PyMemoryView : IEnumerable<long>, IEquatable<PyMemoryView>, IPyObject, IPyTyped, IPySized, IPyGetItem, IPySetItem, IPyAttributes, Modules.IPyKeywordMethods, IDisposable
{
    private readonly object _source;
    private readonly int _start, _step, _count;
    private bool _released;

    public PyMemoryView(object? source)
    {
        (_source, _start, _step) = source switch
        {
            PyBytes or PyByteArray => (source, 0, 1),
            PyMemoryView v => (v.Live._source, v._start, v._step),
            _ => throw new TypeError($"memoryview: a bytes-like object is required, not '{Dyn.TypeName(source)}'"),
        };
        _count = source is PyMemoryView view ? view._count : source is PyBytes b ? b.Count : ((PyByteArray)source).Count;
    }

    private PyMemoryView(object source, int start, int step, int count) => (_source, _start, _step, _count) = (source, start, step, count);

    private PyMemoryView Live => _released ? throw new ValueError("operation forbidden on released memoryview object") : this;

    public string PyTypeName => "memoryview";
    public int Count => Live._count;
    public bool ReadOnly => Live._source is PyBytes;
    public PyInt NBytes => new(Count);
    public object Obj => Live._source;

    private long At(int i) => _source is PyBytes b ? b.Data[_start + i * _step] : ((PyByteArray)_source)[_start + i * _step];

    private int Index(long index)
    {
        int count = Count;
        long i = index < 0 ? index + count : index;
        return i >= 0 && i < count ? (int)i : throw new IndexError("index out of bounds on dimension 1");
    }

    public long this[long index]
    {
        get => At(Index(index));
        set
        {
            if (ReadOnly) throw new TypeError("cannot modify read-only memory");
            if (value is < 0 or > 255) throw new ValueError("memoryview: invalid value for format 'B'");
            ((PyByteArray)_source)[_start + Index(index) * _step] = value;
        }
    }

    public PyMemoryView Slice(long? start, long? stop, long? step)
    {
        var (s, _, st, len) = Indexing.Adjust(start, stop, step, Count);
        return new PyMemoryView(_source, _start + s * _step, _step * st, len);
    }

    public object? PyGetItem(object? key)
    {
        if (key is not PySlice slice) return new PyInt(this[(long)Dyn.Cast<PyInt>(key)]);
        var (start, stop, step) = slice.Bounds();
        return Slice(start, stop, step);
    }

    public void PySetItem(object? key, object? value)
    {
        if (key is PySlice slice)
        {
            var (start, stop, step) = slice.Bounds();
            SetSlice(Slice(start, stop, step), value);
            return;
        }
        this[(long)Dyn.Cast<PyInt>(key)] = value switch
        {
            PyInt p => p.Sign < 0 || p > 255 ? -1 : (long)p,
            long l => l,
            bool b => b ? 1 : 0,
            _ => throw new TypeError("memoryview: invalid type for format 'B'"),
        };
    }

    private static void SetSlice(PyMemoryView target, object? value)
    {
        var bytes = PyByteArray.BytesLike(value).Data;
        if (target.ReadOnly) throw new TypeError("cannot modify read-only memory");
        if (bytes.Length != target._count) throw new ValueError("memoryview assignment: lvalue and rvalue have different structures");
        for (int i = 0; i < bytes.Length; i++) target[i] = bytes[i];
    }

    public byte[] ToArray() => Enumerable.Range(0, Count).Select(i => (byte)At(i)).ToArray();
    public PyBytes ToBytes() => new(ToArray());
    public PyList<PyInt> ToList() => new(ToArray().Select(b => new PyInt(b)));
    public string Hex(string? sep = null) => new PyBytes(ToArray()).Hex(sep);

    /// <summary>release(): the view is unusable afterwards (what leaving <c>with memoryview(...)</c> does).</summary>
    public void Release() => _released = true;
    public void Dispose() => Release();

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "nbytes" => NBytes,
            "readonly" => ReadOnly,
            "obj" => Obj,
            "format" => "B",
            "itemsize" => new PyInt(1),
            "ndim" => new PyInt(1),
            "shape" => new PyTuple(new PyInt(Count)),
            _ => null,
        };
        return value is not null;
    }

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "tobytes" => ToBytes(),
        "tolist" => ToList(),
        "hex" => Hex((args.Length > 0 ? args[0] : kwargs.Get("sep")) as string),
        "release" => Released(),
        "__enter__" => this,
        _ => throw new AttributeError($"'memoryview' object has no attribute '{name}'"),
    };

    private object? Released()
    {
        Release();
        return null;
    }

    public IEnumerator<long> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return At(i);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(PyMemoryView? other) => other is not null && (ReferenceEquals(this, other) || ToArray().AsSpan().SequenceEqual(other.ToArray()));
    public override bool Equals(object? obj) => obj switch
    {
        PyMemoryView v => Equals(v),
        PyBytes or PyByteArray => !_released && ToArray().AsSpan().SequenceEqual(PyByteArray.BytesLike(obj).Data),
        _ => false,
    };
    public override int GetHashCode() => throw new ValueError("cannot hash writable memoryview object");

    public string PyRepr() => _released ? "<released memory>" : "<memory>";
    public string PyStr() => PyRepr();
}
