using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Batuta.Inference.Quantization;

namespace Batuta.Inference.Kernels;

/// <summary>
/// Q4_K weights times Q8_K activations, fused: the 4-bit weights are unpacked in registers and
/// multiplied as integers (u8 x s8 -> s16 pairs, then s16 x 6-bit scale -> s32), so a block of 256
/// weights is never expanded to floats. The mins term uses the activation's precomputed 16-sums.
/// dot = d_x * (d * sum_j sc_j * (q . y)_j - dmin * sum_j m_j * sum(y)_j).
/// </summary>
internal static unsafe class Q4KDot
{
    private const int BlockBytes = 144;

    // For 64-weight chunk c, the s16 scale lanes: 16 x sc[2c] then 16 x sc[2c+1].
    private static readonly Vector512<short> Chunk0 = ChunkIndex(0), Chunk1 = ChunkIndex(1), Chunk2 = ChunkIndex(2), Chunk3 = ChunkIndex(3);
    private static readonly Vector128<byte> DuplicateBytes = Vector128.Create((byte)0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7);

    internal static Vector512<short> ChunkIndex(int c)
    {
        var lanes = new short[32];
        for (int i = 0; i < 32; i++) lanes[i] = (short)(2 * c + (i < 16 ? 0 : 1));
        return Vector512.Create(lanes);
    }

