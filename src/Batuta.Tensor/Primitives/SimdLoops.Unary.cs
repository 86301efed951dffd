using Batuta.Tensors.Operators;

namespace Batuta.Tensors.Primitives;

public static partial class SimdLoops
{
    internal static void UnaryCore<T, TOp>(ref T x, ref T d, nuint n, int bits)
        where T : unmanaged, INumber<T> where TOp : IUnaryOperator<T>
    {
        if (TOp.Vectorizable)
        {
            if (bits >= 512 && Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported && n >= (nuint)Vector512<T>.Count)
            {
                nuint w = (nuint)Vector512<T>.Count;
                if (n * (nuint)Unsafe.SizeOf<T>() >= NonTemporalBytes)
                {
                    UnaryNonTemporal512<T, TOp>(ref x, ref d, n);
                    return;
                }
                var end = TOp.Invoke(Vector512.LoadUnsafe(ref x, n - w));
                nuint i = 0;
                for (; i + 4 * w <= n; i += 4 * w)
                {
                    var a0 = TOp.Invoke(Vector512.LoadUnsafe(ref x, i));
                    var a1 = TOp.Invoke(Vector512.LoadUnsafe(ref x, i + w));
                    var a2 = TOp.Invoke(Vector512.LoadUnsafe(ref x, i + 2 * w));
                    var a3 = TOp.Invoke(Vector512.LoadUnsafe(ref x, i + 3 * w));
                    a0.StoreUnsafe(ref d, i);
                    a1.StoreUnsafe(ref d, i + w);
                    a2.StoreUnsafe(ref d, i + 2 * w);
                    a3.StoreUnsafe(ref d, i + 3 * w);
                }
                for (; i + w <= n; i += w) TOp.Invoke(Vector512.LoadUnsafe(ref x, i)).StoreUnsafe(ref d, i);
                end.StoreUnsafe(ref d, n - w);
                return;
            }
            if (bits >= 256 && Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported && n >= (nuint)Vector256<T>.Count)
            {
                nuint w = (nuint)Vector256<T>.Count;
                var end = TOp.Invoke(Vector256.LoadUnsafe(ref x, n - w));
                nuint i = 0;
                for (; i + 4 * w <= n; i += 4 * w)
                {
                    var a0 = TOp.Invoke(Vector256.LoadUnsafe(ref x, i));
                    var a1 = TOp.Invoke(Vector256.LoadUnsafe(ref x, i + w));
                    var a2 = TOp.Invoke(Vector256.LoadUnsafe(ref x, i + 2 * w));
                    var a3 = TOp.Invoke(Vector256.LoadUnsafe(ref x, i + 3 * w));
                    a0.StoreUnsafe(ref d, i);
                    a1.StoreUnsafe(ref d, i + w);
                    a2.StoreUnsafe(ref d, i + 2 * w);
                    a3.StoreUnsafe(ref d, i + 3 * w);
                }
                for (; i + w <= n; i += w) TOp.Invoke(Vector256.LoadUnsafe(ref x, i)).StoreUnsafe(ref d, i);
                end.StoreUnsafe(ref d, n - w);
                return;
            }
            if (bits >= 128 && Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported && n >= (nuint)Vector128<T>.Count)
            {
                nuint w = (nuint)Vector128<T>.Count;
                var end = TOp.Invoke(Vector128.LoadUnsafe(ref x, n - w));
                nuint i = 0;
                for (; i + 2 * w <= n; i += 2 * w)
                {
                    var a0 = TOp.Invoke(Vector128.LoadUnsafe(ref x, i));
                    var a1 = TOp.Invoke(Vector128.LoadUnsafe(ref x, i + w));
                    a0.StoreUnsafe(ref d, i);
                    a1.StoreUnsafe(ref d, i + w);
                }
                for (; i + w <= n; i += w) TOp.Invoke(Vector128.LoadUnsafe(ref x, i)).StoreUnsafe(ref d, i);
                end.StoreUnsafe(ref d, n - w);
                return;
            }
        }
        for (nuint i = 0; i < n; i++) Unsafe.Add(ref d, i) = TOp.Invoke(Unsafe.Add(ref x, i));
    }

    /// <summary>Large outputs: aligned non-temporal stores (see <see cref="NonTemporalBytes"/>).</summary>
    private static unsafe void UnaryNonTemporal512<T, TOp>(ref T x, ref T d, nuint n)
        where T : unmanaged, INumber<T> where TOp : IUnaryOperator<T>
    {
        nuint w = (nuint)Vector512<T>.Count;
        fixed (T* px = &x, pd = &d)
        {
            if (((nuint)pd & (nuint)(sizeof(T) - 1)) != 0)
            {
                for (nuint j = 0; j < n; j++) pd[j] = TOp.Invoke(px[j]);
                return;
            }
            var beg = TOp.Invoke(Vector512.Load(px));
            var end = TOp.Invoke(Vector512.Load(px + n - w));
            nuint i = ((nuint)pd & 63) == 0 ? 0 : (64 - ((nuint)pd & 63)) / (nuint)sizeof(T);
            for (; i + 4 * w <= n; i += 4 * w)
            {
                var a0 = TOp.Invoke(Vector512.Load(px + i));
                var a1 = TOp.Invoke(Vector512.Load(px + i + w));
                var a2 = TOp.Invoke(Vector512.Load(px + i + 2 * w));
                var a3 = TOp.Invoke(Vector512.Load(px + i + 3 * w));
                a0.StoreAlignedNonTemporal(pd + i);
                a1.StoreAlignedNonTemporal(pd + i + w);
                a2.StoreAlignedNonTemporal(pd + i + 2 * w);
                a3.StoreAlignedNonTemporal(pd + i + 3 * w);
            }
            for (; i + w <= n; i += w) TOp.Invoke(Vector512.Load(px + i)).StoreAlignedNonTemporal(pd + i);
            for (; i < n; i++) pd[i] = TOp.Invoke(px[i]);
            beg.Store(pd);
            end.Store(pd + n - w);
        }
    }

    /// <summary>Strided unary (views that are not unit-stride in the innermost axis). Strides in elements.</summary>
    internal static void UnaryStrided<T, TOp>(ref T x, nint sx, ref T d, nint sd, nint n)
        where T : unmanaged, INumber<T> where TOp : IUnaryOperator<T>
    {
        for (nint i = 0; i < n; i++) Unsafe.Add(ref d, i * sd) = TOp.Invoke(Unsafe.Add(ref x, i * sx));
    }
}
