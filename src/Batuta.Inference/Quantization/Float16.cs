using System.Runtime.CompilerServices;

namespace Batuta.Inference.Quantization;

/// <summary>IEEE half and bfloat16 conversions, bit-exact with ggml's (round-to-nearest-even).</summary>
public static class Float16
{
    /// <summary>
    /// Exact half to float conversion that inlines into kernels (System.Half's operator is a call):
    /// the exponent and mantissa are shifted into place and rescaled by 2^112, which also handles
    /// subnormals; infinities and NaNs take the branch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float HalfToSingle(ushort bits)
    {
        uint magnitude = bits & 0x7FFFu;
        uint sign = (uint)(bits & 0x8000) << 16;
        if (magnitude >= 0x7C00) return BitConverter.UInt32BitsToSingle(sign | 0x7F800000u | ((magnitude & 0x3FFu) << 13));
        float f = BitConverter.UInt32BitsToSingle(magnitude << 13) * 5.192296858534828e33f; // 2^112
        return BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(f) | sign);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort SingleToHalf(float value) => BitConverter.HalfToUInt16Bits((Half)value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float BFloat16ToSingle(ushort bits) => BitConverter.UInt32BitsToSingle((uint)bits << 16);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort SingleToBFloat16(float value)
    {
        uint u = BitConverter.SingleToUInt32Bits(value);
        if ((u & 0x7fffffff) > 0x7f800000) return (ushort)((u >> 16) | 64); // quiet NaN
        return (ushort)((u + (0x7fff + ((u >> 16) & 1))) >> 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe float ReadHalf(byte* p) => HalfToSingle(Unsafe.ReadUnaligned<ushort>(p));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe void WriteHalf(byte* p, float value) => Unsafe.WriteUnaligned(p, SingleToHalf(value));
}
