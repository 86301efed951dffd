using Batuta.Tensors.Gpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

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

    public Action<KernelConfig, ArrayView<float>, ArrayView<float>, int, int> ReduceFloat =>
        _reduceF ??= accelerator.LoadStreamKernel<ArrayView<float>, ArrayView<float>, int, int>(ReductionKernels.PartialFloat);

    public Action<KernelConfig, ArrayView<double>, ArrayView<double>, int, int> ReduceDouble =>
        _reduceD ??= accelerator.LoadStreamKernel<ArrayView<double>, ArrayView<double>, int, int>(ReductionKernels.PartialDouble);

    public Action<KernelConfig, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int> MatMulFloat =>
        _matmulF ??= accelerator.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int>(MatMulKernels.MatMulFloat);

    public Action<KernelConfig, ArrayView<double>, ArrayView<double>, ArrayView<double>, int, int, int> MatMulDouble =>
        _matmulD ??= accelerator.LoadStreamKernel<ArrayView<double>, ArrayView<double>, ArrayView<double>, int, int, int>(MatMulKernels.MatMulDouble);
}
