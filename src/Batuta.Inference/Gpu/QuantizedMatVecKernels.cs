using ILGPU;

namespace Batuta.Inference.Gpu;

/// <summary>
/// ILGPU kernels for y[t, r] = Σ W[r, :] · x[t, :] with the weights in their ggml block layout (dequantized
/// in registers, so device memory holds the file's bytes) and float activations. One thread per (row, token).
/// </summary>
/// <remarks>
/// The bit layouts are ggml's (dequantize_row_q4_K / dequantize_row_q6_K), the same ones
/// <see cref="Quantization.Dequantizer"/> decodes on the CPU; the tests compare the two.
/// </remarks>
internal static class QuantizedMatVecKernels
{
    private const int Q4KBlockBytes = 144;
    private const int Q6KBlockBytes = 210;

    /// <summary>Q4_K: per 256 weights d, dmin (half), 12 bytes of 6-bit scales and mins, 128 bytes of nibbles.</summary>
    public static void Q4K(Index2D index, ArrayView<byte> w, ArrayView<float> x, ArrayView<float> y, int columns, int rows)
    {
        int row = index.X, token = index.Y;
        int blocks = columns / 256;
        long rowBase = (long)row * blocks * Q4KBlockBytes;
        long xBase = (long)token * columns;
        float sum = 0;
        for (int b = 0; b < blocks; b++)
        {
            long p = rowBase + (long)b * Q4KBlockBytes;
            float d = Half(w[p] | (w[p + 1] << 8));
            float dmin = Half(w[p + 2] | (w[p + 3] << 8));
            for (int j = 0; j < 4; j++)
            {
                int s0 = ScaleQ4K(w, p + 4, 2 * j, out int m0);
                int s1 = ScaleQ4K(w, p + 4, 2 * j + 1, out int m1);
                float d1 = d * s0, c1 = dmin * m0, d2 = d * s1, c2 = dmin * m1;
                long q = p + 16 + 32 * j;
                long xo = xBase + (long)b * 256 + 64 * j;
                for (int l = 0; l < 32; l++)
                {
                    int v = w[q + l];
                    sum += (d1 * (v & 15) - c1) * x[xo + l] + (d2 * (v >> 4) - c2) * x[xo + 32 + l];
                }
            }
        }
        y[(long)token * rows + row] = sum;
    }

    /// <summary>Q6_K: 128 bytes of low nibbles, 64 of high bit pairs, 16 signed scales, then d (half).</summary>
    public static void Q6K(Index2D index, ArrayView<byte> w, ArrayView<float> x, ArrayView<float> y, int columns, int rows)
    {
        int row = index.X, token = index.Y;
        int blocks = columns / 256;
        long rowBase = (long)row * blocks * Q6KBlockBytes;
        long xBase = (long)token * columns;
        float sum = 0;
        for (int b = 0; b < blocks; b++)
        {
            long p = rowBase + (long)b * Q6KBlockBytes;
            float d = Half(w[p + 208] | (w[p + 209] << 8));
            for (int n = 0; n < 2; n++)
            {
                long ql = p + 64 * n, qh = p + 128 + 32 * n, sc = p + 192 + 8 * n;
                long xo = xBase + (long)b * 256 + 128 * n;
                for (int l = 0; l < 32; l++)
                {
                    int s = l / 16;
                    int h = w[qh + l];
                    int q1 = ((w[ql + l] & 15) | ((h & 3) << 4)) - 32;
                    int q2 = ((w[ql + l + 32] & 15) | (((h >> 2) & 3) << 4)) - 32;
                    int q3 = ((w[ql + l] >> 4) | (((h >> 4) & 3) << 4)) - 32;
                    int q4 = ((w[ql + l + 32] >> 4) | (((h >> 6) & 3) << 4)) - 32;
                    sum += d * (sbyte)w[sc + s] * q1 * x[xo + l]
                         + d * (sbyte)w[sc + s + 2] * q2 * x[xo + l + 32]
                         + d * (sbyte)w[sc + s + 4] * q3 * x[xo + l + 64]
                         + d * (sbyte)w[sc + s + 6] * q4 * x[xo + l + 96];
                }
            }
        }
        y[(long)token * rows + row] = sum;
    }

    /// <summary>Float weights (every other type is dequantized to these when uploaded).</summary>
    public static void F32(Index2D index, ArrayView<float> w, ArrayView<float> x, ArrayView<float> y, int columns, int rows)
    {
        int row = index.X, token = index.Y;
        long wBase = (long)row * columns, xBase = (long)token * columns;
        float sum = 0;
        for (int i = 0; i < columns; i++) sum += w[wBase + i] * x[xBase + i];
        y[(long)token * rows + row] = sum;
    }

    /// <summary>ggml's get_scale_min_k4: sub-block j's 6-bit scale (returned) and min.</summary>
    private static int ScaleQ4K(ArrayView<byte> w, long s, int j, out int min)
    {
        if (j < 4)
        {
            min = w[s + j + 4] & 63;
            return w[s + j] & 63;
        }
        min = (w[s + j + 4] >> 4) | ((w[s + j] >> 6) << 4);
        return (w[s + j + 4] & 15) | ((w[s + j - 4] >> 6) << 4);
    }

    /// <summary>IEEE half to float from its bits (normal, subnormal, infinity and NaN).</summary>
    private static float Half(int bits)
    {
        int sign = (bits >> 15) & 1, exponent = (bits >> 10) & 31, mantissa = bits & 1023;
        float v;
        if (exponent == 0) v = mantissa * 5.9604645e-08f; // 2^-24
        else if (exponent == 31) v = mantissa == 0 ? float.PositiveInfinity : float.NaN;
        else v = Interop.IntAsFloat((uint)(((exponent + 112) << 23) | (mantissa << 13)));
        return sign != 0 ? -v : v;
    }
}
