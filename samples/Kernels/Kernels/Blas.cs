using Batuta.Tensors;

namespace KernelsSample.Kernels;

/// <summary>BLAS level 1, written once as scalar math.</summary>
public static partial class Blas
{
    /// <summary>y = a·x + y, element by element.</summary>
    [Kernel]
    public static partial float Saxpy(float a, float x, float y) => a * x + y;
}
