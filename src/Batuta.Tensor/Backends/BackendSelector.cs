using Batuta.Tensors.Gpu;

namespace Batuta.Tensors.Backends;

/// <summary>
/// Chooses Scalar, SIMD or GPU for each operation (the "MoE" selector). The GPU is used only when
/// a GPU device exists, the operation has a GPU kernel, its CPU compute time exceeds
/// <see cref="TransferRatio"/> (5) times the host↔device transfer time, and GPU compute plus
/// transfer beats the CPU. Scalar is used when the operation has no vector body.
/// </summary>
/// <remarks>
/// Overrides, strongest first: the <c>requested</c> argument of a call; the innermost
/// <see cref="Use(ComputeBackend, int)"/> scope; <see cref="ProcessDefault"/> (initialised from
/// <c>BATUTA_BACKEND=scalar|simd|gpu</c>). <c>BATUTA_DISABLE_GPU=1</c> vetoes the GPU for the whole
/// process, even when requested (the decision then says so).
/// </remarks>
public static class BackendSelector
{
    /// <summary>The GPU must save at least this many transfer times of CPU work to be considered.</summary>
    public const double TransferRatio = 5.0;

    private static MachineModel? _machine;
    private static int _gpuProbed;

    /// <summary>Process-wide default (BATUTA_BACKEND); <see cref="ComputeBackend.Auto"/> unless set.</summary>
    public static ComputeBackend ProcessDefault { get; set; } = ParseBackend(Environment.GetEnvironmentVariable("BATUTA_BACKEND"));

    /// <summary>True when BATUTA_DISABLE_GPU=1 (or true/yes) is set, or <see cref="DisableGpu"/> was set.</summary>
    public static bool GpuDisabled => DisableGpu || EnvironmentDisablesGpu;

    /// <summary>Process-wide GPU veto set from code (BATUTA_DISABLE_GPU sets it from the environment).</summary>
    public static bool DisableGpu { get; set; }

    private static bool EnvironmentDisablesGpu { get; } = IsTruthy(Environment.GetEnvironmentVariable("BATUTA_DISABLE_GPU"));

    /// <summary>Tests only: let Auto pick ILGPU's CPU accelerator, so the GPU branch of the model can run without a GPU.</summary>
    internal static bool TreatEmulatedGpuAsReal { get; set; }

    internal static bool IsTruthy(string? value) => value?.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "on";

    /// <summary>The throughput figures used by the cost model (GPU figures filled in once a device is found).</summary>
    public static MachineModel Machine
    {
        get => _machine ??= MachineModel.ForThisCpu();
        set => _machine = value;
    }

    /// <summary>Overrides the backend (and optionally narrows SIMD) for the calls made until the scope is disposed.</summary>
    public static BackendScope Use(ComputeBackend backend, int maxSimdBits = 512)
    {
        if (maxSimdBits is not (0 or 128 or 256 or 512)) throw new ArgumentOutOfRangeException(nameof(maxSimdBits), "use 512, 256, 128 or 0.");
        return new BackendScope(backend, backend == ComputeBackend.Scalar ? 0 : maxSimdBits);
    }

    /// <summary>The backend for one call, without allocating. Generated kernel dispatch calls this.</summary>
    public static ComputeBackend Choose(in OperationCost cost, ComputeBackend requested = ComputeBackend.Auto)
    {
        var effective = Effective(requested);
        switch (effective)
        {
            case ComputeBackend.Scalar:
                return ComputeBackend.Scalar;
            case ComputeBackend.Simd:
                return cost.Vectorizable ? ComputeBackend.Simd : ComputeBackend.Scalar;
            case ComputeBackend.Auto when !cost.HasGpuKernel || GpuDisabled || !GpuWorthConsidering(cost, Machine):
                return cost.Vectorizable ? ComputeBackend.Simd : ComputeBackend.Scalar;
            default:
                return Decide(cost, requested, effective).Backend;
        }
    }

    /// <summary>The decision for one call with the numbers behind it.</summary>
    public static BackendDecision Explain(in OperationCost cost, ComputeBackend requested = ComputeBackend.Auto) => Decide(cost, requested, Effective(requested));

