using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Batuta.Inference.Kernels;

/// <summary>
/// The float arithmetic of llama.cpp's CPU backend (its AVX-512 build), reproduced operation for
/// operation: the horizontal sum of <c>_mm512_reduce_add_ps</c>, <c>ggml_v_expf</c>, <c>ggml_v_silu</c>,
/// <c>ggml_vec_dot_f32</c> and tinyBLAS's F32 dot. Same inputs, same bits.
/// </summary>
/// <remarks>
/// Why bother: llama.cpp quantizes every activation to 8 bits before a quantized matmul, so a one-ulp
/// difference in an element that sits on a rounding boundary (or is its block's largest) moves a whole
/// quantization step; over 22 layers such steps grow until greedy decoding on a random-weight model,
/// whose top logits are often near ties, picks another token. Reproducing the order of every rounding
/// is what makes the greedy tokens of the two engines identical (docs/benchmarks/inference.md).
/// </remarks>
internal static unsafe class GgmlFloat
{
    /// <summary>
    /// Whether the emulation runs: on CPUs with AVX-512, where llama.cpp runs these very routines (elsewhere
    /// llama.cpp takes its AVX2 routines: another exp, 8-lane sums), unless the application turns it off with the
    /// AppContext switch <c>Batuta.Inference.LlamaCppRounding</c> = false (runtimeconfig or
    /// <c>AppContext.SetSwitch</c> before the first model loads) to run Q6_K on the faster interleaved kernel.
    /// </summary>
    public static bool Enabled { get; } = Avx512F.IsSupported
        && (!AppContext.TryGetSwitch("Batuta.Inference.LlamaCppRounding", out bool on) || on);

    /// <summary>
    /// llama.cpp's KV-cache window for a batch ending at <paramref name="used"/> positions, padded to 256.
    /// It decides which positions ggml's dot takes as leftovers: a multiple of 64 leaves none. (Measured
    /// against LLamaSharp 0.30.0: windows padded to 64 or 256 reproduce its decode logits bit for bit,
    /// padding to 32 or none does not.)
    /// </summary>
    public static int KvWindow(int used) => (used + 255) & ~255;

    /// <summary>GCC's <c>_mm512_reduce_add_ps</c>: halves added pairwise, 256, 128, 64, then 32 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ReduceAdd(Vector512<float> a)
    {
        var t3 = a.GetUpper() + a.GetLower();
        var t6 = t3.GetUpper() + t3.GetLower();
        float t80 = t6.GetElement(0) + t6.GetElement(2);
        float t81 = t6.GetElement(1) + t6.GetElement(3);
        return t80 + t81;
    }

    /// <summary>llama.cpp's <c>hsum_float_8</c>: upper + lower half, then lanes 0+2 and 1+3, then those two.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float HorizontalSum(Vector256<float> acc)
    {
        var r = acc.GetUpper() + acc.GetLower();
        return (r.GetElement(0) + r.GetElement(2)) + (r.GetElement(1) + r.GetElement(3));
    }

    /// <summary>
    /// <c>ggml_v_expf</c> (AVX-512): Arm's optimized-routines exp, max error 1.45 + 0.5 ulp. The constants are
    /// ggml's hexadecimal floats written as the shortest decimals that round to the same float
    /// (0x1.8p23 = 12582912, 0x1.715476p+0 = 1.442695, 0x1.7f7d1cp-20 = 1.4286068e-06, 0x1.62e4p-1 = 0.69314575, …).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x)
    {
        var r = Vector512.Create(12582912f);
        var z = Vector512.FusedMultiplyAdd(x, Vector512.Create(1.442695f), r);
        var n = z - r;
        var b = Vector512.FusedMultiplyAdd(-n, Vector512.Create(1.4286068e-06f),
                    Vector512.FusedMultiplyAdd(-n, Vector512.Create(0.69314575f), x));
        var d = Vector512.GreaterThan(Vector512.Abs(n), Vector512.Create(192f));
        var u = b * b;
        var j = Vector512.FusedMultiplyAdd(
            Vector512.FusedMultiplyAdd(
                Vector512.FusedMultiplyAdd(Vector512.Create(0.00824739f), b, Vector512.Create(0.041899767f)),
                u,
                Vector512.FusedMultiplyAdd(Vector512.Create(0.16668396f), b, Vector512.Create(0.49999127f))),
            u,
            Vector512.FusedMultiplyAdd(Vector512.Create(0.9999994f), b, Vector512<float>.One));
        var res = ScaleF(j, n);
        if (Vector512.EqualsAll(d.AsInt32(), Vector512<int>.Zero)) return res;
        var alt = Vector512.ConditionalSelect(Vector512.LessThanOrEqual(n, Vector512<float>.Zero), Vector512<float>.Zero, Vector512.Create(float.PositiveInfinity));
        return Vector512.ConditionalSelect(d, alt, res);
    }

