namespace Batuta.Inference.Quantization;

/// <summary>Turns rows of any computable type back into floats (reference path; kernels fuse this into dot products).</summary>
public static unsafe class Dequantizer
{
    public static void Dequantize(GgmlType type, ReadOnlySpan<byte> src, Span<float> dst)
    {
        switch (type)
        {
            case GgmlType.F32:
                Blocks.Check(src, dst, 1, 4);
                System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(src).CopyTo(dst);
                break;
            case GgmlType.F16:
                Blocks.Check(src, dst, 1, 2);
                fixed (byte* s = src)
                    for (int i = 0; i < dst.Length; i++) dst[i] = Float16.HalfToSingle(((ushort*)s)[i]);
                break;
            case GgmlType.BF16:
                Blocks.Check(src, dst, 1, 2);
                fixed (byte* s = src)
                    for (int i = 0; i < dst.Length; i++) dst[i] = Float16.BFloat16ToSingle(((ushort*)s)[i]);
                break;
            case GgmlType.Q8_0: Q8_0.Dequantize(src, dst); break;
            case GgmlType.Q4_0: Q4_0.Dequantize(src, dst); break;
            case GgmlType.Q4_K: Q4K.Dequantize(src, dst); break;
            case GgmlType.Q5_K: Q5K.Dequantize(src, dst); break;
            case GgmlType.Q6_K: Q6K.Dequantize(src, dst); break;
            default: throw new NotSupportedException($"cannot dequantize {type}; supported: {GgmlTypes.ComputableList}");
        }
    }

    public static void Dequantize(GgmlType type, byte* src, float* dst, int count) =>
        Dequantize(type, new ReadOnlySpan<byte>(src, checked((int)GgmlTypes.RowBytes(type, count))), new Span<float>(dst, count));

    /// <summary>Encodes floats into <paramref name="type"/> (for writing test and benchmark models).</summary>
    public static byte[] Quantize(GgmlType type, ReadOnlySpan<float> src)
    {
        var dst = new byte[GgmlTypes.RowBytes(type, src.Length)];
        switch (type)
        {
            case GgmlType.F32: System.Runtime.InteropServices.MemoryMarshal.AsBytes(src).CopyTo(dst); break;
            case GgmlType.F16:
                for (int i = 0; i < src.Length; i++) BitConverter.TryWriteBytes(dst.AsSpan(2 * i), Float16.SingleToHalf(src[i]));
                break;
            case GgmlType.BF16:
                for (int i = 0; i < src.Length; i++) BitConverter.TryWriteBytes(dst.AsSpan(2 * i), Float16.SingleToBFloat16(src[i]));
                break;
            case GgmlType.Q8_0: Q8_0.Quantize(src, dst); break;
            case GgmlType.Q4_0: Q4_0.Quantize(src, dst); break;
            case GgmlType.Q4_K: Q4K.Quantize(src, dst); break;
            case GgmlType.Q5_K: Q5K.Quantize(src, dst); break;
            case GgmlType.Q6_K: Q6K.Quantize(src, dst); break;
            default: throw new NotSupportedException($"cannot quantize to {type}; supported: {GgmlTypes.ComputableList}");
        }
        return dst;
    }
}
