using Batuta.Tensors.Gpu.Kernels;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Util;

namespace Batuta.Tensors.Gpu;

/// <summary>The kernels of one accelerator, compiled on first use (ILGPU compiles per accelerator).</summary>
internal sealed class GpuKernels(Accelerator accelerator)
{
    private Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int>? _binaryF;
    private Action<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, int>? _binaryD;
    private Action<Index1D, ArrayView<float>, ArrayView<float>, int>? _unaryF;
    private Action<Index1D, ArrayView<double>, ArrayView<double>, int>? _unaryD;
    private Action<KernelConfig, ArrayView<float>, ArrayView<float>, int, int>? _reduceF;
    private Action<KernelConfig, ArrayView<double>, ArrayView<double>, int, int>? _reduceD;
    private Action<KernelConfig, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int>? _matmulF;
    private Action<KernelConfig, ArrayView<double>, ArrayView<double>, ArrayView<double>, int, int, int>? _matmulD;
    private Action<Index1D, ArrayView<Float4>, ArrayView<Float4>, ArrayView<Float4>, int>? _binaryF4;
    private Action<Index1D, ArrayView<Float4>, ArrayView<Float4>, int>? _unaryF4;
    private readonly Action<KernelConfig, ArrayView<Float4>, ArrayView<Float4>, ArrayView<Float4>, int, int, int>?[] _matmulF4 = new Action<KernelConfig, ArrayView<Float4>, ArrayView<Float4>, ArrayView<Float4>, int, int, int>?[3];

    public Accelerator Accelerator => accelerator;

    public object SyncRoot { get; } = new();

    public Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int> BinaryFloat =>
        _binaryF ??= accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int>(ElementWiseKernels.BinaryFloat);

    public Action<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, int> BinaryDouble =>
        _binaryD ??= accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, int>(ElementWiseKernels.BinaryDouble);

    public Action<Index1D, ArrayView<float>, ArrayView<float>, int> UnaryFloat =>
        _unaryF ??= accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, int>(ElementWiseKernels.UnaryFloat);

    public Action<Index1D, ArrayView<double>, ArrayView<double>, int> UnaryDouble =>
        _unaryD ??= accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, int>(ElementWiseKernels.UnaryDouble);

    public Action<Index1D, ArrayView<Float4>, ArrayView<Float4>, ArrayView<Float4>, int> BinaryFloat4 =>
        _binaryF4 ??= accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<Float4>, ArrayView<Float4>, ArrayView<Float4>, int>(ElementWiseKernels.BinaryFloat4);

    public Action<Index1D, ArrayView<Float4>, ArrayView<Float4>, int> UnaryFloat4 =>
        _unaryF4 ??= accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<Float4>, ArrayView<Float4>, int>(ElementWiseKernels.UnaryFloat4);

    /// <summary>The float4 matmul kernel of <paramref name="kernel"/> (not <see cref="MatMulKernel.Scalar"/>).</summary>
    public Action<KernelConfig, ArrayView<Float4>, ArrayView<Float4>, ArrayView<Float4>, int, int, int> MatMulFloat4(MatMulKernel kernel)
    {
        int i = (int)kernel - 1;
        return _matmulF4[i] ??= kernel switch
        {
            MatMulKernel.Float4Bk8 => accelerator.LoadStreamKernel<ArrayView<Float4>, ArrayView<Float4>, ArrayView<Float4>, int, int, int>(MatMulVectorKernels.Float4Bk8),
            MatMulKernel.Float4Bk8DoubleBuffered => accelerator.LoadStreamKernel<ArrayView<Float4>, ArrayView<Float4>, ArrayView<Float4>, int, int, int>(MatMulVectorKernels.Float4Bk8DoubleBuffered),
            MatMulKernel.Float4Bk16DoubleBuffered => accelerator.LoadStreamKernel<ArrayView<Float4>, ArrayView<Float4>, ArrayView<Float4>, int, int, int>(MatMulVectorKernels.Float4Bk16DoubleBuffered),
            _ => throw new ArgumentOutOfRangeException(nameof(kernel)),
        };
    }

    public Action<KernelConfig, ArrayView<float>, ArrayView<float>, int, int> ReduceFloat =>
        _reduceF ??= accelerator.LoadStreamKernel<ArrayView<float>, ArrayView<float>, int, int>(ReductionKernels.PartialFloat);

    public Action<KernelConfig, ArrayView<double>, ArrayView<double>, int, int> ReduceDouble =>
        _reduceD ??= accelerator.LoadStreamKernel<ArrayView<double>, ArrayView<double>, int, int>(ReductionKernels.PartialDouble);

    public Action<KernelConfig, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int> MatMulFloat =>
        _matmulF ??= accelerator.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int>(MatMulKernels.MatMulFloat);

    public Action<KernelConfig, ArrayView<double>, ArrayView<double>, ArrayView<double>, int, int, int> MatMulDouble =>
        _matmulD ??= accelerator.LoadStreamKernel<ArrayView<double>, ArrayView<double>, ArrayView<double>, int, int, int>(MatMulKernels.MatMulDouble);
}

/// <summary>The float32 matmul kernels (the GPU checks measure each; <see cref="GpuOperations.DefaultMatMulKernel"/> is the one used).</summary>
internal enum MatMulKernel
{
    /// <summary>Scalar loads, 8×8 contiguous register block per thread (the first kernel; also the double kernel).</summary>
    Scalar = 0,
    Float4Bk8 = 1,
    Float4Bk8DoubleBuffered = 2,
    Float4Bk16DoubleBuffered = 3,
}
