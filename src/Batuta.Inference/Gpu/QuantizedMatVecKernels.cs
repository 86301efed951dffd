using ILGPU;

namespace Batuta.Inference.Gpu;

/// <summary>
/// ILGPU kernels for y[t, r] = Σ W[r, :] · x[t, :] with the weights in their ggml block layout (dequantized
/// in registers, so device memory holds the file's bytes) and float activations. One warp per (row, token):
/// its lanes take the row's 32-weight sub-blocks (Q4_K), 128-weight halves (Q6_K) or single weights (F32) in
/// turn, and a shuffle reduction adds the lanes' sums. Launch extent = rows × tokens × warp size.
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
    public static void Q4K(Index1D index, ArrayView<byte> w, ArrayView<float> x, ArrayView<float> y, int columns, int rows, int firstToken)
    {
        var (row, token, lane, size) = Unit(index, rows, firstToken);
        int blocks = columns / 256;
        long rowBase = (long)row * blocks * Q4KBlockBytes, xBase = (long)token * columns;
        float sum = 0;
        for (int s = lane; s < blocks * 8; s += size)
        {
            int b = s / 8, j = s % 8;
            long p = rowBase + (long)b * Q4KBlockBytes;
            int scale = ScaleQ4K(w, p + 4, j, out int min);
            float d = Half(w[p] | (w[p + 1] << 8)) * scale;
            float m = Half(w[p + 2] | (w[p + 3] << 8)) * min;
            long q = p + 16 + 32 * (j / 2);
            long xo = xBase + (long)b * 256 + 32 * j;
            int shift = 4 * (j & 1);
            for (int l = 0; l < 32; l++) sum += (d * ((w[q + l] >> shift) & 15) - m) * x[xo + l];
        }
        Store(y, (long)token * rows + row, lane, sum);
    }

    /// <summary>Q6_K: 128 bytes of low nibbles, 64 of high bit pairs, 16 signed scales, then d (half).</summary>
    public static void Q6K(Index1D index, ArrayView<byte> w, ArrayView<float> x, ArrayView<float> y, int columns, int rows, int firstToken)
    {
        var (row, token, lane, size) = Unit(index, rows, firstToken);
        int blocks = columns / 256;
        long rowBase = (long)row * blocks * Q6KBlockBytes, xBase = (long)token * columns;
        float sum = 0;
        for (int u = lane; u < blocks * 2; u += size)
        {
            int b = u / 2, n = u % 2;
            long p = rowBase + (long)b * Q6KBlockBytes;
            float d = Half(w[p + 208] | (w[p + 209] << 8));
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
        Store(y, (long)token * rows + row, lane, sum);
    }

    /// <summary>Float weights (every other type is dequantized to these when uploaded).</summary>
    public static void F32(Index1D index, ArrayView<float> w, ArrayView<float> x, ArrayView<float> y, int columns, int rows, int firstToken)
    {
        var (row, token, lane, size) = Unit(index, rows, firstToken);
        long wBase = (long)row * columns, xBase = (long)token * columns;
        float sum = 0;
        for (int i = lane; i < columns; i += size) sum += w[wBase + i] * x[xBase + i];
        Store(y, (long)token * rows + row, lane, sum);
    }

    /// <summary>This thread's output row and token, its lane in the warp and the warp size.</summary>
    private static (int Row, int Token, int Lane, int Size) Unit(Index1D index, int rows, int firstToken)
    {
        int size = Warp.WarpSize;
        int unit = index / size;
        return (unit % rows, firstToken + unit / rows, Warp.LaneIdx, size);
    }

    /// <summary>Adds the warp's partial sums (shuffle-down tree); lane 0 writes the result.</summary>
    private static void Store(ArrayView<float> y, long at, int lane, float sum)
    {
        for (int offset = Warp.WarpSize / 2; offset > 0; offset /= 2) sum += Warp.ShuffleDown(sum, offset);
        if (lane == 0) y[at] = sum;
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
