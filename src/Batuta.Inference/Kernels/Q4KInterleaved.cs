using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Batuta.Inference.Quantization;

namespace Batuta.Inference.Kernels;

/// <summary>
/// Q4_K weights regrouped eight rows at a time so one 64-byte load feeds eight output rows. Same bytes
/// as the file (no extra memory traffic); the group for block b of rows 8g..8g+7 is 1152 bytes:
/// <list type="bullet">
/// <item>[0, 16) the eight rows' d (half), [16, 32) their dmin (half);</item>
/// <item>[32, 128) the 12 packed scale bytes of each row as three 32-byte runs (bytes 0-3, 4-7 and 8-11 of every row), so the 6-bit unpacking runs on eight rows at once;</item>
/// <item>[128, 1152) the 4-bit values: for 64-weight chunk c and 8-byte group l, the bytes qs[32c + 8l .. +8) of rows 0..7 side by side.</item>
/// </list>
/// A zmm of 4-bit values then holds 8 weights of 8 rows (low nibbles: sub-block 2c; high: 2c+1), multiplied
/// against 8 activation bytes broadcast to all rows. The u8 x s8 products of a sub-block are summed in
/// 16 bits (at most 4 x 3810), scaled once per sub-block, and the eight rows' results come out as one vector.
/// </summary>
internal static unsafe class Q4KInterleaved
{
    public const int GroupRows = 8;
    public const int GroupBlockBytes = GroupRows * 144;

    /// <summary>
    /// Decode streams each weight once, so it waits on memory: asking for the group-block two ahead while this
    /// one is computed keeps more requests in flight than the hardware prefetcher alone (measured on the 1B
    /// model: 29 instead of 34 ms per token).
    /// </summary>
    private const int PrefetchDistance = 2 * GroupBlockBytes;

    public static bool CanUse(WeightMatrix w) => Avx512BW.IsSupported && w.Type == GgmlType.Q4_K && w.Rows % GroupRows == 0;

    /// <summary>Copies a Q4_K matrix into the interleaved layout (the caller frees with NativeMemory.AlignedFree).</summary>
    public static byte* Repack(byte* src, int rows, int columns)
    {
        int blocks = columns / 256;
        long bytes = (long)rows * blocks * 144;
        byte* dst = (byte*)NativeMemory.AlignedAlloc((nuint)bytes, 64);
        for (int g = 0; g < rows / GroupRows; g++)
        for (int b = 0; b < blocks; b++)
        {
            byte* o = dst + ((long)g * blocks + b) * GroupBlockBytes;
            for (int r = 0; r < GroupRows; r++)
            {
                byte* blk = src + ((long)(g * GroupRows + r) * blocks + b) * 144;
                *(ushort*)(o + 2 * r) = *(ushort*)blk;
                *(ushort*)(o + 16 + 2 * r) = *(ushort*)(blk + 2);
                for (int k = 0; k < 3; k++) *(uint*)(o + 32 + 32 * k + 4 * r) = *(uint*)(blk + 4 + 4 * k);
                for (int c = 0; c < 4; c++)
                for (int l = 0; l < 4; l++)
                    *(ulong*)(o + 128 + (c * 4 + l) * 64 + 8 * r) = *(ulong*)(blk + 16 + 32 * c + 8 * l);
            }
        }
        return dst;
    }

    // s16 lane 4r+i of the scale vector for sub-block j takes lane 4r + (j % 4) of the zero-extended scale bytes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<short> ScaleIndex(int j) =>
        Vector512.Create((short)0, 0, 0, 0, 4, 4, 4, 4, 8, 8, 8, 8, 12, 12, 12, 12, 16, 16, 16, 16, 20, 20, 20, 20, 24, 24, 24, 24, 28, 28, 28, 28) + Vector512.Create((short)j);

    /// <summary>
    /// y[t * ldy + r] for the rows of groups [g0, g1) and tokens [0, tokens), against Q8_K activations.
    /// Tokens are taken four at a time so each unpacked chunk of weights serves four tokens.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(byte* packed, int blocks, int g0, int g1, ActivationBatch x, int tokens, float* y, int ldy)
    {
        long stride = x.Width;
        for (int g = g0; g < g1; g++)
        {
            byte* group = packed + (long)g * blocks * GroupBlockBytes;
            int t = 0;
            for (; t + 4 <= tokens; t += 4)
                Group4(group, blocks, x.Q8K + t * stride, x.Q8KScale + t * (stride / 256), x.Q8KSums + t * (stride / 16), stride, y + (long)t * ldy + g * GroupRows, ldy);
            for (; t < tokens; t++)
                Group1(group, blocks, x.Q8K + t * stride, x.Q8KScale + t * (stride / 256), x.Q8KSums + t * (stride / 16), y + (long)t * ldy + g * GroupRows);
        }
    }