    /// <summary><c>ggml_v_silu</c>: x / (1 + exp(-x)) with <see cref="Exp(Vector512{float})"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Silu(Vector512<float> x) => x / (Vector512<float>.One + Exp(Vector512<float>.Zero - x));

    /// <summary><c>ggml_silu_f32</c>, the scalar tail: the C library's expf, which MathF.Exp calls.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Silu(float x) => x / (1f + MathF.Exp(-x));

    /// <summary>
    /// <c>ggml_vec_dot_f32</c> (AVX-512): four 16-lane FMA accumulators over 64-element steps, folded
    /// (0+2, 1+3, then 0+1) and reduced, then the leftovers one by one (GCC contracts them into FMAs).
    /// </summary>
    public static float Dot(float* x, float* y, int n)
    {
        int np = n & ~63;
        var s0 = Vector512<float>.Zero; var s1 = Vector512<float>.Zero; var s2 = Vector512<float>.Zero; var s3 = Vector512<float>.Zero;
        for (int i = 0; i < np; i += 64)
        {
            s0 = Vector512.FusedMultiplyAdd(Vector512.Load(x + i), Vector512.Load(y + i), s0);
            s1 = Vector512.FusedMultiplyAdd(Vector512.Load(x + i + 16), Vector512.Load(y + i + 16), s1);
            s2 = Vector512.FusedMultiplyAdd(Vector512.Load(x + i + 32), Vector512.Load(y + i + 32), s2);
            s3 = Vector512.FusedMultiplyAdd(Vector512.Load(x + i + 48), Vector512.Load(y + i + 48), s3);
        }
        float sum = ReduceAdd((s0 + s2) + (s1 + s3));
        for (int i = np; i < n; i++) sum = MathF.FusedMultiplyAdd(x[i], y[i], sum);
        return sum;
    }

    /// <summary>tinyBLAS's F32 dot (llama.cpp's prompt-processing GEMM): one 16-lane FMA chain, then <see cref="ReduceAdd"/>. n is a multiple of 16.</summary>
    public static float DotTinyBlas(float* x, float* y, int n)
    {
        var acc = Vector512<float>.Zero;
        for (int i = 0; i < n; i += 16) acc = Vector512.FusedMultiplyAdd(Vector512.Load(x + i), Vector512.Load(y + i), acc);
        return ReduceAdd(acc);
    }

    /// <summary>
    /// ggml's soft_max row (<c>ggml_vec_soft_max_f32</c>): max, then exp in 16-lane chunks with
    /// <see cref="Exp(Vector512{float})"/> summed chunk by chunk in double, then a float multiply by 1/sum.
    /// Positions n..nKv are masked (-inf) in llama.cpp; elements past the last whole chunk of the window
    /// take the scalar expf path there, as here.
    /// </summary>
    public static void Softmax(float* x, int n, int nKv)
    {
        float max = float.NegativeInfinity;
        for (int i = 0; i < n; i++) max = x[i] > max ? x[i] : max;
        var vmax = Vector512.Create(max);
        double sum = 0;
        int simd = Math.Min(nKv & ~15, (n + 15) & ~15);
        int c = 0;
        for (; c < simd; c += 16)
        {
            int valid = Math.Min(16, n - c);
            var v = valid == 16 ? Vector512.Load(x + c) : Partial(x + c, valid);
            var e = Exp(v - vmax);
            if (valid == 16) e.Store(x + c);
            else for (int i = 0; i < valid; i++) x[c + i] = e.GetElement(i);
            sum += ReduceAdd(e);
        }
        for (; c < n; c++)
        {
            float val = MathF.Exp(x[c] - max);
            sum += val;
            x[c] = val;
        }
        float inv = (float)(1.0 / sum);
        for (int i = 0; i < n; i++) x[i] *= inv;
    }

    private static Vector512<float> Partial(float* x, int valid)
    {
        var v = Vector512.Create(float.NegativeInfinity);
        for (int i = 0; i < valid; i++) v = v.WithElement(i, x[i]);
        return v;
    }

    /// <summary><c>_mm512_scalef_ps(j, n)</c> for integral n: j·2ⁿ rounded once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ScaleF(Vector512<float> j, Vector512<float> n)
    {
        if (Avx512F.IsSupported) return Avx512F.Scale(j, n);
        Unsafe.SkipInit(out Vector512<float> result);
        for (int i = 0; i < Vector512<float>.Count; i++)
        {
            float e = n.GetElement(i);
            // Beyond ±192 the caller replaces the lane; clamping keeps ScaleB's argument in range.
            result = result.WithElement(i, (float)Math.ScaleB(j.GetElement(i), (int)Math.Clamp(e, -300f, 300f)));
        }
        return result;
    }
}
