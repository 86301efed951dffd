using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Batuta.Inference.Quantization;

namespace Batuta.Inference.Kernels;

/// <summary>Q5_K weights times Q8_K activations: the Q4_K kernel plus the fifth bit from qh, added as 16.</summary>
internal static unsafe class Q5KDot
{
    private const int BlockBytes = 176;

    private static readonly Vector512<short> Chunk0 = Q4KDot.ChunkIndex(0), Chunk1 = Q4KDot.ChunkIndex(1), Chunk2 = Q4KDot.ChunkIndex(2), Chunk3 = Q4KDot.ChunkIndex(3);
    private static readonly Vector512<byte> Bit0 = ChunkBits(0), Bit1 = ChunkBits(1), Bit2 = ChunkBits(2), Bit3 = ChunkBits(3);
    private static readonly Vector128<byte> DuplicateBytes = Vector128.Create((byte)0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7);

    // Chunk c takes bit 2c of qh[l] for its low 32 weights and bit 2c+1 for its high 32.
    private static Vector512<byte> ChunkBits(int c)
    {
        var lanes = new byte[64];
        for (int i = 0; i < 64; i++) lanes[i] = (byte)(1 << (2 * c + (i < 32 ? 0 : 1)));
        return Vector512.Create(lanes);
    }

