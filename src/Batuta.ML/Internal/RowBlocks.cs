namespace Batuta.ML.Internal;

/// <summary>
/// Fixed row blocks for data-parallel passes. The partition depends only on the row count (never on the
/// core count), and partial results are combined in block order, so results are identical on every machine.
/// </summary>
internal static class RowBlocks
{
    public const int BlockRows = 2048;

    public static int Count(int rows) => Math.Max(1, (rows + BlockRows - 1) / BlockRows);

    /// <summary>Runs <paramref name="body"/>(block, start, end) for every block, in parallel when the work is large enough.</summary>
    public static void Run(int rows, long workPerRow, Action<int, int, int> body)
    {
        int blocks = Count(rows);
        if (blocks == 1 || (long)rows * workPerRow < 2_000_000 || Threads == 1)
        {
            for (int b = 0; b < blocks; b++) body(b, b * BlockRows, Math.Min(rows, (b + 1) * BlockRows));
            return;
        }
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Threads }, b => body(b, b * BlockRows, Math.Min(rows, (b + 1) * BlockRows)));
    }

    /// <summary>Worker threads: <c>BATUTA_NUM_THREADS</c> when set, else every core.</summary>
    public static int Threads { get; } = int.TryParse(Environment.GetEnvironmentVariable("BATUTA_NUM_THREADS"), out int t) && t > 0 ? t : Environment.ProcessorCount;
}
