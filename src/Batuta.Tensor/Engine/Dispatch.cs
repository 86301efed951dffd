using Batuta.Tensors.Backends;

namespace Batuta.Tensors.Engine;

/// <summary>How one call runs: the backend and the SIMD width (0 = scalar loops).</summary>
internal readonly record struct ExecutionPlan(ComputeBackend Backend, int SimdBits)
{
    public bool IsGpu => Backend == ComputeBackend.Gpu;
}

/// <summary>
/// Turns an operation's cost into an <see cref="ExecutionPlan"/>. Small calls with no override in
/// force skip the cost model entirely (a GPU never pays off below <see cref="SmallElements"/>), so a
/// 1K-element add costs a couple of branches here, not a model evaluation.
/// </summary>
internal static class Dispatch
{
    /// <summary>Below this many elements (and 64³ multiply-adds for matmul) only the CPU is considered.</summary>
    public const long SmallElements = 1L << 18;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ExecutionPlan Plan(in OperationCost cost)
    {
        if (BackendScope.ActiveCount == 0 && BackendSelector.ProcessDefault == ComputeBackend.Auto
            && (cost.Flops < 2.0 * 64 * 64 * 64 && cost.Elements < SmallElements))
        {
            return cost.Vectorizable ? new ExecutionPlan(ComputeBackend.Simd, SimdWidth.HardwareBits) : new ExecutionPlan(ComputeBackend.Scalar, 0);
        }
        return Slow(cost);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ExecutionPlan Slow(in OperationCost cost)
    {
        var backend = BackendSelector.Choose(cost);
        return backend switch
        {
            ComputeBackend.Scalar => new ExecutionPlan(ComputeBackend.Scalar, 0),
            ComputeBackend.Gpu => new ExecutionPlan(ComputeBackend.Gpu, 0),
            _ => new ExecutionPlan(ComputeBackend.Simd, SimdWidth.ActiveBits),
        };
    }
}
