using System.Collections;

namespace Batuta.Python.Runtime.Numpy;

/// <summary><c>np.convolve</c>, <c>np.interp</c>, <c>np.select</c> and <c>np.unravel_index</c>, as numpy computes them.</summary>
public static partial class Np
{
    /// <summary>
    /// <c>np.convolve(a, v, mode='full')</c>: the shorter operand slides over the longer; each output is a sum of
    /// products in increasing index order (numpy calls its dtype's dot, BLAS ddot for floats: print float results
    /// rounded). 'same' keeps the longer length, 'valid' only full overlaps.
    /// </summary>
    public static NdArray Convolve(object? a, object? v, string mode = "full")
    {
        var x = AsArray(a);
        var k = AsArray(v);
        if (x.Ndim > 1 || k.Ndim > 1) throw new ValueError("object too deep for desired array");
        x = x.Ravel();
        k = k.Ravel();
        if (x.Size == 0) throw new ValueError("a cannot be empty");
        if (k.Size == 0) throw new ValueError("v cannot be empty");
        if (k.Size > x.Size) (x, k) = (k, x);
        int n = x.Size, m = k.Size;
        var kind = NpDType.Promote(x.Kind, k.Kind);
        if (kind == NpKind.Str) throw new TypeError("convolve of string arrays is not supported");
        int start, length;
        switch (mode)
        {
            case "full": start = 0; length = n + m - 1; break;
            case "same": start = (m - 1) / 2; length = n; break;
            case "valid": start = m - 1; length = n - m + 1; break;
            default: throw new ValueError($"mode must be one of 'valid', 'same', or 'full' (got {Repr.Of(mode)})");
        }
        bool isFloat = kind is NpKind.Float32 or NpKind.Float64;
        if (isFloat)
        {
            var xd = x.ToDoubles();
            var kd = k.ToDoubles();
            var r = new double[length];
            for (int o = 0; o < length; o++)
            {
                int p = o + start; // full-output position: sum over i of x[i] * k[p - i]
                double s = 0;
                for (int i = Math.Max(0, p - m + 1); i <= Math.Min(n - 1, p); i++) s += xd[i] * kd[p - i];
                r[o] = s;
            }
            return NdArray.FromDoubles(r, [length], kind);
        }
        var xl = x.ToLongs();
        var kl = k.ToLongs();
        var rl = new long[length];
        for (int o = 0; o < length; o++)
        {
            int p = o + start;
            long s = 0;
            for (int i = Math.Max(0, p - m + 1); i <= Math.Min(n - 1, p); i++) s += xl[i] * kl[p - i];
            rl[o] = kind == NpKind.Bool ? (s != 0 ? 1 : 0) : s;
        }
        return NdArray.FromLongs(rl, [length], kind);
    }

    /// <summary><c>np.interp(x, xp, fp, left=None, right=None)</c> for a scalar x: a Python float.</summary>
    public static double InterpF(object? x, object? xp, object? fp, double? left = null, double? right = null) =>
        Interp(Array(x), xp, fp, left, right).ToDoubles()[0];

    /// <summary>
    /// <c>np.interp(x, xp, fp, left=None, right=None)</c>: piecewise-linear interpolation with numpy's arithmetic
    /// (<c>slope*(x - xp[j]) + fp[j]</c>, exact at the sample points), fp[0] / fp[-1] outside unless left / right.
    /// </summary>
    public static NdArray Interp(object? x, object? xp, object? fp, double? left = null, double? right = null)
    {
        var xa = AsArray(x);
        var dx = AsArray(xp).ToDoubles();
        var dy = AsArray(fp).ToDoubles();
        if (AsArray(xp).Ndim != 1 || AsArray(fp).Ndim != 1) throw new ValueError("object too deep for desired array");
        if (dx.Length == 0) throw new ValueError("array of sample points is empty");
        if (dx.Length != dy.Length) throw new ValueError("fp and xp are not of the same length.");
        int len = dx.Length;
        double lval = left ?? dy[0], rval = right ?? dy[len - 1];
        var z = xa.ToDoubles();
        var res = new double[z.Length];
        for (int i = 0; i < z.Length; i++)
        {
            double xv = z[i];
            if (double.IsNaN(xv)) { res[i] = xv; continue; }
            int j;
            if (xv < dx[0]) j = -1;
            else if (xv > dx[len - 1]) j = len;
            else
            {
                // the last j with dx[j] <= xv (numpy's binary_search_with_guess)
                int lo = 0, hi = len - 1;
                while (lo < hi)
                {
                    int mid = (lo + hi + 1) / 2;
                    if (dx[mid] <= xv) lo = mid; else hi = mid - 1;
                }
                j = lo;
            }
            if (j == -1) res[i] = lval;
            else if (j == len) res[i] = rval;
            else if (j == len - 1) res[i] = dy[j];
            else if (FloatExact.AreEqual(dx[j], xv)) res[i] = dy[j];
            else
            {
                double slope = (dy[j + 1] - dy[j]) / (dx[j + 1] - dx[j]);
                double r = slope * (xv - dx[j]) + dy[j];
                if (double.IsNaN(r))
                {
                    r = slope * (xv - dx[j + 1]) + dy[j + 1];
                    if (double.IsNaN(r) && FloatExact.AreEqual(dy[j], dy[j + 1])) r = dy[j];
                }
                res[i] = r;
            }
        }
        return NdArray.FromDoubles(res, xa.Dims);
    }

