using System.Collections;
using System.Runtime.CompilerServices;
using Batuta.Tensors;

namespace Batuta.Python.Runtime.Numpy;

/// <summary>
/// The <c>numpy</c> module for migrated code: <c>np.array</c>, creation routines, ufuncs, manipulation,
/// statistics and linear algebra, each named after its numpy function (PascalCase).
/// </summary>
public static partial class Np
{
    public const double Pi = Math.PI;
    public const double E = Math.E;
    public const double Inf = double.PositiveInfinity;
    public const double NaN = double.NaN;

    /// <summary>A 0-d float64 array.</summary>
    public static NdArray Scalar(double value) => NdArray.FromDoubles([value], []);

    /// <summary>A 0-d int64 array.</summary>
    public static NdArray Scalar(PyInt value) => NdArray.FromLongs([(long)value], []);

    /// <summary>A 0-d bool array.</summary>
    public static NdArray Scalar(bool value) => NdArray.FromBools([value], []);

    /// <summary>
    /// <c>np.array(data, dtype=None)</c>: nested lists/tuples of numbers, bools or strings (or arrays) become an array
    /// of numpy's inferred dtype (bool, int64, float64 or <c>&lt;U{width}</c>); an array is copied.
    /// </summary>
    public static NdArray Array(object? data, object? dtype = null)
    {
        NdArray result;
        if (data is NdArray a) result = a.Copy();
        else
        {
            var shape = new List<int>();
            var flat = new List<object?>();
            Flatten(data, 0, shape, flat);
            var kind = NpKind.Bool;
            bool any = false;
            foreach (var v in flat)
            {
                var k = v switch
                {
                    bool => NpKind.Bool,
                    PyInt or long or int => NpKind.Int64,
                    double or float => NpKind.Float64,
                    NpScalar s => s.Kind,
                    string => NpKind.Str,
                    _ => throw new TypeError($"Batuta's numpy arrays hold numbers, booleans and strings only; got {Dyn.TypeName(v)}"),
                };
                kind = any ? NpDType.Promote(kind, k) : k;
                any = true;
            }
            if (!any) kind = NpKind.Float64;
            var dims = shape.ToArray();
            if (kind == NpKind.Str)
                result = NdArray.FromStrings(flat.Select(v => v as string ?? Runtime.Str.Of(v is NpScalar ns ? ns.Value : v)).ToArray(), dims);
            else if (kind is NpKind.Float64 or NpKind.Float32)
                result = NdArray.FromDoubles(flat.Select(ToDouble).ToArray(), dims, kind);
            else
                result = NdArray.FromLongs(flat.Select(ToLongValue).ToArray(), dims, kind);
        }
        return dtype is null ? result : result.Kind == NpDType.From(dtype).Kind ? result : result.AsType(NpDType.From(dtype));
    }

    /// <summary><c>np.asarray(x)</c>: the array itself when it already is one.</summary>
    public static NdArray AsArray(object? data, object? dtype = null) =>
        data is NdArray a && (dtype is null || a.Kind == NpDType.From(dtype).Kind) ? a : Array(data, dtype);

    private static void Flatten(object? x, int depth, List<int> shape, List<object?> flat)
    {
        switch (x)
        {
            case NdArray a:
            {
                var dims = a.Dims;
                CheckDims(depth, dims, shape);
                var vals = a.Kind is NpKind.Float32 or NpKind.Float64 ? a.ToDoubles().Select(v => (object?)v) : a.Kind == NpKind.Bool ? a.ToLongs().Select(v => (object?)(v != 0))
                    : a.Kind == NpKind.Str ? a.ToStrings().Select(v => (object?)v) : a.ToLongs().Select(v => (object?)new PyInt(v));
                flat.AddRange(vals);
                return;
            }
            case string:
                if (depth != shape.Count) throw Inhomogeneous(depth);
                flat.Add(x);
                return;
            case ITuple t:
            {
                CheckLevel(depth, t.Length, shape);
                for (int i = 0; i < t.Length; i++) Flatten(t[i], depth + 1, shape, flat);
                return;
            }
            case IEnumerable e:
            {
                var items = e.Cast<object?>().ToList();
                CheckLevel(depth, items.Count, shape);
                foreach (var it in items) Flatten(it, depth + 1, shape, flat);
                return;
            }
            default:
                if (depth != shape.Count) throw Inhomogeneous(depth);
                flat.Add(x);
                return;
        }
    }

    private static void CheckLevel(int depth, int count, List<int> shape)
    {
        if (depth < shape.Count)
        {
            if (shape[depth] != count) throw Inhomogeneous(depth);
        }
        else if (depth == shape.Count && (depth == 0 || shape.Count == depth)) shape.Add(count);
        else throw Inhomogeneous(depth);
    }

    private static void CheckDims(int depth, int[] dims, List<int> shape)
    {
        for (int k = 0; k < dims.Length; k++) CheckLevel(depth + k, dims[k], shape);
        if (shape.Count != depth + dims.Length) throw Inhomogeneous(depth);
    }

