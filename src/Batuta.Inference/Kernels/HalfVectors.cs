using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Batuta.Inference.Kernels;

/// <summary>
/// Half to float for 8 or 16 values in registers (.NET exposes no vcvtph2ps): the exponent and mantissa are
/// shifted into float position and rescaled by 2^112, exact for normal and subnormal halves (weights and
/// scales are never infinite or NaN).
/// </summary>
internal static unsafe class HalfVectors
{
    private const float TwoPow112 = 5.192296858534828e33f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ToSingle(Vector256<ushort> h)
    {
        var u = Avx512F.ConvertToVector512UInt32(h);
        var magnitude = Vector512.ShiftLeft(u & Vector512.Create(0x7FFFu), 13).AsSingle() * Vector512.Create(TwoPow112);
        return (magnitude.AsUInt32() | Vector512.ShiftLeft(u & Vector512.Create(0x8000u), 16)).AsSingle();
    }

    /// <summary>Eight halves at <paramref name="p"/> (e.g. the d of eight interleaved rows).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load8(byte* p)
    {
        var u = Avx2.ConvertToVector256Int32(Sse2.LoadVector128((ushort*)p)).AsUInt32();
        var magnitude = Avx2.ShiftLeftLogical(u & Vector256.Create(0x7FFFu), 13).AsSingle() * Vector256.Create(TwoPow112);
        return (magnitude.AsUInt32() | Avx2.ShiftLeftLogical(u & Vector256.Create(0x8000u), 16)).AsSingle();
    }
}