    internal static ComputeBackend Effective(ComputeBackend requested)
    {
        if (requested != ComputeBackend.Auto) return requested;
        var scope = BackendScope.Innermost;
        if (scope is not null && scope.Backend != ComputeBackend.Auto) return scope.Backend;
        return ProcessDefault;
    }

    private static bool GpuWorthConsidering(in OperationCost cost, MachineModel m)
    {
        double transfer = cost.TransferBytes / m.TransferBytesPerSecond + m.GpuLatencySeconds;
        return CpuSeconds(cost, m) > TransferRatio * transfer;
    }

    private static double CpuSeconds(in OperationCost cost, MachineModel m) =>
        Math.Max((cost.Vectorizable ? cost.Flops / m.SimdOpsPerSecond : cost.Flops / m.ScalarOpsPerSecond), (cost.BytesIn + cost.BytesOut) / m.HostBytesPerSecond);

    private static BackendDecision Decide(in OperationCost cost, ComputeBackend requested, ComputeBackend effective)
    {
        var (device, gpuAbsence, m) = FindGpu(cost, effective);
        var t = Estimate.For(cost, m);
        var (chosen, reason) = effective switch
        {
            ComputeBackend.Scalar => (ComputeBackend.Scalar, "scalar requested"),
            ComputeBackend.Simd => RequestedSimd(cost),
            ComputeBackend.Gpu => RequestedGpu(cost, device, gpuAbsence),
            _ => Automatic(cost, device, gpuAbsence, t),
        };

        return new BackendDecision
        {
            Backend = chosen,
            Requested = requested,
            Cost = cost,
            ScalarSeconds = t.Scalar,
            SimdSeconds = t.Simd,
            CpuSeconds = t.Cpu,
            GpuComputeSeconds = t.Gpu,
            TransferSeconds = t.Transfer,
            SimdBits = chosen == ComputeBackend.Simd ? SimdWidth.ActiveBits : 0,
            Reason = reason,
            Machine = m,
        };
    }

    /// <summary>
    /// The GPU to consider, or why there is none, and the machine model to cost with: the GPU is probed only when
    /// it is requested or the CPU work is large enough, and a probe that finds one updates the model's GPU figures.
    /// </summary>
    private static (GpuDevice? Device, string? Absence, MachineModel Machine) FindGpu(in OperationCost cost, ComputeBackend effective)
    {
        var m = Machine;
        if (GpuDisabled) return (null, "GPU disabled (BATUTA_DISABLE_GPU=1 or BackendSelector.DisableGpu)", m);
        if (!cost.HasGpuKernel) return (null, $"no GPU kernel for {cost.Operation}", m);
        if (effective == ComputeBackend.Gpu || (effective == ComputeBackend.Auto && GpuWorthConsidering(cost, m)))
        {
            var device = ProbeGpu(effective == ComputeBackend.Gpu);
            string? absence = device is not null ? null
                : _probe is { IsCompleted: false } ? "looking for a GPU in the background; the CPU runs until that finishes" : "no GPU device (ILGPU found no CUDA or OpenCL accelerator)";
            return (device, absence, Machine);
        }
        return (null, "CPU work too small to pay for the transfer", m);
    }

    /// <summary>The cost model's times for one call, in seconds.</summary>
    private readonly record struct Estimate(double Scalar, double Simd, double Cpu, double Transfer, double Gpu)
    {
        public static Estimate For(in OperationCost cost, MachineModel m)
        {
            double scalar = Math.Max(cost.Flops / m.ScalarOpsPerSecond, (cost.BytesIn + cost.BytesOut) / m.HostBytesPerSecond);
            double simd = cost.Vectorizable ? Math.Max(cost.Flops / m.SimdOpsPerSecond, (cost.BytesIn + cost.BytesOut) / m.HostBytesPerSecond) : scalar;
            double cpu = Math.Min(scalar, simd);
            double transfer = cost.TransferBytes / m.TransferBytesPerSecond + (cost.DataOnDevice ? 0 : m.GpuLatencySeconds);
            double gpu = m.GpuOpsPerSecond > 0 ? Math.Max(cost.Flops / m.GpuOpsPerSecond, (cost.BytesIn + cost.BytesOut) / m.GpuBytesPerSecond) + m.GpuLatencySeconds : double.PositiveInfinity;
            return new Estimate(scalar, simd, cpu, transfer, gpu);
        }
    }

