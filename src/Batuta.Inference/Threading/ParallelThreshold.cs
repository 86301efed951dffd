using System.Diagnostics;
using Batuta.Inference.Kernels;
using Batuta.Inference.Quantization;

namespace Batuta.Inference.Threading;

/// <summary>
/// The amount of work (weight bytes streamed) below which a matrix product stays on one thread,
/// measured on this machine: waking the pool costs a fixed time, and splitting only pays when the
/// single-thread time exceeds that cost by a margin. <c>bytes = 2 x dispatch / (seconds per byte) x T/(T-1)</c>.
/// Both figures are the 10th percentile of 64 timings, so a burst of load from other processes during
/// the measurement does not make the engine single-threaded for its whole life; the result is capped
/// at <see cref="MaxBytes"/> for the same reason.
/// </summary>
internal sealed class ParallelThreshold
{
    private static readonly object Lock = new();
    private static readonly Dictionary<int, ParallelThreshold> Measured = [];

    private ParallelThreshold(long bytes, double dispatchMicroseconds, double bytesPerMicrosecond)
    {
        Bytes = bytes;
        DispatchMicroseconds = dispatchMicroseconds;
        BytesPerMicrosecond = bytesPerMicrosecond;
    }

    /// <summary>Products of more than 8 MB (a 1B model's FFN matrix is 6.5 MB in Q4_K) are always split.</summary>
    public const long MaxBytes = 8L << 20;

    public long Bytes { get; }
    public double DispatchMicroseconds { get; }
    public double BytesPerMicrosecond { get; }

    public static ParallelThreshold Fixed(long bytes) => new(bytes, double.NaN, double.NaN);

    /// <summary>Measures once per thread count and process (a few milliseconds).</summary>
    public static ParallelThreshold For(ComputePool pool)
    {
        lock (Lock)
        {
            if (Measured.TryGetValue(pool.Threads, out var known)) return known;
            var measured = pool.Threads == 1 ? new ParallelThreshold(long.MaxValue, 0, 0) : Measure(pool);
            Measured[pool.Threads] = measured;
            return measured;
        }
    }

    private sealed class Empty : IParallelJob
    {
        public void Execute(int chunk, int worker) { }
    }

    private static unsafe ParallelThreshold Measure(ComputePool pool)
    {
        var empty = new Empty();
        var samples = new double[64];
        for (int i = 0; i < 16; i++) pool.Run(empty, pool.Threads);
        for (int i = 0; i < samples.Length; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            pool.Run(empty, pool.Threads);
            samples[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }
        Array.Sort(samples);
        double dispatch = samples[samples.Length / 10];

        // Single-thread speed of the Q4_K kernel (interleaved where the model will use it) on an L2-resident 64 x 2048 matrix.
        const int rows = 64, cols = 2048;
        var rng = new Random(1);
        var weights = new float[rows * cols];
        for (int i = 0; i < weights.Length; i++) weights[i] = (float)(rng.NextDouble() - 0.5);
        var q = Dequantizer.Quantize(GgmlType.Q4_K, weights);
        using var x = new ActivationBatch(1, cols);
        for (int i = 0; i < cols; i++) x.Values[i] = (float)(rng.NextDouble() - 0.5);
        x.SetTokens(1);
        x.EnsureQ8K();
        float* y = stackalloc float[rows];
        fixed (byte* data = q)
        {
            var w = new WeightMatrix("calibration", GgmlType.Q4_K, rows, cols, data);
            w.Pack();
            try
            {
                for (int i = 0; i < 20; i++) RowKernels.Rows(w, 0, rows, x, 1, y, rows, ActivationPrecision.Int8);
                for (int i = 0; i < samples.Length; i++)
                {
                    long t0 = Stopwatch.GetTimestamp();
                    RowKernels.Rows(w, 0, rows, x, 1, y, rows, ActivationPrecision.Int8);
                    samples[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
                }
            }
            finally
            {
                w.ReleasePacked();
            }
            Array.Sort(samples);
            double bytesPerMicrosecond = w.ByteSize / Math.Max(1e-3, samples[samples.Length / 10]);
            int t = pool.Threads;
            long threshold = (long)(2 * dispatch * bytesPerMicrosecond * t / (t - 1));
            return new ParallelThreshold(Math.Clamp(threshold, 4096, MaxBytes), dispatch, bytesPerMicrosecond);
        }
    }
}
