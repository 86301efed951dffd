using Batuta.Tensors.Operators;

namespace Batuta.Tensors.Primitives;

public static partial class SimdLoops
{
    /// <summary>Ternary loop; each input stride is 1 (a span) or 0 (a broadcast scalar).</summary>
    internal static void TernaryCore<T, TOp>(ref T x, nint sx, ref T y, nint sy, ref T z, nint sz, ref T d, nuint n, int bits)
        where T : unmanaged, INumber<T> where TOp : ITernaryOperator<T>
    {
        if (TOp.Vectorizable)
        {
            if (bits >= 512 && Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported && n >= (nuint)Vector512<T>.Count)
            {
                nuint w = (nuint)Vector512<T>.Count;
                var end = TOp.Invoke(L512(ref x, sx, n - w), L512(ref y, sy, n - w), L512(ref z, sz, n - w));
                nuint i = 0;
                for (; i + 2 * w <= n; i += 2 * w)
                {
                    var a0 = TOp.Invoke(L512(ref x, sx, i), L512(ref y, sy, i), L512(ref z, sz, i));
                    var a1 = TOp.Invoke(L512(ref x, sx, i + w), L512(ref y, sy, i + w), L512(ref z, sz, i + w));
                    a0.StoreUnsafe(ref d, i);
                    a1.StoreUnsafe(ref d, i + w);
                }
                for (; i + w <= n; i += w) TOp.Invoke(L512(ref x, sx, i), L512(ref y, sy, i), L512(ref z, sz, i)).StoreUnsafe(ref d, i);
                end.StoreUnsafe(ref d, n - w);
                return;
            }
            if (bits >= 256 && Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported && n >= (nuint)Vector256<T>.Count)
            {
                nuint w = (nuint)Vector256<T>.Count;
                var end = TOp.Invoke(L256(ref x, sx, n - w), L256(ref y, sy, n - w), L256(ref z, sz, n - w));
                for (nuint i = 0; i + w <= n; i += w) TOp.Invoke(L256(ref x, sx, i), L256(ref y, sy, i), L256(ref z, sz, i)).StoreUnsafe(ref d, i);
                end.StoreUnsafe(ref d, n - w);
                return;
            }
            if (bits >= 128 && Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported && n >= (nuint)Vector128<T>.Count)
            {
                nuint w = (nuint)Vector128<T>.Count;
                var end = TOp.Invoke(L128(ref x, sx, n - w), L128(ref y, sy, n - w), L128(ref z, sz, n - w));
                for (nuint i = 0; i + w <= n; i += w) TOp.Invoke(L128(ref x, sx, i), L128(ref y, sy, i), L128(ref z, sz, i)).StoreUnsafe(ref d, i);
                end.StoreUnsafe(ref d, n - w);
                return;
            }
        }
        for (nuint i = 0; i < n; i++)
            Unsafe.Add(ref d, i) = TOp.Invoke(Unsafe.Add(ref x, (nint)i * sx), Unsafe.Add(ref y, (nint)i * sy), Unsafe.Add(ref z, (nint)i * sz));
    }

    /// <summary>Fully strided ternary (strides in elements).</summary>
    internal static void TernaryStrided<T, TOp>(ref T x, nint sx, ref T y, nint sy, ref T z, nint sz, ref T d, nint sd, nint n)
        where T : unmanaged, INumber<T> where TOp : ITernaryOperator<T>
    {
        for (nint i = 0; i < n; i++)
            Unsafe.Add(ref d, i * sd) = TOp.Invoke(Unsafe.Add(ref x, i * sx), Unsafe.Add(ref y, i * sy), Unsafe.Add(ref z, i * sz));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> L512<T>(ref T p, nint stride, nuint i) => stride == 0 ? Vector512.Create(p) : Vector512.LoadUnsafe(ref p, i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> L256<T>(ref T p, nint stride, nuint i) => stride == 0 ? Vector256.Create(p) : Vector256.LoadUnsafe(ref p, i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<T> L128<T>(ref T p, nint stride, nuint i) => stride == 0 ? Vector128.Create(p) : Vector128.LoadUnsafe(ref p, i);
}
