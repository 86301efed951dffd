using Batuta.ML.Internal;
using Batuta.ML.Randomness;

namespace Batuta.ML.Cluster;

/// <summary>
/// scikit-learn 1.2's greedy k-means++ (<c>_kmeans_plusplus</c>): a first center by <c>randint</c>, then per
/// center 2 + ⌊ln k⌋ candidates drawn by <c>uniform</c> × potential against the cumulative squared
/// distances, keeping the candidate that lowers the potential most.
/// </summary>
internal static class KMeansPlusPlus
{
    public static (double[] Centers, int[] Indices) Init(double[] x, int n, int p, double[] xSquaredNorms, int k, RandomState rng)
    {
        int trials = 2 + (int)Math.Log(k);
        var centers = new double[k * p];
        var indices = new int[k];
        int first = (int)rng.RandInt(n);
        Array.Copy(x, first * p, centers, 0, p);
        indices[0] = first;
        var closest = Distances(x, n, p, xSquaredNorms, first);
        double pot = NumpySum.Sum(closest);
        var cumsum = new double[n];
        for (int c = 1; c < k; c++)
        {
            double running = 0;
            for (int i = 0; i < n; i++) { running += closest[i]; cumsum[i] = running; }
            var candidates = new int[trials];
            for (int t = 0; t < trials; t++)
            {
                double v = rng.NextDouble() * pot;
                int idx = Array.BinarySearch(cumsum, v);
                if (idx < 0) idx = ~idx;
                else while (idx > 0 && FloatExact.AreEqual(cumsum[idx - 1], v)) idx--;
                candidates[t] = Math.Min(idx, n - 1);
            }
            double bestPot = double.PositiveInfinity;
            double[]? bestDist = null;
            int best = -1;
            foreach (int cand in candidates)
            {
                var d = Distances(x, n, p, xSquaredNorms, cand);
                for (int i = 0; i < n; i++) d[i] = Math.Min(closest[i], d[i]);
                double candPot = NumpySum.Sum(d);
                if (candPot < bestPot)
                {
                    bestPot = candPot;
                    bestDist = d;
                    best = cand;
                }
            }
            pot = bestPot;
            closest = bestDist.OrThrow();
            Array.Copy(x, best * p, centers, c * p, p);
            indices[c] = best;
        }
        return (centers, indices);
    }

    /// <summary>Squared distances from row <paramref name="center"/> to every row: -2x·c + ‖x‖² + ‖c‖², clipped at 0.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static double[] Distances(double[] x, int n, int p, double[] norms, int center)
    {
        var d = new double[n];
        var c = new ReadOnlySpan<double>(x, center * p, p).ToArray();
        double cn = norms[center];
        RowBlocks.Run(n, p, (_, start, end) =>
        {
            for (int i = start; i < end; i++)
            {
                double v = -2 * Blas.Dot(new ReadOnlySpan<double>(x, i * p, p), c) + cn + norms[i];
                d[i] = v > 0 ? v : 0;
            }
        });
        return d;
    }
}
