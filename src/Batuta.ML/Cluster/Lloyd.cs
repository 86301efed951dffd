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
        int kp = (k + 3) & ~3;
        var ct = new double[p * kp];
        var cnorm = new double[kp];
        for (int j = 0; j < k; j++)
        {
            double s = 0;
            for (int f = 0; f < p; f++)
            {
                double v = centersOld[j * p + f];
                ct[f * kp + j] = v;
                s += v * v;
            }
            cnorm[j] = s;
        }
        for (int j = k; j < kp; j++) cnorm[j] = double.PositiveInfinity;
        int blocks = RowBlocks.Count(n);
        var partialCenters = updateCenters ? new double[blocks][] : [];
        var partialWeights = updateCenters ? new double[blocks][] : [];
        RowBlocks.Run(n, (long)k * p, (b, start, end) =>
        {
            var acc = new double[kp];
            double[]? pc = null, pw = null;
            if (updateCenters)
            {
                pc = partialCenters[b] = new double[k * p];
                pw = partialWeights[b] = new double[k];
            }
            for (int r = start; r < end; r++)
            {
                var row = new ReadOnlySpan<double>(x, r * p, p);
                int label = NearestCenter(row, ct, cnorm, kp, k, acc);
                labels[r] = label;
                if (pc is not null)
                {
                    double wr = w[r];
                    pw![label] += wr;
                    Blas.Axpy(wr, row, pc.AsSpan(label * p, p));
                }
            }
        });
        if (!updateCenters) return;
        Array.Clear(centersNew, 0, k * p);
        Array.Clear(weightIn);
        for (int b = 0; b < blocks; b++)
        {
            for (int j = 0; j < k; j++) weightIn[j] += partialWeights[b][j];
            for (int t = 0; t < k * p; t++) centersNew[t] += partialCenters[b][t];
        }
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

    private static int NearestCenter(ReadOnlySpan<double> row, double[] ct, double[] cnorm, int kp, int k, double[] acc)
    {
        int p = row.Length;
        Span<double> m2x = p <= 256 ? stackalloc double[p] : new double[p];
        for (int f = 0; f < p; f++) m2x[f] = -2.0 * row[f];
        ref double rct = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(ct);
        ref double racc = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(acc);
        ref double rnorm = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(cnorm);
        if (Vector256.IsHardwareAccelerated)
        {
            int j = 0;
            for (; j + 8 <= kp; j += 8)
            {
                var a0 = Vector256.LoadUnsafe(ref rnorm, (nuint)j);
                var a1 = Vector256.LoadUnsafe(ref rnorm, (nuint)(j + 4));
                for (int f = 0; f < p; f++)
                {
                    var b = Vector256.Create(m2x[f]);
                    nuint off = (nuint)(f * kp + j);
                    a0 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref rct, off), a0);
                    a1 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref rct, off + 4), a1);
                }
                a0.StoreUnsafe(ref racc, (nuint)j);
                a1.StoreUnsafe(ref racc, (nuint)(j + 4));
            }
            for (; j < kp; j += 4)
            {
                var a0 = Vector256.LoadUnsafe(ref rnorm, (nuint)j);
                for (int f = 0; f < p; f++)
                    a0 = Vector256.FusedMultiplyAdd(Vector256.Create(m2x[f]), Vector256.LoadUnsafe(ref rct, (nuint)(f * kp + j)), a0);
                a0.StoreUnsafe(ref racc, (nuint)j);
            }
        }
        else
        {
            cnorm.AsSpan(0, kp).CopyTo(acc);
            for (int f = 0; f < p; f++)
            {
                int off = f * kp;
                for (int j = 0; j < k; j++) acc[j] += m2x[f] * ct[off + j];
            }
        }
        int label = 0;
        double min = acc[0];
        for (int j = 1; j < k; j++)
        {
            if (acc[j] < min)
            {
                min = acc[j];
                label = j;
            }
        }
        return label;
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