    /// <summary>
    /// <c>np.select(condlist, choicelist, default=0)</c>: where the first true condition picks its choice, the
    /// default elsewhere; dtypes promote as numpy's result_type over the choices and the default.
    /// </summary>
    public static NdArray Select(object? condlist, object? choicelist, object? @default = null)
    {
        var conds = Items(condlist, "condlist");
        var choices = Items(choicelist, "choicelist");
        if (conds.Count != choices.Count) throw new ValueError("list of cases must be same length as list of conditions");
        if (conds.Count == 0) throw new ValueError("select with an empty condition list is not possible");
        for (int i = 0; i < conds.Count; i++)
            if (AsArray(conds[i]).Kind != NpKind.Bool) throw new TypeError($"invalid entry {i} in condlist: should be boolean ndarray");
        object? result = @default ?? new PyInt(0);
        for (int i = conds.Count - 1; i >= 0; i--) result = Where(conds[i], choices[i], result);
        return (NdArray)result.OrThrow();
    }

    private static List<object?> Items(object? list, string name) => list switch
    {
        NdArray a => Enumerable.Range(0, a.Dims.Length == 0 ? 0 : a.Dims[0]).Select(i => (object?)a.GetItem(NpIndex.At(i))).ToList(),
        string => throw new TypeError($"{name} must be a list"),
        IEnumerable e => e.Cast<object?>().ToList(),
        _ => throw new TypeError($"{name} must be a list"),
    };

    /// <summary><c>np.unravel_index(indices, shape)</c>: a tuple of coordinates (ints for an int, int64 arrays for an array).</summary>
    public static PyTuple UnravelIndex(object? indices, object? shape)
    {
        var dims = ShapeOf(shape);
        var idx = AsArray(indices);
        if (idx.Kind is not (NpKind.Int32 or NpKind.Int64)) throw new TypeError("only int indices permitted");
        long total = dims.Aggregate(1L, (p, q) => p * q);
        var flat = idx.ToLongs();
        var coords = new long[dims.Length][];
        for (int d = 0; d < dims.Length; d++) coords[d] = new long[flat.Length];
        for (int i = 0; i < flat.Length; i++)
        {
            long f = flat[i];
            if (f < 0 || f >= total) throw new ValueError($"index {f} is out of bounds for array with size {total}");
            for (int d = dims.Length - 1; d >= 0; d--)
            {
                coords[d][i] = f % dims[d];
                f /= dims[d];
            }
        }
        if (idx.Ndim == 0) return new PyTuple(coords.Select(c => (object?)new PyInt(c[0])).ToArray());
        return new PyTuple(coords.Select(c => (object?)NdArray.FromLongs(c, idx.Dims)).ToArray());
    }

    public static (PyInt, PyInt) UnravelIndex2I(object? index, object? shape)
    {
        var t = UnravelIndex(index, shape);
        return ((PyInt)t[0].OrThrow(), (PyInt)t[1].OrThrow());
    }

    public static (PyInt, PyInt, PyInt) UnravelIndex3I(object? index, object? shape)
    {
        var t = UnravelIndex(index, shape);
        return ((PyInt)t[0].OrThrow(), (PyInt)t[1].OrThrow(), (PyInt)t[2].OrThrow());
    }

    public static (NdArray, NdArray) UnravelIndex2A(object? indices, object? shape)
    {
        var t = UnravelIndex(indices, shape);
        return ((NdArray)t[0].OrThrow(), (NdArray)t[1].OrThrow());
    }
}
