using Batuta.Tensors.Operators;

namespace Batuta.Tensors.Primitives;

public static partial class SimdLoops
{
    internal static T AggregateCore<T, TTransform, TAgg>(ref T x, nuint n, int bits)
        where T : unmanaged, INumber<T> where TTransform : IUnaryOperator<T> where TAgg : IAggregationOperator<T>
    {
        if (TTransform.Vectorizable && TAgg.Vectorizable)
        {
            if (bits >= 512 && Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported && n >= (nuint)Vector512<T>.Count)
                return Aggregate512<T, TTransform, TAgg>(ref x, n);
            if (bits >= 256 && Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported && n >= (nuint)Vector256<T>.Count)
            {
                nuint w = (nuint)Vector256<T>.Count;
                var id = Vector256.Create(TAgg.Identity);
                Vector256<T> a0 = id, a1 = id, a2 = id, a3 = id;
                nuint i = 0;
                for (; i + 4 * w <= n; i += 4 * w)
                {
                    a0 = TAgg.Invoke(a0, TTransform.Invoke(Vector256.LoadUnsafe(ref x, i)));
                    a1 = TAgg.Invoke(a1, TTransform.Invoke(Vector256.LoadUnsafe(ref x, i + w)));
                    a2 = TAgg.Invoke(a2, TTransform.Invoke(Vector256.LoadUnsafe(ref x, i + 2 * w)));
                    a3 = TAgg.Invoke(a3, TTransform.Invoke(Vector256.LoadUnsafe(ref x, i + 3 * w)));
                }
                for (; i + w <= n; i += w) a0 = TAgg.Invoke(a0, TTransform.Invoke(Vector256.LoadUnsafe(ref x, i)));
                if (i < n)
                {
                    var v = TTransform.Invoke(Vector256.LoadUnsafe(ref x, n - w));
                    var keep = Vector256.GreaterThanOrEqual(Vector256<T>.Indices, Vector256.Create(T.CreateTruncating(i - (n - w))));
                    a1 = TAgg.Invoke(a1, Vector256.ConditionalSelect(keep, v, id));
                }
                return TAgg.Invoke(TAgg.Invoke(TAgg.Invoke(a0, a1), TAgg.Invoke(a2, a3)));
            }
            if (bits >= 128 && Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported && n >= (nuint)Vector128<T>.Count)
            {
                nuint w = (nuint)Vector128<T>.Count;
                var id = Vector128.Create(TAgg.Identity);
                Vector128<T> a0 = id, a1 = id;
                nuint i = 0;
                for (; i + 2 * w <= n; i += 2 * w)
                {
                    a0 = TAgg.Invoke(a0, TTransform.Invoke(Vector128.LoadUnsafe(ref x, i)));
                    a1 = TAgg.Invoke(a1, TTransform.Invoke(Vector128.LoadUnsafe(ref x, i + w)));
                }
                for (; i + w <= n; i += w) a0 = TAgg.Invoke(a0, TTransform.Invoke(Vector128.LoadUnsafe(ref x, i)));
                if (i < n)
                {
                    var v = TTransform.Invoke(Vector128.LoadUnsafe(ref x, n - w));
                    var keep = Vector128.GreaterThanOrEqual(Vector128<T>.Indices, Vector128.Create(T.CreateTruncating(i - (n - w))));
                    a1 = TAgg.Invoke(a1, Vector128.ConditionalSelect(keep, v, id));
                }
                return TAgg.Invoke(TAgg.Invoke(a0, a1));
            }
        }
        T acc = TAgg.Identity;
        for (nuint i = 0; i < n; i++) acc = TAgg.Invoke(acc, TTransform.Invoke(Unsafe.Add(ref x, i)));
        return acc;
    }

