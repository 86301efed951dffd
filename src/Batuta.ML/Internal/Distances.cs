using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Batuta.ML.Internal;

/// <summary>Small distance kernels shared by neighbours, clustering and metrics.</summary>
internal static class Distances
{
    /// <summary>Σ (a_i - b_i)², vectorised.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SquaredEuclidean(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length, i = 0;
        double s = 0;
        if (Vector256.IsHardwareAccelerated && n >= 4)
        {
            var acc = Vector256<double>.Zero;
            ref double ra = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(a);
            ref double rb = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(b);
            for (; i <= n - 4; i += 4)
            {
                var d = Vector256.LoadUnsafe(ref ra, (nuint)i) - Vector256.LoadUnsafe(ref rb, (nuint)i);
                acc += d * d;
            }
            s = Vector256.Sum(acc);
        }
        for (; i < n; i++)
        {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }
}
