using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Batuta.Inference.Quantization;

namespace Batuta.Inference.Kernels;

/// <summary>
/// Q8_0 and Q4_0 weights (32-weight blocks with a half scale) times Q8_0 activations, as integer dot
/// products: VNNI <c>vpdpbusd</c> where present, else <c>pmaddubsw</c> + <c>pmaddwd</c>. Signed x signed
/// (Q8_0) uses the |w| x sign(y, w) identity; Q4_0's -8 offset is removed with the activation's block sums.
/// </summary>
internal static unsafe class Q8_0Dot
{
    private const int BlockBytes = 34;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<int> DotBytes(Vector256<byte> unsignedLeft, Vector256<sbyte> right)
    {
        if (AvxVnni.IsSupported) return AvxVnni.MultiplyWideningAndAdd(Vector256<int>.Zero, unsignedLeft, right);
        return Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(unsignedLeft, right), Vector256.Create((short)1));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Dot(byte* w, int blocks, sbyte* q8, float* d8)
    {
        if (!Avx2.IsSupported) return DotScalar(w, blocks, q8, d8);
        var acc0 = Vector256<float>.Zero;
        var acc1 = Vector256<float>.Zero;
        int b = 0;
        for (; b + 2 <= blocks; b += 2, w += 2 * BlockBytes, q8 += 64)
        {
            acc0 = Block(acc0, w, q8, d8[b]);
            acc1 = Block(acc1, w + BlockBytes, q8 + 32, d8[b + 1]);
        }
        if (b < blocks) acc0 = Block(acc0, w, q8, d8[b]);
        return Vector256.Sum(acc0 + acc1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Block(Vector256<float> acc, byte* w, sbyte* q8, float dy)
    {
        var q = Avx.LoadVector256((sbyte*)(w + 2));
        var y = Avx.LoadVector256(q8);
        var dot = DotBytes(Avx2.Abs(q), Avx2.Sign(y, q));
        return Fma.MultiplyAdd(Avx.ConvertToVector256Single(dot), Vector256.Create(Float16.ReadHalf(w) * dy), acc);
    }

    internal static float DotScalar(byte* w, int blocks, sbyte* q8, float* d8)
    {
        float total = 0;
        for (int b = 0; b < blocks; b++, w += BlockBytes, q8 += 32)
        {
            int sum = 0;
            for (int j = 0; j < 32; j++) sum += ((sbyte*)(w + 2))[j] * q8[j];
            total += Float16.ReadHalf(w) * d8[b] * sum;
        }
        return total;
    }
}