    internal static T AggregateCore<T, TTransform, TAgg>(ref T x, ref T y, nuint n, int bits)
        where T : unmanaged, INumber<T> where TTransform : IBinaryOperator<T> where TAgg : IAggregationOperator<T>
    {
        if (TTransform.Vectorizable && TAgg.Vectorizable)
        {
            if (bits >= 512 && Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported && n >= (nuint)Vector512<T>.Count)
            {
                nuint w = (nuint)Vector512<T>.Count;
                var id = Vector512.Create(TAgg.Identity);
                Vector512<T> a0 = id, a1 = id, a2 = id, a3 = id;
                nuint i = 0;
                for (; i + 4 * w <= n; i += 4 * w)
                {
                    a0 = TAgg.Invoke(a0, TTransform.Invoke(Vector512.LoadUnsafe(ref x, i), Vector512.LoadUnsafe(ref y, i)));
                    a1 = TAgg.Invoke(a1, TTransform.Invoke(Vector512.LoadUnsafe(ref x, i + w), Vector512.LoadUnsafe(ref y, i + w)));
                    a2 = TAgg.Invoke(a2, TTransform.Invoke(Vector512.LoadUnsafe(ref x, i + 2 * w), Vector512.LoadUnsafe(ref y, i + 2 * w)));
                    a3 = TAgg.Invoke(a3, TTransform.Invoke(Vector512.LoadUnsafe(ref x, i + 3 * w), Vector512.LoadUnsafe(ref y, i + 3 * w)));
                }
                for (; i + w <= n; i += w) a0 = TAgg.Invoke(a0, TTransform.Invoke(Vector512.LoadUnsafe(ref x, i), Vector512.LoadUnsafe(ref y, i)));
                if (i < n)
                {
                    var v = TTransform.Invoke(Vector512.LoadUnsafe(ref x, n - w), Vector512.LoadUnsafe(ref y, n - w));
                    var keep = Vector512.GreaterThanOrEqual(Vector512<T>.Indices, Vector512.Create(T.CreateTruncating(i - (n - w))));
                    a1 = TAgg.Invoke(a1, Vector512.ConditionalSelect(keep, v, id));
                }
                return TAgg.Invoke(TAgg.Invoke(TAgg.Invoke(a0, a1), TAgg.Invoke(a2, a3)));
            }
            if (bits >= 256 && Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported && n >= (nuint)Vector256<T>.Count)
            {
                nuint w = (nuint)Vector256<T>.Count;
                var id = Vector256.Create(TAgg.Identity);
                Vector256<T> a0 = id, a1 = id;
                nuint i = 0;
                for (; i + 2 * w <= n; i += 2 * w)
                {
                    a0 = TAgg.Invoke(a0, TTransform.Invoke(Vector256.LoadUnsafe(ref x, i), Vector256.LoadUnsafe(ref y, i)));
                    a1 = TAgg.Invoke(a1, TTransform.Invoke(Vector256.LoadUnsafe(ref x, i + w), Vector256.LoadUnsafe(ref y, i + w)));
                }
                for (; i + w <= n; i += w) a0 = TAgg.Invoke(a0, TTransform.Invoke(Vector256.LoadUnsafe(ref x, i), Vector256.LoadUnsafe(ref y, i)));
                if (i < n)
                {
                    var v = TTransform.Invoke(Vector256.LoadUnsafe(ref x, n - w), Vector256.LoadUnsafe(ref y, n - w));
                    var keep = Vector256.GreaterThanOrEqual(Vector256<T>.Indices, Vector256.Create(T.CreateTruncating(i - (n - w))));
                    a1 = TAgg.Invoke(a1, Vector256.ConditionalSelect(keep, v, id));
                }
                return TAgg.Invoke(TAgg.Invoke(a0, a1));
            }
            if (bits >= 128 && Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported && n >= (nuint)Vector128<T>.Count)
            {
                nuint w = (nuint)Vector128<T>.Count;
                var id = Vector128.Create(TAgg.Identity);
                Vector128<T> a0 = id;
                nuint i = 0;
                for (; i + w <= n; i += w) a0 = TAgg.Invoke(a0, TTransform.Invoke(Vector128.LoadUnsafe(ref x, i), Vector128.LoadUnsafe(ref y, i)));
                if (i < n)
                {
                    var v = TTransform.Invoke(Vector128.LoadUnsafe(ref x, n - w), Vector128.LoadUnsafe(ref y, n - w));
                    var keep = Vector128.GreaterThanOrEqual(Vector128<T>.Indices, Vector128.Create(T.CreateTruncating(i - (n - w))));
                    a0 = TAgg.Invoke(a0, Vector128.ConditionalSelect(keep, v, id));
                }
                return TAgg.Invoke(a0);
            }
        }
        T acc = TAgg.Identity;
        for (nuint i = 0; i < n; i++) acc = TAgg.Invoke(acc, TTransform.Invoke(Unsafe.Add(ref x, i), Unsafe.Add(ref y, i)));
        return acc;
    }

    internal static T DotCore<T>(ref T x, ref T y, nuint n, int bits) where T : unmanaged, INumber<T>
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
            return AggregateCore<T, MultiplyOperator<T>, AddOperator<T>>(ref x, ref y, n, bits);

