using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Batuta.Inference.Quantization;

namespace Batuta.Inference.Kernels;

/// <summary>
/// Q6_K weights times Q8_K activations. The 6-bit values are rebuilt in registers as unsigned 0..63
/// (nibble | two high bits), multiplied as u8 x s8, scaled per 16 weights by the signed 8-bit scales;
/// the -32 offset is removed afterwards with the activation's 16-sums: dot = d*d_x*(sum sc*q.y - 32*sum sc*sum(y)).
/// </summary>
internal static unsafe class Q6KDot
{
    private const int BlockBytes = 210;

    // For the k-th 64-weight vector of a block, s16 lanes: 8 x sc[4k], 8 x sc[4k+1], 8 x sc[4k+2], 8 x sc[4k+3].
    private static readonly Vector512<short> Quarter0 = QuarterIndex(0), Quarter1 = QuarterIndex(1), Quarter2 = QuarterIndex(2), Quarter3 = QuarterIndex(3);
    private static readonly Vector512<ushort> LowShift = HalfShift(4, 2), HighShift = HalfShift(0, 2);

    private static Vector512<short> QuarterIndex(int k)
    {
        var lanes = new short[32];
        for (int i = 0; i < 32; i++) lanes[i] = (short)(4 * k + i / 8);
        return Vector512.Create(lanes);
    }

    private static Vector512<ushort> HalfShift(int first, int second)
    {
        var lanes = new ushort[32];
        for (int i = 0; i < 32; i++) lanes[i] = (ushort)(i < 16 ? first : second);
        return Vector512.Create(lanes);
    }

    public static float Dot(byte* w, int blocks, sbyte* q8, float* d8, short* sums)
    {
        if (Avx512BW.IsSupported) return DotAvx512(w, blocks, q8, d8, sums);
        if (Avx2.IsSupported) return DotAvx2(w, blocks, q8, d8, sums);
        return DotScalar(w, blocks, q8, d8, sums);
    }