    private static ValueError Inhomogeneous(int depth) =>
        new($"setting an array element with a sequence. The requested array has an inhomogeneous shape after {depth} dimensions. The detected shape was ({depth}) + inhomogeneous part.");

    public static double ToDouble(object? v) => v switch
    {
        double d => d,
        float f => f,
        PyInt i => i.ToDouble(),
        long l => l,
        int n => n,
        bool b => b ? 1 : 0,
        NpScalar s => s.Value,
        _ => Dyn.Cast<double>(v),
    };

    internal static long ToLongValue(object? v) => v switch
    {
        PyInt i => (long)i,
        long l => l,
        int n => n,
        bool b => b ? 1 : 0,
        double d => (long)d,
        NpScalar s => (long)s.Value,
        _ => (long)Dyn.Cast<PyInt>(v),
    };

    /// <summary>An axis or count argument.</summary>
    public static long ToLong(object? v) => v switch
    {
        PyInt i => i.AsIndex,
        long l => l,
        int n => n,
        bool b => b ? 1 : 0,
        _ => throw new TypeError($"'{Dyn.TypeName(v)}' object cannot be interpreted as an integer"),
    };

    /// <summary>A shape argument: an int or a tuple/list of ints.</summary>
    public static int[] ShapeOf(object? shape) => shape switch
    {
        PyInt or long or int => [(int)ToLong(shape)],
        int[] dims => dims,
        ITuple t => Enumerable.Range(0, t.Length).Select(i => (int)ToLong(t[i])).ToArray(),
        IEnumerable e => e.Cast<object?>().Select(x => (int)ToLong(x)).ToArray(),
        _ => throw new TypeError($"'{Dyn.TypeName(shape)}' object cannot be interpreted as an integer"),
    };

    private static NdArray Filled(object? shape, object? dtype, double value)
    {
        var dims = ShapeOf(shape);
        if (dims.Any(d => d < 0)) throw new ValueError("negative dimensions are not allowed");
        var kind = dtype is null ? NpKind.Float64 : NpDType.From(dtype).Kind;
        int n = dims.Aggregate(1, (x, y) => x * y);
        return kind is NpKind.Float64 or NpKind.Float32
            ? NdArray.FromDoubles(Enumerable.Repeat(value, n).ToArray(), dims, kind)
            : NdArray.FromLongs(Enumerable.Repeat((long)value, n).ToArray(), dims, kind);
    }

    public static NdArray Zeros(object? shape, object? dtype = null) => Filled(shape, dtype, 0);

    public static NdArray Ones(object? shape, object? dtype = null) => Filled(shape, dtype, 1);

    /// <summary><c>np.empty</c>: zero-filled here (numpy leaves memory uninitialised; programs must not read it).</summary>
    public static NdArray Empty(object? shape, object? dtype = null) => Filled(shape, dtype, 0);

    /// <summary><c>np.full(shape, fill_value, dtype=None)</c>: the dtype of the fill value by default.</summary>
    public static NdArray Full(object? shape, object? fillValue, object? dtype = null)
    {
        var fill = NdArray.Operand(fillValue, out _);
        var kind = dtype is null ? fill.Kind : NpDType.From(dtype).Kind;
        if (kind == NpKind.Str)
        {
            // a string fill: every element the same text, as wide as the dtype says (or the fill value)
            var dims = ShapeOf(shape);
            var text = fill.Kind == NpKind.Str ? fill.ToStrings()[0] : fill.AsType(NpDType.Str(0)).ToStrings()[0];
            int width = dtype is null ? 0 : NpDType.From(dtype).ItemSize / 4;
            if (width > 0 && text.Length > width) text = text[..width];
            return NdArray.FromStrings(Enumerable.Repeat(text, dims.Aggregate(1, (p, q) => p * q)).ToArray(), dims, width);
        }
        var r = Filled(shape, NpDType.Of(kind == NpKind.Bool ? NpKind.Int64 : kind), 0);
        if (kind == NpKind.Bool) r = r.Retag(NpKind.Bool);
        r.Assign(fill);
        return r;
    }

    public static NdArray ZerosLike(NdArray a, object? dtype = null) => Zeros(a.Dims, dtype ?? a.DType);

    public static NdArray OnesLike(NdArray a, object? dtype = null) => Ones(a.Dims, dtype ?? a.DType);

    public static NdArray EmptyLike(NdArray a, object? dtype = null) => Zeros(a.Dims, dtype ?? a.DType);

    public static NdArray FullLike(NdArray a, object? fillValue, object? dtype = null) => Full(a.Dims, fillValue, dtype ?? a.DType);

