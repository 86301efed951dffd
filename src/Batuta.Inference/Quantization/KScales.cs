using System.Runtime.CompilerServices;

namespace Batuta.Inference.Quantization;

/// <summary>
/// The 12-byte packed 6-bit scales and mins of Q4_K and Q5_K: eight (scale, min) pairs, one per
/// 32-weight sub-block (ggml's <c>get_scale_min_k4</c>).
/// </summary>
internal static unsafe class KScales
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Get(int j, byte* q, out int scale, out int min)
    {
        if (j < 4)
        {
            scale = q[j] & 63;
            min = q[j + 4] & 63;
        }
        else
        {
            scale = (q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4);
            min = (q[j + 4] >> 4) | ((q[j] >> 6) << 4);
        }
    }

    public static void Set(byte* q, ReadOnlySpan<byte> scales, ReadOnlySpan<byte> mins)
    {
        for (int j = 0; j < 12; j++) q[j] = 0;
        for (int j = 0; j < 8; j++)
        {
            int ls = scales[j], lm = mins[j];
            if (j < 4)
            {
                q[j] = (byte)ls;
                q[j + 4] = (byte)lm;
            }
            else
            {
                q[j + 4] = (byte)((ls & 0xF) | ((lm & 0xF) << 4));
                q[j - 4] |= (byte)((ls >> 4) << 6);
                q[j] |= (byte)((lm >> 4) << 6);
            }
        }
    }

    /// <summary>
    /// Unpacks all eight scales into the low 8 bytes and all eight mins into the high 8 bytes of a
    /// 16-byte value, with four 32-bit operations instead of eight branchy lookups (same as ggml's kmask trick).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unpack(byte* q, out ulong scales, out ulong mins)
    {
        const uint kmask1 = 0x3f3f3f3f, kmask2 = 0x0f0f0f0f, kmask3 = 0x03030303;
        uint u0 = Unsafe.ReadUnaligned<uint>(q);
        uint u1 = Unsafe.ReadUnaligned<uint>(q + 4);
        uint u2 = Unsafe.ReadUnaligned<uint>(q + 8);
        uint s0 = u0 & kmask1;
        uint s1 = (u2 & kmask2) | (((u0 >> 6) & kmask3) << 4);
        uint m0 = u1 & kmask1;
        uint m1 = ((u2 >> 4) & kmask2) | (((u1 >> 6) & kmask3) << 4);
        scales = s0 | ((ulong)s1 << 32);
        mins = m0 | ((ulong)m1 << 32);
    }
}
