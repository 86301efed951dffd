using Batuta.Tensors;

namespace KernelsSample.Kernels;

/// <summary>Distances as reductions: the element-wise part is a kernel, the fold is generated.</summary>
public static partial class Geometry
{
    /// <summary>Σ (x − y)², folded with + (the squared Euclidean distance over two arrays).</summary>
    [Kernel(Reduce = KernelReduction.Sum)]
    public static partial float SquaredDistance(float x, float y)
    {
        float d = x - y;
        return d * d;
    }

    /// <summary>max |x − y| (the Chebyshev distance).</summary>
    [Kernel(Reduce = KernelReduction.Max)]
    public static partial float Chebyshev(float x, float y) => MathF.Abs(x - y);
}
