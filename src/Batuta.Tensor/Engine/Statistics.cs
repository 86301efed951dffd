namespace Batuta.Tensors.Engine;

/// <summary>Row kernels for the statistics reductions.</summary>
internal static unsafe class Statistics
{
    /// <summary>Σ (x - mean)² over a contiguous row, mean computed first (two-pass, numerically stable).</summary>
    public static T SumSquaredDeviations<T>(T* x, int n, int bits) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n == 0) return T.NaN;
        T mean = Primitives.SimdLoops.AggregateCore<T, Operators.IdentityOperator<T>, Operators.AddOperator<T>>(ref Unsafe.AsRef<T>(x), (nuint)n, bits) / T.CreateTruncating(n);
        int i = 0;
        T acc = T.Zero;
        if (bits >= 512 && Vector512.IsHardwareAccelerated && n >= Vector512<T>.Count) acc = SumSquaredDeviations512(x, n, mean, out i);
        else if (bits >= 256 && Vector256.IsHardwareAccelerated && n >= Vector256<T>.Count) acc = SumSquaredDeviations256(x, n, mean, out i);
        for (; i < n; i++)
        {
            T d = x[i] - mean;
            acc += d * d;
        }
        return acc;
    }

    /// <summary>The Vector512 body from element 0, two accumulators; <paramref name="done"/> is where the scalar tail starts.</summary>
    private static T SumSquaredDeviations512<T>(T* x, int n, T mean, out int done) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        var m = Vector512.Create(mean);
        Vector512<T> a0 = default, a1 = default;
        int w = Vector512<T>.Count;
        for (; i + 2 * w <= n; i += 2 * w)
        {
            var d0 = Vector512.Load(x + i) - m;
            var d1 = Vector512.Load(x + i + w) - m;
            a0 = Primitives.SimdLoops.Fma(d0, d0, a0);
            a1 = Primitives.SimdLoops.Fma(d1, d1, a1);
        }
        done = i;
        return Vector512.Sum(a0 + a1);
    }

    /// <summary>The Vector256 body from element 0; <paramref name="done"/> is where the scalar tail starts.</summary>
    private static T SumSquaredDeviations256<T>(T* x, int n, T mean, out int done) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        var m = Vector256.Create(mean);
        Vector256<T> a0 = default;
        int w = Vector256<T>.Count;
        for (; i + w <= n; i += w)
        {
            var d0 = Vector256.Load(x + i) - m;
            a0 = Primitives.SimdLoops.Fma(d0, d0, a0);
        }
        done = i;
        return Vector256.Sum(a0);
    }

    /// <summary>First index of the max (or min) of n values spaced by stride; the first NaN wins.</summary>
    public static long ArgExtreme<T>(T* p, int stride, int n, bool max) where T : unmanaged, INumber<T>
    {
        long best = 0;
        T bv = p[0];
        if (T.IsNaN(bv)) return 0;
        for (int i = 1; i < n; i++)
        {
            T v = p[(long)i * stride];
            if (T.IsNaN(v)) return i;
            if (max ? v > bv : v < bv)
            {
                bv = v;
                best = i;
            }
        }
        return best;
    }
}