    /// <summary>One row against one token's Q8_K activation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Dot(byte* w, int blocks, sbyte* q8, float* d8, short* sums)
    {
        if (Avx512BW.IsSupported) return DotAvx512(w, blocks, q8, d8, sums);
        if (Avx2.IsSupported) return DotAvx2(w, blocks, q8, d8, sums);
        return DotScalar(w, blocks, q8, d8, sums);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Mins(ulong mins, short* sums)
    {
        var m = Avx2.ConvertToVector256Int16(Ssse3.Shuffle(Vector128.CreateScalar(mins).AsByte(), DuplicateBytes));
        return Avx2.MultiplyAddAdjacent(Avx.LoadVector256(sums), m);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> Nibbles(byte* q)
    {
        var raw = Avx.LoadVector256(q);
        return Vector512.Create(raw, Avx2.ShiftRightLogical(raw.AsUInt16(), 4).AsByte()) & Vector512.Create((byte)0x0F);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float DotAvx512(byte* w, int blocks, sbyte* q8, float* d8, short* sums)
    {
        var acc = Vector512<float>.Zero;
        var accMin = Vector256<float>.Zero;
        for (int b = 0; b < blocks; b++, w += BlockBytes, q8 += 256, sums += 16)
        {
            float dy = d8[b];
            float d = Float16.ReadHalf(w) * dy;
            float dmin = Float16.ReadHalf(w + 2) * dy;
            KScales.Unpack(w + 4, out ulong sc, out ulong mn);
            accMin = Fma.MultiplyAdd(Avx.ConvertToVector256Single(Mins(mn, sums)), Vector256.Create(dmin), accMin);

            var scales = Sse41.ConvertToVector128Int16(Vector128.CreateScalar(sc).AsByte()).ToVector256Unsafe().ToVector512Unsafe();
            byte* q = w + 16;
            var s0 = Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(Nibbles(q), Avx512F.LoadVector512(q8)), Avx512BW.PermuteVar32x16(scales, Chunk0));
            var s1 = Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(Nibbles(q + 32), Avx512F.LoadVector512(q8 + 64)), Avx512BW.PermuteVar32x16(scales, Chunk1));
            var s2 = Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(Nibbles(q + 64), Avx512F.LoadVector512(q8 + 128)), Avx512BW.PermuteVar32x16(scales, Chunk2));
            var s3 = Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(Nibbles(q + 96), Avx512F.LoadVector512(q8 + 192)), Avx512BW.PermuteVar32x16(scales, Chunk3));
            acc = Avx512F.FusedMultiplyAdd(Avx512F.ConvertToVector512Single((s0 + s1) + (s2 + s3)), Vector512.Create(d), acc);
        }
        return Vector512.Sum(acc) - Vector256.Sum(accMin);
    }

    /// <summary>One row against four tokens: the weights are unpacked once and used four times (prefill).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dot4(byte* w, int blocks, sbyte* q8, float* d8, short* sums, long stride, float* result)
    {
        if (!Avx512BW.IsSupported)
        {
            for (int t = 0; t < 4; t++)
                result[t] = Dot(w, blocks, q8 + t * stride, d8 + t * (stride / 256), sums + t * (stride / 16));
            return;
        }
        long sStride = stride / 16, dStride = stride / 256;
        var acc0 = Vector512<float>.Zero; var acc1 = Vector512<float>.Zero; var acc2 = Vector512<float>.Zero; var acc3 = Vector512<float>.Zero;
        for (int b = 0; b < blocks; b++, w += BlockBytes, q8 += 256, sums += 16)
        {
            float dw = Float16.ReadHalf(w);
            float dminw = Float16.ReadHalf(w + 2);
            KScales.Unpack(w + 4, out ulong sc, out ulong mn);
            var m = Avx2.ConvertToVector256Int16(Ssse3.Shuffle(Vector128.CreateScalar(mn).AsByte(), DuplicateBytes));
            var scales = Sse41.ConvertToVector128Int16(Vector128.CreateScalar(sc).AsByte()).ToVector256Unsafe().ToVector512Unsafe();
            var sc0 = Avx512BW.PermuteVar32x16(scales, Chunk0);
            var sc1 = Avx512BW.PermuteVar32x16(scales, Chunk1);
            var sc2 = Avx512BW.PermuteVar32x16(scales, Chunk2);
            var sc3 = Avx512BW.PermuteVar32x16(scales, Chunk3);
            byte* q = w + 16;
            var n0 = Nibbles(q); var n1 = Nibbles(q + 32); var n2 = Nibbles(q + 64); var n3 = Nibbles(q + 96);
            acc0 = Token(acc0, n0, n1, n2, n3, sc0, sc1, sc2, sc3, m, q8, sums, d8[b], dw, dminw);
            acc1 = Token(acc1, n0, n1, n2, n3, sc0, sc1, sc2, sc3, m, q8 + stride, sums + sStride, d8[b + dStride], dw, dminw);
            acc2 = Token(acc2, n0, n1, n2, n3, sc0, sc1, sc2, sc3, m, q8 + 2 * stride, sums + 2 * sStride, d8[b + 2 * dStride], dw, dminw);
            acc3 = Token(acc3, n0, n1, n2, n3, sc0, sc1, sc2, sc3, m, q8 + 3 * stride, sums + 3 * sStride, d8[b + 3 * dStride], dw, dminw);
        }
        result[0] = Vector512.Sum(acc0);
        result[1] = Vector512.Sum(acc1);
        result[2] = Vector512.Sum(acc2);
        result[3] = Vector512.Sum(acc3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Token(Vector512<float> acc, Vector512<byte> n0, Vector512<byte> n1, Vector512<byte> n2, Vector512<byte> n3,
        Vector512<short> sc0, Vector512<short> sc1, Vector512<short> sc2, Vector512<short> sc3, Vector256<short> mins, sbyte* q8, short* sums, float dy, float dw, float dminw)
    {
        var s0 = Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(n0, Avx512F.LoadVector512(q8)), sc0);
        var s1 = Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(n1, Avx512F.LoadVector512(q8 + 64)), sc1);
        var s2 = Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(n2, Avx512F.LoadVector512(q8 + 128)), sc2);
        var s3 = Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(n3, Avx512F.LoadVector512(q8 + 192)), sc3);
        acc = Avx512F.FusedMultiplyAdd(Avx512F.ConvertToVector512Single((s0 + s1) + (s2 + s3)), Vector512.Create(dw * dy), acc);
        var pm = Avx2.MultiplyAddAdjacent(Avx.LoadVector256(sums), mins);
        return Avx512F.FusedMultiplyAdd(Avx512F.ConvertToVector512Single(pm.ToVector512()), Vector512.Create(-dminw * dy), acc);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static float DotAvx2(byte* w, int blocks, sbyte* q8, float* d8, short* sums)
    {
        var acc = Vector256<float>.Zero;
        var accMin = Vector256<float>.Zero;
        var mask = Vector256.Create((byte)0x0F);
        for (int b = 0; b < blocks; b++, w += BlockBytes, q8 += 256, sums += 16)
        {
            float dy = d8[b];
            float d = Float16.ReadHalf(w) * dy;
            float dmin = Float16.ReadHalf(w + 2) * dy;
            KScales.Unpack(w + 4, out ulong sc, out ulong mn);
            accMin = Fma.MultiplyAdd(Avx.ConvertToVector256Single(Mins(mn, sums)), Vector256.Create(dmin), accMin);
            var sumi = Vector256<int>.Zero;
            byte* q = w + 16;
            for (int c = 0; c < 4; c++)
            {
                var raw = Avx.LoadVector256(q + 32 * c);
                var lo = raw & mask;
                var hi = Avx2.ShiftRightLogical(raw.AsUInt16(), 4).AsByte() & mask;
                var pl = Avx2.MultiplyAddAdjacent(lo, Avx.LoadVector256(q8 + 64 * c));
                var ph = Avx2.MultiplyAddAdjacent(hi, Avx.LoadVector256(q8 + 64 * c + 32));
                sumi += Avx2.MultiplyAddAdjacent(pl, Vector256.Create((short)(byte)(sc >> (16 * c))));
                sumi += Avx2.MultiplyAddAdjacent(ph, Vector256.Create((short)(byte)(sc >> (16 * c + 8))));
            }
            acc = Fma.MultiplyAdd(Avx.ConvertToVector256Single(sumi), Vector256.Create(d), acc);
        }
        return Vector256.Sum(acc) - Vector256.Sum(accMin);
    }

    /// <summary>Portable reference of the same integer arithmetic.</summary>
    internal static float DotScalar(byte* w, int blocks, sbyte* q8, float* d8, short* sums)
    {
        float total = 0;
        for (int b = 0; b < blocks; b++, w += BlockBytes, q8 += 256, sums += 16)
        {
            float dy = d8[b];
            KScales.Unpack(w + 4, out ulong sc, out ulong mn);
            int sumi = 0, summ = 0;
            byte* q = w + 16;
            for (int c = 0; c < 4; c++)
            {
                int lo = 0, hi = 0;
                for (int l = 0; l < 32; l++)
                {
                    lo += (q[32 * c + l] & 0xF) * q8[64 * c + l];
                    hi += (q[32 * c + l] >> 4) * q8[64 * c + 32 + l];
                }
                sumi += lo * (int)((sc >> (16 * c)) & 0xFF) + hi * (int)((sc >> (16 * c + 8)) & 0xFF);
            }
            for (int j = 0; j < 8; j++) summ += (int)((mn >> (8 * j)) & 0xFF) * (sums[2 * j] + sums[2 * j + 1]);
            total += Float16.ReadHalf(w) * dy * sumi - Float16.ReadHalf(w + 2) * dy * summ;
        }
        return total;
    }
}
