using System.Runtime.Intrinsics;

namespace Batuta.Inference.Kernels;

/// <summary>Element-wise pieces of the forward pass: SwiGLU, residual adds, softmax.</summary>
internal static unsafe class Activations
{
    /// <summary>gate = silu(gate) * up, where silu(x) = x / (1 + e^-x).</summary>
    public static void SwiGlu(float* gate, float* up, int n)
    {
        int i = 0;
        if (GgmlFloat.Enabled)
        {
            // ggml_vec_swiglu_f32: ggml_v_silu on whole 16-lane chunks, ggml_silu_f32 on the tail.
            for (; i + 16 <= n; i += 16) (GgmlFloat.Silu(Vector512.Load(gate + i)) * Vector512.Load(up + i)).Store(gate + i);
            for (; i < n; i++) gate[i] = GgmlFloat.Silu(gate[i]) * up[i];
            return;
        }
        if (Vector512.IsHardwareAccelerated)
        {
            var one = Vector512.Create(1f);
            for (; i + 16 <= n; i += 16)
            {
                var g = Vector512.Load(gate + i);
                (g / (one + VectorMath.Exp(-g)) * Vector512.Load(up + i)).Store(gate + i);
            }
        }
        for (; i < n; i++) gate[i] = gate[i] / (1f + VectorMath.Exp(-gate[i])) * up[i];
    }

    public static void Add(float* x, float* y, int n)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i + 16 <= n; i += 16) (Vector512.Load(x + i) + Vector512.Load(y + i)).Store(x + i);
        for (; i < n; i++) x[i] += y[i];
    }

    /// <summary>In-place softmax of x[0..n).</summary>
    public static void Softmax(float* x, int n)
    {
        float max = float.NegativeInfinity;
        for (int i = 0; i < n; i++) max = MathF.Max(max, x[i]);
        double sum = 0;
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var m = Vector512.Create(max);
            var acc = Vector512<float>.Zero;
            for (; j + 16 <= n; j += 16)
            {
                var e = VectorMath.Exp(Vector512.Load(x + j) - m);
                e.Store(x + j);
                acc += e;
            }
            sum = Vector512.Sum(acc);
        }
        for (; j < n; j++)
        {
            x[j] = VectorMath.Exp(x[j] - max);
            sum += x[j];
        }
        float inv = (float)(1.0 / sum);
        for (int i = 0; i < n; i++) x[i] *= inv;
    }
}
