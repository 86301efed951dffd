using ILGPU;
using ILGPU.Algorithms;

namespace Batuta.Tensors.Gpu.Kernels;

/// <summary>
/// Two-pass reductions: each group folds a grid-stride share of the input in registers, then in
/// shared memory (a tree), and writes one partial; the host folds the partials (a few hundred).
/// Deterministic for a given launch shape, unlike a float atomic add.
/// </summary>
internal static class ReductionKernels
{
    public const int GroupSize = 256;

    public static void PartialFloat(ArrayView<float> x, ArrayView<float> partials, int n, int op)
    {
        var shared = SharedMemory.Allocate<float>(GroupSize);
        int tid = Group.IdxX;
        int stride = Grid.DimX * Group.DimX;
        float acc = op == GpuOpCodes.ReduceSum ? 0f : op == GpuOpCodes.ReduceMax ? float.NegativeInfinity : float.PositiveInfinity;
        for (int i = Grid.GlobalIndex.X; i < n; i += stride) acc = Combine(acc, x[i], op);
        shared[tid] = acc;
        Group.Barrier();
        for (int s = GroupSize / 2; s > 0; s >>= 1)
        {
            if (tid < s) shared[tid] = Combine(shared[tid], shared[tid + s], op);
            Group.Barrier();
        }
        if (tid == 0) partials[Grid.IdxX] = shared[0];
    }

    public static void PartialDouble(ArrayView<double> x, ArrayView<double> partials, int n, int op)
    {
        var shared = SharedMemory.Allocate<double>(GroupSize);
        int tid = Group.IdxX;
        int stride = Grid.DimX * Group.DimX;
        double acc = op == GpuOpCodes.ReduceSum ? 0.0 : op == GpuOpCodes.ReduceMax ? double.NegativeInfinity : double.PositiveInfinity;
        for (int i = Grid.GlobalIndex.X; i < n; i += stride) acc = Combine(acc, x[i], op);
        shared[tid] = acc;
        Group.Barrier();
        for (int s = GroupSize / 2; s > 0; s >>= 1)
        {
            if (tid < s) shared[tid] = Combine(shared[tid], shared[tid + s], op);
            Group.Barrier();
        }
        if (tid == 0) partials[Grid.IdxX] = shared[0];
    }

    private static float Combine(float a, float b, int op) => op switch
    {
        GpuOpCodes.ReduceSum => a + b,
        GpuOpCodes.ReduceMax => XMath.IsNaN(a) || XMath.IsNaN(b) ? float.NaN : XMath.Max(a, b),
        _ => XMath.IsNaN(a) || XMath.IsNaN(b) ? float.NaN : XMath.Min(a, b),
    };

    private static double Combine(double a, double b, int op) => op switch
    {
        GpuOpCodes.ReduceSum => a + b,
        GpuOpCodes.ReduceMax => XMath.IsNaN(a) || XMath.IsNaN(b) ? double.NaN : XMath.Max(a, b),
        _ => XMath.IsNaN(a) || XMath.IsNaN(b) ? double.NaN : XMath.Min(a, b),
    };
}
