using System.Runtime.Intrinsics;
using Batuta.ML.Internal;

namespace Batuta.ML.Cluster;

/// <summary>
/// scikit-learn's Lloyd k-means (<c>_kmeans_single_lloyd</c>): labels by argmin over ‖c‖² - 2x·c (the ‖x‖²
/// term cannot change the argmin), weighted center sums per row block, empty clusters relocated to the
/// farthest points, centers scaled by 1/weight, stop on unchanged labels or on Σ‖shift‖² ≤ tol, and a final
/// E-step when the labels were still moving.
/// </summary>
internal static class Lloyd
{
    public sealed record Result(int[] Labels, double Inertia, double[] Centers, int Iterations);

    public static Result Run(double[] x, int n, int p, double[] w, double[] centersInit, int k, int maxIter, double tol)
    {
        var centers = (double[])centersInit.Clone();
        var centersNew = new double[k * p];
        var labels = new int[n];
        Array.Fill(labels, -1);
        var labelsOld = (int[])labels.Clone();
        var weightIn = new double[k];
        var shift = new double[k];
        bool strict = false;
        int i;
        for (i = 0; i < maxIter; i++)
        {
            Iterate(x, n, p, w, centers, centersNew, weightIn, labels, shift, k, updateCenters: true);
            (centers, centersNew) = (centersNew, centers);
            if (labels.AsSpan().SequenceEqual(labelsOld))
            {
                strict = true;
                break;
            }
            double total = 0;
            foreach (var s in shift) total += s * s;
            if (total <= tol) break;
            Array.Copy(labels, labelsOld, n);
        }
        if (!strict) Iterate(x, n, p, w, centers, centers, weightIn, labels, shift, k, updateCenters: false);
        double inertia = Inertia(x, n, p, w, centers, labels);
        return new Result(labels, inertia, centers, Math.Min(i + 1, maxIter));
    }

    /// <summary>One E-step (labels) and, optionally, one M-step (new centers, center shifts).</summary>
    public static void Iterate(double[] x, int n, int p, double[] w, double[] centersOld, double[] centersNew, double[] weightIn, int[] labels, double[] shift, int k, bool updateCenters)
    {
        var step = new EStep(x, p, w, centersOld, k, labels, updateCenters ? RowBlocks.Count(n) : 0);
        RowBlocks.Run(n, (long)k * p, step.Rows);
        if (!updateCenters) return;
        Array.Clear(centersNew, 0, k * p);
        Array.Clear(weightIn);
        step.AddPartials(centersNew, weightIn);
        RelocateEmpty(x, n, p, w, centersOld, centersNew, weightIn, labels, k);
        for (int j = 0; j < k; j++)
        {
            if (weightIn[j] > 0)
            {
                double alpha = 1.0 / weightIn[j];
                for (int f = 0; f < p; f++) centersNew[j * p + f] *= alpha;
            }
        }
        for (int j = 0; j < k; j++) shift[j] = Math.Sqrt(SquaredDistance(centersNew.AsSpan(j * p, p), centersOld.AsSpan(j * p, p)));
    }

    /// <summary>
    /// Labels of one row block, and (when <c>blocks</c> &gt; 0) that block's weighted center sums, kept
    /// per block and added in block order so the result does not depend on the thread count.
    /// </summary>
    private sealed class EStep
    {
        private readonly double[] _x, _w, _ct, _cnorm;
        private readonly int _p, _k, _kp;
        private readonly int[] _labels;
        private readonly double[][] _partialCenters, _partialWeights;

