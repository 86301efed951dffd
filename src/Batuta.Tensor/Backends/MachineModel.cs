using System.Globalization;

namespace Batuta.Tensors.Backends;

/// <summary>
/// The throughput figures behind backend decisions. CPU figures are conservative defaults for one
/// modern x64 core scaled by the core count; GPU figures come from the device ILGPU reports.
/// Replace with measured numbers through <see cref="BackendSelector.Machine"/> when you have them.
/// </summary>
public sealed record MachineModel
{
    /// <summary>Scalar loop throughput of the whole CPU, in operations per second.</summary>
    public double ScalarOpsPerSecond { get; init; }

    /// <summary>SIMD throughput of the whole CPU (FMA counted as two), operations per second.</summary>
    public double SimdOpsPerSecond { get; init; }

    /// <summary>Host memory bandwidth, bytes per second.</summary>
    public double HostBytesPerSecond { get; init; }

    /// <summary>GPU arithmetic throughput, operations per second (0: no GPU).</summary>
    public double GpuOpsPerSecond { get; init; }

    /// <summary>GPU memory bandwidth, bytes per second.</summary>
    public double GpuBytesPerSecond { get; init; }

    /// <summary>Host↔device copy bandwidth (PCIe), bytes per second.</summary>
    public double TransferBytesPerSecond { get; init; }

    /// <summary>Fixed cost of one kernel launch plus its copies, seconds.</summary>
    public double GpuLatencySeconds { get; init; }

    public string GpuName { get; init; } = "none";

    public static MachineModel ForThisCpu(double gpuOpsPerSecond = 0, double gpuBytesPerSecond = 0, string gpuName = "none")
    {
        int cores = Environment.ProcessorCount;
        int lanes = SimdWidth.HardwareBits / 32;
        const double clock = 2.5e9;
        return new MachineModel
        {
            ScalarOpsPerSecond = cores * clock,
            // Two FMA ports, two flops each, per float lane; half of peak as a realistic sustained rate.
            SimdOpsPerSecond = cores * clock * Math.Max(lanes, 1) * 2 * 2 * 0.5,
            HostBytesPerSecond = Math.Min(cores * 15e9, 60e9),
            GpuOpsPerSecond = gpuOpsPerSecond,
            GpuBytesPerSecond = gpuBytesPerSecond,
            TransferBytesPerSecond = 25e9,
            GpuLatencySeconds = 20e-6,
            GpuName = gpuName,
        };
    }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "scalar {0:0.0} Gop/s, SIMD {1:0.0} Gop/s, host {2:0.0} GB/s, GPU '{3}' {4:0.0} Gop/s {5:0.0} GB/s, transfer {6:0.0} GB/s + {7:0} µs",
        ScalarOpsPerSecond / 1e9, SimdOpsPerSecond / 1e9, HostBytesPerSecond / 1e9, GpuName, GpuOpsPerSecond / 1e9, GpuBytesPerSecond / 1e9,
        TransferBytesPerSecond / 1e9, GpuLatencySeconds * 1e6);
}
