namespace Batuta.Inference.Quantization;

/// <summary>Shared encoder of the affine K-quants (Q4_K, Q5_K): per 32 weights a 6-bit scale and min.</summary>
internal static unsafe class KQuantizer
{
    public static void QuantizeAffineBlock(float* x, byte* blk, int maxQ, bool withHighBits)
    {
        Span<float> scale = stackalloc float[8];
        Span<float> min = stackalloc float[8];
        float maxScale = 0, maxMin = 0;
        for (int s = 0; s < 8; s++)
        {
            float lo = x[32 * s], hi = lo;
            for (int j = 0; j < 32; j++) { lo = MathF.Min(lo, x[32 * s + j]); hi = MathF.Max(hi, x[32 * s + j]); }
            lo = MathF.Min(lo, 0); // the range always contains 0 so mins stay non-negative
            scale[s] = (hi - lo) / maxQ;
            min[s] = -lo;
            maxScale = MathF.Max(maxScale, scale[s]);
            maxMin = MathF.Max(maxMin, min[s]);
        }
        float d = maxScale / 63f, dmin = maxMin / 63f;
        Float16.WriteHalf(blk, d);
        Float16.WriteHalf(blk + 2, dmin);
        float dq = Float16.ReadHalf(blk), dminq = Float16.ReadHalf(blk + 2);
        Span<byte> ls = stackalloc byte[8];
        Span<byte> lm = stackalloc byte[8];
        for (int s = 0; s < 8; s++)
        {
            // Round the scale up so the largest value still fits in maxQ steps.
            ls[s] = (byte)(dq > 0 ? Math.Clamp((int)MathF.Ceiling(scale[s] / dq), 0, 63) : 0);
            lm[s] = (byte)(dminq > 0 ? Math.Clamp((int)MathF.Round(min[s] / dminq), 0, 63) : 0);
        }
        KScales.Set(blk + 4, ls, lm);

        byte* qh = blk + 16;
        byte* qs = withHighBits ? blk + 48 : blk + 16;
        if (withHighBits) new Span<byte>(qh, 32).Clear();
        for (int c = 0; c < 4; c++)
        {
            for (int half = 0; half < 2; half++)
            {
                int s = 2 * c + half;
                float step = dq * ls[s];
                float m = dminq * lm[s];
                for (int l = 0; l < 32; l++)
                {
                    int q = step > 0 ? (int)MathF.Round((x[32 * s + l] + m) / step) : 0;
                    q = Math.Clamp(q, 0, maxQ);
                    byte* dst = qs + 32 * c + l;
                    if (half == 0) *dst = (byte)(q & 0xF);
                    else *dst |= (byte)((q & 0xF) << 4);
                    if (withHighBits && q > 15) qh[l] |= (byte)(1 << (2 * c + half));
                }
            }
        }
    }
}
