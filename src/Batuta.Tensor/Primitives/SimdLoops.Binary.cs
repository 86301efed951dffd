using Batuta.Tensors.Operators;

namespace Batuta.Tensors.Primitives;

public static partial class SimdLoops
{
    internal static void BinaryCore<T, TOp>(ref T x, ref T y, ref T d, nuint n, int bits)
        where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
    {
        if (TOp.Vectorizable)
        {
            if (bits >= 512 && Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported && n >= (nuint)Vector512<T>.Count)
            {
                nuint w = (nuint)Vector512<T>.Count;
                if (n * (nuint)Unsafe.SizeOf<T>() >= NonTemporalBytes)
                {
                    BinaryNonTemporal512<T, TOp>(ref x, ref y, ref d, n);
                    return;
                }
                var end = TOp.Invoke(Vector512.LoadUnsafe(ref x, n - w), Vector512.LoadUnsafe(ref y, n - w));
                nuint i = 0;
                for (; i + 8 * w <= n; i += 8 * w)
                {
                    var a0 = TOp.Invoke(Vector512.LoadUnsafe(ref x, i), Vector512.LoadUnsafe(ref y, i));
                    var a1 = TOp.Invoke(Vector512.LoadUnsafe(ref x, i + w), Vector512.LoadUnsafe(ref y, i + w));
                    var a2 = TOp.Invoke(Vector512.LoadUnsafe(ref x, i + 2 * w), Vector512.LoadUnsafe(ref y, i + 2 * w));
                    var a3 = TOp.Invoke(Vector512.LoadUnsafe(ref x, i + 3 * w), Vector512.LoadUnsafe(ref y, i + 3 * w));
                    var a4 = TOp.Invoke(Vector512.LoadUnsafe(ref x, i + 4 * w), Vector512.LoadUnsafe(ref y, i + 4 * w));
                    var a5 = TOp.Invoke(Vector512.LoadUnsafe(ref x, i + 5 * w), Vector512.LoadUnsafe(ref y, i + 5 * w));
                    var a6 = TOp.Invoke(Vector512.LoadUnsafe(ref x, i + 6 * w), Vector512.LoadUnsafe(ref y, i + 6 * w));
                    var a7 = TOp.Invoke(Vector512.LoadUnsafe(ref x, i + 7 * w), Vector512.LoadUnsafe(ref y, i + 7 * w));
                    a0.StoreUnsafe(ref d, i);
                    a1.StoreUnsafe(ref d, i + w);
                    a2.StoreUnsafe(ref d, i + 2 * w);
                    a3.StoreUnsafe(ref d, i + 3 * w);
                    a4.StoreUnsafe(ref d, i + 4 * w);
                    a5.StoreUnsafe(ref d, i + 5 * w);
                    a6.StoreUnsafe(ref d, i + 6 * w);
                    a7.StoreUnsafe(ref d, i + 7 * w);
                }
                if (i + 4 * w <= n)
                {
                    var a0 = TOp.Invoke(Vector512.LoadUnsafe(ref x, i), Vector512.LoadUnsafe(ref y, i));
                    var a1 = TOp.Invoke(Vector512.LoadUnsafe(ref x, i + w), Vector512.LoadUnsafe(ref y, i + w));
                    var a2 = TOp.Invoke(Vector512.LoadUnsafe(ref x, i + 2 * w), Vector512.LoadUnsafe(ref y, i + 2 * w));
                    var a3 = TOp.Invoke(Vector512.LoadUnsafe(ref x, i + 3 * w), Vector512.LoadUnsafe(ref y, i + 3 * w));
                    a0.StoreUnsafe(ref d, i);
                    a1.StoreUnsafe(ref d, i + w);
                    a2.StoreUnsafe(ref d, i + 2 * w);
                    a3.StoreUnsafe(ref d, i + 3 * w);
                    i += 4 * w;
                }
                for (; i + w <= n; i += w) TOp.Invoke(Vector512.LoadUnsafe(ref x, i), Vector512.LoadUnsafe(ref y, i)).StoreUnsafe(ref d, i);
                end.StoreUnsafe(ref d, n - w);
                return;
            }
            if (bits >= 256 && Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported && n >= (nuint)Vector256<T>.Count)
            {
                nuint w = (nuint)Vector256<T>.Count;
                var end = TOp.Invoke(Vector256.LoadUnsafe(ref x, n - w), Vector256.LoadUnsafe(ref y, n - w));
                nuint i = 0;
                for (; i + 4 * w <= n; i += 4 * w)
                {
                    var a0 = TOp.Invoke(Vector256.LoadUnsafe(ref x, i), Vector256.LoadUnsafe(ref y, i));
                    var a1 = TOp.Invoke(Vector256.LoadUnsafe(ref x, i + w), Vector256.LoadUnsafe(ref y, i + w));
                    var a2 = TOp.Invoke(Vector256.LoadUnsafe(ref x, i + 2 * w), Vector256.LoadUnsafe(ref y, i + 2 * w));
                    var a3 = TOp.Invoke(Vector256.LoadUnsafe(ref x, i + 3 * w), Vector256.LoadUnsafe(ref y, i + 3 * w));
                    a0.StoreUnsafe(ref d, i);
                    a1.StoreUnsafe(ref d, i + w);
                    a2.StoreUnsafe(ref d, i + 2 * w);
                    a3.StoreUnsafe(ref d, i + 3 * w);
                }
                for (; i + w <= n; i += w) TOp.Invoke(Vector256.LoadUnsafe(ref x, i), Vector256.LoadUnsafe(ref y, i)).StoreUnsafe(ref d, i);
                end.StoreUnsafe(ref d, n - w);
                return;
            }
            if (bits >= 128 && Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported && n >= (nuint)Vector128<T>.Count)
            {
                nuint w = (nuint)Vector128<T>.Count;
                var end = TOp.Invoke(Vector128.LoadUnsafe(ref x, n - w), Vector128.LoadUnsafe(ref y, n - w));
                nuint i = 0;
                for (; i + 2 * w <= n; i += 2 * w)
                {
                    var a0 = TOp.Invoke(Vector128.LoadUnsafe(ref x, i), Vector128.LoadUnsafe(ref y, i));
                    var a1 = TOp.Invoke(Vector128.LoadUnsafe(ref x, i + w), Vector128.LoadUnsafe(ref y, i + w));
                    a0.StoreUnsafe(ref d, i);
                    a1.StoreUnsafe(ref d, i + w);
                }
                for (; i + w <= n; i += w) TOp.Invoke(Vector128.LoadUnsafe(ref x, i), Vector128.LoadUnsafe(ref y, i)).StoreUnsafe(ref d, i);
                end.StoreUnsafe(ref d, n - w);
                return;
            }
        }
        for (nuint i = 0; i < n; i++) Unsafe.Add(ref d, i) = TOp.Invoke(Unsafe.Add(ref x, i), Unsafe.Add(ref y, i));
    }

