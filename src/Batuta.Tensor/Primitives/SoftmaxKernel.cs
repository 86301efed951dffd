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

    /// <summary>d[i] = exp(x[i] - max); returns Σ d[i].</summary>
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
                var e0 = ExpPolynomial.Exp(Vector512.Load(x + i) - m);
                var e1 = ExpPolynomial.Exp(Vector512.Load(x + i + w) - m);
                var e2 = ExpPolynomial.Exp(Vector512.Load(x + i + 2 * w) - m);
                var e3 = ExpPolynomial.Exp(Vector512.Load(x + i + 3 * w) - m);
                e0.Store(d + i);
                e1.Store(d + i + w);
                e2.Store(d + i + 2 * w);
                e3.Store(d + i + 3 * w);
                s0 += e0;
                s1 += e1;
                s2 += e2;
                s3 += e3;
            }
            for (; i + w <= n; i += w)
            {
                var e = ExpPolynomial.Exp(Vector512.Load(x + i) - m);
                e.Store(d + i);
                s0 += e;
            }
            if (i < n)
            {
                // Overlapping last vector: recompute lanes already written (same values), count only the new ones.
                var e = ExpPolynomial.Exp(Vector512.Load(x + n - w) - m);
                var keep = Vector512.GreaterThanOrEqual(Vector512<T>.Indices, Vector512.Create(T.CreateTruncating(i - (n - w))));
                e.Store(d + n - w);
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
                e0.Store(d + i);
                e1.Store(d + i + w);
                s0 += e0;
                s1 += e1;
            }
            for (; i + w <= n; i += w)
            {
                var e = ExpPolynomial.Exp(Vector256.Load(x + i) - m);
                e.Store(d + i);
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
                e.Store(d + i);
                s0 += e;
            }
            sum = Vector128.Sum(s0);
        }
        for (; i < n; i++)
        {
            T e = HorizontalOps.Exp(x[i] - max);
            d[i] = e;
            sum += e;
        }
        return sum;
    }

    /// <summary>Softmax (or log-softmax) of one contiguous row into d (d may equal x).</summary>
    public static void Row<T>(T* x, T* d, int n, bool log, int bits) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n == 0) return;
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
