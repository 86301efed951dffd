using System.Globalization;
using System.Text;

namespace Batuta.Tensors.Backends;

/// <summary>A backend choice and the numbers behind it, as returned by <see cref="BackendSelector.Explain"/>.</summary>
public sealed record BackendDecision
{
    public required ComputeBackend Backend { get; init; }

    public required ComputeBackend Requested { get; init; }

    public required OperationCost Cost { get; init; }

    public double ScalarSeconds { get; init; }

    public double SimdSeconds { get; init; }

    /// <summary>Best CPU estimate: the "compute time" the 5× transfer rule compares against.</summary>
    public double CpuSeconds { get; init; }

    public double GpuComputeSeconds { get; init; }

    public double TransferSeconds { get; init; }

    public double GpuTotalSeconds => GpuComputeSeconds + TransferSeconds;

    /// <summary>CPU time over transfer time: the GPU is considered only above <see cref="BackendSelector.TransferRatio"/>.</summary>
    public double ComputeToTransferRatio => TransferSeconds > 0 ? CpuSeconds / TransferSeconds : double.PositiveInfinity;

    public int SimdBits { get; init; }

    public required string Reason { get; init; }

    public required MachineModel Machine { get; init; }

    /// <summary>A multi-line account of the decision with every number used.</summary>
    public string Explain()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(ci, $"{Cost.Operation} ({Cost.Kind}): {Backend}");
        if (Backend == ComputeBackend.Simd) sb.Append(ci, $" ({SimdBits}-bit)");
        sb.Append(ci, $" [requested {Requested}]").AppendLine();
        sb.Append(ci, $"  work: {Cost.Elements} elements, {Cost.Flops:0} flops, {Cost.BytesIn} B in, {Cost.BytesOut} B out, vectorizable={Cost.Vectorizable}, gpu kernel={Cost.HasGpuKernel}").AppendLine();
        sb.Append(ci, $"  scalar {Fmt(ScalarSeconds)}, SIMD {Fmt(SimdSeconds)}, GPU compute {Fmt(GpuComputeSeconds)} + transfer {Fmt(TransferSeconds)} = {Fmt(GpuTotalSeconds)}").AppendLine();
        sb.Append(ci, $"  compute/transfer = {ComputeToTransferRatio:0.00} (GPU needs > {BackendSelector.TransferRatio:0})").AppendLine();
        sb.Append(ci, $"  machine: {Machine}").AppendLine();
        sb.Append(ci, $"  why: {Reason}");
        return sb.ToString();
    }

    public override string ToString() => Explain();

    private static string Fmt(double seconds)
    {
        var ci = CultureInfo.InvariantCulture;
        if (double.IsInfinity(seconds)) return "n/a";
        if (seconds >= 1e-3) return (seconds * 1e3).ToString("0.000", ci) + " ms";
        return (seconds * 1e6).ToString("0.000", ci) + " µs";
    }
}
