using System.Runtime.CompilerServices;

namespace Batuta.Python.Runtime.Numpy;

/// <summary>ufunc accumulate, np.errstate, nanargmax/nanargmin, np.pad, np.cross, np.atleast_1d/2d.</summary>
public static partial class Np
{
    /// <summary>
    /// <c>np.maximum.accumulate(a, axis=0)</c> (and minimum, add, multiply): running results along an axis, in the
    /// input's dtype; NaN propagates through maximum and minimum as the ufuncs do.
    /// </summary>
    public static NdArray Accumulate(object? array, string ufunc, long axis = 0)
    {
        var src = AsArray(array);
        if (src.Ndim == 0) throw new ValueError("cannot accumulate on a scalar");
        int ax = src.NormalizeAxis(axis);
        var dims = src.Dims;
        int outer = 1, inner = 1, n = dims[ax];
        for (int a = 0; a < ax; a++) outer *= dims[a];
        for (int a = ax + 1; a < dims.Length; a++) inner *= dims[a];
        if (src.Kind is NpKind.Float32 or NpKind.Float64)
        {
            var d = src.ToDoubles();
            Func<double, double, double> f = ufunc switch
            {
                "maximum" => (x, y) => double.IsNaN(x) || double.IsNaN(y) ? double.NaN : Math.Max(x, y),
                "minimum" => (x, y) => double.IsNaN(x) || double.IsNaN(y) ? double.NaN : Math.Min(x, y),
                "add" => (x, y) => x + y,
                _ => (x, y) => x * y,
            };
            for (int o = 0; o < outer; o++)
                for (int k = 1; k < n; k++)
                    for (int i = 0; i < inner; i++)
                    {
                        int p = (o * n + k) * inner + i;
                        d[p] = f(d[p - inner], d[p]);
                    }
            return NdArray.FromDoubles(d, dims, src.Kind);
        }
        if (src.Kind == NpKind.Str) throw new TypeError($"ufunc '{ufunc}' did not contain a loop with signature matching types");
        var l = src.ToLongs();
        Func<long, long, long> g = ufunc switch
        {
            "maximum" => Math.Max,
            "minimum" => Math.Min,
            "add" => (x, y) => unchecked(x + y),
            _ => (x, y) => unchecked(x * y),
        };
        for (int o = 0; o < outer; o++)
            for (int k = 1; k < n; k++)
                for (int i = 0; i < inner; i++)
                {
                    int p = (o * n + k) * inner + i;
                    l[p] = g(l[p - inner], l[p]);
                }
        if (src.Kind == NpKind.Bool && ufunc is "add" or "multiply" or "maximum" or "minimum") for (int i = 0; i < l.Length; i++) l[i] = l[i] != 0 ? 1 : 0;
        return NdArray.FromLongs(l, dims, src.Kind);
    }

    /// <summary><c>np.nanargmax(a)</c>: NaN counts as -inf; an all-NaN input raises ValueError.</summary>
    public static PyInt NanArgMaxI(object? a) => NanArg(a, true);

    public static PyInt NanArgMinI(object? a) => NanArg(a, false);

    private static PyInt NanArg(object? a, bool max)
    {
        var arr = AsArray(a);
        var d = arr.ToDoubles();
        if (d.Length > 0 && d.All(double.IsNaN)) throw new ValueError("All-NaN slice encountered");
        for (int i = 0; i < d.Length; i++) if (double.IsNaN(d[i])) d[i] = max ? double.NegativeInfinity : double.PositiveInfinity;
        var filled = NdArray.FromDoubles(d, [d.Length]);
        return max ? filled.ArgMax() : filled.ArgMin();
    }

    /// <summary><c>np.nanargmax(a, axis)</c>: along an axis; a slice of only NaN raises ValueError.</summary>
    public static NdArray NanArgMax(object? a, long axis) => NanArgAxis(a, axis, true);

    public static NdArray NanArgMin(object? a, long axis) => NanArgAxis(a, axis, false);

    private static NdArray NanArgAxis(object? a, long axis, bool max)
    {
        var arr = AsArray(a);
        var d = arr.ToDoubles();
        var nan = d.Select(double.IsNaN).ToArray();
        for (int i = 0; i < d.Length; i++) if (nan[i]) d[i] = max ? double.NegativeInfinity : double.PositiveInfinity;
        var filled = NdArray.FromDoubles(d, arr.Dims);
        var allNan = NdArray.FromBools(nan, arr.Dims).All((object)new PyInt(axis));
        if (allNan is NdArray m ? m.Truths().Any(x => x) : Dyn.Truth(allNan)) throw new ValueError("All-NaN slice encountered");
        return max ? filled.ArgMax(axis) : filled.ArgMin(axis);
    }

