using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace Batuta.Tensors.Gpu;

/// <summary>
/// One ILGPU accelerator with its context and the kernels loaded on it. <see cref="Current"/> is the
/// device the GPU backend uses: found on first need (CUDA, then OpenCL; never the CPU), or installed
/// explicitly, e.g. <c>GpuDevice.Current = GpuDevice.CreateCpu()</c> in tests.
/// </summary>
public sealed class GpuDevice : IDisposable
{
    private static GpuDevice? _current;
    private readonly Context _context;
    private GpuKernels? _kernels;
    private bool _disposed;

    private GpuDevice(Context context, Accelerator accelerator)
    {
        _context = context;
        Accelerator = accelerator;
        Name = accelerator.Name;
        Type = accelerator.AcceleratorType;
        (EstimatedOpsPerSecond, EstimatedBytesPerSecond) = Estimate(accelerator);
    }

    /// <summary>The device the GPU backend runs on, or null when there is none.</summary>
    public static GpuDevice? Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
    }

    /// <summary>The ILGPU accelerator: generated <c>[Kernel]</c> launchers load their kernels on it.</summary>
    public Accelerator Accelerator { get; }

    public string Name { get; }

    public AcceleratorType Type { get; }

    /// <summary>ILGPU's CPU accelerator: correct but slow, used to test GPU kernels without a GPU.</summary>
    public bool IsCpuAccelerator => Type == AcceleratorType.CPU;

    /// <summary>Peak-ish arithmetic throughput used by the selector's cost model.</summary>
    public double EstimatedOpsPerSecond { get; }

    public double EstimatedBytesPerSecond { get; }

    internal GpuKernels Kernels
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // One kernel cache (and one launch lock) per device, even when threads race to create it.
            return LazyInitializer.EnsureInitialized(ref _kernels, () => new GpuKernels(Accelerator));
        }
    }

    /// <summary>The first CUDA or OpenCL accelerator, or null (no GPU, no driver, or BATUTA_DISABLE_GPU=1).</summary>
    public static GpuDevice? TryCreateDefault()
    {
        if (Backends.BackendSelector.GpuDisabled) return null;
        Context? context = null;
        try
        {
            // MathMode.Default, measured on an H200 (docs/benchmarks/tensor.md): ILGPU 1.5.3's fast modes emit
            // tanh.approx.ftz.f32, which ptxas rejects ("Illegal modifier '.ftz' for instruction 'tanh'"),
            // so every element-wise kernel failed to load; they also demote double math to float precision
            // (exp(double) off by 5e-7) and use approximate division. Default keeps IEEE division and
            // doubles; ptxas still contracts mul+add into FMA, so the matmul kernels lose nothing.
            context = Context.Create(b => b.Cuda().OpenCL().Math(MathMode.Default).EnableAlgorithms());
            var device = context.Devices.FirstOrDefault(d => d.AcceleratorType == AcceleratorType.Cuda)
                         ?? context.Devices.FirstOrDefault(d => d.AcceleratorType == AcceleratorType.OpenCL);
            if (device is null)
            {
                context.Dispose();
                return null;
            }
            return new GpuDevice(context, device.CreateAccelerator(context));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A missing or broken driver must never take CPU math down with it: no GPU, then.
            System.Diagnostics.Trace.TraceWarning($"Batuta.Tensor: no GPU ({ex.GetType().Name}: {ex.Message})");
            context?.Dispose();
            return null;
        }
    }

    /// <summary>
    /// The device a test suite or tool asked for by name: <c>cpu</c> (ILGPU's CPU accelerator),
    /// <c>cuda</c>, <c>opencl</c>, or <c>gpu</c> (the default device: CUDA, then OpenCL). Throws
    /// <see cref="InvalidOperationException"/> when the machine has no such device, so a GPU test run
    /// fails loudly instead of quietly testing the CPU. This is what <c>BATUTA_TEST_GPU</c> selects in the tests.
    /// </summary>
    public static GpuDevice Create(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        string k = kind.Trim().ToLowerInvariant();
        if (k is "cpu" or "ilgpu-cpu") return CreateCpu();
        if (k is not ("cuda" or "opencl" or "gpu" or "default"))
            throw new ArgumentException($"unknown GPU device kind '{kind}': expected cpu, cuda, opencl or gpu.", nameof(kind));
        var device = TryCreateDefault()
                     ?? throw new InvalidOperationException($"a '{k}' device was requested but none was found (no CUDA/OpenCL driver or device, or BATUTA_DISABLE_GPU=1).");
        var wanted = k switch { "cuda" => AcceleratorType.Cuda, "opencl" => AcceleratorType.OpenCL, _ => device.Type };
        if (device.Type != wanted)
        {
            string found = device.ToString();
            device.Dispose();
            throw new InvalidOperationException($"a '{k}' device was requested but the default device is {found}.");
        }
        return device;
    }

    /// <summary>ILGPU's CPU accelerator (multi-threaded emulation of the GPU model) for tests.</summary>
    public static GpuDevice CreateCpu()
    {
        // 4 lanes × 64 warps: groups of up to 256 threads, as the matmul and reduction kernels use,
        // with one simulated multiprocessor so the emulation stays light on a small machine.
        var cpu = new CPUDevice(numThreadsPerWarp: 4, numWarpsPerMultiprocessor: 64, numMultiprocessors: 1);
        var context = Context.Create(b => b.CPU(cpu).EnableAlgorithms());
        return new GpuDevice(context, cpu.CreateAccelerator(context));
    }

    /// <summary>Waits for every kernel and copy queued on this device.</summary>
    public void Synchronize() => Accelerator.Synchronize();

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (ReferenceEquals(Current, this)) Current = null;
        Accelerator.Dispose();
        _context.Dispose();
    }

    public override string ToString() => $"{Type}: {Name}";

    private static (double Ops, double Bytes) Estimate(Accelerator accelerator)
    {
        if (accelerator is CudaAccelerator cuda)
        {
            var d = (CudaDevice)cuda.Device;
            // 128 FP32 lanes per SM on Ampere/Hopper, 2 flops per FMA; clock rates are reported in kHz.
            double ops = d.NumMultiprocessors * 128.0 * 2.0 * d.ClockRate * 1e3;
            double bytes = 2.0 * d.MemoryClockRate * 1e3 * (d.MemoryBusWidth / 8.0);
            return (ops, bytes);
        }
        if (accelerator.AcceleratorType == AcceleratorType.CPU)
        {
            // Emulation: a thread per lane, orders of magnitude below the SIMD path.
            return (Environment.ProcessorCount * 2e8, 2e9);
        }
        return (accelerator.NumMultiprocessors * 64.0 * 2.0 * 1.5e9, 300e9);
    }
}
