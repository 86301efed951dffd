using System.Runtime.Intrinsics;

namespace Batuta.Inference.Kernels;

/// <summary>y = x / sqrt(mean(x^2) + eps) * weight, with the sum of squares accumulated in double like ggml.</summary>
internal static unsafe class RmsNorm
{
    public static void Apply(float* x, float* weight, float* y, int n, float eps)
    {
        double sum = 0;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var a0 = Vector256<double>.Zero; var a1 = Vector256<double>.Zero;
            for (; i + 8 <= n; i += 8)
            {
                var v = Vector256.Load(x + i);
                var (lo, hi) = Vector256.Widen(v);
                a0 = Vector256.FusedMultiplyAdd(lo, lo, a0);
                a1 = Vector256.FusedMultiplyAdd(hi, hi, a1);
            }
            sum = Vector256.Sum(a0 + a1);
        }
        for (; i < n; i++) sum += (double)x[i] * x[i];
        float scale = 1f / MathF.Sqrt((float)(sum / n) + eps);
        i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var s = Vector512.Create(scale);
            for (; i + 16 <= n; i += 16) (Vector512.Load(x + i) * s * Vector512.Load(weight + i)).Store(y + i);
        }
        for (; i < n; i++) y[i] = x[i] * scale * weight[i];
    }
}
