using Batuta.Tensors;

namespace Batuta.Generators.Tests.Kernels.Runtime;

/// <summary>Kernels compiled by the generator as it runs on this test project; the run-time tests compare every path against these methods.</summary>
public static partial class TestKernels
{
    [Kernel]
    public static partial float Saxpy(float a, float x, float y) => a * x + y;

    [Kernel]
    public static partial double Polynomial(double x) => ((0.5 * x - 1.25) * x + 2.0) * x - 3.0;

    [Kernel]
    public static partial float Clamped(float x, float lo, float hi) => Math.Clamp(x, lo, hi);

    [Kernel]
    public static partial float LeakyRelu(float x)
    {
        if (x > 0) return x;
        return 0.01f * x;
    }

    [Kernel]
    public static partial (float Sum, float Difference) SumAndDifference(float x, float y) => (x + y, x - y);

    [Kernel(Reduce = KernelReduction.Sum)]
    public static partial float SquaredDistance(float x, float y)
    {
        float d = x - y;
        return d * d;
    }

    [Kernel(Reduce = KernelReduction.Max)]
    public static partial int MaxAbs(int x) => Math.Abs(x);

    [Kernel]
    public static partial float Larger(float a, float b) => a > b ? a : b;

    [Kernel(Reduce = KernelReduction.Custom, Combine = nameof(Larger), Identity = float.NegativeInfinity)]
    public static partial float Peak(float x, float offset) => MathF.Abs(x - offset);

    [Kernel]
    public static partial float Scaled(float x, int k) => x * k + (k > 2 ? 1f : -1f);

    [Kernel]
    public static partial long Bits(long a, long b) => ((a ^ b) << 3) + (a >> 2) - (b >>> 60) + (~a & b);

    [Kernel]
    public static partial float Horner(float x)
    {
        float acc = 0f;
        for (int i = 4; i >= 0; i--)
        {
            acc = acc * x + i;
        }
        return acc;
    }

    [Kernel]
    public static partial float Piecewise(float x, int mode)
    {
        float y = x;
        if (mode == 0)
        {
            y = -x;
        }
        else if (mode == 1)
        {
            return x * 2f;
        }
        else
        {
            if (x < 0f) return 0f;
            y = y + 1f;
        }
        return y * y;
    }

    [Kernel]
    public static partial float Softplus(float x) => MathF.Log(1f + MathF.Exp(x));

    [Kernel]
    public static partial double Wave(double x) => Math.Sin(x) * Math.Cos(0.5 * x) + Math.Tanh(x) - Math.Sqrt(Math.Abs(x)) + Math.Pow(x, 3) + Math.Log10(Math.Abs(x) + 1);

    [Kernel]
    public static partial float SaxpyTwice(float a, float x, float y) => Saxpy(a, Saxpy(a, x, y), y);

    [Kernel]
    public static partial float SpreadOf(float x, float y)
    {
        var (sum, difference) = SumAndDifference(x, y);
        return sum * difference;
    }

    [Kernel]
    public static partial (int Truncated, float Back) Conversions(float x) => ((int)x, (float)(int)(x * 0.5f));

    [Kernel]
    public static partial (long Truncated, double Rounded) WideConversions(double x) => ((long)x, Math.Round(x) + (double)(long)Math.Floor(x));

    [Kernel]
    public static partial float NotVectorised(float x) => MathF.Atan(x) * 2f;
}
