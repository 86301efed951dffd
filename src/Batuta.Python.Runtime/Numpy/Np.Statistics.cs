namespace Batuta.Python.Runtime.Numpy;

/// <summary>Module-level reductions and statistics (<c>np.mean(a)</c>, <c>np.median</c>, <c>np.percentile</c>, ...).</summary>
public static partial class Np
{
    public static object Sum(object? a, object? axis = null, bool keepdims = false) => AsArray(a).Sum(axis, keepdims);
    public static object Mean(object? a, object? axis = null, bool keepdims = false) => AsArray(a).Mean(axis, keepdims);
    public static object Std(object? a, object? axis = null, double ddof = 0, bool keepdims = false) => AsArray(a).Std(axis, ddof, keepdims);
    public static object Var(object? a, object? axis = null, double ddof = 0, bool keepdims = false) => AsArray(a).Var(axis, ddof, keepdims);
    public static object Max(object? a, object? axis = null, bool keepdims = false) => AsArray(a).Max(axis, keepdims);
    public static object Min(object? a, object? axis = null, bool keepdims = false) => AsArray(a).Min(axis, keepdims);
    public static object ArgMax(object? a, object? axis = null) => AsArray(a).ArgMax(axis);
    public static object ArgMin(object? a, object? axis = null) => AsArray(a).ArgMin(axis);
    public static object Prod(object? a, object? axis = null, bool keepdims = false) => AsArray(a).Prod(axis, keepdims);
    public static object Any(object? a, object? axis = null) => AsArray(a).Any(axis);
    public static object All(object? a, object? axis = null) => AsArray(a).All(axis);
    public static NdArray CumSum(object? a, object? axis = null) => AsArray(a).CumSum(axis);
    public static NdArray CumProd(object? a, object? axis = null) => AsArray(a).CumProd(axis);
    public static object Ptp(object? a) => AsArray(a).Ptp();

    /// <summary><c>np.count_nonzero(a)</c></summary>
    public static PyInt CountNonzero(object? a) => new(AsArray(a).Truths().Count(t => t));

    public static NdArray CountNonzero(object? a, long axis) => AsArray(a).AsType(NpDType.Bool).Sum(axis);

    /// <summary><c>np.median(a)</c>: the middle value, or the mean of the two middle values (NaN if any value is NaN).</summary>
    public static double Median(object? a)
    {
        var d = AsArray(a).ToDoubles();
        if (d.Length == 0) return double.NaN;
        if (d.Any(double.IsNaN)) return double.NaN;
        System.Array.Sort(d);
        int n = d.Length;
        if (n % 2 == 1) return d[n / 2];
        return (d[n / 2 - 1] + d[n / 2]) / 2.0;
    }

    public static NdArray Median(object? a, long axis) => AlongAxis(AsArray(a), axis, v => Median(NdArray.FromDoubles(v, [v.Length])));

    /// <summary><c>np.percentile(a, q)</c> with numpy's default 'linear' method.</summary>
    public static object Percentile(object? a, object? q, object? axis = null) => QuantileCore(a, q, axis, 100.0);

    /// <summary><c>np.quantile(a, q)</c></summary>
    public static object Quantile(object? a, object? q, object? axis = null) => QuantileCore(a, q, axis, 1.0);

    private static object QuantileCore(object? a, object? q, object? axis, double scale)
    {
        var arr = AsArray(a);
        bool scalarQ = q is not (NdArray or System.Collections.IEnumerable) || q is string;
        var qs = AsArray(q).ToDoubles();
        for (int i = 0; i < qs.Length; i++)
        {
            qs[i] = FloatExact.AreEqual(scale, 1.0) ? qs[i] : qs[i] / scale;
            if (!(qs[i] >= 0 && qs[i] <= 1)) throw new ValueError(FloatExact.AreEqual(scale, 1.0) ? "Quantiles must be in the range [0, 1]" : "Percentiles must be in the range [0, 100]");
        }
        if (axis is null)
        {
            var r = qs.Select(x => Lerp(arr.ToDoubles(), x)).ToArray();
            return scalarQ ? r[0] : NdArray.FromDoubles(r, AsArray(q).Dims);
        }
        if (scalarQ) return AlongAxis(arr, ToLong(axis), v => Lerp(v, qs[0]));
        // one reduced array per q, stacked in front: shape q.shape + the reduced shape, as numpy
        var parts = qs.Select(x => AlongAxis(arr, ToLong(axis), v => Lerp(v, x))).ToList();
        var qDims = AsArray(q).Dims;
        var flat = parts.SelectMany(p => p.ToDoubles()).ToArray();
        return NdArray.FromDoubles(flat, qDims.Concat(parts[0].Dims).ToArray());
    }

