using Batuta.Tensors.Operators;

namespace Batuta.Tensors.Primitives;

/// <summary>
/// Numerically stable softmax over a contiguous row in three passes: max (SIMD fold), then
/// e = exp(x - max) stored and summed in one fused pass (one exp per element), then scale by 1/sum.
/// log-softmax stores (x - max) - log(sum).
/// </summary>
internal static unsafe class SoftmaxKernel
{
    public static T Max<T>(T* x, int n, int bits) where T : unmanaged, IFloatingPointIeee754<T> =>
        SimdLoops.AggregateCore<T, IdentityOperator<T>, MaximumOperator<T>>(ref Unsafe.AsRef<T>(x), (nuint)n, bits);

    /// <summary>d[i] = exp(x[i] - max) (skipped when d is null); returns Σ exp(x[i] - max).</summary>
    public static T ExpShiftSum<T>(T* x, T* d, int n, T max, int bits) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        T sum = T.Zero;
        if (bits >= 512 && Vector512.IsHardwareAccelerated && n >= Vector512<T>.Count)
        {
            int w = Vector512<T>.Count;
            var m = Vector512.Create(max);
            Vector512<T> s0 = default, s1 = default, s2 = default, s3 = default;
            for (; i + 4 * w <= n; i += 4 * w)
            {
                var e0 = ExpPolynomial.ExpNonPositive(Vector512.Load(x + i) - m);
                var e1 = ExpPolynomial.ExpNonPositive(Vector512.Load(x + i + w) - m);
                var e2 = ExpPolynomial.ExpNonPositive(Vector512.Load(x + i + 2 * w) - m);
                var e3 = ExpPolynomial.ExpNonPositive(Vector512.Load(x + i + 3 * w) - m);
                if (d != null)
                {
                    e0.Store(d + i);
                    e1.Store(d + i + w);
                    e2.Store(d + i + 2 * w);
                    e3.Store(d + i + 3 * w);
                }
                s0 += e0;
                s1 += e1;
                s2 += e2;
                s3 += e3;
            }
            for (; i + w <= n; i += w)
            {
                var e = ExpPolynomial.ExpNonPositive(Vector512.Load(x + i) - m);
                if (d != null) e.Store(d + i);
                s0 += e;
            }
            if (i < n)
            {
                // Overlapping last vector: recompute lanes already written (same values), count only the new ones.
                var e = ExpPolynomial.ExpNonPositive(Vector512.Load(x + n - w) - m);
                var keep = Vector512.GreaterThanOrEqual(Vector512<T>.Indices, Vector512.Create(T.CreateTruncating(i - (n - w))));
                if (d != null) e.Store(d + n - w);
                s1 += Vector512.ConditionalSelect(keep, e, Vector512<T>.Zero);
            }
            return Vector512.Sum((s0 + s1) + (s2 + s3));
        }
        if (bits >= 256 && Vector256.IsHardwareAccelerated && n >= Vector256<T>.Count)
        {
            int w = Vector256<T>.Count;
            var m = Vector256.Create(max);
            Vector256<T> s0 = default, s1 = default;
            for (; i + 2 * w <= n; i += 2 * w)
            {
                var e0 = ExpPolynomial.Exp(Vector256.Load(x + i) - m);
                var e1 = ExpPolynomial.Exp(Vector256.Load(x + i + w) - m);
                if (d != null)
                {
                    e0.Store(d + i);
                    e1.Store(d + i + w);
                }
                s0 += e0;
                s1 += e1;
            }
            for (; i + w <= n; i += w)
            {
                var e = ExpPolynomial.Exp(Vector256.Load(x + i) - m);
                if (d != null) e.Store(d + i);
                s0 += e;
            }
            sum = Vector256.Sum(s0 + s1);
        }
        else if (bits >= 128 && Vector128.IsHardwareAccelerated && n >= Vector128<T>.Count)
        {
            int w = Vector128<T>.Count;
            var m = Vector128.Create(max);
            Vector128<T> s0 = default;
            for (; i + w <= n; i += w)
            {
                var e = ExpPolynomial.Exp(Vector128.Load(x + i) - m);
                if (d != null) e.Store(d + i);
                s0 += e;
            }
            sum = Vector128.Sum(s0);
        }
        for (; i < n; i++)
        {
            T e = HorizontalOps.Exp(x[i] - max);
            if (d != null) d[i] = e;
            sum += e;
        }
        return sum;
    }

    /// <summary>Rows at least this large (in bytes) do not stay in L2: they use the two-pass streaming form.</summary>
    public const long StreamingBytes = 1L << 20;

    private const int Chunk = 2048;

    /// <summary>
    /// One streaming pass: the row's max M and Σ exp(x - M), chunk by chunk (each chunk is read twice,
    /// the second time from L1), combining chunks with the online-softmax rescaling. Stable for any
    /// logits, and only one read of the row from memory.
    /// </summary>
    public static (T Max, T Sum) MaxAndSum<T>(T* x, int n, int bits) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T m = T.NegativeInfinity, s = T.Zero;
        for (int start = 0; start < n; start += Chunk)
        {
            int len = Math.Min(Chunk, n - start);
            T cm = Max(x + start, len, bits);
            T cs = ExpShiftSum(x + start, null, len, cm, bits);
            (m, s) = Combine(m, s, cm, cs);
        }
        return (m, s);
    }

    /// <summary>Merges two (max, Σ exp(x - max)) partials.</summary>
    public static (T Max, T Sum) Combine<T>(T m1, T s1, T m2, T s2) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (T.IsNegativeInfinity(m1)) return (m2, s2);
        if (T.IsNegativeInfinity(m2)) return (m1, s1);
        if (m2 > m1) return (m2, s2 + s1 * HorizontalOps.Exp(m1 - m2));
        return (m1, s1 + s2 * HorizontalOps.Exp(m2 - m1));
    }

    /// <summary>d = exp(x - max) · scale, streamed out with non-temporal stores.</summary>
    public static void ExpShiftScale<T>(T* x, T* d, int n, T max, T scale, int bits) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (bits >= 512 && Vector512.IsHardwareAccelerated && n >= 2 * Vector512<T>.Count && ((nint)d & (sizeof(T) - 1)) == 0)
        {
            int w = Vector512<T>.Count;
            var m = Vector512.Create(max);
            var sc = Vector512.Create(scale);
            var beg = ExpPolynomial.ExpNonPositive(Vector512.Load(x) - m) * sc;
            var end = ExpPolynomial.ExpNonPositive(Vector512.Load(x + n - w) - m) * sc;
            i = ((nint)d & 63) == 0 ? 0 : (int)((64 - ((nint)d & 63)) / sizeof(T));
            for (; i + 2 * w <= n; i += 2 * w)
            {
                var e0 = ExpPolynomial.ExpNonPositive(Vector512.Load(x + i) - m) * sc;
                var e1 = ExpPolynomial.ExpNonPositive(Vector512.Load(x + i + w) - m) * sc;
                e0.StoreAlignedNonTemporal(d + i);
                e1.StoreAlignedNonTemporal(d + i + w);
            }
            for (; i + w <= n; i += w) (ExpPolynomial.ExpNonPositive(Vector512.Load(x + i) - m) * sc).StoreAlignedNonTemporal(d + i);
            beg.Store(d);
            end.Store(d + n - w);
            return;
        }
        for (; i < n; i++) d[i] = HorizontalOps.Exp(x[i] - max) * scale;
    }

    /// <summary>Softmax (or log-softmax) of one contiguous row into d (d may equal x).</summary>
    public static void Row<T>(T* x, T* d, int n, bool log, int bits) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n == 0) return;
        if (!log && (long)n * sizeof(T) >= StreamingBytes)
        {
            var (m, s) = MaxAndSum(x, n, bits);
            ExpShiftScale(x, d, n, m, T.One / s, bits);
            return;
        }
        T max = Max(x, n, bits);
        if (!log)
        {
            T sum = ExpShiftSum(x, d, n, max, bits);
            SimdLoops.BinaryScalarCore<T, MultiplyOperator<T>>(ref Unsafe.AsRef<T>(d), T.One / sum, ref Unsafe.AsRef<T>(d), (nuint)n, bits, false);
            return;
        }
        // log-softmax: the exps go to a scratch row so x stays readable when d == x.
        var scratch = Storage.TensorMemoryPool.Rent((long)n * sizeof(T), clear: false);
        try
        {
            T sum = ExpShiftSum(x, (T*)scratch.Address, n, max, bits);
            // (x - max) - log(sum), not x - (max + log(sum)): the latter rounds at the magnitude of max.
            SimdLoops.BinaryScalarCore<T, SubtractOperator<T>>(ref Unsafe.AsRef<T>(x), max, ref Unsafe.AsRef<T>(d), (nuint)n, bits, false);
            SimdLoops.BinaryScalarCore<T, SubtractOperator<T>>(ref Unsafe.AsRef<T>(d), T.Log(sum), ref Unsafe.AsRef<T>(d), (nuint)n, bits, false);
        }
        finally
        {
            scratch.Release();
        }
    }
}
