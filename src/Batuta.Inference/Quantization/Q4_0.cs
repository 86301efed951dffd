namespace Batuta.Inference.Quantization;

/// <summary>
/// ggml <c>block_q4_0</c>: 32 weights as { half d; uint8 qs[16] } (18 bytes). Byte j holds weight j in
/// its low nibble and weight j+16 in its high nibble; w = d * (q - 8).
/// </summary>
public static unsafe class Q4_0
{
    public const int BlockElements = 32;
    public const int BlockBytes = 18;

    public static void Dequantize(ReadOnlySpan<byte> src, Span<float> dst)
    {
        Blocks.Check(src, dst, BlockElements, BlockBytes);
        fixed (byte* s = src)
        fixed (float* d = dst)
        {
            for (int b = 0; b < dst.Length / BlockElements; b++)
            {
                byte* blk = s + b * BlockBytes;
                float scale = Float16.ReadHalf(blk);
                float* y = d + b * BlockElements;
                for (int j = 0; j < 16; j++)
                {
                    y[j] = ((blk[2 + j] & 0xF) - 8) * scale;
                    y[j + 16] = ((blk[2 + j] >> 4) - 8) * scale;
                }
            }
        }
    }

    /// <summary>ggml's <c>quantize_row_q4_0_ref</c>.</summary>
    public static void Quantize(ReadOnlySpan<float> src, Span<byte> dst)
    {
        Blocks.Check(dst, src, BlockElements, BlockBytes);
        fixed (float* x = src)
        fixed (byte* y = dst)
        {
            for (int b = 0; b < src.Length / BlockElements; b++)
            {
                float* xb = x + b * BlockElements;
                byte* blk = y + b * BlockBytes;
                float amax = 0, max = 0;
                for (int j = 0; j < BlockElements; j++)
                {
                    if (amax < MathF.Abs(xb[j])) { amax = MathF.Abs(xb[j]); max = xb[j]; }
                }
                float d = max / -8;
                float id = d != 0 ? 1f / d : 0f;
                Float16.WriteHalf(blk, d);
                for (int j = 0; j < 16; j++)
                {
                    int q0 = Math.Min(15, (int)(sbyte)(xb[j] * id + 8.5f));
                    int q1 = Math.Min(15, (int)(sbyte)(xb[j + 16] * id + 8.5f));
                    blk[2 + j] = (byte)(q0 | (q1 << 4));
                }
            }
        }
    }
}
