using Batuta.Tensors;

namespace Batuta.Generators.Tests.Kernels.Runtime;

/// <summary>
/// Every Math/MathF/float/double/int/long member the generator accepts in a SIMD body (docs/kernels.md's
/// list, plus Tan, Log10 and Pow(x, n), which the lowering rewrites), grouped by element type into kernels of
/// at most 7 results (a larger tuple nests a ValueTuple in Rest). <see cref="GpuMathTests"/> compiles each
/// group's ILGPU kernel and checks what it computes.
/// </summary>
public static partial class MathKernels
{
    [Kernel]
    public static partial (float Min, float Max, float MinNumber, float MaxNumber, float MinMagnitude, float MaxMagnitude, float CopySign) PairsF(float x, float y) =>
        (Math.Min(x, y), MathF.Max(x, y), float.MinNumber(x, y), float.MaxNumber(x, y), MathF.MinMagnitude(x, y), MathF.MaxMagnitude(x, y), MathF.CopySign(x, y));

    [Kernel]
    public static partial (double Min, double Max, double MinNumber, double MaxNumber, double MinMagnitude, double MaxMagnitude, double CopySign) PairsD(double x, double y) =>
        (Math.Min(x, y), Math.Max(x, y), double.MinNumber(x, y), double.MaxNumber(x, y), Math.MinMagnitude(x, y), Math.MaxMagnitude(x, y), Math.CopySign(x, y));

    [Kernel]
    public static partial (float Clamp, float Abs, float Hypot, float ToRadians, float ToDegrees) MoreF(float x, float y) =>
        (Math.Clamp(x, -1f, 1.5f), MathF.Abs(x), float.Hypot(x, y), float.DegreesToRadians(x), float.RadiansToDegrees(y));

    [Kernel]
    public static partial (double Clamp, double Abs, double ToRadians, double ToDegrees) MoreD(double x, double y) =>
        (Math.Clamp(x, -1d, 1.5d), Math.Abs(x), double.DegreesToRadians(x), double.RadiansToDegrees(y));

    [Kernel]
    public static partial (float Sqrt, float Floor, float Ceiling, float Round, float Truncate) RoundingF(float x) =>
        (MathF.Sqrt(x), MathF.Floor(x), MathF.Ceiling(x), MathF.Round(x), MathF.Truncate(x));

    [Kernel]
    public static partial (double Sqrt, double Floor, double Ceiling, double Round, double Truncate) RoundingD(double x) =>
        (Math.Sqrt(x), Math.Floor(x), Math.Ceiling(x), Math.Round(x), Math.Truncate(x));

    [Kernel]
    public static partial (float Exp, float Log, float Log2, float Log10, float Sin, float Cos, float Tan) TranscendentalF(float x) =>
        (MathF.Exp(x), MathF.Log(x), MathF.Log2(x), MathF.Log10(x), MathF.Sin(x), MathF.Cos(x), MathF.Tan(x));

    [Kernel]
    public static partial (double Exp, double Log, double Log2, double Log10, double Sin, double Cos, double Tan) TranscendentalD(double x) =>
        (Math.Exp(x), Math.Log(x), Math.Log2(x), Math.Log10(x), Math.Sin(x), Math.Cos(x), Math.Tan(x));

    /// <summary>Pow(x, n) is lowered to multiplications (an ulp from Math.Pow on every vector path); double.Hypot uses
    /// BitConverter.UInt64BitsToDouble, which ILGPU cannot compile, so the GPU body has its own (not correctly rounded) hypot;
    /// .NET's Lerp may fuse its multiply-add (MultiplyAddEstimate), the GPU body's does not; FusedMultiplyAdd is a * b + c
    /// in the GPU body (ILGPU has no PTX form for it; ptxas fuses it by default).</summary>
    [Kernel]
    public static partial (float Tanh, float Cube, float InverseSquare, float Lerp, float Fma) PowersF(float x, float y) =>
        (MathF.Tanh(x), MathF.Pow(x, 3), MathF.Pow(x, -2), float.Lerp(x, y, 0.25f), MathF.FusedMultiplyAdd(x, y, 0.5f));

    [Kernel]
    public static partial (double Tanh, double Cube, double InverseSquare, double Hypot, double Lerp, double Fma) PowersD(double x, double y) =>
        (Math.Tanh(x), Math.Pow(x, 3), Math.Pow(x, -2), double.Hypot(x, y), double.Lerp(x, y, 0.25), Math.FusedMultiplyAdd(x, y, 0.5));

    [Kernel]
    public static partial (float NaN, float Infinity, float Finite, float Negative, float Positive, float PositiveInfinity, float NegativeInfinity) PredicatesF(float x) =>
        (float.IsNaN(x) ? 1f : 0f, float.IsInfinity(x) ? 1f : 0f, float.IsFinite(x) ? 1f : 0f, float.IsNegative(x) ? 1f : 0f,
         float.IsPositive(x) ? 1f : 0f, float.IsPositiveInfinity(x) ? 1f : 0f, float.IsNegativeInfinity(x) ? 1f : 0f);

    [Kernel]
    public static partial (double NaN, double Infinity, double Finite, double Negative, double Positive, double PositiveInfinity, double NegativeInfinity) PredicatesD(double x) =>
        (double.IsNaN(x) ? 1d : 0d, double.IsInfinity(x) ? 1d : 0d, double.IsFinite(x) ? 1d : 0d, double.IsNegative(x) ? 1d : 0d,
         double.IsPositive(x) ? 1d : 0d, double.IsPositiveInfinity(x) ? 1d : 0d, double.IsNegativeInfinity(x) ? 1d : 0d);

    [Kernel]
    public static partial (int Abs, int Min, int Max, int Clamp) IntegersI(int a, int b) => (Math.Abs(a), Math.Min(a, b), Math.Max(a, b), Math.Clamp(a, -100, 250));

    [Kernel]
    public static partial (long Abs, long Min, long Max, long Clamp) IntegersL(long a, long b) => (Math.Abs(a), Math.Min(a, b), Math.Max(a, b), Math.Clamp(a, -100L, 250L));
}
