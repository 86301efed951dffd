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
    /// <summary>Seeds k centers; <paramref name="xSquaredNorms"/> is panel-padded (<see cref="RowPanels.Padded"/>).</summary>
    public static (double[] Centers, int[] Indices) Init(RowPanels panels, double[] x, double[] xSquaredNorms, int k, RandomState rng)
    {
        int n = panels.Rows, p = panels.Features, stride = panels.PaddedRows;
        int trials = 2 + (int)Math.Log(k);
        var centers = new double[k * p];
        var indices = new int[k];
        int first = (int)rng.RandInt(n);
        Array.Copy(x, first * p, centers, 0, p);
        indices[0] = first;
        var closest = new double[stride];
        CandidateDistances.Compute(panels, x, xSquaredNorms, [first], null, closest);
        double pot = NumpySum.Sum(closest.AsSpan(0, n));
        var cumsum = new double[n];
        var trial = new double[trials * stride];
        var candidates = new int[trials];
        for (int c = 1; c < k; c++)
        {
            double running = 0;
            for (int i = 0; i < n; i++) { running += closest[i]; cumsum[i] = running; }
            for (int t = 0; t < trials; t++) candidates[t] = Draw(cumsum, rng.NextDouble() * pot);
            CandidateDistances.Compute(panels, x, xSquaredNorms, candidates, closest, trial);
            int best = 0;
            double bestPot = double.PositiveInfinity;
            for (int t = 0; t < trials; t++)
            {
                double candPot = NumpySum.Sum(trial.AsSpan(t * stride, n));
                if (candPot < bestPot)
                {
                    bestPot = candPot;
                    best = t;
                }
            }
            pot = bestPot;
            Array.Copy(trial, best * stride, closest, 0, stride);
            Array.Copy(x, candidates[best] * p, centers, c * p, p);
            indices[c] = candidates[best];
        }
        return (centers, indices);
    }

    /// <summary><c>np.searchsorted(cumsum, v)</c> (side="left"), clipped to the last row.</summary>
    private static int Draw(double[] cumsum, double v)
    {
        int idx = Array.BinarySearch(cumsum, v);
        if (idx < 0) idx = ~idx;
        else while (idx > 0 && FloatExact.AreEqual(cumsum[idx - 1], v)) idx--;
        return Math.Min(idx, cumsum.Length - 1);
    }
}
