using System.Collections;
using System.Numerics;
using Batuta.Tensors;

namespace Batuta.Python.Runtime.Numpy;

/// <summary>
/// numpy's <c>ndarray</c> for migrated code: a <see cref="Tensor{T}"/> (float64, float32, int64, int32; bool
/// arrays are 0/1 in an int64 tensor) plus the numpy dtype. Slicing gives views that share memory, as in
/// numpy; arithmetic follows numpy's promotion rules; <c>str</c>/<c>repr</c> print exactly as numpy prints.
/// Scalars read out of an array are Python values: <c>double</c> for floats, <see cref="PyInt"/> for
/// integers, <c>bool</c> for booleans (numpy 1.x prints its scalars the same way).
/// </summary>
public sealed partial class NdArray : IPyObject, IPyTyped, IPySized, IEnumerable<object?>, IPyGetItem, IPySetItem, IPyBool
{
    private readonly object _data;

    private readonly NpDType _dtype;

    internal NdArray(object data, NpKind kind)
    {
        _data = data;
        _dtype = NpDType.Of(kind);
    }

    /// <summary>An array with this exact dtype (a string array keeps its width through views, reshapes and copies).</summary>
    internal NdArray(object data, NpDType dtype)
    {
        _data = data;
        _dtype = dtype;
    }

    public static NdArray From(Tensor<double> t) => new(t, NpKind.Float64);

    public static NdArray From(Tensor<float> t) => new(t, NpKind.Float32);

    public static NdArray From(Tensor<long> t) => new(t, NpKind.Int64);

    public static NdArray From(Tensor<int> t) => new(t, NpKind.Int32);

    /// <summary>A 0/1 int64 tensor as a bool array.</summary>
    public static NdArray FromMask(Tensor<long> t) => new(t, NpKind.Bool);

    /// <summary>The dtype; a string array is as wide as its longest element (<c>&lt;U5</c>).</summary>
    public NpDType DType => _dtype.Kind == NpKind.Str && _dtype.ItemSize == 0 ? NpDType.Str(ContentWidth(Codes())) : _dtype;

    private static int ContentWidth(IEnumerable<long> codes) => Math.Max(1, codes.Select(c => NpStrings.Of(c).Length).DefaultIfEmpty(1).Max());

    public NpKind Kind => _dtype.Kind;

    /// <summary>A string array from strings (C order).</summary>
    public static NdArray FromStrings(string[] data, int[] shape, int width = 0)
    {
        var codes = data.Select(NpStrings.Code).ToArray();
        return new(Make(codes, shape), NpDType.Str(width > 0 ? width : ContentWidth(codes)));
    }

    /// <summary>Strings stored into a string array of this width, cut as numpy cuts them.</summary>
    internal NdArray Truncated(int width)
    {
        var strs = ToStrings();
        return strs.Any(x => x.Length > width) ? FromStrings(strs.Select(x => x.Length > width ? x[..width] : x).ToArray(), DimsInternal, width) : this;
    }

    /// <summary>This array (same storage) as a string array of a fixed width; non-string arrays come back unchanged.</summary>
    internal NdArray WithStrWidth(int width) => Kind == NpKind.Str && width > 0 ? new NdArray(_data, NpDType.Str(width)) : this;

    /// <summary>A string array's width (<c>&lt;U5</c>: 5); 0 for other dtypes.</summary>
    internal int StrWidth => Kind == NpKind.Str ? DType.ItemSize / 4 : 0;

    /// <summary>A string array's codes in C order (see <see cref="NpStrings"/>).</summary>
    internal long[] Codes() => ((Tensor<long>)_data).ToArray();

    /// <summary>A string array's elements in C order.</summary>
    public string[] ToStrings() => Kind == NpKind.Str ? Array.ConvertAll(Codes(), NpStrings.Of) : Enumerable.Range(0, Size).Select(i => Runtime.Str.Of(FlatScalar(i))).ToArray();

    private TypeError NotNumeric(string what) => new($"Batuta: {what} of a string array (dtype('{DType.Name}')) is not supported; numpy has no such loop either");

    public string PyTypeName => "ndarray";

    internal object Storage => _data;

