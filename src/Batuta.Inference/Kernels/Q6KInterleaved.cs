using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Batuta.Inference.Quantization;

namespace Batuta.Inference.Kernels;

/// <summary>
/// Q6_K weights regrouped eight rows at a time, same byte count as the file (8 x 210 = 1680 per group and block):
/// <list type="bullet">
/// <item>[0, 16) the eight rows' d (half);</item>
/// <item>[16, 144) the int8 scales: 64 bytes for sub-blocks 0-7 (row r at bytes 8r..8r+7), then 64 for 8-15;</item>
/// <item>[144, 1168) low 4 bits: plane p (0..15) holds, for rows 0..7, 8 bytes whose low nibbles are weights
/// 8p..8p+7 and high nibbles weights 8(p+16)..; </item>
/// <item>[1168, 1680) high 2 bits: plane h (0..7) holds, per row, 8 bytes whose bit pairs 0-1, 2-3, 4-5, 6-7 are
/// the high bits of weights 8h+i, 8(h+8)+i, 8(h+16)+i, 8(h+24)+i.</item>
/// </list>
/// Each 8-weight group is rebuilt as unsigned 0..63 for 8 rows at once and multiplied against 8 activation
/// bytes broadcast to all rows; two groups form a 16-weight sub-block, scaled once. The -32 offset is removed
/// with the activation's 16-sums: per row, 32 * sum_j sc_j * sum(y)_j.
/// </summary>
internal static unsafe class Q6KInterleaved
{
    public const int GroupRows = 8;
    public const int GroupBlockBytes = GroupRows * 210;

    /// <summary>The group-block two ahead is requested while this one is computed (see <see cref="Q4KInterleaved"/>).</summary>
    private const int PrefetchDistance = 2 * GroupBlockBytes;

    internal static bool CanUseHardware => Avx512BW.IsSupported && Avx512Vbmi.IsSupported;

    public static bool CanUse(WeightMatrix w) => Avx512BW.IsSupported && Avx512Vbmi.IsSupported && w.Type == GgmlType.Q6_K && w.Rows % GroupRows == 0;

    public static byte* Repack(byte* src, int rows, int columns)
    {
        int blocks = columns / 256;
        long bytes = (long)rows * blocks * 210;
        byte* dst = (byte*)NativeMemory.AlignedAlloc((nuint)bytes, 64);
        byte* q = stackalloc byte[256];
        for (int g = 0; g < rows / GroupRows; g++)
        for (int b = 0; b < blocks; b++)
        {
            byte* o = dst + ((long)g * blocks + b) * GroupBlockBytes;
            new Span<byte>(o, GroupBlockBytes).Clear();
            for (int r = 0; r < GroupRows; r++)
            {
                byte* blk = src + ((long)(g * GroupRows + r) * blocks + b) * 210;
                *(ushort*)(o + 2 * r) = *(ushort*)(blk + 208);
                for (int j = 0; j < 16; j++) o[16 + (j / 8) * 64 + 8 * r + j % 8] = blk[192 + j];
                Unpack(blk, q);
                for (int w = 0; w < 256; w++)
                {
                    int group = w / 8, i = w % 8;
                    byte* lo = o + 144 + (group % 16) * 64 + 8 * r + i;
                    *lo |= (byte)((q[w] & 0xF) << (group < 16 ? 0 : 4));
                    byte* hi = o + 1168 + (group % 8) * 64 + 8 * r + i;
                    *hi |= (byte)((q[w] >> 4) << (2 * (group / 8)));
                }
            }
        }
        return dst;
    }

    /// <summary>The 256 unsigned 6-bit values of a block, in weight order.</summary>
    private static void Unpack(byte* blk, byte* q)
    {
        byte* ql = blk;
        byte* qh = blk + 128;
        for (int n = 0; n < 2; n++)
        for (int l = 0; l < 32; l++)
        {
            q[128 * n + l] = (byte)((ql[64 * n + l] & 0xF) | (((qh[32 * n + l] >> 0) & 3) << 4));
            q[128 * n + l + 32] = (byte)((ql[64 * n + l + 32] & 0xF) | (((qh[32 * n + l] >> 2) & 3) << 4));
            q[128 * n + l + 64] = (byte)((ql[64 * n + l] >> 4) | (((qh[32 * n + l] >> 4) & 3) << 4));
            q[128 * n + l + 96] = (byte)((ql[64 * n + l + 32] >> 4) | (((qh[32 * n + l] >> 6) & 3) << 4));
        }
    }