    /// <summary>Per group-block constants: the eight rows' scale vectors for each sub-block, d, dmin and the mins as s16 pairs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Unpack(byte* gb, out Vector512<short> scaleLow, out Vector512<short> scaleHigh, out Vector512<short> mins0, out Vector512<short> mins1,
        out Vector256<float> d, out Vector256<float> dmin)
    {
        d = HalfVectors.Load8(gb);
        dmin = HalfVectors.Load8(gb + 16);
        var k1 = Vector256.Create(0x3f3f3f3fu);
        var k2 = Vector256.Create(0x0f0f0f0fu);
        var k3 = Vector256.Create(0x03030303u);
        var u0 = Avx.LoadVector256((uint*)(gb + 32));
        var u1 = Avx.LoadVector256((uint*)(gb + 64));
        var u2 = Avx.LoadVector256((uint*)(gb + 96));
        var s0 = u0 & k1;
        var s1 = (u2 & k2) | Avx2.ShiftLeftLogical(Avx2.ShiftRightLogical(u0, 6) & k3, 4);
        var m0 = u1 & k1;
        var m1 = Avx2.ShiftRightLogical(u2, 4) & k2 | Avx2.ShiftLeftLogical(Avx2.ShiftRightLogical(u1, 6) & k3, 4);
        scaleLow = Avx512BW.ConvertToVector512Int16(s0.AsByte()); // row r: sc0..sc3 in s16 lanes 4r..4r+3
        scaleHigh = Avx512BW.ConvertToVector512Int16(s1.AsByte()); // sc4..sc7
        mins0 = Avx512BW.ConvertToVector512Int16(m0.AsByte());
        mins1 = Avx512BW.ConvertToVector512Int16(m1.AsByte());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> SubBlockPair(byte* q, sbyte* y, Vector512<short> scaleLow, Vector512<short> scaleHigh, Vector512<int> sumi)
    {
        var mask = Vector512.Create((byte)0x0F);
        var w0 = Avx512F.LoadVector512(q);
        var w1 = Avx512F.LoadVector512(q + 64);
        var w2 = Avx512F.LoadVector512(q + 128);
        var w3 = Avx512F.LoadVector512(q + 192);
        var lo = Avx512BW.MultiplyAddAdjacent(w0 & mask, Vector512.Create(*(long*)y).AsSByte())
               + Avx512BW.MultiplyAddAdjacent(w1 & mask, Vector512.Create(*(long*)(y + 8)).AsSByte())
               + Avx512BW.MultiplyAddAdjacent(w2 & mask, Vector512.Create(*(long*)(y + 16)).AsSByte())
               + Avx512BW.MultiplyAddAdjacent(w3 & mask, Vector512.Create(*(long*)(y + 24)).AsSByte());
        var hi = Avx512BW.MultiplyAddAdjacent(Avx512BW.ShiftRightLogical(w0.AsUInt16(), 4).AsByte() & mask, Vector512.Create(*(long*)(y + 32)).AsSByte())
               + Avx512BW.MultiplyAddAdjacent(Avx512BW.ShiftRightLogical(w1.AsUInt16(), 4).AsByte() & mask, Vector512.Create(*(long*)(y + 40)).AsSByte())
               + Avx512BW.MultiplyAddAdjacent(Avx512BW.ShiftRightLogical(w2.AsUInt16(), 4).AsByte() & mask, Vector512.Create(*(long*)(y + 48)).AsSByte())
               + Avx512BW.MultiplyAddAdjacent(Avx512BW.ShiftRightLogical(w3.AsUInt16(), 4).AsByte() & mask, Vector512.Create(*(long*)(y + 56)).AsSByte());
        return sumi + Avx512BW.MultiplyAddAdjacent(lo, scaleLow) + Avx512BW.MultiplyAddAdjacent(hi, scaleHigh);
    }

    /// <summary>
    /// Adds one block to the eight rows' accumulators: d*dy*sumi to one and dmin*dy*summ to the other,
    /// subtracted only at the end. This is ggml's order of float operations for the same integer sums, so
    /// the results match llama.cpp's repacked Q4_K kernel bit for bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(Vector512<int> sumi, Vector512<int> summ, Vector256<float> d, Vector256<float> dmin, float dy, ref Vector256<float> accD, ref Vector256<float> accMin)
    {
        // lanes 2r and 2r+1 belong to row r: add them, sumi rows into the low half, summ rows into the high half.
        var even = Avx512F.PermuteVar16x32x2(sumi, Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30), summ);
        var odd = Avx512F.PermuteVar16x32x2(sumi, Vector512.Create(1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31), summ);
        var f = Avx512F.ConvertToVector512Single(even + odd);
        var dy8 = Vector256.Create(dy);
        accD = Fma.MultiplyAdd(f.GetLower(), d * dy8, accD);
        accMin = Fma.MultiplyAdd(f.GetUpper(), dmin * dy8, accMin);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> Mins(Vector512<short> mins0, Vector512<short> mins1, short* sums16)
    {
        // 32-sums of the activation from its 16-sums: (b0+b1, b2+b3, ...), as s16 pairs repeated per row.
        var s = Avx.LoadVector256(sums16);
        var b32 = Avx2.MultiplyAddAdjacent(s, Vector256.Create((short)1)); // 8 x int32
        var packed = Avx2.PackSignedSaturate(b32, b32);                   // s16: b0..b3 b0..b3 | b4..b7 b4..b7
        var low = Vector512.Create(packed.AsInt64().GetElement(0)).AsInt16();  // (b0,b1),(b2,b3) per row
        var high = Vector512.Create(packed.AsInt64().GetElement(2)).AsInt16(); // (b4,b5),(b6,b7)
        return Avx512BW.MultiplyAddAdjacent(mins0, low) + Avx512BW.MultiplyAddAdjacent(mins1, high);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Group1(byte* group, int blocks, sbyte* q8, float* d8, short* sums, float* y)
    {
        var acc = Vector256<float>.Zero;
        var accMin = Vector256<float>.Zero;
        var i0 = ScaleIndex(0); var i1 = ScaleIndex(1); var i2 = ScaleIndex(2); var i3 = ScaleIndex(3);
        for (int b = 0; b < blocks; b++, group += GroupBlockBytes, q8 += 256, sums += 16)
        {
            for (int line = 0; line < GroupBlockBytes; line += 64) Sse.Prefetch0(group + PrefetchDistance + line);
            Unpack(group, out var sLow, out var sHigh, out var m0, out var m1, out var d, out var dmin);
            var sumi = Vector512<int>.Zero;
            byte* q = group + 128;
            sumi = SubBlockPair(q, q8, Avx512BW.PermuteVar32x16(sLow, i0), Avx512BW.PermuteVar32x16(sLow, i1), sumi);
            sumi = SubBlockPair(q + 256, q8 + 64, Avx512BW.PermuteVar32x16(sLow, i2), Avx512BW.PermuteVar32x16(sLow, i3), sumi);
            sumi = SubBlockPair(q + 512, q8 + 128, Avx512BW.PermuteVar32x16(sHigh, i0), Avx512BW.PermuteVar32x16(sHigh, i1), sumi);
            sumi = SubBlockPair(q + 768, q8 + 192, Avx512BW.PermuteVar32x16(sHigh, i2), Avx512BW.PermuteVar32x16(sHigh, i3), sumi);
            Accumulate(sumi, Mins(m0, m1, sums), d, dmin, d8[b], ref acc, ref accMin);
        }
        (acc - accMin).Store(y);
    }

    /// <summary>
    /// Four tokens: llama.cpp's 4-row GEMM (<c>ggml_gemm_q4_K_8x8_q8_K</c>), which unlike its one-row GEMV adds
    /// to the float accumulators once per pair of sub-blocks (64 weights), not once per block. Same integer
    /// sums, another rounding: reproducing it keeps prompt processing bit-identical to llama.cpp's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Group4(byte* group, int blocks, sbyte* q8, float* d8, short* sums, long stride, float* y, int ldy)
    {
        long ds = stride / 256, ss = stride / 16;
        // Accumulators hold each row twice (lanes 2r and 2r+1), the layout the integer sums come in: no
        // cross-lane permute per sub-block pair, one at the end. Same products and FMAs, so the same bits.
        var acc0 = Vector512<float>.Zero; var acc1 = Vector512<float>.Zero; var acc2 = Vector512<float>.Zero; var acc3 = Vector512<float>.Zero;
        var min0 = Vector512<float>.Zero; var min1 = Vector512<float>.Zero; var min2 = Vector512<float>.Zero; var min3 = Vector512<float>.Zero;
        var i0 = ScaleIndex(0); var i1 = ScaleIndex(1); var i2 = ScaleIndex(2); var i3 = ScaleIndex(3);
        var twice = Vector512.Create(0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7);
        for (int b = 0; b < blocks; b++, group += GroupBlockBytes, q8 += 256, sums += 16)
        {
            Unpack(group, out var sLow, out var sHigh, out var m0, out var m1, out var d, out var dmin);
            var dTwice = Avx512F.PermuteVar16x32(Vector512.Create(d, d), twice);
            var dminTwice = Avx512F.PermuteVar16x32(Vector512.Create(dmin, dmin), twice);
            var t0 = new TokenBlock(m0, m1, sums, dTwice, dminTwice, d8[b]);
            var t1 = new TokenBlock(m0, m1, sums + ss, dTwice, dminTwice, d8[b + ds]);
            var t2 = new TokenBlock(m0, m1, sums + 2 * ss, dTwice, dminTwice, d8[b + 2 * ds]);
            var t3 = new TokenBlock(m0, m1, sums + 3 * ss, dTwice, dminTwice, d8[b + 3 * ds]);
            byte* q = group + 128;
            for (int c = 0; c < 4; c++, q += 256)
            {
                var src = c < 2 ? sLow : sHigh;
                var sa = Avx512BW.PermuteVar32x16(src, (c & 1) == 0 ? i0 : i2);
                var sb = Avx512BW.PermuteVar32x16(src, (c & 1) == 0 ? i1 : i3);
                t0.Add(SubBlockPair(q, q8 + 64 * c, sa, sb, Vector512<int>.Zero), c, ref acc0, ref min0);
                t1.Add(SubBlockPair(q, q8 + stride + 64 * c, sa, sb, Vector512<int>.Zero), c, ref acc1, ref min1);
                t2.Add(SubBlockPair(q, q8 + 2 * stride + 64 * c, sa, sb, Vector512<int>.Zero), c, ref acc2, ref min2);
                t3.Add(SubBlockPair(q, q8 + 3 * stride + 64 * c, sa, sb, Vector512<int>.Zero), c, ref acc3, ref min3);
            }
        }
        var even = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 0, 0, 0, 0, 0, 0, 0, 0);
        Avx512F.PermuteVar16x32(acc0 - min0, even).GetLower().Store(y);
        Avx512F.PermuteVar16x32(acc1 - min1, even).GetLower().Store(y + ldy);
        Avx512F.PermuteVar16x32(acc2 - min2, even).GetLower().Store(y + 2L * ldy);
        Avx512F.PermuteVar16x32(acc3 - min3, even).GetLower().Store(y + 3L * ldy);
    }

    /// <summary>One token's constants for one block of a group: its scaled d and dmin per row and its min terms.</summary>
    private readonly struct TokenBlock
    {
        private readonly Vector512<float> _d, _dmin;
        private readonly Vector512<int> _minsLow, _minsHigh;

        public TokenBlock(Vector512<short> mins0, Vector512<short> mins1, short* sums16, Vector512<float> dTwice, Vector512<float> dminTwice, float dy)
        {
            (_minsLow, _minsHigh) = MinPairs(mins0, mins1, sums16);
            var dy16 = Vector512.Create(dy);
            _d = dTwice * dy16;
            _dmin = dminTwice * dy16;
        }

        /// <summary>Pair <paramref name="pair"/>'s integer sums into the accumulators: d*dy*sumi and dmin*dy*mins, one FMA each.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(Vector512<int> sumi, int pair, ref Vector512<float> acc, ref Vector512<float> accMin)
        {
            var rowSums = sumi + Avx512F.Shuffle(sumi, 0b10_11_00_01);
            var v = pair < 2 ? _minsLow : _minsHigh;
            var mins = (pair & 1) == 0 ? Avx512F.Shuffle(v, 0b10_10_00_00) : Avx512F.Shuffle(v, 0b11_11_01_01);
            acc = Avx512F.FusedMultiplyAdd(Avx512F.ConvertToVector512Single(rowSums), _d, acc);
            accMin = Avx512F.FusedMultiplyAdd(Avx512F.ConvertToVector512Single(mins), _dmin, accMin);
        }
    }

    /// <summary>
    /// The mins of each pair of sub-blocks times the activation's 32-sums: int32 lane 2r (pair 0 or 2) and 2r+1
    /// (pair 1 or 3) of row r, for sub-blocks 0-3 (first) and 4-7 (second).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<int> Low, Vector512<int> High) MinPairs(Vector512<short> mins0, Vector512<short> mins1, short* sums16)
    {
        var s = Avx.LoadVector256(sums16);
        var b32 = Avx2.MultiplyAddAdjacent(s, Vector256.Create((short)1));
        var packed = Avx2.PackSignedSaturate(b32, b32);
        var low = Vector512.Create(packed.AsInt64().GetElement(0)).AsInt16();
        var high = Vector512.Create(packed.AsInt64().GetElement(2)).AsInt16();
        return (Avx512BW.MultiplyAddAdjacent(mins0, low), Avx512BW.MultiplyAddAdjacent(mins1, high));
    }

}
