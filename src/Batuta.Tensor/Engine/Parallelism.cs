namespace Batuta.Tensors.Engine;

/// <summary>
/// Fork-join over the cores for large operations only. Thresholds are in elements and were measured
/// (docs/benchmarks/tensor.md): below them the thread pool costs more than it saves.
/// </summary>
internal static class Parallelism
{
    private static int _workers = DefaultWorkers();

    /// <summary>Threads a large operation splits into (BATUTA_NUM_THREADS overrides the core count).</summary>
    public static int Workers
    {
        get => _workers;
        set => _workers = Math.Max(1, value);
    }

    /// <summary>
    /// Cheap element-wise ops (add, multiply, copy) are memory-bound: on the 2-vCPU test machine a second
    /// core bought nothing at 10M elements (4.4 ms vs 3.4 ms on one; docs/benchmarks/tensor.md), so they
    /// split only for very large arrays.
    /// </summary>
    public const long CheapElementWiseThreshold = 1L << 25;

    /// <summary>Transcendental element-wise ops (exp, tanh, sigmoid, softmax): compute-bound, they split early (1.5× at 10M on 2 cores).</summary>
    public const long ExpensiveElementWiseThreshold = 1L << 16;

    /// <summary>Reductions over all elements: memory-bound like cheap element-wise ops (sum at 10M: 1.47 ms on 2 cores, 1.41 ms on one).</summary>
    public const long ReductionThreshold = 1L << 25;

    /// <summary>Reductions along an axis and other row-wise work with real arithmetic per element.</summary>
    public const long RowWorkThreshold = 1L << 20;

    public static void For(int count, Action<int> body)
    {
        if (count <= 1)
        {
            body(0);
            return;
        }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = count }, body);
    }

    private static int DefaultWorkers()
    {
        string? env = Environment.GetEnvironmentVariable("BATUTA_NUM_THREADS");
        if (env is not null && int.TryParse(env, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int n) && n > 0) return n;
        return Environment.ProcessorCount;
    }
}
