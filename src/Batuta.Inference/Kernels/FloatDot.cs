using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Batuta.Inference.Quantization;

namespace Batuta.Inference.Kernels;

/// <summary>
/// Dot products with float activations: F32, F16 and BF16 weights converted in registers, and an exact
/// path for block-quantized weights (one block dequantized into L1, then multiplied) for users who
/// want float activations instead of llama.cpp-style 8-bit ones. Four independent FMA accumulators
/// hide the FMA latency.
/// </summary>
internal static unsafe class FloatDot
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float F32(float* w, float* x, int n)
    {
        int i = 0;
        float sum = 0;
        if (Vector512.IsHardwareAccelerated && n >= 64)
        {
            var a0 = Vector512<float>.Zero; var a1 = Vector512<float>.Zero; var a2 = Vector512<float>.Zero; var a3 = Vector512<float>.Zero;
            for (; i + 64 <= n; i += 64)
            {
                a0 = Vector512.FusedMultiplyAdd(Vector512.Load(w + i), Vector512.Load(x + i), a0);
                a1 = Vector512.FusedMultiplyAdd(Vector512.Load(w + i + 16), Vector512.Load(x + i + 16), a1);
                a2 = Vector512.FusedMultiplyAdd(Vector512.Load(w + i + 32), Vector512.Load(x + i + 32), a2);
                a3 = Vector512.FusedMultiplyAdd(Vector512.Load(w + i + 48), Vector512.Load(x + i + 48), a3);
            }
            sum = Vector512.Sum((a0 + a1) + (a2 + a3));
        }
        else if (Vector256.IsHardwareAccelerated && n >= 32)
        {
            var a0 = Vector256<float>.Zero; var a1 = Vector256<float>.Zero; var a2 = Vector256<float>.Zero; var a3 = Vector256<float>.Zero;
            for (; i + 32 <= n; i += 32)
            {
                a0 = Vector256.FusedMultiplyAdd(Vector256.Load(w + i), Vector256.Load(x + i), a0);
                a1 = Vector256.FusedMultiplyAdd(Vector256.Load(w + i + 8), Vector256.Load(x + i + 8), a1);
                a2 = Vector256.FusedMultiplyAdd(Vector256.Load(w + i + 16), Vector256.Load(x + i + 16), a2);
                a3 = Vector256.FusedMultiplyAdd(Vector256.Load(w + i + 24), Vector256.Load(x + i + 24), a3);
            }
            sum = Vector256.Sum((a0 + a1) + (a2 + a3));
        }
        for (; i < n; i++) sum += w[i] * x[i];
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> BFloat16ToSingle(Vector256<ushort> h) => Vector512.ShiftLeft(Avx512F.ConvertToVector512UInt32(h), 16).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float F16(ushort* w, float* x, int n)
    {
        int i = 0;
        float sum = 0;
        if (Avx512F.IsSupported)
        {
            var a0 = Vector512<float>.Zero; var a1 = Vector512<float>.Zero; var a2 = Vector512<float>.Zero; var a3 = Vector512<float>.Zero;
            for (; i + 64 <= n; i += 64)
            {
                a0 = Vector512.FusedMultiplyAdd(HalfVectors.ToSingle(Avx.LoadVector256(w + i)), Vector512.Load(x + i), a0);
                a1 = Vector512.FusedMultiplyAdd(HalfVectors.ToSingle(Avx.LoadVector256(w + i + 16)), Vector512.Load(x + i + 16), a1);
                a2 = Vector512.FusedMultiplyAdd(HalfVectors.ToSingle(Avx.LoadVector256(w + i + 32)), Vector512.Load(x + i + 32), a2);
                a3 = Vector512.FusedMultiplyAdd(HalfVectors.ToSingle(Avx.LoadVector256(w + i + 48)), Vector512.Load(x + i + 48), a3);
            }
            sum = Vector512.Sum((a0 + a1) + (a2 + a3));
        }
        for (; i < n; i++) sum += Float16.HalfToSingle(w[i]) * x[i];
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float BF16(ushort* w, float* x, int n)
    {
        int i = 0;
        float sum = 0;
        if (Avx512F.IsSupported)
        {
            var a0 = Vector512<float>.Zero; var a1 = Vector512<float>.Zero; var a2 = Vector512<float>.Zero; var a3 = Vector512<float>.Zero;
            for (; i + 64 <= n; i += 64)
            {
                a0 = Vector512.FusedMultiplyAdd(BFloat16ToSingle(Avx.LoadVector256(w + i)), Vector512.Load(x + i), a0);
                a1 = Vector512.FusedMultiplyAdd(BFloat16ToSingle(Avx.LoadVector256(w + i + 16)), Vector512.Load(x + i + 16), a1);
                a2 = Vector512.FusedMultiplyAdd(BFloat16ToSingle(Avx.LoadVector256(w + i + 32)), Vector512.Load(x + i + 32), a2);
                a3 = Vector512.FusedMultiplyAdd(BFloat16ToSingle(Avx.LoadVector256(w + i + 48)), Vector512.Load(x + i + 48), a3);
            }
            sum = Vector512.Sum((a0 + a1) + (a2 + a3));
        }
        for (; i < n; i++) sum += Float16.BFloat16ToSingle(w[i]) * x[i];
        return sum;
    }

    /// <summary>Any computable block type against float activations, one block at a time through an L1 buffer.</summary>
    public static float Quantized(GgmlType type, byte* w, float* x, int n)
    {
        int blockElements = GgmlTypes.BlockElements(type), blockBytes = GgmlTypes.BlockBytes(type);
        float* buffer = stackalloc float[256];
        float sum = 0;
        for (int b = 0; b < n / blockElements; b++, w += blockBytes, x += blockElements)
        {
            DequantizeBlock(type, w, buffer);
            sum += F32(buffer, x, blockElements);
        }
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void DequantizeBlock(GgmlType type, byte* w, float* y)
    {
        switch (type)
        {
            case GgmlType.Q4_K: Q4K.DequantizeBlock(w, y); break;
            case GgmlType.Q5_K: Q5K.DequantizeBlock(w, y); break;
            case GgmlType.Q6_K: Q6K.DequantizeBlock(w, y); break;
            case GgmlType.Q8_0:
            {
                float d = Float16.ReadHalf(w);
                for (int j = 0; j < 32; j++) y[j] = d * ((sbyte*)(w + 2))[j];
                break;
            }
            case GgmlType.Q4_0:
            {
                float d = Float16.ReadHalf(w);
                for (int j = 0; j < 16; j++)
                {
                    y[j] = ((w[2 + j] & 0xF) - 8) * d;
                    y[j + 16] = ((w[2 + j] >> 4) - 8) * d;
                }
                break;
            }
            default: throw new NotSupportedException($"no block dequantizer for {type}");
        }
    }
}
