namespace Batuta.Tensors.Tests.Support;

/// <summary>
/// The scalar reference: plain loops over C-order arrays with numpy's broadcasting written out
/// index by index, independent of the library's iteration engine.
/// </summary>
public static class Ref
{
    public static int[] Broadcast(int[] a, int[] b)
    {
        int r = Math.Max(a.Length, b.Length);
        var o = new int[r];
        for (int i = 0; i < r; i++)
        {
            int da = i - (r - a.Length) >= 0 ? a[i - (r - a.Length)] : 1;
            int db = i - (r - b.Length) >= 0 ? b[i - (r - b.Length)] : 1;
            if (da != db && da != 1 && db != 1) throw new InvalidOperationException("not broadcastable");
            o[i] = da == 1 ? db : da;
        }
        return o;
    }

    public static int Count(int[] shape) => shape.Aggregate(1, (a, d) => a * d);

    /// <summary>Flat index into an input of <paramref name="inShape"/> for output multi-index <paramref name="outIndex"/>.</summary>
    public static int SourceIndex(int[] outIndex, int[] inShape)
    {
        int lead = outIndex.Length - inShape.Length;
        int flat = 0;
        for (int i = 0; i < inShape.Length; i++) flat = flat * inShape[i] + (inShape[i] == 1 ? 0 : outIndex[lead + i]);
        return flat;
    }

    public static int[] Unravel(int flat, int[] shape)
    {
        var idx = new int[shape.Length];
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            idx[d] = flat % shape[d];
            flat /= shape[d];
        }
        return idx;
    }

    public static TOut[] Map<TIn, TOut>(TIn[] a, int[] sa, TIn[] b, int[] sb, int[] outShape, Func<TIn, TIn, TOut> f)
    {
        int n = Count(outShape);
        var o = new TOut[n];
        for (int i = 0; i < n; i++)
        {
            var idx = Unravel(i, outShape);
            o[i] = f(a[SourceIndex(idx, sa)], b[SourceIndex(idx, sb)]);
        }
        return o;
    }

    /// <summary>Reduce along an axis: returns the output array (shape without the axis).</summary>
    public static double[] ReduceAxis(double[] x, int[] shape, int axis, Func<IReadOnlyList<double>, double> f)
    {
        int outer = shape.Take(axis).Aggregate(1, (a, d) => a * d);
        int len = shape[axis];
        int inner = shape.Skip(axis + 1).Aggregate(1, (a, d) => a * d);
        var o = new double[outer * inner];
        var lane = new double[len];
        for (int p = 0; p < outer; p++)
            for (int q = 0; q < inner; q++)
            {
                for (int a = 0; a < len; a++) lane[a] = x[(p * len + a) * inner + q];
                o[p * inner + q] = f(lane);
            }
        return o;
    }

    /// <summary>erf by its Taylor series in 28-digit decimal arithmetic: slow, but independent of the library and exact to double precision for |x| ≤ 6.</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return x;
        if (Math.Abs(x) >= 6) return Math.Sign(x);
        decimal z = (decimal)x, z2 = z * z, term = z, sum = 0;
        for (int n = 0; n < 400; n++)
        {
            decimal t = term / (2 * n + 1);
            sum += t;
            if (Math.Abs(t) < 1e-26m) break;
            term *= -z2 / (n + 1);
        }
        return Math.Clamp((double)(sum * 1.1283791670955125738961589031m), -1, 1);
    }

    /// <summary>The naive triple loop over row-major m × k and k × n values, in double: the matmul reference.</summary>
    public static double[] MatMul(double[] a, double[] b, int m, int n, int k)
    {
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                for (int p = 0; p < k; p++) c[i * n + j] += a[i * k + p] * b[p * n + j];
        return c;
    }

    public static double[] ToDouble<T>(Tensor<T> t) where T : unmanaged, INumber<T> => t.ToArray().Select(v => double.CreateTruncating(v)).ToArray();

    /// <summary>Reads every element through the element indexer, bypassing the library's copy engine.</summary>
    public static T[] ByIndexer<T>(Tensor<T> t) where T : unmanaged, INumber<T>
    {
        var shape = t.Shape.ToArray();
        int n = Count(shape);
        var o = new T[n];
        for (int i = 0; i < n; i++) o[i] = t[Unravel(i, shape)];
        return o;
    }
}
