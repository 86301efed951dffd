using System.Numerics;
using Batuta.Tensors;

namespace Batuta.Generators.Tests.Kernels.Runtime;

/// <summary>Element-wise comparisons with a message that names the path, the length and the first differing element.</summary>
public static class Compare
{
    /// <summary>Bit-for-bit (NaN equals NaN): pure arithmetic must not change by vectorising it.</summary>
    public static void Exact<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            if (!EqualityComparer<T>.Default.Equals(expected[i], actual[i]))
                Assert.Fail($"{what}: element {i} of {expected.Length} is {actual[i]}, the scalar method gives {expected[i]}");
    }

    /// <summary>
    /// What a path must match: every CPU path (and ILGPU's CPU accelerator) bit for bit; a real GPU within
    /// Batuta.Tensor's element-wise GPU tolerance scaled by the data's magnitude, because ptxas contracts
    /// <c>a * x + y</c> into one FMA (one rounding where the scalar method rounds twice). Integers stay exact.
    /// </summary>
    public static void OnPath<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, string path, string what) where T : unmanaged, INumber<T>
    {
        if (path != "gpu" || !KernelPaths.IsRealGpu)
        {
            Exact(expected, actual, what);
            return;
        }
        Assert.Equal(expected.Length, actual.Length);
        double magnitude = 0;
        foreach (var e in expected)
        {
            double v = Math.Abs(double.CreateTruncating(e));
            if (double.IsFinite(v)) magnitude = Math.Max(magnitude, v);
        }
        var tolerance = BackendTolerance.For<T>(ToleranceClass.ElementWise, gpu: true).Scaled(Math.Max(1, magnitude));
        int i = BackendTolerance.FirstMismatch(expected, actual, tolerance);
        if (i >= 0)
            Assert.Fail($"{what}: element {i} of {expected.Length} is {actual[i]}, the scalar method gives {expected[i]} (GPU tolerance {tolerance})");
    }

    /// <summary>Within a relative tolerance (for exp, log, sin...: the SIMD functions are not the libm ones).</summary>
    public static void Close(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double relative, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            if (double.IsNaN(e) && double.IsNaN(a) || e == a) continue;
            if (Math.Abs(a - e) > relative * Math.Max(1, Math.Abs(e)))
                Assert.Fail($"{what}: element {i} of {expected.Length} is {a:R}, the scalar method gives {e:R} (relative tolerance {relative})");
        }
    }

    public static void Close(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double relative, string what) =>
        Close(expected.ToArray().Select(x => (double)x).ToArray(), actual.ToArray().Select(x => (double)x).ToArray(), relative, what);
}