    /// <summary>
    /// Large outputs bypass the cache with aligned non-temporal stores (no read-for-ownership, no
    /// eviction of the inputs). The first and last vectors are computed before any store, as in the
    /// main loop, so in-place use stays correct.
    /// </summary>
    private static unsafe void BinaryNonTemporal512<T, TOp>(ref T x, ref T y, ref T d, nuint n)
        where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
    {
        nuint w = (nuint)Vector512<T>.Count;
        fixed (T* px = &x, py = &y, pd = &d)
        {
            if (((nuint)pd & (nuint)(sizeof(T) - 1)) != 0)
            {
                // Not even element-aligned (a reinterpreted span): no aligned stores possible.
                for (nuint j = 0; j < n; j++) pd[j] = TOp.Invoke(px[j], py[j]);
                return;
            }
            var beg = TOp.Invoke(Vector512.Load(px), Vector512.Load(py));
            var end = TOp.Invoke(Vector512.Load(px + n - w), Vector512.Load(py + n - w));
            nuint i = ((nuint)pd & 63) == 0 ? 0 : (64 - ((nuint)pd & 63)) / (nuint)sizeof(T);
            for (; i + 4 * w <= n; i += 4 * w)
            {
                var a0 = TOp.Invoke(Vector512.Load(px + i), Vector512.Load(py + i));
                var a1 = TOp.Invoke(Vector512.Load(px + i + w), Vector512.Load(py + i + w));
                var a2 = TOp.Invoke(Vector512.Load(px + i + 2 * w), Vector512.Load(py + i + 2 * w));
                var a3 = TOp.Invoke(Vector512.Load(px + i + 3 * w), Vector512.Load(py + i + 3 * w));
                a0.StoreAlignedNonTemporal(pd + i);
                a1.StoreAlignedNonTemporal(pd + i + w);
                a2.StoreAlignedNonTemporal(pd + i + 2 * w);
                a3.StoreAlignedNonTemporal(pd + i + 3 * w);
            }
            for (; i + w <= n; i += w) TOp.Invoke(Vector512.Load(px + i), Vector512.Load(py + i)).StoreAlignedNonTemporal(pd + i);
            for (; i < n; i++) pd[i] = TOp.Invoke(px[i], py[i]);
            beg.Store(pd);
            end.Store(pd + n - w);
        }
    }

