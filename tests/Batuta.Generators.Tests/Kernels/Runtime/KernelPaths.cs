using Batuta.Tensors.Backends;
using Batuta.Tensors.Gpu;

namespace Batuta.Generators.Tests.Kernels.Runtime;

/// <summary>
/// The generated paths a run-time test compares: the scalar loop, each SIMD width the CPU has, and
/// the GPU kernel on ILGPU's CPU accelerator. Each is forced through BackendSelector scopes, the
/// same way a user would.
/// </summary>
public static class KernelPaths
{
    public static IReadOnlyList<string> Names { get; } =
        new[] { "scalar" }.Concat(SimdWidth.Available.Where(b => b > 0).Select(b => "simd" + b)).Append("gpu").ToArray();

    public static IDisposable Use(string path) => path switch
    {
        "scalar" => BackendSelector.Use(ComputeBackend.Scalar),
        "gpu" => UseGpu(),
        _ => BackendSelector.Use(ComputeBackend.Simd, int.Parse(path.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture)),
    };

    private static readonly object Gate = new();
    private static GpuDevice? _cpuAccelerator;

    /// <summary>ILGPU's CPU accelerator as the GPU device (one for the whole test run), and the GPU backend requested.</summary>
    private static IDisposable UseGpu()
    {
        lock (Gate)
        {
            _cpuAccelerator ??= GpuDevice.CreateCpu();
            GpuDevice.Current = _cpuAccelerator;
        }
        return BackendSelector.Use(ComputeBackend.Gpu);
    }

    public static GpuDevice CpuAccelerator()
    {
        using (UseGpu()) return _cpuAccelerator!;
    }
}
