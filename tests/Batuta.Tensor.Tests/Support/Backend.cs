using Batuta.Tensors.Backends;
using Batuta.Tensors.Gpu;

namespace Batuta.Tensors.Tests.Support;

/// <summary>
/// One way of running operations: the scalar reference loops, each SIMD width this CPU has, or the
/// ILGPU backend: on ILGPU's CPU accelerator by default (CI has no GPU), on a real device when
/// <c>BATUTA_TEST_GPU</c> names one (see <see cref="SharedGpu"/>). The same tests run on both.
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

    /// <summary>The GPU backend: <c>gpu(ilgpu-cpu)</c>, or <c>gpu(cuda)</c> etc. under <c>BATUTA_TEST_GPU</c>.</summary>
    public static Backend Gpu { get; } = new(SharedGpu.IsEmulated ? "gpu(ilgpu-cpu)" : $"gpu({SharedGpu.Kind})", ComputeBackend.Gpu, 0);

    public static IEnumerable<object[]> CpuData => Cpu.Select(b => new object[] { b.Name });

    public static Backend Named(string name) => name == Gpu.Name ? Gpu : Cpu.Single(b => b.Name == name);
}

/// <summary>
/// The GPU device for the whole run (creating one costs about a second). <c>BATUTA_TEST_GPU</c> picks it:
/// unset or <c>cpu</c> is ILGPU's CPU accelerator (what CI runs); <c>cuda</c>, <c>opencl</c> or <c>gpu</c>
/// is the real device (<see cref="GpuDevice.Create"/>), and the first test that needs it fails if the
/// machine has none. tests/Batuta.Gpu.Checks runs the GPU tests this way on a GPU machine.
/// </summary>
public static class SharedGpu
{
    public const string Variable = "BATUTA_TEST_GPU";

    private static readonly Lazy<GpuDevice> Lazy = new(() => GpuDevice.Create(Kind), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The requested kind: <c>cpu</c> unless <c>BATUTA_TEST_GPU</c> says otherwise.</summary>
    public static string Kind
    {
        get
        {
            string? v = Environment.GetEnvironmentVariable(Variable);
            return string.IsNullOrWhiteSpace(v) ? "cpu" : v.Trim().ToLowerInvariant();
        }
    }

    /// <summary>True when the GPU tests run on ILGPU's CPU accelerator (the default).</summary>
    public static bool IsEmulated => Kind is "cpu" or "ilgpu-cpu";

    public static GpuDevice Device => Lazy.Value;
}
