using Batuta.Tensors.Backends;
using Batuta.Tensors.Gpu;

namespace Batuta.Generators.Tests.Kernels.Runtime;

/// <summary>
/// The generated paths a run-time test compares: the scalar loop, each SIMD width the CPU has, and
/// the GPU kernel on ILGPU's CPU accelerator, or on the real device named by <c>BATUTA_TEST_GPU</c>
/// (<c>cuda</c>, <c>opencl</c>, <c>gpu</c>; unset or <c>cpu</c>: the CPU accelerator, as in CI). Each is
/// forced through BackendSelector scopes, the same way a user would.
/// </summary>
public static class KernelPaths
{
    /// <summary>The xunit collection of the tests that launch on the shared device: ILGPU's CPU accelerator deadlocks on concurrent launches from two test classes.</summary>
    public const string Collection = "Kernel GPU device";

    public static IReadOnlyList<string> Names { get; } =
        new[] { "scalar" }.Concat(SimdWidth.Available.Where(b => b > 0).Select(b => "simd" + b)).Append("gpu").ToArray();

    public static IDisposable Use(string path) => path switch
    {
        "scalar" => BackendSelector.Use(ComputeBackend.Scalar),
        "gpu" => UseGpu(),
        _ => BackendSelector.Use(ComputeBackend.Simd, int.Parse(path.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture)),
    };

    private static readonly object Gate = new();
    private static GpuDevice? _device;

    /// <summary>The requested GPU device kind: <c>cpu</c> unless <c>BATUTA_TEST_GPU</c> says otherwise.</summary>
    public static string GpuKind
    {
        get
        {
            string? v = Environment.GetEnvironmentVariable("BATUTA_TEST_GPU");
            return string.IsNullOrWhiteSpace(v) ? "cpu" : v.Trim().ToLowerInvariant();
        }
    }

    /// <summary>True when the GPU path runs on a real device (which may fuse multiply-adds), not on ILGPU's CPU accelerator.</summary>
    public static bool IsRealGpu => GpuKind is not ("cpu" or "ilgpu-cpu");

    /// <summary>The GPU device (one for the whole test run; GpuDevice.Create throws when a requested real device is missing), and the GPU backend requested.</summary>
    private static IDisposable UseGpu()
    {
        lock (Gate)
        {
            _device ??= GpuDevice.Create(GpuKind);
            GpuDevice.Current = _device;
        }
        return BackendSelector.Use(ComputeBackend.Gpu);
    }

    /// <summary>
    /// Drops the device so the next GPU path creates a fresh one. One kernel ILGPU fails to compile
    /// (e.g. Math.Clamp's throw helper) leaves its context unable to compile any later kernel, which
    /// then quietly runs on the CPU; tests/Batuta.Gpu.Checks resets the device before each test so one
    /// such kernel cannot hide the GPU path of the others.
    /// </summary>
    public static void ResetDevice()
    {
        lock (Gate)
        {
            try
            {
                _device?.Dispose();
            }
            catch (Exception)
            {
                // A device whose kernel faulted (a CUDA sticky error) cannot be disposed cleanly; drop it anyway.
            }
            _device = null;
        }
    }

    public static GpuDevice Device()
    {
        using (UseGpu()) return _device!;
    }
}
