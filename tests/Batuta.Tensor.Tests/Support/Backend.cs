using Batuta.Tensors.Backends;
using Batuta.Tensors.Gpu;

namespace Batuta.Tensors.Tests.Support;

/// <summary>
/// One way of running operations: the scalar reference loops, each SIMD width this CPU has, or the
/// ILGPU backend on ILGPU's CPU accelerator (there is no GPU on the test machine; a real one runs
/// the same kernels).
/// </summary>
public sealed record Backend(string Name, ComputeBackend Kind, int SimdBits)
{
    public bool IsGpu => Kind == ComputeBackend.Gpu;

    public IDisposable Activate()
    {
        if (IsGpu) GpuDevice.Current = SharedGpu.Device;
        return BackendSelector.Use(Kind, SimdBits);
    }

    public override string ToString() => Name;

    /// <summary>Scalar and every SIMD width available on this machine.</summary>
    public static IReadOnlyList<Backend> Cpu { get; } =
        SimdWidth.Available.Select(b => b == 0 ? new Backend("scalar", ComputeBackend.Scalar, 0) : new Backend($"simd{b}", ComputeBackend.Simd, b)).ToArray();

    public static Backend Gpu { get; } = new("gpu(ilgpu-cpu)", ComputeBackend.Gpu, 0);

    public static IEnumerable<object[]> CpuData => Cpu.Select(b => new object[] { b.Name });

    public static Backend Named(string name) => name == Gpu.Name ? Gpu : Cpu.Single(b => b.Name == name);
}

/// <summary>One ILGPU CPU accelerator for the whole run: creating one costs about a second.</summary>
public static class SharedGpu
{
    private static readonly Lazy<GpuDevice> Lazy = new(GpuDevice.CreateCpu, LazyThreadSafetyMode.ExecutionAndPublication);

    public static GpuDevice Device => Lazy.Value;
}
