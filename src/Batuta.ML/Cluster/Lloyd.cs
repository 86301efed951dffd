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

    public static Result Run(RowPanels panels, double[] x, double[] w, double[] centersInit, int k, int maxIter, double tol)
    {
        int n = panels.Rows, p = panels.Features;
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
            Iterate(panels, x, w, centers, centersNew, weightIn, labels, shift, k, updateCenters: true);
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
        if (!strict) Iterate(panels, x, w, centers, centers, weightIn, labels, shift, k, updateCenters: false);
        double inertia = Inertia(x, n, p, w, centers, labels);
        return new Result(labels, inertia, centers, Math.Min(i + 1, maxIter));
    }

    /// <summary>
    /// One E-step (labels) and, optionally, one M-step (new centers, center shifts). The row-major rows
    /// <paramref name="x"/> and weights <paramref name="w"/> are read only by the M-step.
    /// </summary>
    public static void Iterate(RowPanels panels, double[] x, double[] w, double[] centersOld, double[] centersNew, double[] weightIn, int[] labels, double[] shift, int k, bool updateCenters)
    {
        int n = panels.Rows, p = panels.Features;
        var step = new EStep(panels, x, w, centersOld, k, labels, updateCenters ? RowBlocks.Count(n) : 0);
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
    /// per block and added in block order so the result does not depend on the thread count. Each row's
    /// score for center j is the FMA chain ‖c‖² + Σf x_f·(-2c_f), one row per vector lane.
    /// </summary>
    private sealed class EStep
    {
        private readonly RowPanels _panels;
        private readonly double[] _x, _w, _m2c, _cnorm;
        private readonly int _p, _k, _kp;
        private readonly int[] _labels;
        private readonly double[][] _partialCenters, _partialWeights;

        public EStep(RowPanels panels, double[] x, double[] w, double[] centers, int k, int[] labels, int blocks)
        {
            (_panels, _x, _p, _w, _k, _labels) = (panels, x, panels.Features, w, k, labels);
            int p = _p;
            _kp = (k + 7) / 8 * 8;
            _m2c = new double[_kp * p];
            _cnorm = new double[_kp];
            for (int j = 0; j < k; j++)
            {
                double s = 0;
                for (int f = 0; f < p; f++)
                {
                    double v = centers[j * p + f];
                    _m2c[j * p + f] = -2.0 * v;
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
            int p = _p, k = _k;
            double[]? pc = null, pw = null;
            if (_partialCenters.Length > 0)
            {
                pc = _partialCenters[block] = new double[k * p];
                pw = _partialWeights[block] = new double[k];
            }
            Span<double> lanes = stackalloc double[RowPanels.Width];
            var (first, last) = RowPanels.Range(start, end);
            for (int g = first; g < last; g++)
            {
                Nearest(ref _panels.Panel(g)).CopyTo(lanes);
                int rows = Math.Min(RowPanels.Width, end - g * RowPanels.Width);
                for (int q = 0; q < rows; q++)
                {
                    int r = g * RowPanels.Width + q, label = (int)lanes[q];
                    _labels[r] = label;
                    if (pc is null) continue;
                    double wr = _w[r];
                    pw.OrThrow()[label] += wr;
                    Blas.Axpy(wr, new ReadOnlySpan<double>(_x, r * p, p), pc.AsSpan(label * p, p));
                }
            }
        }

        /// <summary>The first closest center of each of a panel's eight rows (as doubles).</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private Vector512<double> Nearest(ref double panel)
        {
            var min = Vector512.Create(double.PositiveInfinity);
            var label = Vector512<double>.Zero;
            for (int jj = 0; jj < _kp; jj += 8) Scores8(ref panel, jj, ref min, ref label);
            return label;
        }

        /// <summary>Keeps the first smaller score (strict &lt;, centers in order), as a row-by-row argmin does.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static void Merge(Vector512<double> score, int j, ref Vector512<double> min, ref Vector512<double> label)
        {
            var less = Vector512.LessThan(score, min);
            min = Vector512.ConditionalSelect(less, score, min);
            label = Vector512.ConditionalSelect(less, Vector512.Create((double)j), label);
        }

        /// <summary>Scores of centers jj .. jj+7 for the panel's rows (eight independent FMA chains), merged into the running argmin.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private void Scores8(ref double panel, int jj, ref Vector512<double> min, ref Vector512<double> label)
        {
            int p = _p;
            ref double c = ref _m2c[jj * p];
            var a0 = Vector512.Create(_cnorm[jj]);
            var a1 = Vector512.Create(_cnorm[jj + 1]);
            var a2 = Vector512.Create(_cnorm[jj + 2]);
            var a3 = Vector512.Create(_cnorm[jj + 3]);
            var a4 = Vector512.Create(_cnorm[jj + 4]);
            var a5 = Vector512.Create(_cnorm[jj + 5]);
            var a6 = Vector512.Create(_cnorm[jj + 6]);
            var a7 = Vector512.Create(_cnorm[jj + 7]);
            for (int f = 0; f < p; f++)
            {
                var xf = Vector512.LoadUnsafe(ref panel, (nuint)(f * RowPanels.Width));
                a0 = Vector512.FusedMultiplyAdd(xf, Vector512.Create(System.Runtime.CompilerServices.Unsafe.Add(ref c, f)), a0);
                a1 = Vector512.FusedMultiplyAdd(xf, Vector512.Create(System.Runtime.CompilerServices.Unsafe.Add(ref c, p + f)), a1);
                a2 = Vector512.FusedMultiplyAdd(xf, Vector512.Create(System.Runtime.CompilerServices.Unsafe.Add(ref c, 2 * p + f)), a2);
                a3 = Vector512.FusedMultiplyAdd(xf, Vector512.Create(System.Runtime.CompilerServices.Unsafe.Add(ref c, 3 * p + f)), a3);
                a4 = Vector512.FusedMultiplyAdd(xf, Vector512.Create(System.Runtime.CompilerServices.Unsafe.Add(ref c, 4 * p + f)), a4);
                a5 = Vector512.FusedMultiplyAdd(xf, Vector512.Create(System.Runtime.CompilerServices.Unsafe.Add(ref c, 5 * p + f)), a5);
                a6 = Vector512.FusedMultiplyAdd(xf, Vector512.Create(System.Runtime.CompilerServices.Unsafe.Add(ref c, 6 * p + f)), a6);
                a7 = Vector512.FusedMultiplyAdd(xf, Vector512.Create(System.Runtime.CompilerServices.Unsafe.Add(ref c, 7 * p + f)), a7);
            }
            Merge(a0, jj, ref min, ref label);
            Merge(a1, jj + 1, ref min, ref label);
            Merge(a2, jj + 2, ref min, ref label);
            Merge(a3, jj + 3, ref min, ref label);
            Merge(a4, jj + 4, ref min, ref label);
            Merge(a5, jj + 5, ref min, ref label);
            Merge(a6, jj + 6, ref min, ref label);
            Merge(a7, jj + 7, ref min, ref label);
        }

        public void AddPartials(double[] centersNew, double[] weightIn)
        {
            for (int b = 0; b < _partialCenters.Length; b++)
            {
                for (int j = 0; j < _k; j++) weightIn[j] += _partialWeights[b][j];
                for (int t = 0; t < _k * _p; t++) centersNew[t] += _partialCenters[b][t];
            }
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

    /// <summary>Σ w·‖x - c(label)‖², summed per row block and the blocks in order (as scikit-learn sums per chunk).</summary>
    public static double Inertia(double[] x, int n, int p, double[] w, double[] centers, int[] labels)
    {
        var partial = new double[RowBlocks.Count(n)];
        RowBlocks.Run(n, p, (b, start, end) =>
        {
            double s = 0;
            for (int r = start; r < end; r++) s += SquaredDistance(x.AsSpan(r * p, p), centers.AsSpan(labels[r] * p, p)) * w[r];
            partial[b] = s;
        });
        double inertia = 0;
        foreach (double s in partial) inertia += s;
        return inertia;
    }
}