    /// <summary>The eight rows' 6-bit values of 8-weight group g (0..31), unsigned, rows side by side.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<byte> Group(byte* gb, int g)
    {
        var mask = Vector512.Create((byte)0x0F);
        var hiMask = Vector512.Create((byte)0x30);
        var lo = Avx512F.LoadVector512(gb + 144 + (g & 15) * 64);
        lo = g < 16 ? lo & mask : Avx512BW.ShiftRightLogical(lo.AsUInt16(), 4).AsByte() & mask;
        var h = Avx512F.LoadVector512(gb + 1168 + (g & 7) * 64).AsUInt16();
        var hi = (g >> 3) switch
        {
            0 => Avx512BW.ShiftLeftLogical(h, 4),
            1 => Avx512BW.ShiftLeftLogical(h, 2),
            2 => h,
            _ => Avx512BW.ShiftRightLogical(h, 2),
        };
        return lo | (hi.AsByte() & hiMask);
    }

    /// <summary>s16 lanes 4r..4r+3 = row r's scale of sub-block j, sign-extended.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<short> Scale(Vector512<byte> table, int j)
    {
        // byte 2k+1 of the result takes row (k/4)'s scale: index 8*(k/4) + j%8; the low byte is shifted out.
        var idx = Vector512.Create((byte)0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 8, 0, 8, 0, 8, 0, 16, 0, 16, 0, 16, 0, 16, 0, 24, 0, 24, 0, 24, 0, 24,
            0, 32, 0, 32, 0, 32, 0, 32, 0, 40, 0, 40, 0, 40, 0, 40, 0, 48, 0, 48, 0, 48, 0, 48, 0, 56, 0, 56, 0, 56, 0, 56) + Vector512.Create((ushort)((j & 7) << 8)).AsByte();
        return Avx512BW.ShiftRightArithmetic(Avx512Vbmi.PermuteVar64x8(table, idx).AsInt16(), 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> SubBlock(Vector512<byte> g0, Vector512<byte> g1, sbyte* y, Vector512<short> scale, int offset16, Vector512<int> sumi)
    {
        var p = Avx512BW.MultiplyAddAdjacent(g0, Vector512.Create(*(long*)y).AsSByte())
              + Avx512BW.MultiplyAddAdjacent(g1, Vector512.Create(*(long*)(y + 8)).AsSByte());
        // (16 * sum(y), 0) pairs: madd with the scale gives 16*sc*sum(y) in both lanes of a row, 32*sc*sum(y) in all.
        var offset = Avx512BW.MultiplyAddAdjacent(scale, Vector512.Create(offset16).AsInt16());
        return sumi + Avx512BW.MultiplyAddAdjacent(p, scale) - offset;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Offset(short* sums, int j) => (ushort)(short)(16 * sums[j]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> RowSums(Vector512<int> sumi)
    {
        var even = Avx512F.PermuteVar16x32(sumi, Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 0, 2, 4, 6, 8, 10, 12, 14));
        var odd = Avx512F.PermuteVar16x32(sumi, Vector512.Create(1, 3, 5, 7, 9, 11, 13, 15, 1, 3, 5, 7, 9, 11, 13, 15));
        return Avx.ConvertToVector256Single((even + odd).GetLower());
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(byte* packed, int blocks, int g0, int g1, ActivationBatch x, int tokens, float* y, int ldy)
    {
        long stride = x.Width;
        for (int g = g0; g < g1; g++)
        {
            byte* group = packed + (long)g * blocks * GroupBlockBytes;
            int t = 0;
            if (GgmlFloat.Enabled)
            {
                // llama.cpp's rounding (its row-by-row AVX2 Q6_K loop), eight rows at a time.
                for (; t + 4 <= tokens; t += 4)
                    Q6KInterleavedGgml.Group4(group, blocks, x.Q8K + t * stride, x.Q8KScale + t * (stride / 256), x.Q8KSums + t * (stride / 16), stride, y + (long)t * ldy + g * GroupRows, ldy);
                for (; t < tokens; t++)
                    Q6KInterleavedGgml.Group1(group, blocks, x.Q8K + t * stride, x.Q8KScale + t * (stride / 256), x.Q8KSums + t * (stride / 16), y + (long)t * ldy + g * GroupRows);
                continue;
            }
            for (; t + 4 <= tokens; t += 4)
                Group4(group, blocks, x.Q8K + t * stride, x.Q8KScale + t * (stride / 256), x.Q8KSums + t * (stride / 16), stride, y + (long)t * ldy + g * GroupRows, ldy);
            for (; t < tokens; t++)
                Group1(group, blocks, x.Q8K + t * stride, x.Q8KScale + t * (stride / 256), x.Q8KSums + t * (stride / 16), y + (long)t * ldy + g * GroupRows);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Group1(byte* gb, int blocks, sbyte* q8, float* d8, short* sums, float* y)
    {
        var acc = Vector256<float>.Zero;
        for (int b = 0; b < blocks; b++, gb += GroupBlockBytes, q8 += 256, sums += 16)
        {
            for (int line = 0; line < GroupBlockBytes; line += 64) Sse.Prefetch0(gb + PrefetchDistance + line);
            var tableA = Avx512F.LoadVector512(gb + 16);
            var tableB = Avx512F.LoadVector512(gb + 80);
            var sumi = Vector512<int>.Zero;
            for (int j = 0; j < 16; j++)
                sumi = SubBlock(Group(gb, 2 * j), Group(gb, 2 * j + 1), q8 + 16 * j, Scale(j < 8 ? tableA : tableB, j), Offset(sums, j), sumi);
            acc = Fma.MultiplyAdd(RowSums(sumi), HalfVectors.Load8(gb) * Vector256.Create(d8[b]), acc);
        }
        acc.Store(y);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Group4(byte* gb, int blocks, sbyte* q8, float* d8, short* sums, long stride, float* y, int ldy)
    {
        long ds = stride / 256, ss = stride / 16;
        var acc0 = Vector256<float>.Zero; var acc1 = Vector256<float>.Zero; var acc2 = Vector256<float>.Zero; var acc3 = Vector256<float>.Zero;
        for (int b = 0; b < blocks; b++, gb += GroupBlockBytes, q8 += 256, sums += 16)
        {
            var tableA = Avx512F.LoadVector512(gb + 16);
            var tableB = Avx512F.LoadVector512(gb + 80);
            var s0 = Vector512<int>.Zero; var s1 = Vector512<int>.Zero; var s2 = Vector512<int>.Zero; var s3 = Vector512<int>.Zero;
            for (int j = 0; j < 16; j++)
            {
                var a = Group(gb, 2 * j);
                var c = Group(gb, 2 * j + 1);
                var scale = Scale(j < 8 ? tableA : tableB, j);
                s0 = SubBlock(a, c, q8 + 16 * j, scale, Offset(sums, j), s0);
                s1 = SubBlock(a, c, q8 + stride + 16 * j, scale, Offset(sums + ss, j), s1);
                s2 = SubBlock(a, c, q8 + 2 * stride + 16 * j, scale, Offset(sums + 2 * ss, j), s2);
                s3 = SubBlock(a, c, q8 + 3 * stride + 16 * j, scale, Offset(sums + 3 * ss, j), s3);
            }
            var d = HalfVectors.Load8(gb);
            acc0 = Fma.MultiplyAdd(RowSums(s0), d * Vector256.Create(d8[b]), acc0);
            acc1 = Fma.MultiplyAdd(RowSums(s1), d * Vector256.Create(d8[b + ds]), acc1);
            acc2 = Fma.MultiplyAdd(RowSums(s2), d * Vector256.Create(d8[b + 2 * ds]), acc2);
            acc3 = Fma.MultiplyAdd(RowSums(s3), d * Vector256.Create(d8[b + 3 * ds]), acc3);
        }
        acc0.Store(y);
        acc1.Store(y + ldy);
        acc2.Store(y + 2L * ldy);
        acc3.Store(y + 3L * ldy);
    }
}
