using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Batuta.Inference.Quantization;

namespace Batuta.Inference.Kernels;

/// <summary>
/// Q4_0 weights times Q8_0 activations: nibbles as unsigned 0..15 times the int8 activations, with the
/// -8 offset removed through the activation's block sum: dot = d * d_x * (sum q.y - 8 * sum y).
/// </summary>
internal static unsafe class Q4_0Dot
{
    private const int BlockBytes = 18;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Dot(byte* w, int blocks, sbyte* q8, float* d8, short* sums)
    {
        if (!Avx2.IsSupported) return DotScalar(w, blocks, q8, d8, sums);
        var acc0 = Vector256<float>.Zero;
        var acc1 = Vector256<float>.Zero;
        int b = 0;
        for (; b + 2 <= blocks; b += 2, w += 2 * BlockBytes, q8 += 64)
        {
            acc0 = Block(acc0, w, q8, d8[b], sums[b]);
            acc1 = Block(acc1, w + BlockBytes, q8 + 32, d8[b + 1], sums[b + 1]);
        }
        if (b < blocks) acc0 = Block(acc0, w, q8, d8[b], sums[b]);
        return Vector256.Sum(acc0 + acc1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Block(Vector256<float> acc, byte* w, sbyte* q8, float dy, short sum)
    {
        var raw = Sse2.LoadVector128(w + 2);
        var q = Vector256.Create(raw, Sse2.ShiftRightLogical(raw.AsUInt16(), 4).AsByte()) & Vector256.Create((byte)0x0F);
        var dot = Q8_0Dot.DotBytes(q, Avx.LoadVector256(q8));
        // Lane 0 carries the -8 * sum(y) correction so one conversion covers the block.
        dot -= Vector256.CreateScalar(8 * sum);
        return Fma.MultiplyAdd(Avx.ConvertToVector256Single(dot), Vector256.Create(Float16.ReadHalf(w) * dy), acc);
    }

    internal static float DotScalar(byte* w, int blocks, sbyte* q8, float* d8, short* sums)
    {
        float total = 0;
        for (int b = 0; b < blocks; b++, w += BlockBytes, q8 += 32)
        {
            int sum = 0;
            for (int j = 0; j < 16; j++)
                sum += (w[2 + j] & 0xF) * q8[j] + (w[2 + j] >> 4) * q8[j + 16];
            total += Float16.ReadHalf(w) * d8[b] * (sum - 8 * sums[b]);
        }
        return total;
    }
}