    /// <summary>One operand is a broadcast scalar; <paramref name="scalarFirst"/> keeps operand order for non-commutative ops.</summary>
    internal static void BinaryScalarCore<T, TOp>(ref T x, T s, ref T d, nuint n, int bits, bool scalarFirst)
        where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
    {
        if (scalarFirst)
        {
            BinaryScalarCore<T, Swapped<T, TOp>>(ref x, s, ref d, n, bits, false);
            return;
        }
        if (TOp.Vectorizable)
        {
            if (bits >= 512 && Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported && n >= (nuint)Vector512<T>.Count)
            {
                nuint w = (nuint)Vector512<T>.Count;
                if (n * (nuint)Unsafe.SizeOf<T>() >= NonTemporalBytes)
                {
                    BinaryScalarNonTemporal512<T, TOp>(ref x, s, ref d, n);
                    return;
                }
                var sv = Vector512.Create(s);
                var end = TOp.Invoke(Vector512.LoadUnsafe(ref x, n - w), sv);
                nuint i = 0;
                for (; i + 4 * w <= n; i += 4 * w)
                {
                    var a0 = TOp.Invoke(Vector512.LoadUnsafe(ref x, i), sv);
                    var a1 = TOp.Invoke(Vector512.LoadUnsafe(ref x, i + w), sv);
                    var a2 = TOp.Invoke(Vector512.LoadUnsafe(ref x, i + 2 * w), sv);
                    var a3 = TOp.Invoke(Vector512.LoadUnsafe(ref x, i + 3 * w), sv);
                    a0.StoreUnsafe(ref d, i);
                    a1.StoreUnsafe(ref d, i + w);
                    a2.StoreUnsafe(ref d, i + 2 * w);
                    a3.StoreUnsafe(ref d, i + 3 * w);
                }
                for (; i + w <= n; i += w) TOp.Invoke(Vector512.LoadUnsafe(ref x, i), sv).StoreUnsafe(ref d, i);
                end.StoreUnsafe(ref d, n - w);
                return;
            }
            if (bits >= 256 && Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported && n >= (nuint)Vector256<T>.Count)
            {
                nuint w = (nuint)Vector256<T>.Count;
                var sv = Vector256.Create(s);
                var end = TOp.Invoke(Vector256.LoadUnsafe(ref x, n - w), sv);
                nuint i = 0;
                for (; i + 2 * w <= n; i += 2 * w)
                {
                    var a0 = TOp.Invoke(Vector256.LoadUnsafe(ref x, i), sv);
                    var a1 = TOp.Invoke(Vector256.LoadUnsafe(ref x, i + w), sv);
                    a0.StoreUnsafe(ref d, i);
                    a1.StoreUnsafe(ref d, i + w);
                }
                for (; i + w <= n; i += w) TOp.Invoke(Vector256.LoadUnsafe(ref x, i), sv).StoreUnsafe(ref d, i);
                end.StoreUnsafe(ref d, n - w);
                return;
            }
            if (bits >= 128 && Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported && n >= (nuint)Vector128<T>.Count)
            {
                nuint w = (nuint)Vector128<T>.Count;
                var sv = Vector128.Create(s);
                var end = TOp.Invoke(Vector128.LoadUnsafe(ref x, n - w), sv);
                nuint i = 0;
                for (; i + w <= n; i += w) TOp.Invoke(Vector128.LoadUnsafe(ref x, i), sv).StoreUnsafe(ref d, i);
                end.StoreUnsafe(ref d, n - w);
                return;
            }
        }
        for (nuint i = 0; i < n; i++) Unsafe.Add(ref d, i) = TOp.Invoke(Unsafe.Add(ref x, i), s);
    }

