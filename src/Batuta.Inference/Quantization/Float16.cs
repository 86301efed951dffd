using System.Runtime.CompilerServices;

namespace Batuta.Inference.Quantization;

/// <summary>IEEE half and bfloat16 conversions, bit-exact with ggml's (round-to-nearest-even).</summary>
public static class Float16
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float HalfToSingle(ushort bits) => (float)BitConverter.UInt16BitsToHalf(bits);

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