    /// <summary>
    /// Two 32-weight chunks per 512-bit step; their int32 lanes are added into the eight lanes llama.cpp's AVX2
    /// loop (which its AVX-512 build runs for Q6_K) accumulates, so the float work - one FMA per block into eight
    /// lanes, <c>hsum_float_8</c> at the end - and therefore the result are that loop's, bit for bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float DotAvx512(byte* w, int blocks, sbyte* q8, float* d8, short* sums)
    {
        var acc = Vector256<float>.Zero;
        var m4 = Vector512.Create((byte)0x0F);
        var m30 = Vector512.Create((byte)0x30);
        for (int b = 0; b < blocks; b++, w += BlockBytes, q8 += 256, sums += 16)
        {
            float d = Float16.ReadHalf(w + 208) * d8[b];
            var sc16 = Avx2.ConvertToVector256Int16(Sse2.LoadVector128((sbyte*)(w + 192)));
            var scales = sc16.ToVector512Unsafe();
            var offset = Avx2.MultiplyAddAdjacent(Avx.LoadVector256(sums), sc16); // sum_j sc_j * sum(y)_j, 8 lanes
            var sumi = Vector512<int>.Zero;
            for (int n = 0; n < 2; n++)
            {
                var ql = Avx512F.LoadVector512(w + 64 * n);
                var qhHalf = Avx.LoadVector256(w + 128 + 32 * n);
                var qh = Vector512.Create(qhHalf, qhHalf).AsUInt16();
                var lo = (ql & m4) | (Avx512BW.ShiftLeftLogicalVariable(qh, LowShift).AsByte() & m30);
                var hi = (Avx512BW.ShiftRightLogical(ql.AsUInt16(), 4).AsByte() & m4) | (Avx512BW.ShiftRightLogicalVariable(qh, HighShift).AsByte() & m30);
                var pl = Avx512BW.MultiplyAddAdjacent(lo, Avx512F.LoadVector512(q8 + 128 * n));
                var ph = Avx512BW.MultiplyAddAdjacent(hi, Avx512F.LoadVector512(q8 + 128 * n + 64));
                sumi += Avx512BW.MultiplyAddAdjacent(pl, Avx512BW.PermuteVar32x16(scales, n == 0 ? Quarter0 : Quarter2));
                sumi += Avx512BW.MultiplyAddAdjacent(ph, Avx512BW.PermuteVar32x16(scales, n == 0 ? Quarter1 : Quarter3));
            }
            var lanes = sumi.GetLower() + sumi.GetUpper() - Avx2.ShiftLeftLogical(offset, 5);
            acc = Fma.MultiplyAdd(Avx.ConvertToVector256Single(lanes), Vector256.Create(d), acc);
        }
        return GgmlFloat.HorizontalSum(acc);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static float DotAvx2(byte* w, int blocks, sbyte* q8, float* d8, short* sums)
    {
        var acc = Vector256<float>.Zero;
        var m4 = Vector256.Create((byte)0x0F);
        var m30 = Vector256.Create((byte)0x30);
        for (int b = 0; b < blocks; b++, w += BlockBytes, q8 += 256, sums += 16)
        {
            float d = Float16.ReadHalf(w + 208) * d8[b];
            sbyte* sc = (sbyte*)(w + 192);
            var sc16 = Avx2.ConvertToVector256Int16(Sse2.LoadVector128(sc));
            var offset = Avx2.MultiplyAddAdjacent(Avx.LoadVector256(sums), sc16);
            var sumi = Vector256<int>.Zero;
            for (int n = 0; n < 2; n++)
            {
                var qh = Avx.LoadVector256(w + 128 + 32 * n);
                int s = 8 * n;
                // weights [0, 32) and [64, 96) of this 128-weight half-block
                var ql0 = Avx.LoadVector256(w + 64 * n);
                var lo0 = (ql0 & m4) | (Avx2.ShiftLeftLogical(qh.AsUInt16(), 4).AsByte() & m30);
                var hi0 = (Avx2.ShiftRightLogical(ql0.AsUInt16(), 4).AsByte() & m4) | (qh & m30);
                sumi += Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(lo0, Avx.LoadVector256(q8 + 128 * n)), Pair(sc, s));
                sumi += Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(hi0, Avx.LoadVector256(q8 + 128 * n + 64)), Pair(sc, s + 4));
                // weights [32, 64) and [96, 128)
                var ql1 = Avx.LoadVector256(w + 64 * n + 32);
                var lo1 = (ql1 & m4) | (Avx2.ShiftLeftLogical(qh.AsUInt16(), 2).AsByte() & m30);
                var hi1 = (Avx2.ShiftRightLogical(ql1.AsUInt16(), 4).AsByte() & m4) | (Avx2.ShiftRightLogical(qh.AsUInt16(), 2).AsByte() & m30);
                sumi += Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(lo1, Avx.LoadVector256(q8 + 128 * n + 32)), Pair(sc, s + 2));
                sumi += Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(hi1, Avx.LoadVector256(q8 + 128 * n + 96)), Pair(sc, s + 6));
            }
            sumi -= Avx2.ShiftLeftLogical(offset, 5);
            acc = Fma.MultiplyAdd(Avx.ConvertToVector256Single(sumi), Vector256.Create(d), acc);
        }
        return GgmlFloat.HorizontalSum(acc);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<short> Pair(sbyte* sc, int s) => Vector256.Create(Vector128.Create((short)sc[s]), Vector128.Create((short)sc[s + 1]));

    internal static float DotScalar(byte* w, int blocks, sbyte* q8, float* d8, short* sums)
    {
        float total = 0;
        Span<int> q = stackalloc int[256];
        for (int b = 0; b < blocks; b++, w += BlockBytes, q8 += 256, sums += 16)
        {
            byte* ql = w;
            byte* qh = w + 128;
            sbyte* sc = (sbyte*)(w + 192);
            for (int n = 0; n < 2; n++)
            {
                for (int l = 0; l < 32; l++)
                {
                    q[128 * n + l] = (ql[64 * n + l] & 0xF) | (((qh[32 * n + l] >> 0) & 3) << 4);
                    q[128 * n + l + 32] = (ql[64 * n + l + 32] & 0xF) | (((qh[32 * n + l] >> 2) & 3) << 4);
                    q[128 * n + l + 64] = (ql[64 * n + l] >> 4) | (((qh[32 * n + l] >> 4) & 3) << 4);
                    q[128 * n + l + 96] = (ql[64 * n + l + 32] >> 4) | (((qh[32 * n + l] >> 6) & 3) << 4);
                }
            }
            int sumi = 0;
            for (int j = 0; j < 16; j++)
            {
                int s = 0;
                for (int l = 0; l < 16; l++) s += (q[16 * j + l] - 32) * q8[16 * j + l];
                sumi += sc[j] * s;
            }
            total += Float16.ReadHalf(w + 208) * d8[b] * sumi;
        }
        return total;
    }
}
