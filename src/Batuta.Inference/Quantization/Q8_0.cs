namespace Batuta.Inference.Quantization;

/// <summary>
/// ggml <c>block_q8_0</c>: 32 weights as { half d; int8 qs[32] } (34 bytes); w = d * q.
/// </summary>
public static unsafe class Q8_0
{
    public const int BlockElements = 32;
    public const int BlockBytes = 34;

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
                sbyte* q = (sbyte*)(blk + 2);
                for (int j = 0; j < BlockElements; j++) d[b * BlockElements + j] = scale * q[j];
            }
        }
    }

    /// <summary>ggml's <c>quantize_row_q8_0_ref</c>.</summary>
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
                float amax = 0;
                for (int j = 0; j < BlockElements; j++) amax = MathF.Max(amax, MathF.Abs(xb[j]));
                float d = amax / 127f;
                float id = d != 0 ? 1f / d : 0f;
                Float16.WriteHalf(blk, d);
                for (int j = 0; j < BlockElements; j++) ((sbyte*)(blk + 2))[j] = (sbyte)MathF.Round(xb[j] * id, MidpointRounding.AwayFromZero);
            }
        }
    }
}
