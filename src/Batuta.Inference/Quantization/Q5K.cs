namespace Batuta.Inference.Quantization;

/// <summary>
/// ggml <c>block_q5_K</c>: 256 weights as { half d; half dmin; uint8 scales[12]; uint8 qh[32]; uint8 qs[128] }
/// (176 bytes). Like Q4_K plus a fifth bit per weight: for 64-weight chunk c, bit 2c of qh[l] extends
/// the low-nibble weight l and bit 2c+1 the high-nibble weight l.
/// </summary>
public static unsafe class Q5K
{
    public const int BlockElements = 256;
    public const int BlockBytes = 176;

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
        byte* qh = blk + 16;
        byte* ql = blk + 48;
        int u1 = 1, u2 = 2;
        for (int c = 0; c < 4; c++)
        {
            KScales.Get(2 * c, scales, out int sc0, out int m0);
            KScales.Get(2 * c + 1, scales, out int sc1, out int m1);
            float d1 = d * sc0, mn1 = dmin * m0, d2 = d * sc1, mn2 = dmin * m1;
            for (int l = 0; l < 32; l++) y[l] = d1 * ((ql[l] & 0xF) + ((qh[l] & u1) != 0 ? 16 : 0)) - mn1;
            for (int l = 0; l < 32; l++) y[32 + l] = d2 * ((ql[l] >> 4) + ((qh[l] & u2) != 0 ? 16 : 0)) - mn2;
            ql += 32;
            y += 64;
            u1 <<= 2;
            u2 <<= 2;
        }
    }

    public static void Quantize(ReadOnlySpan<float> src, Span<byte> dst)
    {
        Blocks.Check(dst, src, BlockElements, BlockBytes);
        fixed (float* x = src)
        fixed (byte* y = dst)
        {
            for (int b = 0; b < src.Length / BlockElements; b++)
                KQuantizer.QuantizeAffineBlock(x + (long)b * BlockElements, y + (long)b * BlockBytes, maxQ: 31, withHighBits: true);
        }
    }
}
