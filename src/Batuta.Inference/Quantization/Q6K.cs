namespace Batuta.Inference.Quantization;

/// <summary>
/// ggml <c>block_q6_K</c>: 256 weights as { uint8 ql[128]; uint8 qh[64]; int8 scales[16]; half d } (210 bytes).
/// Sixteen sub-blocks of 16 weights with signed 8-bit scales; w = d * sc * (q - 32), q in [0, 63] split
/// into a low nibble (ql) and two high bits (qh).
/// </summary>
public static unsafe class Q6K
{
    public const int BlockElements = 256;
    public const int BlockBytes = 210;

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
        byte* ql = blk;
        byte* qh = blk + 128;
        sbyte* sc = (sbyte*)(blk + 192);
        float d = Float16.ReadHalf(blk + 208);
        for (int n = 0; n < 2; n++)
        {
            for (int l = 0; l < 32; l++)
            {
                int s = l / 16;
                int q1 = ((ql[l] & 0xF) | (((qh[l] >> 0) & 3) << 4)) - 32;
                int q2 = ((ql[l + 32] & 0xF) | (((qh[l] >> 2) & 3) << 4)) - 32;
                int q3 = ((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
                int q4 = ((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
                y[l] = d * sc[s] * q1;
                y[l + 32] = d * sc[s + 2] * q2;
                y[l + 64] = d * sc[s + 4] * q3;
                y[l + 96] = d * sc[s + 6] * q4;
            }
            y += 128;
            ql += 64;
            qh += 32;
            sc += 8;
        }
    }

    public static void Quantize(ReadOnlySpan<float> src, Span<byte> dst)
    {
        Blocks.Check(dst, src, BlockElements, BlockBytes);
        fixed (float* x = src)
        fixed (byte* y = dst)
        {
            for (int b = 0; b < src.Length / BlockElements; b++)
                QuantizeBlock(x + (long)b * BlockElements, y + (long)b * BlockBytes);
        }
    }

    private static void QuantizeBlock(float* x, byte* blk)
    {
        Span<float> scales = stackalloc float[16];
        Span<byte> L = stackalloc byte[256];
        float maxAbsScale = 0, maxScale = 0;
        for (int s = 0; s < 16; s++)
        {
            float amax = 0, max = 0;
            for (int j = 0; j < 16; j++)
            {
                float v = x[16 * s + j];
                if (MathF.Abs(v) > amax) { amax = MathF.Abs(v); max = v; }
            }
            // Map the extreme value to -32 so the full signed range is used, like ggml's make_qx_quants.
            scales[s] = max / -32f;
            if (MathF.Abs(scales[s]) > maxAbsScale) { maxAbsScale = MathF.Abs(scales[s]); maxScale = scales[s]; }
        }
        byte* ql = blk;
        byte* qh = blk + 128;
        sbyte* sc = (sbyte*)(blk + 192);
        if (maxAbsScale == 0)
        {
            new Span<byte>(blk, BlockBytes).Clear();
            return;
        }
        float iscale = -128f / maxScale;
        float d = 1f / iscale;
        Float16.WriteHalf(blk + 208, d);
        float dq = Float16.ReadHalf(blk + 208);
        for (int s = 0; s < 16; s++)
        {
            int ls = Math.Clamp((int)MathF.Round(iscale * scales[s]), -128, 127);
            sc[s] = (sbyte)ls;
            float step = dq * ls;
            for (int j = 0; j < 16; j++)
            {
                int q = step == 0 ? 0 : (int)MathF.Round(x[16 * s + j] / step);
                L[16 * s + j] = (byte)(Math.Clamp(q, -32, 31) + 32);
            }
        }
        for (int n = 0; n < 2; n++)
        {
            int j = 128 * n;
            for (int l = 0; l < 32; l++)
            {
                int q1 = L[j + l] & 0xF, q2 = L[j + l + 32] & 0xF, q3 = L[j + l + 64] & 0xF, q4 = L[j + l + 96] & 0xF;
                ql[64 * n + l] = (byte)(q1 | (q3 << 4));
                ql[64 * n + l + 32] = (byte)(q2 | (q4 << 4));
                qh[32 * n + l] = (byte)((L[j + l] >> 4) | ((L[j + l + 32] >> 4) << 2) | ((L[j + l + 64] >> 4) << 4) | ((L[j + l + 96] >> 4) << 6));
            }
        }
    }
}