    /// <summary>
    /// <c>np.pad(array, pad_width, mode='constant', constant_values=0)</c>: widths as an int, (before, after) or one
    /// pair per axis; modes 'constant' (the value cast to the array's dtype) and 'edge'.
    /// </summary>
    public static NdArray Pad(object? array, object? padWidth, string mode = "constant", object? constantValues = null)
    {
        var src = AsArray(array);
        int nd = src.Ndim;
        var dims = src.Dims;
        var before = new int[nd];
        var after = new int[nd];
        var pw = AsArray(padWidth).ToLongs();
        var pwDims = AsArray(padWidth).Dims;
        for (int d = 0; d < nd; d++)
        {
            if (pw.Length == 1) before[d] = after[d] = (int)pw[0];
            else if (pw.Length == 2 && pwDims.Length == 1) { before[d] = (int)pw[0]; after[d] = (int)pw[1]; }
            else if (pwDims.Length == 2 && pwDims[0] == 1 && pwDims[1] == 2) { before[d] = (int)pw[0]; after[d] = (int)pw[1]; }
            else if (pwDims.Length == 2 && pwDims[0] == nd && pwDims[1] == 2) { before[d] = (int)pw[2 * d]; after[d] = (int)pw[2 * d + 1]; }
            else throw new ValueError($"operands could not be broadcast together with remapped shapes [original->remapped]: {NdArray.ShapeText(pwDims)} and requested shape ({nd},2)");
            if (before[d] < 0 || after[d] < 0) throw new ValueError("index can't contain negative values");
        }
        if (mode is not ("constant" or "edge")) throw new NotSupportedException($"np.pad mode={Repr.Of(mode)} is not supported by Batuta (constant, edge)");
        var outDims = dims.Select((n, d) => n + before[d] + after[d]).ToArray();
        int total = outDims.Aggregate(1, (p, q) => p * q);
        var srcIndex = new int[total]; // -1: the constant
        var idx = new int[nd];
        for (int f = 0; f < total; f++)
        {
            int rem = f, flat = 0;
            bool outside = false;
            for (int d = nd - 1; d >= 0; d--) { idx[d] = rem % outDims[d]; rem /= outDims[d]; }
            for (int d = 0; d < nd; d++)
            {
                int s = idx[d] - before[d];
                if (s < 0 || s >= dims[d])
                {
                    if (mode == "constant" || dims[d] == 0) { outside = true; break; }
                    s = s < 0 ? 0 : dims[d] - 1;
                }
                flat = flat * dims[d] + s;
            }
            srcIndex[f] = outside ? -1 : flat;
        }
        if (src.Kind is NpKind.Float32 or NpKind.Float64)
        {
            var v = src.ToDoubles();
            double c = constantValues is null ? 0 : ToDouble(constantValues);
            return NdArray.FromDoubles(srcIndex.Select(i => i < 0 ? c : v[i]).ToArray(), outDims, src.Kind);
        }
        if (src.Kind == NpKind.Str) throw new NotSupportedException("np.pad of a string array is not supported by Batuta");
        var l = src.ToLongs();
        long cl = constantValues is null ? 0 : (long)ToDouble(constantValues);
        if (src.Kind == NpKind.Bool) cl = cl != 0 ? 1 : 0;
        return NdArray.FromLongs(srcIndex.Select(i => i < 0 ? cl : l[i]).ToArray(), outDims, src.Kind);
    }

    /// <summary><c>np.cross(a, b)</c> of two 3-vectors (or rows of 3-vectors): a1*b2 - a2*b1, ... as numpy.</summary>
    public static NdArray Cross(object? a, object? b)
    {
        var x = AsArray(a);
        var y = AsArray(b);
        if (x.Dims[^1] != 3 || y.Dims[^1] != 3 || x.Ndim > 2 || y.Ndim > 2 || x.Ndim != y.Ndim || x.Ndim == 2 && x.Dims[0] != y.Dims[0])
            throw new NotSupportedException("Batuta's np.cross takes two 3-vectors or two (n, 3) arrays");
        var kind = NpDType.Promote(x.Kind, y.Kind);
        int rows = x.Ndim == 2 ? x.Dims[0] : 1;
        if (kind is NpKind.Float32 or NpKind.Float64)
        {
            var p = x.ToDoubles();
            var q = y.ToDoubles();
            var r = new double[rows * 3];
            for (int i = 0; i < rows; i++)
            {
                int o = 3 * i;
                r[o] = p[o + 1] * q[o + 2] - p[o + 2] * q[o + 1];
                r[o + 1] = p[o + 2] * q[o] - p[o] * q[o + 2];
                r[o + 2] = p[o] * q[o + 1] - p[o + 1] * q[o];
            }
            return NdArray.FromDoubles(r, x.Dims, kind);
        }
        var pl = x.ToLongs();
        var ql = y.ToLongs();
        var rl = new long[rows * 3];
        for (int i = 0; i < rows; i++)
        {
            int o = 3 * i;
            rl[o] = pl[o + 1] * ql[o + 2] - pl[o + 2] * ql[o + 1];
            rl[o + 1] = pl[o + 2] * ql[o] - pl[o] * ql[o + 2];
            rl[o + 2] = pl[o] * ql[o + 1] - pl[o + 1] * ql[o];
        }
        return NdArray.FromLongs(rl, x.Dims, kind == NpKind.Bool ? NpKind.Int64 : kind);
    }

    /// <summary><c>np.atleast_1d(a)</c>: a scalar becomes a 1-element vector; arrays pass through.</summary>
    public static NdArray AtLeast1d(object? a)
    {
        var x = AsArray(a);
        return x.Ndim == 0 ? x.Reshape(1) : x;
    }

    /// <summary><c>np.atleast_2d(a)</c>: a vector becomes one row (a view).</summary>
    public static NdArray AtLeast2d(object? a)
    {
        var x = AsArray(a);
        return x.Ndim switch { 0 => x.Reshape(1, 1), 1 => x.Reshape(1, x.Dims[0]), _ => x };
    }

    /// <summary><c>np.errstate(...)</c>: Batuta's ufuncs never warn, so the context changes nothing.</summary>
    public static IDisposable ErrState() => NpErrState.Instance;
}

/// <summary>The context <c>with np.errstate(...)</c> opens.</summary>
public sealed class NpErrState : IDisposable, IPyObject
{
    internal static readonly NpErrState Instance = new();

    public void Dispose() { }

    public string PyRepr() => "<numpy.errstate object>";

    public string PyStr() => PyRepr();
}