    private static double Lerp(double[] data, double q)
    {
        var d = (double[])data.Clone();
        System.Array.Sort(d, (x, y) => double.IsNaN(x) ? (double.IsNaN(y) ? 0 : 1) : double.IsNaN(y) ? -1 : x.CompareTo(y));
        int n = d.Length;
        if (n == 0) return double.NaN;
        if (double.IsNaN(d[^1])) return double.NaN;
        double vi = (n - 1) * q;
        double prevD = Math.Floor(vi);
        int prev = (int)prevD, next = prev + 1;
        if (vi >= n - 1) { prev = n - 1; next = n - 1; }
        if (vi < 0) { prev = 0; next = 0; }
        double gamma = vi - prevD;
        double lo = d[prev], hi = d[next];
        double diff = hi - lo;
        double r = lo + diff * gamma;
        if (gamma >= 0.5) r = hi - diff * (1 - gamma);
        return r;
    }

    private static NdArray AlongAxis(NdArray a, long axis, Func<double[], double> f)
    {
        int ax = a.NormalizeAxis(axis);
        var dims = a.Dims;
        var data = a.ToDoubles();
        int outer = 1, inner = 1, n = dims[ax];
        for (int d = 0; d < ax; d++) outer *= dims[d];
        for (int d = ax + 1; d < dims.Length; d++) inner *= dims[d];
        var r = new double[outer * inner];
        var run = new double[n];
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                for (int k = 0; k < n; k++) run[k] = data[(o * n + k) * inner + i];
                r[o * inner + i] = f(run);
            }
        return NdArray.FromDoubles(r, dims.Where((_, d) => d != ax).ToArray());
    }

    /// <summary><c>np.average(a, weights=None)</c></summary>
    public static double Average(object? a, object? weights = null)
    {
        var arr = AsArray(a);
        if (weights is null) return arr.Mean();
        var w = AsArray(weights);
        if (w.Size != arr.Size) throw new ValueError("Axis must be specified when shapes of a and weights differ.");
        var prod = NdArray.Binary(NpBinary.Multiply, arr.AsType(NpDType.Float64), w.AsType(NpDType.Float64));
        double scl = w.AsType(NpDType.Float64).SumF();
        if (scl == 0) throw new ZeroDivisionError("Weights sum to zero, can't be normalized");
        return prod.SumF() / scl;
    }

    /// <summary><c>np.cov(m, rowvar=True, ddof=None)</c>: rows are variables.</summary>
    public static object Cov(object? m, object? y = null, bool rowvar = true, object? ddof = null)
    {
        var x = AsArray(m).AsType(NpDType.Float64);
        if (x.Ndim == 1) x = x.Reshape(1, x.Size);
        if (!rowvar && x.Dims[0] != 1) x = x.T;
        if (y is not null)
        {
            var yy = AsArray(y).AsType(NpDType.Float64);
            if (yy.Ndim == 1) yy = yy.Reshape(1, yy.Size);
            if (!rowvar && yy.Dims[0] != 1) yy = yy.T;
            x = VStack(new PyList<NdArray> { x, yy });
        }
        int n = x.Dims[1];
        double dd = ddof is null ? 1 : ToDouble(ddof);
        var avg = x.Mean(1);
        var xc = NdArray.Binary(NpBinary.Subtract, x, avg.Reshape(avg.Size, 1));
        var c = MatMul(xc, xc.T);
        var r = NdArray.Binary(NpBinary.TrueDivide, (NdArray)c, Scalar(n - dd), false, true);
        return r.Size == 1 ? r.Item().OrThrow() : r;
    }

    /// <summary><c>np.corrcoef(x, y=None, rowvar=True)</c></summary>
    public static object Corrcoef(object? x, object? y = null, bool rowvar = true)
    {
        var c = Cov(x, y, rowvar);
        if (c is not NdArray cm) return 1.0;
        var d = cm.ToDoubles();
        int k = cm.Dims[0];
        var sd = new double[k];
        for (int i = 0; i < k; i++) sd[i] = Math.Sqrt(d[i * k + i]);
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
            {
                double v = d[i * k + j] / sd[i] / sd[j];
                d[i * k + j] = Math.Clamp(v, -1, 1);
            }
        return NdArray.FromDoubles(d, [k, k]);
    }

    /// <summary><c>np.bincount(x, minlength=0)</c></summary>
    public static NdArray Bincount(object? x, object? weights = null, long minlength = 0)
    {
        var v = AsArray(x).ToLongs();
        if (v.Any(i => i < 0)) throw new ValueError("'list' argument must have no negative elements");
        long len = Math.Max(v.Length == 0 ? 0 : v.Max() + 1, minlength);
        if (weights is null)
        {
            var c = new long[len];
            foreach (var i in v) c[i]++;
            return NdArray.FromLongs(c, [(int)len]);
        }
        var w = AsArray(weights).ToDoubles();
        var s = new double[len];
        for (int i = 0; i < v.Length; i++) s[v[i]] += w[i];
        return NdArray.FromDoubles(s, [(int)len]);
    }

    /// <summary><c>np.histogram(a, bins=10, range=None)</c> with equal-width bins: (counts, edges).</summary>
    public static (NdArray, NdArray) Histogram(object? a, object? bins = null, object? range = null)
    {
        var d = AsArray(a).ToDoubles();
        if (bins is NdArray or System.Collections.IList)
        {
            var edges = AsArray(bins).ToDoubles();
            var counts = new long[edges.Length - 1];
            foreach (var v in d)
            {
                if (v < edges[0] || v > edges[^1]) continue;
                int k = System.Array.BinarySearch(edges, v);
                int bin = k >= 0 ? Math.Min(k, counts.Length - 1) : ~k - 1;
                counts[bin]++;
            }
            return (NdArray.FromLongs(counts, [counts.Length]), NdArray.FromDoubles(edges, [edges.Length]));
        }
        int nb = bins is null ? 10 : (int)ToLong(bins);
        double lo, hi;
        if (range is not null)
        {
            var r = Sequence(range);
            lo = r[0].ToDoubles()[0];
            hi = r[1].ToDoubles()[0];
        }
        else if (d.Length == 0) { lo = 0; hi = 1; }
        else { lo = d.Min(); hi = d.Max(); }
        if (FloatExact.AreEqual(lo, hi)) { lo -= 0.5; hi += 0.5; }
        var e = Linspace(lo, hi, nb + 1).ToDoubles();
        var c = new long[nb];
        double norm = nb / (hi - lo);
        foreach (var v in d)
        {
            if (v < lo || v > hi || double.IsNaN(v)) continue;
            int k = (int)((v - lo) * norm);
            if (k == nb) k--;
            // numpy corrects the computed bin against the edges
            if (v < e[k]) k--;
            else if (k + 1 < e.Length && v >= e[k + 1] && k + 1 < nb) k++;
            c[k]++;
        }
        return (NdArray.FromLongs(c, [nb]), NdArray.FromDoubles(e, [e.Length]));
    }

    // ---- comparisons of whole arrays ----

    /// <summary><c>np.isclose(a, b, rtol=1e-05, atol=1e-08)</c></summary>
    public static NdArray IsClose(object? a, object? b, double rtol = 1e-05, double atol = 1e-08, bool equalNan = false)
    {
        var x = AsArray(a);
        var y = AsArray(b);
        var shape = NdArray.BroadcastShape(x.Dims, y.Dims, $"operands could not be broadcast together with shapes {NdArray.ShapeText(x.Dims)} {NdArray.ShapeText(y.Dims)} ");
        var xd = x.BroadcastTo(shape).ToDoubles();
        var yd = y.BroadcastTo(shape).ToDoubles();
        var r = new bool[xd.Length];
        for (int i = 0; i < r.Length; i++)
        {
            double p = xd[i], q = yd[i];
            if (double.IsNaN(p) || double.IsNaN(q)) r[i] = equalNan && double.IsNaN(p) && double.IsNaN(q);
            else if (double.IsInfinity(p) || double.IsInfinity(q)) r[i] = FloatExact.AreEqual(p, q);
            else r[i] = Math.Abs(p - q) <= atol + rtol * Math.Abs(q);
        }
        return NdArray.FromBools(r, shape);
    }

    public static bool AllClose(object? a, object? b, double rtol = 1e-05, double atol = 1e-08, bool equalNan = false) => IsClose(a, b, rtol, atol, equalNan).All();

    /// <summary><c>np.array_equal(a, b)</c></summary>
    public static bool ArrayEqual(object? a, object? b)
    {
        var x = AsArray(a);
        var y = AsArray(b);
        if (!x.Dims.AsSpan().SequenceEqual(y.Dims)) return false;
        return NdArray.Binary(NpBinary.Equal, x, y).All();
    }

    // ---- NaN-ignoring reductions: numpy's nanfunctions (NaN replaced by 0 in a copy, then the ordinary
    // reductions, so sums keep numpy's pairwise order) ----

    private static (NdArray Arr, bool[] Mask, int Count) ReplaceNaN(object? a)
    {
        var x = AsArray(a);
        var d = x.ToDoubles();
        var mask = new bool[d.Length];
        int count = 0;
        for (int i = 0; i < d.Length; i++)
        {
            if (double.IsNaN(d[i])) { d[i] = 0; mask[i] = true; }
            else count++;
        }
        return (NdArray.FromDoubles(d, x.Dims, x.Kind == NpKind.Float32 ? NpKind.Float32 : NpKind.Float64), mask, count);
    }

    /// <summary>The number of non-NaN values along an axis, kept as a length-1 axis.</summary>
    private static NdArray CountAlong(bool[] mask, int[] dims, int axis)
    {
        var notNaN = new double[mask.Length];
        for (int i = 0; i < mask.Length; i++) notNaN[i] = mask[i] ? 0 : 1;
        return NdArray.FromDoubles(notNaN, dims).Sum(axis, keepdims: true);
    }

    private static NdArray Squeezed(NdArray r, int[] dims, int axis, bool keepdims) =>
        keepdims ? r : r.Reshape(dims.Where((_, d) => d != axis).ToArray());

    public static double NanSum(object? a) => ReplaceNaN(a).Arr.SumF();

    public static NdArray NanSum(object? a, long axis, bool keepdims = false) => ReplaceNaN(a).Arr.Sum(axis, keepdims);

    public static double NanMean(object? a)
    {
        var (arr, _, count) = ReplaceNaN(a);
        return arr.SumF() / count;
    }

    public static NdArray NanMean(object? a, long axis, bool keepdims = false)
    {
        var (arr, mask, _) = ReplaceNaN(a);
        int ax = arr.NormalizeAxis(axis);
        var tot = arr.Sum(ax, keepdims: true);
        var cnt = CountAlong(mask, arr.Dims, ax);
        return Squeezed(NdArray.Binary(NpBinary.TrueDivide, tot, cnt), arr.Dims, ax, keepdims);
    }

    public static double NanVar(object? a, double ddof = 0)
    {
        var (arr, mask, count) = ReplaceNaN(a);
        double avg = arr.SumF() / count;
        var d = arr.ToDoubles();
        for (int i = 0; i < d.Length; i++) d[i] = mask[i] ? 0 : (d[i] - avg) * (d[i] - avg);
        double dof = count - ddof;
        return NdArray.FromDoubles(d, arr.Dims).SumF() / dof;
    }

    public static NdArray NanVar(object? a, long axis, double ddof = 0, bool keepdims = false)
    {
        var (arr, mask, _) = ReplaceNaN(a);
        int ax = arr.NormalizeAxis(axis);
        var cnt = CountAlong(mask, arr.Dims, ax);
        var avg = NdArray.Binary(NpBinary.TrueDivide, arr.Sum(ax, keepdims: true), cnt);
        var dev = NdArray.Binary(NpBinary.Subtract, arr, avg).ToDoubles();
        for (int i = 0; i < dev.Length; i++) dev[i] = mask[i] ? 0 : dev[i] * dev[i];
        var sq = NdArray.FromDoubles(dev, arr.Dims).Sum(ax, keepdims: true);
        var dof = NdArray.Binary(NpBinary.Subtract, cnt, NdArray.FromDoubles([ddof], []));
        return Squeezed(NdArray.Binary(NpBinary.TrueDivide, sq, dof), arr.Dims, ax, keepdims);
    }

    public static double NanStd(object? a, double ddof = 0) => Math.Sqrt(NanVar(a, ddof));

    public static NdArray NanStd(object? a, long axis, double ddof = 0, bool keepdims = false) => Sqrt(NanVar(a, axis, ddof, keepdims));

    private static double NanExtreme(double[] v, bool max)
    {
        double best = double.NaN;
        foreach (var x in v)
            if (!double.IsNaN(x) && (double.IsNaN(best) || (max ? x > best : x < best))) best = x;
        return best;
    }

    public static double NanMax(object? a) => NanExtreme(AsArray(a).ToDoubles(), true);

    public static double NanMin(object? a) => NanExtreme(AsArray(a).ToDoubles(), false);

    public static NdArray NanMax(object? a, long axis, bool keepdims = false) => KeepAxis(AlongAxis(AsArray(a), axis, v => NanExtreme(v, true)), AsArray(a), axis, keepdims);

    public static NdArray NanMin(object? a, long axis, bool keepdims = false) => KeepAxis(AlongAxis(AsArray(a), axis, v => NanExtreme(v, false)), AsArray(a), axis, keepdims);

    private static double[] NotNaN(double[] v) => v.Where(x => !double.IsNaN(x)).ToArray();

    public static double NanMedian(object? a)
    {
        var v = NotNaN(AsArray(a).ToDoubles());
        if (v.Length == 0) return double.NaN;
        return Median(NdArray.FromDoubles(v, [v.Length]));
    }

    public static NdArray NanMedian(object? a, long axis, bool keepdims = false) =>
        KeepAxis(AlongAxis(AsArray(a), axis, lane => NanMedian(NdArray.FromDoubles(lane, [lane.Length]))), AsArray(a), axis, keepdims);

    private static NdArray KeepAxis(NdArray r, NdArray a, long axis, bool keepdims)
    {
        if (!keepdims) return r;
        var dims = a.Dims;
        dims[a.NormalizeAxis(axis)] = 1;
        return r.Reshape(dims);
    }
}
