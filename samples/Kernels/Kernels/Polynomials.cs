using Batuta.Tensors;

namespace KernelsSample.Kernels;

/// <summary>A degree-5 polynomial in Horner form, and one whose coefficients are indexed in a fixed-count loop.</summary>
public static partial class Polynomials
{
    /// <summary>p(x) = 0.5x⁵ − 1.25x⁴ + 2x³ − 0.75x² + 3x − 1.</summary>
    [Kernel]
    public static partial float Quintic(float x) => ((((0.5f * x - 1.25f) * x + 2f) * x - 0.75f) * x + 3f) * x - 1f;

    /// <summary>The truncated Taylor series of eˣ to degree 8: a for loop the generator unrolls.</summary>
    [Kernel]
    public static partial double TaylorExp(double x)
    {
        double term = 1.0;
        double sum = 1.0;
        for (int k = 1; k <= 8; k++)
        {
            term = term * x / k;
            sum += term;
        }
        return sum;
    }
}