    private static (ComputeBackend, string) RequestedSimd(in OperationCost cost) =>
        (cost.Vectorizable ? ComputeBackend.Simd : ComputeBackend.Scalar,
         cost.Vectorizable ? "SIMD requested" : $"SIMD requested, but {cost.Operation} has no vector body");

    private static (ComputeBackend, string) RequestedGpu(in OperationCost cost, GpuDevice? device, string? gpuAbsence) =>
        device is not null
            ? (ComputeBackend.Gpu, $"GPU requested ({device.Name})")
            : (cost.Vectorizable ? ComputeBackend.Simd : ComputeBackend.Scalar, $"GPU requested, but {gpuAbsence}");

    /// <summary>Auto: the GPU when the CPU work is worth more than <see cref="TransferRatio"/> transfers and the GPU total beats the CPU.</summary>
    private static (ComputeBackend, string) Automatic(in OperationCost cost, GpuDevice? device, string? gpuAbsence, Estimate t)
    {
        if (device is not null && t.Cpu > TransferRatio * t.Transfer && t.Gpu + t.Transfer < t.Cpu)
            return (ComputeBackend.Gpu, $"CPU time is {t.Cpu / t.Transfer:0.0}x the transfer time (> {TransferRatio:0}) and the GPU total is {t.Cpu / (t.Gpu + t.Transfer):0.0}x faster");

        var chosen = cost.Vectorizable ? ComputeBackend.Simd : ComputeBackend.Scalar;
        var reason = gpuAbsence ?? (t.Cpu <= TransferRatio * t.Transfer
            ? $"CPU time is only {t.Cpu / t.Transfer:0.00}x the transfer time (GPU needs > {TransferRatio:0})"
            : "GPU compute plus transfer would not beat the CPU");
        if (!cost.Vectorizable) reason += $"; {cost.Operation} has no vector body";
        return (chosen, reason);
    }

    /// <summary>
    /// Finds the GPU once. Creating an ILGPU context takes a few hundred milliseconds, so an automatic
    /// decision starts the probe in the background and stays on the CPU until it has finished; an
    /// explicit GPU request waits for it. A CPU accelerator is used only when installed explicitly
    /// (tests) and GPU is requested.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static GpuDevice? ProbeGpu(bool requested)
    {
        var device = GpuDevice.Current;
        if (device is not null)
        {
            if (!Usable(device, requested)) return null;
            if (Machine.GpuName != device.Name)
                Machine = Machine with { GpuOpsPerSecond = device.EstimatedOpsPerSecond, GpuBytesPerSecond = device.EstimatedBytesPerSecond, GpuName = device.Name };
            return device;
        }
        if (Interlocked.Exchange(ref _gpuProbed, 1) == 0) _probe = Task.Run(ProbeNow);
        if (requested) _probe?.Wait();
        device = GpuDevice.Current;
        return device is not null && Usable(device, requested) ? device : null;
    }

    /// <summary>A real GPU always; ILGPU's CPU accelerator only when the GPU was requested or tests allow it.</summary>
    private static bool Usable(GpuDevice device, bool requested) =>
        !device.IsCpuAccelerator || requested || TreatEmulatedGpuAsReal;

    private static Task? _probe;

    private static void ProbeNow()
    {
        var found = GpuDevice.TryCreateDefault();
        if (found is null) return;
        Machine = Machine with { GpuOpsPerSecond = found.EstimatedOpsPerSecond, GpuBytesPerSecond = found.EstimatedBytesPerSecond, GpuName = found.Name };
        if (Interlocked.CompareExchange(ref _currentFromProbe, found, null) is null && GpuDevice.Current is null) GpuDevice.Current = found;
    }

    private static GpuDevice? _currentFromProbe;

    private static ComputeBackend ParseBackend(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "scalar" => ComputeBackend.Scalar,
        "simd" => ComputeBackend.Simd,
        "gpu" => ComputeBackend.Gpu,
        _ => ComputeBackend.Auto,
    };
}
