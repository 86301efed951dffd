namespace Batuta.Tensors.Backends;

/// <summary>
/// What the selector needs to know about one call: how much arithmetic, how many bytes move, and
/// whether a SIMD body and a GPU kernel exist. Built by the tensor operations and by generated
/// <c>[Kernel]</c> dispatch; cheap to construct (a struct, no allocation).
/// </summary>
public readonly record struct OperationCost
{
    public required string Operation { get; init; }

    public OperationKind Kind { get; init; }

    /// <summary>Elements in the output (element-wise) or in the input (reductions).</summary>
    public long Elements { get; init; }

    /// <summary>Floating-point (or integer) operations in total.</summary>
    public double Flops { get; init; }

    /// <summary>Bytes the operation reads: what a GPU would need copied to the device.</summary>
    public long BytesIn { get; init; }

    /// <summary>Bytes the operation writes: what a GPU would need copied back.</summary>
    public long BytesOut { get; init; }

    public bool Vectorizable { get; init; }

    public bool HasGpuKernel { get; init; }

    /// <summary>True when the operands already live on the device (no transfer to pay).</summary>
    public bool DataOnDevice { get; init; }

    public long TransferBytes => DataOnDevice ? 0 : BytesIn + BytesOut;

    public static OperationCost ElementWise(string operation, long elements, int inputs, int elementSize, double flopsPerElement = 1, bool vectorizable = true, bool hasGpuKernel = true) => new()
    {
        Operation = operation,
        Kind = OperationKind.ElementWise,
        Elements = elements,
        Flops = elements * flopsPerElement,
        BytesIn = elements * inputs * (long)elementSize,
        BytesOut = elements * (long)elementSize,
        Vectorizable = vectorizable,
        HasGpuKernel = hasGpuKernel,
    };

    public static OperationCost Reduction(string operation, long elements, long outputs, int elementSize, double flopsPerElement = 1, bool vectorizable = true, bool hasGpuKernel = true) => new()
    {
        Operation = operation,
        Kind = OperationKind.Reduction,
        Elements = elements,
        Flops = elements * flopsPerElement,
        BytesIn = elements * (long)elementSize,
        BytesOut = outputs * (long)elementSize,
        Vectorizable = vectorizable,
        HasGpuKernel = hasGpuKernel,
    };

    /// <summary>A (batched) matrix product: batch × (m×k)·(k×n).</summary>
    public static OperationCost MatMul(long m, long n, long k, int elementSize, long batch = 1, bool hasGpuKernel = true) => new()
    {
        Operation = "matmul",
        Kind = OperationKind.MatMul,
        Elements = batch * m * n,
        Flops = 2.0 * batch * m * n * k,
        BytesIn = batch * (m * k + k * n) * (long)elementSize,
        BytesOut = batch * m * n * (long)elementSize,
        Vectorizable = true,
        HasGpuKernel = hasGpuKernel,
    };
}
