using System.Runtime.Intrinsics;

namespace Batuta.Inference.Kernels;

/// <summary>
/// y = x / sqrt(mean(x^2) + eps) * weight, in ggml's exact arithmetic: squares rounded to float and
/// summed in double in order, the scale computed in float, then x * scale and * weight rounded
/// separately. Matching the rounding matters: 8-bit activation quantization turns a one-ulp
/// difference at a rounding boundary into a whole quantization step.
/// </summary>
internal static unsafe class RmsNorm
{
    public static void Apply(float* x, float* weight, float* y, int n, float eps)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            float sq = x[i] * x[i];
            sum += sq;
        }
        float mean = (float)(sum / n);
        float scale = 1f / MathF.Sqrt(mean + eps);
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var s = Vector512.Create(scale);
            for (; j + 16 <= n; j += 16) (Vector512.Load(x + j) * s * Vector512.Load(weight + j)).Store(y + j);
        }
        for (; j < n; j++) y[j] = x[j] * scale * weight[j];
    }
}
