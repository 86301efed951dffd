using System.Runtime.Intrinsics;
using Batuta.Inference.Model;

namespace Batuta.Inference.Kernels;

/// <summary>
/// out = Σⱼ p[j]·V[j] (attention's weighted sum of values) with the float order of llama.cpp's CPU
/// backend, where it is a matmul of the transposed V cache by the probabilities: one dot product per
/// output dimension, over the KV window. A batch of one token goes through <c>ggml_vec_dot_f32</c>
/// (<see cref="VecDot"/>), a batch of two or more through tinyBLAS (<see cref="TinyBlas"/>).
/// </summary>
/// <remarks>
/// Both are computed for all dimensions at once: a dot product's accumulator lane that takes positions
/// j ≡ r (mod L) becomes a row of <c>lanes</c> that takes V[j] for those j, so each output dimension sees
/// exactly the FMA chain and the final horizontal sums it sees in llama.cpp.
/// </remarks>
internal static unsafe class GgmlWeightedSum
{
    /// <summary>Rows of scratch each call needs: 64 lanes of <c>dim</c> floats.</summary>
    public const int ScratchRows = 64;

    /// <summary>ggml_vec_dot_f32 over the window nKv: 4×16 lanes over whole 64-position steps, folded, then the leftovers in order.</summary>
    public static void VecDot(float* p, int n, int nKv, KvCache cache, int layer, long offset, int dim, float* lanes, float* output)
    {
        int np = nKv & ~63;
        int simd = Math.Min(n, np);
        new Span<float>(lanes, ScratchRows * dim).Clear();
        for (int j = 0; j < simd; j++) Fma(lanes + (j & 63) * dim, (float*)(cache.Values(layer, j) + offset), p[j], dim);
        for (int lane = 0; lane < 16; lane++)
        {
            float* l0 = lanes + lane * dim;
            Add(l0, l0, lanes + (32 + lane) * dim, dim);
            Add(lanes + (16 + lane) * dim, lanes + (16 + lane) * dim, lanes + (48 + lane) * dim, dim);
            Add(l0, l0, lanes + (16 + lane) * dim, dim);
        }
        ReduceLanes(lanes, dim, output);
        for (int j = np; j < n; j++) Fma(output, (float*)(cache.Values(layer, j) + offset), p[j], dim);
    }

    /// <summary>tinyBLAS: one 16-lane FMA chain over the window (masked positions add nothing), then the 16 lanes reduced.</summary>
    public static void TinyBlas(float* p, int n, KvCache cache, int layer, long offset, int dim, float* lanes, float* output)
    {
        new Span<float>(lanes, 16 * dim).Clear();
        for (int j = 0; j < n; j++) Fma(lanes + (j & 15) * dim, (float*)(cache.Values(layer, j) + offset), p[j], dim);
        ReduceLanes(lanes, dim, output);
    }

    /// <summary>The tree of <see cref="GgmlFloat.ReduceAdd"/> applied to 16 rows of lanes, element by element.</summary>
    private static void ReduceLanes(float* lanes, int dim, float* output)
    {
        for (int i = 0; i < 8; i++) Add(lanes + i * dim, lanes + (i + 8) * dim, lanes + i * dim, dim);
        for (int i = 0; i < 4; i++) Add(lanes + i * dim, lanes + (i + 4) * dim, lanes + i * dim, dim);
        Add(lanes, lanes, lanes + 2 * dim, dim);
        Add(lanes + dim, lanes + dim, lanes + 3 * dim, dim);
        Add(output, lanes, lanes + dim, dim);
    }

    private static void Fma(float* acc, float* v, float p, int n)
    {
        int i = 0;
        var vp = Vector512.Create(p);
        for (; i + 16 <= n; i += 16) Vector512.FusedMultiplyAdd(Vector512.Load(v + i), vp, Vector512.Load(acc + i)).Store(acc + i);
        for (; i < n; i++) acc[i] = MathF.FusedMultiplyAdd(v[i], p, acc[i]);
    }

    private static void Add(float* dst, float* a, float* b, int n)
    {
        int i = 0;
        for (; i + 16 <= n; i += 16) (Vector512.Load(a + i) + Vector512.Load(b + i)).Store(dst + i);
        for (; i < n; i++) dst[i] = a[i] + b[i];
    }
}
