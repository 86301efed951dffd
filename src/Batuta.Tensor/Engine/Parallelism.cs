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
    /// Cheap element-wise ops (add, multiply, copy) are memory-bound, but one core does not reach the memory
    /// bandwidth: on the 2-vCPU test machine (Xeon, 260 MiB L3) add 10M took 3.6 ms on one core and 1.9-2.1 ms on
    /// two when the second core was free; the split starts paying at about 2M elements (docs/benchmarks/tensor.md).
    /// </summary>
    public const long CheapElementWiseThreshold = 1L << 21;

    /// <summary>Transcendental element-wise ops (exp, tanh, sigmoid, softmax): compute-bound, they split early (1.5× at 10M on 2 cores).</summary>
    public const long ExpensiveElementWiseThreshold = 1L << 16;

    /// <summary>Reductions over all elements: one read stream, so the split pays later than for add (sum 10M: 1.45 ms on one core, 0.8-1.0 ms on two; level at 2M).</summary>
    public const long ReductionThreshold = 1L << 22;

    /// <summary>The smallest chunk <see cref="ForChunks"/> hands out: 1 MiB of floats, so per-chunk overhead stays under 1%.</summary>
    public const int MinChunkElements = 1 << 18;

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

    /// <summary>
    /// Splits [0, n) into 64-element-aligned chunks (about four per worker, at least <see cref="MinChunkElements"/>)
    /// and runs <paramref name="body"/>(index, start, length) for each. The caller takes chunks as well, so a worker
    /// that the OS does not schedule (a loaded machine) costs little: the caller then runs the chunks itself
    /// instead of waiting for a fixed half. Chunk boundaries depend only on n and <see cref="Workers"/>, so a
    /// reduction that combines per-chunk partials in index order gives the same result on every call.
    /// </summary>
    public static void ForChunks(int n, Action<int, int, int> body)
    {
        int chunk = ChunkSize(n);
        int count = (n + chunk - 1) / chunk;
        if (count <= 1 || _workers <= 1)
        {
            for (int i = 0; i < count; i++) body(i, i * chunk, Math.Min(chunk, n - i * chunk));
            return;
        }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = _workers }, i => body(i, i * chunk, Math.Min(chunk, n - i * chunk)));
    }

    /// <summary>The number of chunks <see cref="ForChunks"/> splits n elements into (for sizing the partials of a reduction).</summary>
    public static int ChunkCount(int n)
    {
        int chunk = ChunkSize(n);
        return (n + chunk - 1) / chunk;
    }

    private static int ChunkSize(int n)
    {
        long perChunk = ((long)n + 4L * _workers - 1) / (4L * _workers);
        return (int)Math.Max(MinChunkElements, (perChunk + 63) & ~63L);
    }

    private static int DefaultWorkers()
    {
        string? env = Environment.GetEnvironmentVariable("BATUTA_NUM_THREADS");
        if (env is not null && int.TryParse(env, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int n) && n > 0) return n;
        return Environment.ProcessorCount;
    }
}