    /// <summary>
    /// <c>np.arange(start, stop, step)</c>: int64 for integer arguments, float64 otherwise; numpy computes
    /// element i as <c>start + i*step</c> for floats, with ceil((stop - start) / step) elements.
    /// </summary>
    public static NdArray Arange(object? start, object? stop = null, object? step = null, object? dtype = null)
    {
        if (stop is null) (start, stop) = ((object?)new PyInt(0), start);
        step ??= new PyInt(1);
        bool isFloat = start is double or float || stop is double or float || step is double or float;
        NdArray r;
        if (!isFloat)
        {
            long a = ToLong(start), b = ToLong(stop), s = ToLong(step);
            if (s == 0) throw new ZeroDivisionError("division by zero");
            long n = Math.Max(0, s > 0 ? (b - a + s - 1) / s : (a - b - s - 1) / -s);
            var v = new long[n];
            for (long i = 0; i < n; i++) v[i] = a + i * s;
            r = NdArray.FromLongs(v, [(int)n]);
        }
        else
        {
            double a = ToDouble(start), b = ToDouble(stop), s = ToDouble(step);
            if (s == 0) throw new ZeroDivisionError("division by zero");
            double len = Math.Ceiling((b - a) / s);
            int n = double.IsNaN(len) || len <= 0 ? 0 : (int)len;
            var v = new double[n];
            // numpy fills the first two values, then extends by the difference (PyArray_Arange's fill)
            if (n > 0) v[0] = a;
            if (n > 1)
            {
                double next = a + s;
                double delta = next - a;
                v[1] = next;
                for (int i = 2; i < n; i++) v[i] = a + i * delta;
            }
            r = NdArray.FromDoubles(v, [n]);
        }
        return dtype is null ? r : r.AsType(NpDType.From(dtype));
    }

    /// <summary><c>np.linspace(start, stop, num=50, endpoint=True)</c> with numpy's formula (step = delta/div; y = i*step + start; last = stop).</summary>
    public static NdArray Linspace(object? start, object? stop, long num = 50, bool endpoint = true, object? dtype = null)
    {
        if (num < 0) throw new ValueError($"Number of samples, {num}, must be non-negative.");
        double a = ToDouble(start), b = ToDouble(stop);
        long div = endpoint ? num - 1 : num;
        double delta = b - a;
        var y = new double[num];
        for (long i = 0; i < num; i++) y[i] = i;
        if (div > 0)
        {
            double step = delta / div;
            if (step == 0)
                for (long i = 0; i < num; i++) y[i] = y[i] / div * delta + a;
            else
                for (long i = 0; i < num; i++) y[i] = y[i] * step + a;
        }
        else
        {
            for (long i = 0; i < num; i++) y[i] = y[i] * delta + a;
        }
        if (endpoint && num > 1) y[num - 1] = b;
        var r = NdArray.FromDoubles(y, [(int)num]);
        return dtype is null ? r : r.AsType(NpDType.From(dtype));
    }

    public static NdArray Logspace(object? start, object? stop, long num = 50, bool endpoint = true, double @base = 10.0)
    {
        var y = Linspace(start, stop, num, endpoint).ToDoubles();
        for (int i = 0; i < y.Length; i++) y[i] = Math.Pow(@base, y[i]);
        return NdArray.FromDoubles(y, [y.Length]);
    }

    /// <summary><c>np.eye(N, M=None, k=0)</c></summary>
    public static NdArray Eye(long n, object? m = null, long k = 0, object? dtype = null)
    {
        int rows = (int)n, cols = m is null ? rows : (int)ToLong(m);
        var v = new double[rows * cols];
        for (int i = 0; i < rows; i++)
        {
            long j = i + k;
            if (j >= 0 && j < cols) v[i * cols + j] = 1;
        }
        var r = NdArray.FromDoubles(v, [rows, cols]);
        return dtype is null ? r : r.AsType(NpDType.From(dtype));
    }

    public static NdArray Identity(long n, object? dtype = null) => Eye(n, null, 0, dtype);

    /// <summary><c>np.diag(v, k=0)</c>: the diagonal of a matrix, or a matrix with a vector on its diagonal.</summary>
    public static NdArray Diag(NdArray v, long k = 0)
    {
        if (v.Ndim == 1)
        {
            int n = v.Size + (int)Math.Abs(k);
            var r = Zeros(new[] { n, n }, v.DType);
            for (int i = 0; i < v.Size; i++)
            {
                long row = k >= 0 ? i : i - k, col = k >= 0 ? i + k : i;
                r.SetItem(v.FlatScalar(i), NpIndex.At(row), NpIndex.At(col));
            }
            return r;
        }
        if (v.Ndim != 2) throw new ValueError("Input must be 1- or 2-d.");
        var dims = v.Dims;
        var items = new List<object?>();
        for (long i = 0; i < dims[0]; i++)
        {
            long j = i + k;
            if (j >= 0 && j < dims[1] && i >= Math.Max(0, -k)) items.Add(v.GetItem(NpIndex.At(i), NpIndex.At(j)));
        }
        return items.Count == 0 ? Zeros(0, v.DType) : Array(new PyList<object?>(items), v.DType);
    }

    /// <summary><c>np.copy(a)</c></summary>
    public static NdArray Copy(object? a) => Array(a);
}

/// <summary>A numpy scalar constructed explicitly (<c>np.float64(x)</c>, <c>np.int64(x)</c>) inside a list.</summary>
public readonly record struct NpScalar(double Value, NpKind Kind);
