using System.Numerics;
using Batuta.ML.Internal;
using Batuta.ML.Randomness;
using Batuta.Tensors;

namespace Batuta.ML;

public static partial class Metrics
{
    /// <summary>
    /// <c>silhouette_samples(X, labels)</c> with the Euclidean metric: (b - a) / max(a, b) per sample, 0 for
    /// samples alone in their cluster. Distances are computed directly (not by the |x|²-2x·y+|y|² expansion
    /// scikit-learn uses), so values agree with scikit-learn's to about 1e-12.
    /// </summary>
    public static Tensor<double> SilhouetteSamples<TLabel>(Tensor<double> X, Tensor<TLabel> labels)
        where TLabel : unmanaged, INumber<TLabel>
    {
        var m = Validation.Check.Matrix(X, "silhouette_samples");
        var lab = MetricInputs.Vector(labels, "labels");
        MetricInputs.SameLength(m.Rows, lab.Length);
        return Tensor.FromArray(Silhouette(m, lab), m.Rows);
    }

    /// <summary><c>silhouette_score(X, labels, sample_size=None, random_state=None)</c>: the mean silhouette.</summary>
    public static double SilhouetteScore<TLabel>(Tensor<double> X, Tensor<TLabel> labels, int? sampleSize = null, int? randomState = null)
        where TLabel : unmanaged, INumber<TLabel>
    {
        var m = Validation.Check.Matrix(X, "silhouette_score");
        var lab = MetricInputs.Vector(labels, "labels");
        MetricInputs.SameLength(m.Rows, lab.Length);
        if (sampleSize is int size)
        {
            var rng = randomState is int seed ? new RandomState(seed) : new RandomState();
            var idx = rng.Permutation(m.Rows)[..size].Select(i => (int)i).ToArray();
            m = m.Take(idx);
            lab = idx.Select(i => lab[i]).ToArray();
        }
        return NumpySum.Mean(Silhouette(m, lab));
    }

    private static double[] Silhouette(Validation.DenseMatrix m, double[] labelValues)
    {
        int n = m.Rows;
        var classes = Validation.Labels.Unique(labelValues);
        if (classes.Length < 2 || classes.Length > n - 1)
            throw new InputValidationException($"Number of labels is {classes.Length}. Valid values are 2 to n_samples - 1 (inclusive)", "labels");
        var label = labelValues.Select(v => Array.BinarySearch(classes, v)).ToArray();
        int k = classes.Length;
        var counts = new int[k];
        foreach (var l in label) counts[l]++;
        var result = new double[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var sums = new double[k];
            var xi = m.Row(i);
            for (int j = 0; j < n; j++)
            {
                if (j == i) continue;
                sums[label[j]] += Math.Sqrt(Distances.SquaredEuclidean(xi, m.Row(j)));
            }
            int own = label[i];
            if (counts[own] <= 1)
            {
                result[i] = 0;
                return;
            }
            double a = sums[own] / (counts[own] - 1);
            double b = double.PositiveInfinity;
            for (int c = 0; c < k; c++)
                if (c != own) b = Math.Min(b, sums[c] / counts[c]);
            double s = (b - a) / Math.Max(a, b);
            result[i] = double.IsNaN(s) ? 0 : s;
        });
        return result;
    }
}