    private int[] DimsInternal => _data switch
    {
        Tensor<double> t => t.Shape.ToArray(),
        Tensor<float> t => t.Shape.ToArray(),
        Tensor<long> t => t.Shape.ToArray(),
        Tensor<int> t => t.Shape.ToArray(),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The dimensions (a copy).</summary>
    public int[] Dims => DimsInternal;

    /// <summary><c>ndim</c></summary>
    public int Ndim => _data switch
    {
        Tensor<double> t => t.Rank,
        Tensor<float> t => t.Rank,
        Tensor<long> t => t.Rank,
        Tensor<int> t => t.Rank,
        _ => 0,
    };

    /// <summary><c>size</c>: the number of elements.</summary>
    public int Size => _data switch
    {
        Tensor<double> t => t.Length,
        Tensor<float> t => t.Length,
        Tensor<long> t => t.Length,
        Tensor<int> t => t.Length,
        _ => 0,
    };

    /// <summary><c>shape</c> as a Python tuple of ints.</summary>
    public PyTuple Shape => new(Dims.Select(d => (object?)new PyInt(d)).ToArray());

    /// <summary><c>nbytes</c></summary>
    public PyInt NBytes => new((long)Size * DType.ItemSize);

    /// <summary><c>len(a)</c>: the first dimension.</summary>
    public int Count => Ndim == 0 ? throw new TypeError("len() of unsized object") : DimsInternal[0];

    internal bool IsContiguous => _data switch
    {
        Tensor<double> t => t.IsContiguous,
        Tensor<float> t => t.IsContiguous,
        Tensor<long> t => t.IsContiguous,
        Tensor<int> t => t.IsContiguous,
        _ => false,
    };

    internal ReadOnlySpan<int> StridesSpan => _data switch
    {
        Tensor<double> t => t.Strides,
        Tensor<float> t => t.Strides,
        Tensor<long> t => t.Strides,
        Tensor<int> t => t.Strides,
        _ => default,
    };

    // ---- typed access ----------------------------------------------------------------------

    internal Tensor<T> Data<T>() where T : unmanaged, INumber<T> => (Tensor<T>)_data;

    /// <summary>The elements as a float64 tensor (the same tensor when already float64; a converted copy otherwise).</summary>
    public Tensor<double> AsFloat64Tensor() => _data is Tensor<double> d ? d : Convert<double>();

    /// <summary>The elements as an int64 tensor (bool arrays are 0/1).</summary>
    public Tensor<long> AsInt64Tensor() => _data is Tensor<long> l ? l : Convert<long>();

    internal Tensor<T> Convert<T>() where T : unmanaged, INumber<T> => Kind == NpKind.Str ? ParseStrings<T>() : _data switch
    {
        Tensor<T> same => same.Clone(),
        Tensor<double> t => CastFloat<double, T>(t),
        Tensor<float> t => CastFloat<float, T>(t),
        Tensor<long> t => t.Cast<T>(),
        Tensor<int> t => t.Cast<T>(),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>float → int casts as numpy does them (truncation; NaN and out-of-range give INT_MIN).</summary>
    private static Tensor<TOut> CastFloat<TIn, TOut>(Tensor<TIn> t) where TIn : unmanaged, INumber<TIn>, IFloatingPointIeee754<TIn> where TOut : unmanaged, INumber<TOut>
    {
        if (typeof(TOut) == typeof(double) || typeof(TOut) == typeof(float)) return t.Cast<TOut>();
        var src = t.ToArray();
        var dst = new TOut[src.Length];
        bool isLong = typeof(TOut) == typeof(long);
        for (int i = 0; i < src.Length; i++)
        {
            double v = double.CreateTruncating(src[i]);
            if (isLong)
                dst[i] = TOut.CreateTruncating(double.IsNaN(v) || v >= 9.2233720368547758e18 || v < -9.2233720368547758e18 ? long.MinValue : (long)v);
            else
                dst[i] = TOut.CreateTruncating(double.IsNaN(v) || v >= 2147483648.0 || v < -2147483648.0 ? int.MinValue : (int)v);
        }
        return Make(dst, t.Shape.ToArray());
    }

    /// <summary>numpy's casts from strings: float('1.5'), int('12') (ValueError otherwise), non-empty is True.</summary>
    private Tensor<T> ParseStrings<T>() where T : unmanaged, INumber<T>
    {
        var strs = ToStrings();
        var dst = new T[strs.Length];
        for (int i = 0; i < strs.Length; i++)
        {
            var text = strs[i];
            if (typeof(T) == typeof(double) || typeof(T) == typeof(float)) dst[i] = T.CreateTruncating(Py.Float(text));
            else dst[i] = T.CreateTruncating((long)PyInt.Parse(text.Trim(), 10));
        }
        return Make(dst, DimsInternal);
    }

    /// <summary><c>a.astype(dtype)</c>: always a copy.</summary>
    public NdArray AsType(NpDType dtype)
    {
        if (dtype.Kind == NpKind.Str)
        {
            // numpy's widths for numbers as text: int64 21, float64 32, bool 5; a given width cuts
            int width = dtype.ItemSize / 4;
            if (width == 0) width = Kind switch { NpKind.Str => DType.ItemSize / 4, NpKind.Bool => 5, NpKind.Int32 => 11, NpKind.Int64 => 21, NpKind.Float32 => 32, _ => 32 };
            var strs = ToStrings();
            return FromStrings(strs.Select(x => x.Length > width ? x[..width] : x).ToArray(), DimsInternal, width);
        }
        if (Kind == NpKind.Str && dtype.Kind == NpKind.Bool) return FromLongs(ToStrings().Select(x => x.Length > 0 ? 1L : 0L).ToArray(), DimsInternal, NpKind.Bool);
        if (dtype.Kind == NpKind.Bool)
        {
            var src = ToDoubles();
            var r = new long[src.Length];
            for (int i = 0; i < r.Length; i++) r[i] = src[i] != 0 || double.IsNaN(src[i]) ? 1 : 0;
            return FromLongs(r, Dims, NpKind.Bool);
        }
        return dtype.Kind switch
        {
            NpKind.Float64 => new NdArray(Convert<double>(), NpKind.Float64),
            NpKind.Float32 => new NdArray(Convert<float>(), NpKind.Float32),
            NpKind.Int32 => new NdArray(Convert<int>(), NpKind.Int32),
            _ => new NdArray(Convert<long>(), NpKind.Int64),
        };
    }

    public NdArray AsType(object? dtype) => AsType(NpDType.From(dtype));

    /// <summary>The elements in C order as doubles (a copy).</summary>
    public double[] ToDoubles() => Kind == NpKind.Str ? throw NotNumeric("arithmetic") : _data switch
    {
        Tensor<double> t => t.ToArray(),
        Tensor<float> t => Array.ConvertAll(t.ToArray(), x => (double)x),
        Tensor<long> t => Array.ConvertAll(t.ToArray(), x => (double)x),
        Tensor<int> t => Array.ConvertAll(t.ToArray(), x => (double)x),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The elements in C order as longs (floats truncate; a copy).</summary>
    public long[] ToLongs() => Kind == NpKind.Str ? throw NotNumeric("arithmetic") : _data switch
    {
        Tensor<long> t => t.ToArray(),
        Tensor<int> t => Array.ConvertAll(t.ToArray(), x => (long)x),
        _ => Convert<long>().ToArray(),
    };

    internal static NdArray FromDoubles(double[] data, int[] shape, NpKind kind = NpKind.Float64)
    {
        var t = Make(data, shape);
        return kind switch
        {
            NpKind.Float64 => new NdArray(t, NpKind.Float64),
            NpKind.Float32 => new NdArray(t.Cast<float>(), NpKind.Float32),
            _ => new NdArray(t, NpKind.Float64).AsType(NpDType.Of(kind)),
        };
    }

    internal static NdArray FromLongs(long[] data, int[] shape, NpKind kind = NpKind.Int64)
    {
        var t = Make(data, shape);
        return kind switch
        {
            NpKind.Int64 or NpKind.Bool or NpKind.Str => new NdArray(t, kind),
            NpKind.Int32 => new NdArray(t.Cast<int>(), NpKind.Int32),
            NpKind.Float32 => new NdArray(t.Cast<float>(), NpKind.Float32),
            _ => new NdArray(t.Cast<double>(), NpKind.Float64),
        };
    }

    internal static NdArray FromBools(bool[] data, int[] shape)
    {
        var l = new long[data.Length];
        for (int i = 0; i < l.Length; i++) l[i] = data[i] ? 1 : 0;
        return new NdArray(Make(l, shape), NpKind.Bool);
    }

    /// <summary>A tensor holding <paramref name="data"/> with <paramref name="shape"/>; an empty shape is a 0-d tensor.</summary>
    internal static Tensor<T> Make<T>(T[] data, int[] shape) where T : unmanaged, INumber<T> =>
        shape.Length == 0 ? Tensor.Scalar(data[0]) : Tensor.FromArray(data, shape);

    /// <summary>The same kind of array with other data (same element storage type).</summary>
    internal static NdArray Build<T>(T[] data, int[] shape, NpKind kind) where T : unmanaged, INumber<T> => new(Make(data, shape), kind);

    /// <summary>Element <paramref name="flat"/> (C order) as a Python scalar.</summary>
    internal object Scalar(double value) => Kind switch
    {
        NpKind.Bool => value != 0,
        NpKind.Int32 or NpKind.Int64 => new PyInt((long)value),
        _ => value,
    };

    /// <summary>A view sharing memory, with another dtype tag (bool ↔ int64 storage), or the same array.</summary>
    internal NdArray Retag(NpKind kind) => new(_data, kind);

    /// <summary>The value of a 0-d or one-element array as a Python scalar (<c>a.item()</c>).</summary>
    public object? Item()
    {
        if (Size != 1) throw new ValueError("can only convert an array of size 1 to a Python scalar");
        return FlatScalar(0);
    }

    /// <summary>The element at C-order position <paramref name="flat"/> as a Python scalar.</summary>
    internal object? FlatScalar(int flat)
    {
        var idx = Unravel(flat, DimsInternal);
        return _data switch
        {
            Tensor<double> t => t[idx],
            Tensor<float> t => (double)t[idx],
            Tensor<long> t => Kind == NpKind.Bool ? t[idx] != 0 : Kind == NpKind.Str ? NpStrings.Of(t[idx]) : new PyInt(t[idx]),
            Tensor<int> t => new PyInt(t[idx]),
            _ => null,
        };
    }

    internal static int[] Unravel(int flat, int[] dims)
    {
        var idx = new int[dims.Length];
        for (int a = dims.Length - 1; a >= 0; a--)
        {
            int d = dims[a];
            if (d == 0) break;
            idx[a] = flat % d;
            flat /= d;
        }
        return idx;
    }

    /// <summary><c>a.copy()</c></summary>
    public NdArray Copy() => _data switch
    {
        Tensor<double> t => new NdArray(t.Clone(), _dtype),
        Tensor<float> t => new NdArray(t.Clone(), _dtype),
        Tensor<long> t => new NdArray(t.Clone(), _dtype),
        Tensor<int> t => new NdArray(t.Clone(), _dtype),
        _ => throw new InvalidOperationException(),
    };

    /// <summary><c>a.tolist()</c>: nested lists of Python scalars.</summary>
    public object? ToList()
    {
        if (Ndim == 0) return Item();
        var list = new PyList<object?>();
        for (int i = 0; i < Count; i++)
        {
            var row = RowAt(i);
            list.Append(row is NdArray sub ? sub.ToList() : row);
        }
        return list;
    }

    /// <summary><c>a[i]</c> along the first axis: a view for N-d arrays, a scalar for 1-D.</summary>
    internal object? RowAt(long i) => GetItem(NpIndex.At(i));

    // ---- Python protocols ------------------------------------------------------------------

    public IEnumerator<object?> GetEnumerator()
    {
        if (Ndim == 0) throw new TypeError("iteration over a 0-d array");
        int n = Count;
        if (Ndim == 1)
        {
            // One copy, then scalars: iterating a vector is the common case.
            var flat = _data switch
            {
                Tensor<double> t => t.ToArray().Select(x => (object?)x).ToArray(),
                Tensor<float> t => t.ToArray().Select(x => (object?)(double)x).ToArray(),
                Tensor<long> t => Kind == NpKind.Bool ? t.ToArray().Select(x => (object?)(x != 0)).ToArray()
                    : Kind == NpKind.Str ? t.ToArray().Select(x => (object?)NpStrings.Of(x)).ToArray()
                    : t.ToArray().Select(x => (object?)new PyInt(x)).ToArray(),
                Tensor<int> t => t.ToArray().Select(x => (object?)new PyInt(x)).ToArray(),
                _ => Array.Empty<object?>(),
            };
            foreach (var x in flat) yield return x;
            yield break;
        }
        for (int i = 0; i < n; i++) yield return RowAt(i);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Rows (for N-d arrays) as arrays; for a 1-D array, use the typed element enumerations.</summary>
    public IEnumerable<NdArray> Rows()
    {
        int n = Count;
        for (int i = 0; i < n; i++) yield return (NdArray)RowAt(i).OrThrow();
    }

    /// <summary>A 1-D float array's elements.</summary>
    public IEnumerable<double> Floats() => ToDoubles();

    /// <summary>A 1-D int array's elements.</summary>
    public IEnumerable<PyInt> Ints() => ToLongs().Select(x => new PyInt(x));

    /// <summary>A 1-D bool array's elements.</summary>
    public IEnumerable<bool> Bools() => ToLongs().Select(x => x != 0);

    /// <summary>A 1-D string array's elements.</summary>
    public IEnumerable<string> Strs() => ToStrings();

    public bool PyBool()
    {
        if (Size == 1) return Dyn.Truth(FlatScalar(0));
        if (Size == 0) return false;
        throw new ValueError("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()");
    }

    public object? PyGetItem(object? key) => GetItem(NpIndex.FromKey(key));

    public void PySetItem(object? key, object? value) => SetItem(value, NpIndex.FromKey(key));

    public string PyRepr() => ArrayPrinter.Repr(this);

    public string PyStr() => ArrayPrinter.Str(this);

    public override string ToString() => PyStr();
}