    public static float Dot(byte* w, int blocks, sbyte* q8, float* d8, short* sums)
    {
        if (Avx512BW.IsSupported) return DotAvx512(w, blocks, q8, d8, sums);
        if (Avx2.IsSupported) return DotAvx2(w, blocks, q8, d8, sums);
        return DotScalar(w, blocks, q8, d8, sums);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> Values(byte* q, Vector512<byte> qh, Vector512<byte> bit)
    {
        var raw = Avx.LoadVector256(q);
        var nib = Vector512.Create(raw, Avx2.ShiftRightLogical(raw.AsUInt16(), 4).AsByte()) & Vector512.Create((byte)0x0F);
        var high = ~Vector512.Equals(qh & bit, Vector512<byte>.Zero) & Vector512.Create((byte)0x10);
        return nib | high;
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
            var m = Avx2.ConvertToVector256Int16(Ssse3.Shuffle(Vector128.CreateScalar(mn).AsByte(), DuplicateBytes));
            accMin = Fma.MultiplyAdd(Avx.ConvertToVector256Single(Avx2.MultiplyAddAdjacent(Avx.LoadVector256(sums), m)), Vector256.Create(dmin), accMin);

            var scales = Sse41.ConvertToVector128Int16(Vector128.CreateScalar(sc).AsByte()).ToVector256Unsafe().ToVector512Unsafe();
            var qhHalf = Avx.LoadVector256(w + 16);
            var qh = Vector512.Create(qhHalf, qhHalf);
            byte* q = w + 48;
            var s0 = Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(Values(q, qh, Bit0), Avx512F.LoadVector512(q8)), Avx512BW.PermuteVar32x16(scales, Chunk0));
            var s1 = Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(Values(q + 32, qh, Bit1), Avx512F.LoadVector512(q8 + 64)), Avx512BW.PermuteVar32x16(scales, Chunk1));
            var s2 = Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(Values(q + 64, qh, Bit2), Avx512F.LoadVector512(q8 + 128)), Avx512BW.PermuteVar32x16(scales, Chunk2));
            var s3 = Avx512BW.MultiplyAddAdjacent(Avx512BW.MultiplyAddAdjacent(Values(q + 96, qh, Bit3), Avx512F.LoadVector512(q8 + 192)), Avx512BW.PermuteVar32x16(scales, Chunk3));
            acc = Avx512F.FusedMultiplyAdd(Avx512F.ConvertToVector512Single((s0 + s1) + (s2 + s3)), Vector512.Create(d), acc);
        }
        return Vector512.Sum(acc) - Vector256.Sum(accMin);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static float DotAvx2(byte* w, int blocks, sbyte* q8, float* d8, short* sums)
    {
        var acc = Vector256<float>.Zero;
        var accMin = Vector256<float>.Zero;
        var mask = Vector256.Create((byte)0x0F);
        var sixteen = Vector256.Create((byte)0x10);
        for (int b = 0; b < blocks; b++, w += BlockBytes, q8 += 256, sums += 16)
        {
            float dy = d8[b];
            float d = Float16.ReadHalf(w) * dy;
            float dmin = Float16.ReadHalf(w + 2) * dy;
            KScales.Unpack(w + 4, out ulong sc, out ulong mn);
            var m = Avx2.ConvertToVector256Int16(Ssse3.Shuffle(Vector128.CreateScalar(mn).AsByte(), DuplicateBytes));
            accMin = Fma.MultiplyAdd(Avx.ConvertToVector256Single(Avx2.MultiplyAddAdjacent(Avx.LoadVector256(sums), m)), Vector256.Create(dmin), accMin);
            var qh = Avx.LoadVector256(w + 16);
            var sumi = Vector256<int>.Zero;
            byte* q = w + 48;
            for (int c = 0; c < 4; c++)
            {
                var raw = Avx.LoadVector256(q + 32 * c);
                var bitLo = Vector256.Create((byte)(1 << (2 * c)));
                var bitHi = Vector256.Create((byte)(2 << (2 * c)));
                var lo = (raw & mask) | (~Vector256.Equals(qh & bitLo, Vector256<byte>.Zero) & sixteen);
                var hi = (Avx2.ShiftRightLogical(raw.AsUInt16(), 4).AsByte() & mask) | (~Vector256.Equals(qh & bitHi, Vector256<byte>.Zero) & sixteen);
                var pl = Avx2.MultiplyAddAdjacent(lo, Avx.LoadVector256(q8 + 64 * c));
                var ph = Avx2.MultiplyAddAdjacent(hi, Avx.LoadVector256(q8 + 64 * c + 32));
                sumi += Avx2.MultiplyAddAdjacent(pl, Vector256.Create((short)(byte)(sc >> (16 * c))));
                sumi += Avx2.MultiplyAddAdjacent(ph, Vector256.Create((short)(byte)(sc >> (16 * c + 8))));
            }
            acc = Fma.MultiplyAdd(Avx.ConvertToVector256Single(sumi), Vector256.Create(d), acc);
        }
        return Vector256.Sum(acc) - Vector256.Sum(accMin);
    }

    internal static float DotScalar(byte* w, int blocks, sbyte* q8, float* d8, short* sums)
    {
        float total = 0;
        for (int b = 0; b < blocks; b++, w += BlockBytes, q8 += 256, sums += 16)
        {
            float dy = d8[b];
            KScales.Unpack(w + 4, out ulong sc, out ulong mn);
            byte* qh = w + 16;
            byte* q = w + 48;
            int sumi = 0, summ = 0;
            for (int c = 0; c < 4; c++)
            {
                int lo = 0, hi = 0;
                for (int l = 0; l < 32; l++)
                {
                    int vl = (q[32 * c + l] & 0xF) + ((qh[l] >> (2 * c)) & 1) * 16;
                    int vh = (q[32 * c + l] >> 4) + ((qh[l] >> (2 * c + 1)) & 1) * 16;
                    lo += vl * q8[64 * c + l];
                    hi += vh * q8[64 * c + 32 + l];
                }
                sumi += lo * (int)((sc >> (16 * c)) & 0xFF) + hi * (int)((sc >> (16 * c + 8)) & 0xFF);
            }
            for (int j = 0; j < 8; j++) summ += (int)((mn >> (8 * j)) & 0xFF) * (sums[2 * j] + sums[2 * j + 1]);
            total += Float16.ReadHalf(w) * dy * sumi - Float16.ReadHalf(w + 2) * dy * summ;
        }
        return total;
    }
}