    private static unsafe void BinaryScalarNonTemporal512<T, TOp>(ref T x, T s, ref T d, nuint n)
        where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
    {
        nuint w = (nuint)Vector512<T>.Count;
        var sv = Vector512.Create(s);
        fixed (T* px = &x, pd = &d)
        {
            if (((nuint)pd & (nuint)(sizeof(T) - 1)) != 0)
            {
                for (nuint j = 0; j < n; j++) pd[j] = TOp.Invoke(px[j], s);
                return;
            }
            var beg = TOp.Invoke(Vector512.Load(px), sv);
            var end = TOp.Invoke(Vector512.Load(px + n - w), sv);
            nuint i = ((nuint)pd & 63) == 0 ? 0 : (64 - ((nuint)pd & 63)) / (nuint)sizeof(T);
            for (; i + 4 * w <= n; i += 4 * w)
            {
                var a0 = TOp.Invoke(Vector512.Load(px + i), sv);
                var a1 = TOp.Invoke(Vector512.Load(px + i + w), sv);
                var a2 = TOp.Invoke(Vector512.Load(px + i + 2 * w), sv);
                var a3 = TOp.Invoke(Vector512.Load(px + i + 3 * w), sv);
                a0.StoreAlignedNonTemporal(pd + i);
                a1.StoreAlignedNonTemporal(pd + i + w);
                a2.StoreAlignedNonTemporal(pd + i + 2 * w);
                a3.StoreAlignedNonTemporal(pd + i + 3 * w);
            }
            for (; i + w <= n; i += w) TOp.Invoke(Vector512.Load(px + i), sv).StoreAlignedNonTemporal(pd + i);
            for (; i < n; i++) pd[i] = TOp.Invoke(px[i], s);
            beg.Store(pd);
            end.Store(pd + n - w);
        }
    }

    /// <summary>Strided binary; strides in elements, 0 for a broadcast operand.</summary>
    internal static void BinaryStrided<T, TOp>(ref T x, nint sx, ref T y, nint sy, ref T d, nint sd, nint n)
        where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
    {
        for (nint i = 0; i < n; i++) Unsafe.Add(ref d, i * sd) = TOp.Invoke(Unsafe.Add(ref x, i * sx), Unsafe.Add(ref y, i * sy));
    }

    /// <summary>Adapts <c>op(s, x)</c> to the <c>op(x, s)</c> loop.</summary>
    private readonly struct Swapped<T, TOp> : IBinaryOperator<T> where TOp : IBinaryOperator<T>
    {
        public static bool Vectorizable => TOp.Vectorizable;
        public static T Invoke(T x, T y) => TOp.Invoke(y, x);
        public static Vector128<T> Invoke(Vector128<T> x, Vector128<T> y) => TOp.Invoke(y, x);
        public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => TOp.Invoke(y, x);
        public static Vector512<T> Invoke(Vector512<T> x, Vector512<T> y) => TOp.Invoke(y, x);
    }
}
