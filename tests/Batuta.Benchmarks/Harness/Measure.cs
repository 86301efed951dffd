using System.Diagnostics;

namespace Batuta.Benchmarks.Harness;

/// <summary>
/// In-process timing with a real warm-up: the body runs until tiered JIT has promoted it
/// (at least 50 calls and 300 ms), then the median of several timed batches is taken.
/// A hand-timed loop that stops at tier-0 reads many times slower, so never skip the warm-up.
/// </summary>
public static class Measure
{
    public static TimeSpan Median(Action body, bool quick = false, int batches = 15)
    {
        var warm = Stopwatch.StartNew();
        int calls = 0;
        while (calls < 50 || warm.ElapsedMilliseconds < (quick ? 100 : 400))
        {
            body();
            calls++;
        }

        // Size a batch so that it lasts about 20 ms, so timer resolution does not matter.
        double perCall = warm.Elapsed.TotalSeconds / calls;
        int perBatch = Math.Max(1, (int)(0.02 / Math.Max(perCall, 1e-9)));
        int n = quick ? Math.Min(5, batches) : batches;
        var samples = new double[n];
        for (int b = 0; b < n; b++)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < perBatch; i++) body();
            samples[b] = sw.Elapsed.TotalSeconds / perBatch;
        }
        Array.Sort(samples);
        return TimeSpan.FromSeconds(samples[n / 2]);
    }

    /// <summary>Times a whole external command (a build, a process run): median of <paramref name="runs"/>.</summary>
    public static TimeSpan MedianOfRuns(Func<TimeSpan> run, int runs)
    {
        var samples = Enumerable.Range(0, runs).Select(_ => run().TotalSeconds).OrderBy(x => x).ToArray();
        return TimeSpan.FromSeconds(samples[samples.Length / 2]);
    }
}