        if (bits >= 512 && Vector512.IsHardwareAccelerated && n >= (nuint)Vector512<T>.Count)
        {
            if (n * (nuint)Unsafe.SizeOf<T>() >= TwoStreamBytes) return DotTwoStreams512(ref x, ref y, n);
            nuint w = (nuint)Vector512<T>.Count;
            Vector512<T> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
            nuint i = 0;
            for (; i + 8 * w <= n; i += 8 * w)
            {
                a0 = Fma(Vector512.LoadUnsafe(ref x, i), Vector512.LoadUnsafe(ref y, i), a0);
                a1 = Fma(Vector512.LoadUnsafe(ref x, i + w), Vector512.LoadUnsafe(ref y, i + w), a1);
                a2 = Fma(Vector512.LoadUnsafe(ref x, i + 2 * w), Vector512.LoadUnsafe(ref y, i + 2 * w), a2);
                a3 = Fma(Vector512.LoadUnsafe(ref x, i + 3 * w), Vector512.LoadUnsafe(ref y, i + 3 * w), a3);
                a4 = Fma(Vector512.LoadUnsafe(ref x, i + 4 * w), Vector512.LoadUnsafe(ref y, i + 4 * w), a4);
                a5 = Fma(Vector512.LoadUnsafe(ref x, i + 5 * w), Vector512.LoadUnsafe(ref y, i + 5 * w), a5);
                a6 = Fma(Vector512.LoadUnsafe(ref x, i + 6 * w), Vector512.LoadUnsafe(ref y, i + 6 * w), a6);
                a7 = Fma(Vector512.LoadUnsafe(ref x, i + 7 * w), Vector512.LoadUnsafe(ref y, i + 7 * w), a7);
            }
            for (; i + w <= n; i += w) a0 = Fma(Vector512.LoadUnsafe(ref x, i), Vector512.LoadUnsafe(ref y, i), a0);
            if (i < n)
            {
                var keep = Vector512.GreaterThanOrEqual(Vector512<T>.Indices, Vector512.Create(T.CreateTruncating(i - (n - w))));
                var xv = Vector512.ConditionalSelect(keep, Vector512.LoadUnsafe(ref x, n - w), Vector512<T>.Zero);
                a1 = Fma(xv, Vector512.LoadUnsafe(ref y, n - w), a1);
            }
            return Vector512.Sum(((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)));
        }
        if (bits >= 256 && Vector256.IsHardwareAccelerated && n >= (nuint)Vector256<T>.Count)
        {
            nuint w = (nuint)Vector256<T>.Count;
            Vector256<T> a0 = default, a1 = default, a2 = default, a3 = default;
            nuint i = 0;
            for (; i + 4 * w <= n; i += 4 * w)
            {
                a0 = Fma(Vector256.LoadUnsafe(ref x, i), Vector256.LoadUnsafe(ref y, i), a0);
                a1 = Fma(Vector256.LoadUnsafe(ref x, i + w), Vector256.LoadUnsafe(ref y, i + w), a1);
                a2 = Fma(Vector256.LoadUnsafe(ref x, i + 2 * w), Vector256.LoadUnsafe(ref y, i + 2 * w), a2);
                a3 = Fma(Vector256.LoadUnsafe(ref x, i + 3 * w), Vector256.LoadUnsafe(ref y, i + 3 * w), a3);
            }
            for (; i + w <= n; i += w) a0 = Fma(Vector256.LoadUnsafe(ref x, i), Vector256.LoadUnsafe(ref y, i), a0);
            if (i < n)
            {
                var keep = Vector256.GreaterThanOrEqual(Vector256<T>.Indices, Vector256.Create(T.CreateTruncating(i - (n - w))));
                var xv = Vector256.ConditionalSelect(keep, Vector256.LoadUnsafe(ref x, n - w), Vector256<T>.Zero);
                a1 = Fma(xv, Vector256.LoadUnsafe(ref y, n - w), a1);
            }
            return Vector256.Sum((a0 + a1) + (a2 + a3));
        }
        if (bits >= 128 && Vector128.IsHardwareAccelerated && n >= (nuint)Vector128<T>.Count)
        {
            nuint w = (nuint)Vector128<T>.Count;
            Vector128<T> a0 = default, a1 = default;
            nuint i = 0;
            for (; i + 2 * w <= n; i += 2 * w)
            {
                a0 = Fma(Vector128.LoadUnsafe(ref x, i), Vector128.LoadUnsafe(ref y, i), a0);
                a1 = Fma(Vector128.LoadUnsafe(ref x, i + w), Vector128.LoadUnsafe(ref y, i + w), a1);
            }
            for (; i + w <= n; i += w) a0 = Fma(Vector128.LoadUnsafe(ref x, i), Vector128.LoadUnsafe(ref y, i), a0);
            if (i < n)
            {
                var keep = Vector128.GreaterThanOrEqual(Vector128<T>.Indices, Vector128.Create(T.CreateTruncating(i - (n - w))));
                var xv = Vector128.ConditionalSelect(keep, Vector128.LoadUnsafe(ref x, n - w), Vector128<T>.Zero);
                a1 = Fma(xv, Vector128.LoadUnsafe(ref y, n - w), a1);
            }
            return Vector128.Sum(a0 + a1);
        }
        T acc = T.Zero;
        for (nuint i = 0; i < n; i++) acc = ScalarFma(Unsafe.Add(ref x, i), Unsafe.Add(ref y, i), acc);
        return acc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<T> Fma<T>(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        if (typeof(T) == typeof(float)) return Vector512.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector512.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        return a * b + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<T> Fma<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (typeof(T) == typeof(float)) return Vector256.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector256.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        return a * b + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<T> Fma<T>(Vector128<T> a, Vector128<T> b, Vector128<T> c)
    {
        if (typeof(T) == typeof(float)) return Vector128.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector128.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        return a * b + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T ScalarFma<T>(T a, T b, T c) where T : INumber<T>
    {
        if (typeof(T) == typeof(float)) return Unsafe.BitCast<float, T>(MathF.FusedMultiplyAdd(Unsafe.BitCast<T, float>(a), Unsafe.BitCast<T, float>(b), Unsafe.BitCast<T, float>(c)));
        if (typeof(T) == typeof(double)) return Unsafe.BitCast<double, T>(Math.FusedMultiplyAdd(Unsafe.BitCast<T, double>(a), Unsafe.BitCast<T, double>(b), Unsafe.BitCast<T, double>(c)));
        return a * b + c;
    }

    /// <summary>
    /// Arrays past the L2 (2 MiB per core on the test machine) run at the rate one core keeps misses in flight.
    /// Reading the two halves in one loop gives the hardware prefetchers two streams instead of one (sum 10M
    /// on one core: 1.39-1.41 ms against 1.45-1.47 with one stream).
    /// </summary>
    internal const nuint TwoStreamBytes = 2 << 20;

    private static T AggregateTwoStreams512<T, TTransform, TAgg>(ref T x, nuint n)
        where T : unmanaged, INumber<T> where TTransform : IUnaryOperator<T> where TAgg : IAggregationOperator<T>
    {
        nuint w = (nuint)Vector512<T>.Count;
        nuint h = n / 2 / (4 * w) * (4 * w);
        ref T z = ref Unsafe.Add(ref x, h);
        var id = Vector512.Create(TAgg.Identity);
        Vector512<T> a0 = id, a1 = id, a2 = id, a3 = id, a4 = id, a5 = id, a6 = id, a7 = id;
        for (nuint i = 0; i < h; i += 4 * w)
        {
            a0 = TAgg.Invoke(a0, TTransform.Invoke(Vector512.LoadUnsafe(ref x, i)));
            a4 = TAgg.Invoke(a4, TTransform.Invoke(Vector512.LoadUnsafe(ref z, i)));
            a1 = TAgg.Invoke(a1, TTransform.Invoke(Vector512.LoadUnsafe(ref x, i + w)));
            a5 = TAgg.Invoke(a5, TTransform.Invoke(Vector512.LoadUnsafe(ref z, i + w)));
            a2 = TAgg.Invoke(a2, TTransform.Invoke(Vector512.LoadUnsafe(ref x, i + 2 * w)));
            a6 = TAgg.Invoke(a6, TTransform.Invoke(Vector512.LoadUnsafe(ref z, i + 2 * w)));
            a3 = TAgg.Invoke(a3, TTransform.Invoke(Vector512.LoadUnsafe(ref x, i + 3 * w)));
            a7 = TAgg.Invoke(a7, TTransform.Invoke(Vector512.LoadUnsafe(ref z, i + 3 * w)));
        }
        a0 = TAgg.Invoke(TAgg.Invoke(TAgg.Invoke(a0, a1), TAgg.Invoke(a2, a3)), TAgg.Invoke(TAgg.Invoke(a4, a5), TAgg.Invoke(a6, a7)));
        T acc = TAgg.Invoke(a0);
        nuint rest = n - 2 * h;
        return rest == 0 ? acc : TAgg.Invoke(acc, AggregateCore<T, TTransform, TAgg>(ref Unsafe.Add(ref x, 2 * h), rest, 512));
    }

    private static T DotTwoStreams512<T>(ref T x, ref T y, nuint n) where T : unmanaged, INumber<T>
    {
        nuint w = (nuint)Vector512<T>.Count;
        nuint h = n / 2 / (4 * w) * (4 * w);
        ref T xz = ref Unsafe.Add(ref x, h);
        ref T yz = ref Unsafe.Add(ref y, h);
        Vector512<T> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
        for (nuint i = 0; i < h; i += 4 * w)
        {
            a0 = Fma(Vector512.LoadUnsafe(ref x, i), Vector512.LoadUnsafe(ref y, i), a0);
            a4 = Fma(Vector512.LoadUnsafe(ref xz, i), Vector512.LoadUnsafe(ref yz, i), a4);
            a1 = Fma(Vector512.LoadUnsafe(ref x, i + w), Vector512.LoadUnsafe(ref y, i + w), a1);
            a5 = Fma(Vector512.LoadUnsafe(ref xz, i + w), Vector512.LoadUnsafe(ref yz, i + w), a5);
            a2 = Fma(Vector512.LoadUnsafe(ref x, i + 2 * w), Vector512.LoadUnsafe(ref y, i + 2 * w), a2);
            a6 = Fma(Vector512.LoadUnsafe(ref xz, i + 2 * w), Vector512.LoadUnsafe(ref yz, i + 2 * w), a6);
            a3 = Fma(Vector512.LoadUnsafe(ref x, i + 3 * w), Vector512.LoadUnsafe(ref y, i + 3 * w), a3);
            a7 = Fma(Vector512.LoadUnsafe(ref xz, i + 3 * w), Vector512.LoadUnsafe(ref yz, i + 3 * w), a7);
        }
        T acc = Vector512.Sum(((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)));
        nuint rest = n - 2 * h;
        return rest == 0 ? acc : acc + DotCore(ref Unsafe.Add(ref x, 2 * h), ref Unsafe.Add(ref y, 2 * h), rest, 512);
    }

    private static T Aggregate512<T, TTransform, TAgg>(ref T x, nuint n)
        where T : unmanaged, INumber<T> where TTransform : IUnaryOperator<T> where TAgg : IAggregationOperator<T>
    {
        if (n * (nuint)Unsafe.SizeOf<T>() >= TwoStreamBytes) return AggregateTwoStreams512<T, TTransform, TAgg>(ref x, n);
        nuint w = (nuint)Vector512<T>.Count;
        var id = Vector512.Create(TAgg.Identity);
        Vector512<T> a0 = id, a1 = id, a2 = id, a3 = id, a4 = id, a5 = id, a6 = id, a7 = id;
        nuint i = 0;
        for (; i + 8 * w <= n; i += 8 * w)
        {
            a0 = TAgg.Invoke(a0, TTransform.Invoke(Vector512.LoadUnsafe(ref x, i)));
            a1 = TAgg.Invoke(a1, TTransform.Invoke(Vector512.LoadUnsafe(ref x, i + w)));
            a2 = TAgg.Invoke(a2, TTransform.Invoke(Vector512.LoadUnsafe(ref x, i + 2 * w)));
            a3 = TAgg.Invoke(a3, TTransform.Invoke(Vector512.LoadUnsafe(ref x, i + 3 * w)));
            a4 = TAgg.Invoke(a4, TTransform.Invoke(Vector512.LoadUnsafe(ref x, i + 4 * w)));
            a5 = TAgg.Invoke(a5, TTransform.Invoke(Vector512.LoadUnsafe(ref x, i + 5 * w)));
            a6 = TAgg.Invoke(a6, TTransform.Invoke(Vector512.LoadUnsafe(ref x, i + 6 * w)));
            a7 = TAgg.Invoke(a7, TTransform.Invoke(Vector512.LoadUnsafe(ref x, i + 7 * w)));
        }
        for (; i + w <= n; i += w) a0 = TAgg.Invoke(a0, TTransform.Invoke(Vector512.LoadUnsafe(ref x, i)));
        if (i < n)
        {
            // The last vector overlaps lanes already folded: mask those to the identity.
            var v = TTransform.Invoke(Vector512.LoadUnsafe(ref x, n - w));
            var keep = Vector512.GreaterThanOrEqual(Vector512<T>.Indices, Vector512.Create(T.CreateTruncating(i - (n - w))));
            a1 = TAgg.Invoke(a1, Vector512.ConditionalSelect(keep, v, id));
        }
        a0 = TAgg.Invoke(TAgg.Invoke(TAgg.Invoke(a0, a1), TAgg.Invoke(a2, a3)), TAgg.Invoke(TAgg.Invoke(a4, a5), TAgg.Invoke(a6, a7)));
        return TAgg.Invoke(a0);
    
    }
}
