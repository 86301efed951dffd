namespace Batuta.Python.Runtime.Numpy;

/// <summary>
/// Reductions in numpy's own summation orders, so printed sums, means and standard deviations match numpy
/// to the last digit: <c>add.reduce</c> over the innermost (smallest-stride) axis is a pairwise sum within
/// blocks of 8192 elements (numpy's buffer size), the blocks added in order; along any other axis the
/// elements are added one after another. <c>mean</c>, <c>var</c> and <c>std</c> are numpy's <c>_methods</c>
/// formulas on top of that.
/// </summary>
public sealed partial class NdArray
{
    private const int BufferSize = 8192;
    private const int PairwiseBlock = 128;

    /// <summary>numpy's <c>pairwise_sum</c> over n elements starting at <paramref name="start"/> with <paramref name="stride"/>.</summary>
    internal static double Pairwise(double[] a, int start, int n, int stride)
    {
        if (n < 8)
        {
            double res = 0.0;
            for (int i = 0; i < n; i++) res += a[start + i * stride];
            return res;
        }
        if (n <= PairwiseBlock)
        {
            double r0 = a[start], r1 = a[start + stride], r2 = a[start + 2 * stride], r3 = a[start + 3 * stride];
            double r4 = a[start + 4 * stride], r5 = a[start + 5 * stride], r6 = a[start + 6 * stride], r7 = a[start + 7 * stride];
            int i;
            for (i = 8; i < n - (n % 8); i += 8)
            {
                int p = start + i * stride;
                r0 += a[p]; r1 += a[p + stride]; r2 += a[p + 2 * stride]; r3 += a[p + 3 * stride];
                r4 += a[p + 4 * stride]; r5 += a[p + 5 * stride]; r6 += a[p + 6 * stride]; r7 += a[p + 7 * stride];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += a[start + i * stride];
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return Pairwise(a, start, n2, stride) + Pairwise(a, start + n2 * stride, n - n2, stride);
    }

    /// <summary>The sum of one reduction run as numpy's buffered inner loop computes it.</summary>
    internal static double RunSum(double[] a, int start, int n, int stride)
    {
        double s = 0.0;
        for (int off = 0; off < n; off += BufferSize)
            s += Pairwise(a, start + off * stride, Math.Min(BufferSize, n - off), stride);
        return s;
    }

    /// <summary>The axis numpy's iterator runs innermost: the one with the smallest stride (ignoring length-1 axes).</summary>
    private int InnerAxis()
    {
        var dims = DimsInternal;
        var strides = StridesSpan;
        int best = dims.Length - 1;
        long bestStride = long.MaxValue;
        for (int a = dims.Length - 1; a >= 0; a--)
        {
            if (dims[a] <= 1) continue;
            long s = Math.Abs((long)strides[a]);
            if (s < bestStride) { bestStride = s; best = a; }
        }
        return best;
    }

    internal int NormalizeAxis(long axis)
    {
        int nd = Ndim;
        long a = axis < 0 ? axis + nd : axis;
        if (a < 0 || a >= nd) throw new AxisError($"axis {axis} is out of bounds for array of dimension {nd}");
        return (int)a;
    }

    /// <summary>The float sum of all elements (numpy order).</summary>
    internal double SumAllDouble()
    {
        var data = ToDoubles();
        if (Ndim <= 1 || IsContiguous) return RunSum(data, 0, data.Length, 1);
        // A strided N-d view: numpy walks memory order, innermost runs summed pairwise, runs added in order.
        int inner = InnerAxis();
        var dims = DimsInternal;
        int n = dims[inner];
        if (n == 0) return 0.0;
        int innerStride = 1;
        for (int a = inner + 1; a < dims.Length; a++) innerStride *= dims[a];
        double s = 0.0;
        foreach (int start in RunStarts(dims, inner)) s += RunSum(data, start, n, innerStride);
        return s;
    }

    /// <summary>C-order offsets of every run along <paramref name="axis"/> (all other indices enumerated in C order).</summary>
    private static IEnumerable<int> RunStarts(int[] dims, int axis)
    {
        int outer = 1, inner = 1;
        for (int a = 0; a < axis; a++) outer *= dims[a];
        for (int a = axis + 1; a < dims.Length; a++) inner *= dims[a];
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
                yield return o * dims[axis] * inner + i;
    }

    /// <summary>Sums along <paramref name="axis"/> into a new float64 array (numpy order), keeping or dropping the axis.</summary>
    internal double[] SumAxisDouble(int axis, out int[] outDims)
    {
        var data = ToDoubles();
        var dims = DimsInternal;
        int outer = 1, inner = 1, n = dims[axis];
        for (int a = 0; a < axis; a++) outer *= dims[a];
        for (int a = axis + 1; a < dims.Length; a++) inner *= dims[a];
        var result = new double[outer * inner];
        bool pairwise = InnerAxis() == axis || inner == 1;
        for (int o = 0; o < outer; o++)
        {
            int baseOff = o * n * inner;
            if (pairwise)
            {
                for (int i = 0; i < inner; i++) result[o * inner + i] = RunSum(data, baseOff + i, n, inner);
            }
            else
            {
                // rows added one after another, every output element in step (numpy's outer reduction loop)
                for (int k = 0; k < n; k++)
                {
                    int row = baseOff + k * inner;
                    for (int i = 0; i < inner; i++) result[o * inner + i] += data[row + i];
                }
            }
        }
        outDims = dims.Where((_, a) => a != axis).ToArray();
        return result;
    }

    private static int[] KeepDims(int[] dims, int axis) => dims.Select((d, a) => a == axis ? 1 : d).ToArray();

    private NdArray Shaped(NdArray r, int axis, bool keepdims) => keepdims ? r.Reshape(KeepDims(DimsInternal, axis)) : r;

    // ---- sum ----

    /// <summary><c>a.sum()</c> as a Python scalar: float for float arrays, int for int and bool arrays.</summary>
    public object Sum() => Kind is NpKind.Float32 or NpKind.Float64 ? (object)SumF() : SumI();

    public double SumF() => Kind is NpKind.Float32 or NpKind.Float64 ? SumAllDouble() : SumI().ToDouble();

    public PyInt SumI()
    {
        if (Kind is NpKind.Float32 or NpKind.Float64) return new PyInt((long)SumAllDouble());
        long s = 0;
        foreach (var v in ToLongs()) s = unchecked(s + v);
        return new PyInt(s);
    }

    /// <summary><c>a.sum(axis=k)</c></summary>
    public NdArray Sum(long axis, bool keepdims = false)
    {
        int ax = NormalizeAxis(axis);
        NdArray r;
        if (Kind is NpKind.Float32 or NpKind.Float64)
        {
            var s = SumAxisDouble(ax, out var od);
            r = FromDoubles(s, od, Kind);
        }
        else
        {
            var data = ToLongs();
            var dims = DimsInternal;
            var s = ReduceLong(data, dims, ax, 0L, (x, y) => unchecked(x + y), out var od);
            r = FromLongs(s, od, Kind == NpKind.Int32 ? NpKind.Int64 : NpKind.Int64);
        }
        return Shaped(r, ax, keepdims);
    }

    /// <summary><c>a.sum(axis=None or k, keepdims=...)</c> when the axis is only known at run time.</summary>
    public object Sum(object? axis, bool keepdims = false) => axis is null ? (keepdims ? Np.Array(Sum()).Reshape(Enumerable.Repeat(1, Ndim).ToArray()) : Sum()) : Sum(Np.ToLong(axis), keepdims);

    private static long[] ReduceLong(long[] data, int[] dims, int axis, long seed, Func<long, long, long> f, out int[] outDims)
    {
        int outer = 1, inner = 1, n = dims[axis];
        for (int a = 0; a < axis; a++) outer *= dims[a];
        for (int a = axis + 1; a < dims.Length; a++) inner *= dims[a];
        var r = new long[outer * inner];
        Array.Fill(r, seed);
        for (int o = 0; o < outer; o++)
            for (int k = 0; k < n; k++)
                for (int i = 0; i < inner; i++)
                    r[o * inner + i] = f(r[o * inner + i], data[(o * n + k) * inner + i]);
        outDims = dims.Where((_, a) => a != axis).ToArray();
        return r;
    }

    private static double[] ReduceDouble(double[] data, int[] dims, int axis, double seed, Func<double, double, double> f, out int[] outDims)
    {
        int outer = 1, inner = 1, n = dims[axis];
        for (int a = 0; a < axis; a++) outer *= dims[a];
        for (int a = axis + 1; a < dims.Length; a++) inner *= dims[a];
        var r = new double[outer * inner];
        Array.Fill(r, seed);
        for (int o = 0; o < outer; o++)
            for (int k = 0; k < n; k++)
                for (int i = 0; i < inner; i++)
                    r[o * inner + i] = f(r[o * inner + i], data[(o * n + k) * inner + i]);
        outDims = dims.Where((_, a) => a != axis).ToArray();
        return r;
    }

    // ---- mean, var, std ----

    /// <summary><c>a.mean()</c></summary>
    public double Mean()
    {
        int n = Size;
        double s = SumAllDouble();
        return n == 0 ? double.NaN : s / n;
    }

    /// <summary><c>a.mean(axis=k)</c></summary>
    public NdArray Mean(long axis, bool keepdims = false)
    {
        int ax = NormalizeAxis(axis);
        int n = DimsInternal[ax];
        var s = SumAxisDouble(ax, out var od);
        for (int i = 0; i < s.Length; i++) s[i] /= n;
        return Shaped(FromDoubles(s, od, Kind == NpKind.Float32 ? NpKind.Float32 : NpKind.Float64), ax, keepdims);
    }

    public object Mean(object? axis, bool keepdims = false) => axis is null ? Mean() : Mean(Np.ToLong(axis), keepdims);

    /// <summary><c>a.var(ddof=...)</c></summary>
    public double Var(double ddof = 0)
    {
        int n = Size;
        double mean = SumAllDouble() / n;
        var x = ToDoubles();
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - mean;
            x[i] = d * d;
        }
        double s = RunSum(x, 0, x.Length, 1);
        return s / Math.Max(n - ddof, 0);
    }

    public double Std(double ddof = 0) => Math.Sqrt(Var(ddof));

    public NdArray Var(long axis, double ddof = 0, bool keepdims = false)
    {
        int ax = NormalizeAxis(axis);
        var dims = DimsInternal;
        int n = dims[ax];
        var mean = SumAxisDouble(ax, out _);
        for (int i = 0; i < mean.Length; i++) mean[i] /= n;
        // x = a - mean (a fresh C-ordered array), x = x * x, then the sum along the axis in numpy's order
        var data = ToDoubles();
        int outer = 1, inner = 1;
        for (int a = 0; a < ax; a++) outer *= dims[a];
        for (int a = ax + 1; a < dims.Length; a++) inner *= dims[a];
        for (int o = 0; o < outer; o++)
            for (int k = 0; k < n; k++)
                for (int i = 0; i < inner; i++)
                {
                    int p = (o * n + k) * inner + i;
                    double d = data[p] - mean[o * inner + i];
                    data[p] = d * d;
                }
        var sq = FromDoubles(data, dims);
        var s = sq.SumAxisDouble(ax, out var od);
        double denom = Math.Max(n - ddof, 0);
        for (int i = 0; i < s.Length; i++) s[i] /= denom;
        return Shaped(FromDoubles(s, od, Kind == NpKind.Float32 ? NpKind.Float32 : NpKind.Float64), ax, keepdims);
    }

    public NdArray Std(long axis, double ddof = 0, bool keepdims = false)
    {
        var v = Var(axis, ddof, keepdims);
        var d = v.ToDoubles();
        for (int i = 0; i < d.Length; i++) d[i] = Math.Sqrt(d[i]);
        return FromDoubles(d, v.DimsInternal, v.Kind);
    }

    public object Var(object? axis, double ddof = 0, bool keepdims = false) => axis is null ? Var(ddof) : Var(Np.ToLong(axis), ddof, keepdims);

    public object Std(object? axis, double ddof = 0, bool keepdims = false) => axis is null ? Std(ddof) : Std(Np.ToLong(axis), ddof, keepdims);

    // ---- min, max, argmin, argmax, ptp, prod, any, all ----

    private void RequireNonEmpty(string op)
    {
        if (Size == 0) throw new ValueError($"zero-size array to reduction operation {op} which has no identity");
    }

    /// <summary><c>a.max()</c> as a Python scalar.</summary>
    public object Max() => Kind switch
    {
        NpKind.Float32 or NpKind.Float64 => (object)MaxF(),
        NpKind.Bool => (object)(MaxI().AsIndex != 0),
        _ => (object)MaxI(),
    };

    public object Min() => Kind switch
    {
        NpKind.Float32 or NpKind.Float64 => (object)MinF(),
        NpKind.Bool => (object)(MinI().AsIndex != 0),
        _ => (object)MinI(),
    };

    public double MaxF()
    {
        RequireNonEmpty("maximum");
        double m = double.NegativeInfinity;
        foreach (var v in ToDoubles())
        {
            if (double.IsNaN(v)) return double.NaN;
            if (v > m) m = v;
        }
        return m;
    }

    public double MinF()
    {
        RequireNonEmpty("minimum");
        double m = double.PositiveInfinity;
        foreach (var v in ToDoubles())
        {
            if (double.IsNaN(v)) return double.NaN;
            if (v < m) m = v;
        }
        return m;
    }

    public PyInt MaxI()
    {
        RequireNonEmpty("maximum");
        if (Kind is NpKind.Float32 or NpKind.Float64) return new PyInt((long)MaxF());
        return new PyInt(ToLongs().Max());
    }

    public PyInt MinI()
    {
        RequireNonEmpty("minimum");
        if (Kind is NpKind.Float32 or NpKind.Float64) return new PyInt((long)MinF());
        return new PyInt(ToLongs().Min());
    }

    public NdArray Max(long axis, bool keepdims = false) => Extreme(axis, keepdims, true);

    public NdArray Min(long axis, bool keepdims = false) => Extreme(axis, keepdims, false);

    public object Max(object? axis, bool keepdims = false) => axis is null ? Max() : Max(Np.ToLong(axis), keepdims);

    public object Min(object? axis, bool keepdims = false) => axis is null ? Min() : Min(Np.ToLong(axis), keepdims);

    private NdArray Extreme(long axis, bool keepdims, bool max)
    {
        int ax = NormalizeAxis(axis);
        var dims = DimsInternal;
        if (dims[ax] == 0) throw new ValueError($"zero-size array to reduction operation {(max ? "maximum" : "minimum")} which has no identity");
        NdArray r;
        if (Kind is NpKind.Float32 or NpKind.Float64)
        {
            var s = ReduceDouble(ToDoubles(), dims, ax, max ? double.NegativeInfinity : double.PositiveInfinity,
                max ? (x, y) => double.IsNaN(x) || double.IsNaN(y) ? double.NaN : Math.Max(x, y) : (x, y) => double.IsNaN(x) || double.IsNaN(y) ? double.NaN : Math.Min(x, y), out var od);
            r = FromDoubles(s, od, Kind);
        }
        else
        {
            var s = ReduceLong(ToLongs(), dims, ax, max ? long.MinValue : long.MaxValue, max ? Math.Max : Math.Min, out var od);
            r = FromLongs(s, od, Kind);
        }
        return Shaped(r, ax, keepdims);
    }

    /// <summary><c>a.argmax()</c>: the flat index of the first maximum (the first NaN, if any).</summary>
    public PyInt ArgMax() => new(ArgExtreme(ToDoubles(), 0, Size, 1, true, "argmax"));

    public PyInt ArgMin() => new(ArgExtreme(ToDoubles(), 0, Size, 1, false, "argmin"));

    private static long ArgExtreme(double[] a, int start, int n, int stride, bool max, string op)
    {
        if (n == 0) throw new ValueError($"attempt to get {op} of an empty sequence");
        int best = 0;
        double bv = a[start];
        if (double.IsNaN(bv)) return 0;
        for (int i = 1; i < n; i++)
        {
            double v = a[start + i * stride];
            if (double.IsNaN(v)) return i;
            if (max ? v > bv : v < bv) { bv = v; best = i; }
        }
        return best;
    }

    public NdArray ArgMax(long axis) => ArgAxis(axis, true);

    public NdArray ArgMin(long axis) => ArgAxis(axis, false);

    public object ArgMax(object? axis) => axis is null ? ArgMax() : ArgMax(Np.ToLong(axis));

    public object ArgMin(object? axis) => axis is null ? ArgMin() : ArgMin(Np.ToLong(axis));

    private NdArray ArgAxis(long axis, bool max)
    {
        int ax = NormalizeAxis(axis);
        var dims = DimsInternal;
        var data = ToDoubles();
        int outer = 1, inner = 1, n = dims[ax];
        for (int a = 0; a < ax; a++) outer *= dims[a];
        for (int a = ax + 1; a < dims.Length; a++) inner *= dims[a];
        var r = new long[outer * inner];
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
                r[o * inner + i] = ArgExtreme(data, o * n * inner + i, n, inner, max, max ? "argmax" : "argmin");
        return FromLongs(r, dims.Where((_, a) => a != ax).ToArray());
    }

    /// <summary><c>a.prod()</c></summary>
    public object Prod()
    {
        if (Kind is NpKind.Float32 or NpKind.Float64)
        {
            double p = 1.0;
            foreach (var v in ToDoubles()) p *= v;
            return p;
        }
        long q = 1;
        foreach (var v in ToLongs()) q = unchecked(q * v);
        return new PyInt(q);
    }

    public NdArray Prod(long axis, bool keepdims = false)
    {
        int ax = NormalizeAxis(axis);
        var dims = DimsInternal;
        NdArray r = Kind is NpKind.Float32 or NpKind.Float64
            ? FromDoubles(ReduceDouble(ToDoubles(), dims, ax, 1.0, (x, y) => x * y, out var od), od, Kind)
            : FromLongs(ReduceLong(ToLongs(), dims, ax, 1L, (x, y) => unchecked(x * y), out var od2), od2);
        return Shaped(r, ax, keepdims);
    }

    public object Prod(object? axis, bool keepdims = false) => axis is null ? Prod() : Prod(Np.ToLong(axis), keepdims);

    /// <summary><c>a.ptp()</c></summary>
    public object Ptp() => Apply(NpBinary.Subtract, Max(), Min());

    public bool Any() => Array.Exists(Truths(), t => t);

    public bool All() => Array.TrueForAll(Truths(), t => t);

    public NdArray Any(long axis, bool keepdims = false) => BoolReduce(axis, keepdims, false);

    public NdArray All(long axis, bool keepdims = false) => BoolReduce(axis, keepdims, true);

    public object Any(object? axis, bool keepdims = false) => axis is null ? Any() : Any(Np.ToLong(axis), keepdims);

    public object All(object? axis, bool keepdims = false) => axis is null ? All() : All(Np.ToLong(axis), keepdims);

    private NdArray BoolReduce(long axis, bool keepdims, bool all)
    {
        int ax = NormalizeAxis(axis);
        var t = Array.ConvertAll(Truths(), b => b ? 1L : 0L);
        var r = ReduceLong(t, DimsInternal, ax, all ? 1L : 0L, all ? (x, y) => x & y : (x, y) => x | y, out var od);
        return Shaped(FromLongs(r, od, NpKind.Bool), ax, keepdims);
    }

    // ---- cumulative ----

    /// <summary><c>a.cumsum(axis=None)</c>: flattened when no axis is given.</summary>
    public NdArray CumSum(object? axis = null) => Cumulative(axis, false);

    public NdArray CumProd(object? axis = null) => Cumulative(axis, true);

    private NdArray Cumulative(object? axis, bool product)
    {
        var src = axis is null ? Ravel() : this;
        int ax = axis is null ? 0 : NormalizeAxis(Np.ToLong(axis));
        var dims = src.DimsInternal;
        int outer = 1, inner = 1, n = dims.Length == 0 ? 1 : dims[ax];
        for (int a = 0; a < ax; a++) outer *= dims[a];
        for (int a = ax + 1; a < dims.Length; a++) inner *= dims[a];
        if (Kind is NpKind.Float32 or NpKind.Float64)
        {
            var d = src.ToDoubles();
            for (int o = 0; o < outer; o++)
                for (int k = 1; k < n; k++)
                    for (int i = 0; i < inner; i++)
                    {
                        int p = (o * n + k) * inner + i;
                        d[p] = product ? d[p - inner] * d[p] : d[p - inner] + d[p];
                    }
            return FromDoubles(d, dims, Kind);
        }
        var l = src.ToLongs();
        for (int o = 0; o < outer; o++)
            for (int k = 1; k < n; k++)
                for (int i = 0; i < inner; i++)
                {
                    int p = (o * n + k) * inner + i;
                    l[p] = product ? unchecked(l[p - inner] * l[p]) : unchecked(l[p - inner] + l[p]);
                }
        return FromLongs(l, dims, Kind == NpKind.Int32 ? NpKind.Int64 : NpKind.Int64);
    }
}

/// <summary>numpy's <c>AxisError</c> (a ValueError and an IndexError).</summary>
public sealed class AxisError(string message) : ValueError(message)
{
    public override string PyModule => "numpy";
}
