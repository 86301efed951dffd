namespace Batuta.Inference.Quantization;

/// <summary>
/// ggml <c>block_q4_K</c>: 256 weights as { half d; half dmin; uint8 scales[12]; uint8 qs[128] } (144 bytes).
/// Eight sub-blocks of 32 share a 6-bit scale and min; each 64-weight chunk stores its first 32 weights
/// in the low nibbles of 32 bytes and the next 32 in the high nibbles. w = d*sc*q - dmin*m.
/// </summary>
public static unsafe class Q4K
{
    public const int BlockElements = 256;
    public const int BlockBytes = 144;

    public static void Dequantize(ReadOnlySpan<byte> src, Span<float> dst)
    {
        Blocks.Check(src, dst, BlockElements, BlockBytes);
        fixed (byte* s = src)
        fixed (float* d = dst)
        {
            for (int b = 0; b < dst.Length / BlockElements; b++)
                DequantizeBlock(s + (long)b * BlockBytes, d + (long)b * BlockElements);
        }
    }

    internal static void DequantizeBlock(byte* blk, float* y)
    {
        float d = Float16.ReadHalf(blk);
        float dmin = Float16.ReadHalf(blk + 2);
        byte* scales = blk + 4;
        byte* q = blk + 16;
        for (int c = 0; c < 4; c++)
        {
            KScales.Get(2 * c, scales, out int sc0, out int m0);
            KScales.Get(2 * c + 1, scales, out int sc1, out int m1);
            float d1 = d * sc0, mn1 = dmin * m0, d2 = d * sc1, mn2 = dmin * m1;
            for (int l = 0; l < 32; l++) y[l] = d1 * (q[l] & 0xF) - mn1;
            for (int l = 0; l < 32; l++) y[32 + l] = d2 * (q[l] >> 4) - mn2;
            q += 32;
            y += 64;
        }
    }

    /// <summary>A simple min/max quantizer: good enough for test models; llama.cpp's search-based one is more accurate.</summary>
    public static void Quantize(ReadOnlySpan<float> src, Span<byte> dst)
    {
        Blocks.Check(dst, src, BlockElements, BlockBytes);
        fixed (float* x = src)
        fixed (byte* y = dst)
        {
            for (int b = 0; b < src.Length / BlockElements; b++)
                KQuantizer.QuantizeAffineBlock(x + (long)b * BlockElements, y + (long)b * BlockBytes, maxQ: 15, withHighBits: false);
        }
    }
}