        public EStep(double[] x, int p, double[] w, double[] centers, int k, int[] labels, int blocks)
        {
            (_x, _p, _w, _k, _labels) = (x, p, w, k, labels);
            _kp = (k + CenterScores.CenterPad - 1) / CenterScores.CenterPad * CenterScores.CenterPad;
            _ct = new double[p * _kp];
            _cnorm = new double[_kp];
            for (int j = 0; j < k; j++)
            {
                double s = 0;
                for (int f = 0; f < p; f++)
                {
                    double v = centers[j * p + f];
                    _ct[f * _kp + j] = v;
                    s += v * v;
                }
                _cnorm[j] = s;
            }
            for (int j = k; j < _kp; j++) _cnorm[j] = double.PositiveInfinity;
            _partialCenters = new double[blocks][];
            _partialWeights = new double[blocks][];
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public void Rows(int block, int start, int end)
        {
            int per = CenterScores.RowsPerCall, p = _p, k = _k, kp = _kp;
            var acc = new double[per * kp];
            var m2x = new double[per * p];
            double[]? pc = null, pw = null;
            if (_partialCenters.Length > 0)
            {
                pc = _partialCenters[block] = new double[k * p];
                pw = _partialWeights[block] = new double[k];
            }
            for (int r0 = start; r0 < end; r0 += per)
            {
                int rows = Math.Min(per, end - r0);
                CenterScores.Score(_x, r0, rows, p, _ct, _cnorm, kp, m2x, acc);
                for (int q = 0; q < rows; q++)
                {
                    int r = r0 + q;
                    int label = ArgMin(acc.AsSpan(q * kp, k));
                    _labels[r] = label;
                    if (pc is null) continue;
                    double wr = _w[r];
                    pw.OrThrow()[label] += wr;
                    Blas.Axpy(wr, new ReadOnlySpan<double>(_x, r * p, p), pc.AsSpan(label * p, p));
                }
            }
        }

        public void AddPartials(double[] centersNew, double[] weightIn)
        {
            for (int b = 0; b < _partialCenters.Length; b++)
            {
                for (int j = 0; j < _k; j++) weightIn[j] += _partialWeights[b][j];
                for (int t = 0; t < _k * _p; t++) centersNew[t] += _partialCenters[b][t];
            }
        }

        /// <summary>The first smallest score.</summary>
        private static int ArgMin(ReadOnlySpan<double> scores)
        {
            int label = 0;
            double min = scores[0];
            for (int j = 1; j < scores.Length; j++)
            {
                if (scores[j] < min)
                {
                    min = scores[j];
                    label = j;
                }
            }
            return label;
        }
    }

    private static void RelocateEmpty(double[] x, int n, int p, double[] w, double[] centersOld, double[] centersNew, double[] weightIn, int[] labels, int k)
    {
        var empty = Enumerable.Range(0, k).Where(j => weightIn[j] == 0).ToArray();
        if (empty.Length == 0) return;
        var dist = new double[n];
        for (int r = 0; r < n; r++) dist[r] = SquaredDistance(x.AsSpan(r * p, p), centersOld.AsSpan(labels[r] * p, p));
        if (dist.Max() == 0) return;
        var far = Enumerable.Range(0, n).OrderByDescending(r => dist[r]).ThenBy(r => r).Take(empty.Length).ToArray();
        for (int e = 0; e < empty.Length; e++)
        {
            int newId = empty[e], idx = far[e];
            double weight = w[idx];
            int oldId = labels[idx];
            for (int f = 0; f < p; f++)
            {
                centersNew[oldId * p + f] -= x[idx * p + f] * weight;
                centersNew[newId * p + f] = x[idx * p + f] * weight;
            }
            weightIn[newId] = weight;
            weightIn[oldId] -= weight;
        }
    }

    /// <summary>scikit-learn's <c>_euclidean_dense_dense</c> (squared): four terms per step, then the rest.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n4 = a.Length / 4, i = 0;
        double result = 0;
        for (int q = 0; q < n4; q++, i += 4)
        {
            double d0 = a[i] - b[i], d1 = a[i + 1] - b[i + 1], d2 = a[i + 2] - b[i + 2], d3 = a[i + 3] - b[i + 3];
            result += d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3;
        }
        for (; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            result += d * d;
        }
        return result;
    }

    public static double Inertia(double[] x, int n, int p, double[] w, double[] centers, int[] labels)
    {
        double inertia = 0;
        for (int r = 0; r < n; r++) inertia += SquaredDistance(x.AsSpan(r * p, p), centers.AsSpan(labels[r] * p, p)) * w[r];
        return inertia;
    }
}
