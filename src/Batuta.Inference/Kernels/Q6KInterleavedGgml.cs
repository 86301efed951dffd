using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Batuta.Inference.Kernels;

/// <summary>
/// The interleaved Q6_K kernel (eight rows per load, <see cref="Q6KInterleaved"/>'s layout) with llama.cpp's
/// rounding: per row, the eight int32 lanes of its AVX2 loop (lane k takes bytes 4k..4k+3 of every 32-weight
/// chunk, minus 32·Σ sc·bsums for sub-block pair k), one FMA per block into eight float lanes, and
/// <c>hsum_float_8</c>. An 8-weight group g lands in lanes 2(g mod 4) and 2(g mod 4)+1, so four int accumulators
/// A_m (m = g mod 4) hold every row's lanes 2m, 2m+1 in their lanes 2r, 2r+1, and all float work stays vertical.
/// </summary>
internal static unsafe class Q6KInterleavedGgml
{
    private static readonly Vector512<int> Even = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 0, 0, 0, 0, 0, 0, 0, 0);
    private static readonly Vector512<int> Twice = Vector512.Create(0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7);

    // High byte of s16 lane 4r+i: row r's scale 4m+i, for m even (+0) and odd (+4) within its 8-scale table.
    private static readonly Vector512<byte> QuadIndexEven = QuadIndex(0), QuadIndexOdd = QuadIndex(4);

    private static Vector512<byte> QuadIndex(int first)
    {
        var bytes = new byte[64];
        for (int lane = 0; lane < 32; lane++) bytes[2 * lane + 1] = (byte)(8 * (lane / 4) + first + lane % 4);
        return Vector512.Create(bytes);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Group1(byte* gb, int blocks, sbyte* q8, float* d8, short* sums, float* y)
    {
        var f0 = Vector512<float>.Zero; var f1 = Vector512<float>.Zero; var f2 = Vector512<float>.Zero; var f3 = Vector512<float>.Zero;
        for (int b = 0; b < blocks; b++, gb += Q6KInterleaved.GroupBlockBytes, q8 += 256, sums += 16)
        {
            var tableA = Avx512F.LoadVector512(gb + 16);
            var tableB = Avx512F.LoadVector512(gb + 80);
            var dd = RowsTwice(gb) * Vector512.Create(d8[b]);
            var a0 = Vector512<int>.Zero; var a1 = Vector512<int>.Zero; var a2 = Vector512<int>.Zero; var a3 = Vector512<int>.Zero;
            for (int g = 0; g < 32; g += 4)
            {
                a0 += GroupDot(Weights(gb, g), q8 + 8 * g, GroupScale(tableA, tableB, g));
                a1 += GroupDot(Weights(gb, g + 1), q8 + 8 * (g + 1), GroupScale(tableA, tableB, g + 1));
                a2 += GroupDot(Weights(gb, g + 2), q8 + 8 * (g + 2), GroupScale(tableA, tableB, g + 2));
                a3 += GroupDot(Weights(gb, g + 3), q8 + 8 * (g + 3), GroupScale(tableA, tableB, g + 3));
            }
            f0 = Add(a0, Offset(OffsetScales(tableA, tableB, 0), sums, 0), dd, f0);
            f1 = Add(a1, Offset(OffsetScales(tableA, tableB, 1), sums, 1), dd, f1);
            f2 = Add(a2, Offset(OffsetScales(tableA, tableB, 2), sums, 2), dd, f2);
            f3 = Add(a3, Offset(OffsetScales(tableA, tableB, 3), sums, 3), dd, f3);
        }
        Store(f0, f1, f2, f3, y);
    }

    /// <summary>Four tokens: each weight group is unpacked once and met by all four tokens' activations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Group4(byte* gb, int blocks, sbyte* q8, float* d8, short* sums, long stride, float* y, int ldy)
    {
        long ds = stride / 256, ss = stride / 16;
        Span<Vector512<float>> f = stackalloc Vector512<float>[16]; // [token * 4 + m]
        Span<Vector512<int>> a = stackalloc Vector512<int>[16];
        Span<Vector512<short>> offsetScales = stackalloc Vector512<short>[4];
        f.Clear();
        for (int b = 0; b < blocks; b++, gb += Q6KInterleaved.GroupBlockBytes, q8 += 256, sums += 16)
        {
            var tableA = Avx512F.LoadVector512(gb + 16);
            var tableB = Avx512F.LoadVector512(gb + 80);
            a.Clear();
            for (int g = 0; g < 32; g++)
            {
                var w = Weights(gb, g);
                var scale = GroupScale(tableA, tableB, g);
                for (int t = 0; t < 4; t++) a[4 * t + (g & 3)] += GroupDot(w, q8 + t * stride + 8 * g, scale);
            }
            for (int m = 0; m < 4; m++) offsetScales[m] = OffsetScales(tableA, tableB, m);
            var d = RowsTwice(gb);
            for (int t = 0; t < 4; t++)
            {
                var dd = d * Vector512.Create(d8[b + t * ds]);
                for (int m = 0; m < 4; m++) f[4 * t + m] = Add(a[4 * t + m], Offset(offsetScales[m], sums + t * ss, m), dd, f[4 * t + m]);
            }
        }
        for (int t = 0; t < 4; t++) Store(f[4 * t], f[4 * t + 1], f[4 * t + 2], f[4 * t + 3], y + (long)t * ldy);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> Weights(byte* gb, int g) => Q6KInterleaved.Group(gb, g);

    /// <summary>The eight rows' scale of group g's sub-block (g / 2), as s16 lanes 4r..4r+3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<short> GroupScale(Vector512<byte> tableA, Vector512<byte> tableB, int g)
    {
        int j = g / 2;
        return Q6KInterleaved.Scale(j < 8 ? tableA : tableB, j);
    }

    /// <summary>Σ (q·y) over one 8-weight group of the eight rows, times the rows' scales: int32 lanes 2r, 2r+1 per row (an A_m share, m = g mod 4).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> GroupDot(Vector512<byte> w, sbyte* y, Vector512<short> scale)
    {
        var p = Avx512BW.MultiplyAddAdjacent(w, Vector512.Create(*(long*)y).AsSByte());
        return Avx512BW.MultiplyAddAdjacent(p, scale);
    }

    /// <summary>Row r's scales 4m..4m+3 in s16 lanes 4r..4r+3 (the sub-block pairs of offset lanes 2m and 2m+1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<short> OffsetScales(Vector512<byte> tableA, Vector512<byte> tableB, int m) =>
        Avx512BW.ShiftRightArithmetic(Avx512Vbmi.PermuteVar64x8(m < 2 ? tableA : tableB, (m & 1) == 0 ? QuadIndexEven : QuadIndexOdd).AsInt16(), 8);

    /// <summary>32·(bsums[2k]·sc[2k] + bsums[2k+1]·sc[2k+1]) for lanes k = 2m (lane 2r) and 2m+1 (lane 2r+1) of every row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> Offset(Vector512<short> scales, short* sums16, int m)
    {
        var bsums = Vector512.Create(*(long*)(sums16 + 4 * m)).AsInt16();
        return Avx512F.ShiftLeftLogical(Avx512BW.MultiplyAddAdjacent(scales, bsums), 5);
    }

    /// <summary>One block into the float lanes: d·float(lanes) + acc, one FMA (ggml's order of operands).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Add(Vector512<int> lanes, Vector512<int> offset, Vector512<float> dd, Vector512<float> acc) =>
        Avx512F.FusedMultiplyAdd(dd, Avx512F.ConvertToVector512Single(lanes - offset), acc);

    /// <summary>hsum_float_8 for the eight rows at once: lanes k+4 and k (F_{m+2} + F_m), then 0+2 and 1+3, then those two.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector512<float> f0, Vector512<float> f1, Vector512<float> f2, Vector512<float> f3, float* y)
    {
        var t = (f2 + f0) + (f3 + f1);
        var rows = t + Avx512F.Shuffle(t, t, 0b10_11_00_01);
        Avx512F.PermuteVar16x32(rows, Even).GetLower().Store(y);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> RowsTwice(byte* gb)
    {
        var d = HalfVectors.Load8(gb);
        return Avx512F.PermuteVar16x32(Vector512.Create(d, d), Twice);
    }
}
