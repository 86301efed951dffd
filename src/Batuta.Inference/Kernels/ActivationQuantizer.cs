using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Batuta.Inference.Quantization;

namespace Batuta.Inference.Kernels;

/// <summary>
/// Quantizes activations to 8 bits with llama.cpp's exact rules (same scale choice, round-half-to-even),
/// so integer kernels see the same inputs ggml's would and greedy outputs can be compared token for token.
/// </summary>
internal static unsafe class ActivationQuantizer
{
    /// <summary>ggml <c>quantize_row_q8_K_ref</c>: d = max/-127 where max is the first value of largest magnitude.</summary>
    public static void QuantizeQ8K(float* x, int n, sbyte* q, float* d, short* bsums)
    {
        for (int b = 0; b < n / 256; b++, x += 256, q += 256, bsums += 16)
        {
            float amax = MaxAbs(x, 256);
            if (amax == 0)
            {
                d[b] = 0;
                new Span<sbyte>(q, 256).Clear();
                new Span<short>(bsums, 16).Clear();
                continue;
            }
            float max = FirstWithMagnitude(x, 256, amax);
            float iscale = -127f / max;
            if (Vector512.IsHardwareAccelerated)
            {
                var vs = Vector512.Create(iscale);
                for (int g = 0; g < 16; g++)
                {
                    var vi = Avx512F.ConvertToVector512Int32(Avx512F.LoadVector512(x + 16 * g) * vs);
                    vi = Vector512.Min(vi, Vector512.Create(127));
                    Avx512F.ConvertToVector128SByteWithSaturation(vi).Store(q + 16 * g);
                    bsums[g] = (short)Vector512.Sum(vi);
                }
            }
            else
            {
                for (int g = 0; g < 16; g++)
                {
                    int sum = 0;
                    for (int j = 0; j < 16; j++)
                    {
                        int v = Math.Min(127, (int)MathF.Round(iscale * x[16 * g + j], MidpointRounding.ToEven));
                        q[16 * g + j] = (sbyte)v;
                        sum += v;
                    }
                    bsums[g] = (short)sum;
                }
            }
            d[b] = 1f / iscale;
        }
    }

    /// <summary>ggml's x86 <c>quantize_row_q8_0</c>: d = amax/127 stored as half, q = round-to-even(x * 127/amax).</summary>
    public static void QuantizeQ80(float* x, int n, sbyte* q, float* d, short* sums)
    {
        for (int b = 0; b < n / 32; b++, x += 32, q += 32)
        {
            float amax = MaxAbs(x, 32);
            float scale = amax / 127f;
            float id = amax != 0 ? 127f / amax : 0f;
            d[b] = Float16.HalfToSingle(Float16.SingleToHalf(scale));
            int sum = 0;
            for (int j = 0; j < 32; j++)
            {
                int v = (int)MathF.Round(x[j] * id, MidpointRounding.ToEven);
                q[j] = (sbyte)v;
                sum += v;
            }
            sums[b] = (short)sum;
        }
    }

    private static float MaxAbs(float* x, int n)
    {
        int i = 0;
        float m = 0;
        if (Vector256.IsHardwareAccelerated && n >= 32)
        {
            var acc = Vector256<float>.Zero;
            for (; i + 8 <= n; i += 8) acc = Vector256.Max(acc, Vector256.Abs(Vector256.Load(x + i)));
            m = MathF.Max(MathF.Max(MathF.Max(acc[0], acc[1]), MathF.Max(acc[2], acc[3])), MathF.Max(MathF.Max(acc[4], acc[5]), MathF.Max(acc[6], acc[7])));
        }
        for (; i < n; i++) m = MathF.Max(m, MathF.Abs(x[i]));
        return m;
    }

    private static float FirstWithMagnitude(float* x, int n, float amax)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var target = Vector256.Create(amax);
            for (; i + 8 <= n; i += 8)
            {
                uint mask = Vector256.Equals(Vector256.Abs(Vector256.Load(x + i)), target).ExtractMostSignificantBits();
                if (mask != 0) return x[i + BitOperations.TrailingZeroCount(mask)];
            }
        }
        for (; i < n; i++) if (FloatExact.AreEqual(MathF.Abs(x[i]), amax)) return x[i];
        return amax;
    }
}
