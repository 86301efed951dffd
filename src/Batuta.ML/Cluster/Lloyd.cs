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
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
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
        RowBlocks.Run(n, (long)k * p, [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] (b, start, end) =>
        {
            var acc = new double[4 * kp];
            var m2x = new double[4 * p];
            double[]? pc = null, pw = null;
            if (updateCenters)
            {
                pc = partialCenters[b] = new double[k * p];
                pw = partialWeights[b] = new double[k];
            }
            for (int r0 = start; r0 < end; r0 += 4)
            {
                int rows = Math.Min(4, end - r0);
                ScoreRows(x, r0, rows, p, ct, cnorm, kp, m2x, acc);
                for (int q = 0; q < rows; q++)
                {
                    int r = r0 + q;
                    int label = 0;
                    double min = acc[q * kp];
                    for (int j = 1; j < k; j++)
                    {
                        double v = acc[q * kp + j];
                        if (v < min)
                        {
                            min = v;
                            label = j;
                        }
                    }
                    labels[r] = label;
                    if (pc is not null)
                    {
                        double wr = w[r];
                        pw.OrThrow()[label] += wr;
                        Blas.Axpy(wr, new ReadOnlySpan<double>(x, r * p, p), pc.AsSpan(label * p, p));
                    }
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

    /// <summary>
    /// ‖c‖² - 2x·c for up to four rows against every center, written to acc[row·kp + center]. Four rows
    /// (and eight centers) at a time keep eight independent FMA chains in flight, as a GEMM kernel would.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void ScoreRows(double[] x, int r0, int rows, int p, double[] ct, double[] cnorm, int kp, double[] m2x, double[] acc)
    {
        for (int q = 0; q < 4; q++)
            for (int f = 0; f < p; f++) m2x[q * p + f] = q < rows ? -2.0 * x[(r0 + q) * p + f] : 0.0;
        ref double rct = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(ct);
        ref double rn = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(cnorm);
        ref double ra = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(acc);
        ref double rm = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(m2x);
        if (!Vector256.IsHardwareAccelerated)
        {
            for (int q = 0; q < rows; q++)
                for (int j = 0; j < kp; j++)
                {
                    double a = cnorm[j];
                    for (int f = 0; f < p; f++) a += m2x[q * p + f] * ct[f * kp + j];
                    acc[q * kp + j] = a;
                }
            return;
        }
        int jj = 0;
        for (; jj + 8 <= kp; jj += 8)
        {
            var n0 = Vector256.LoadUnsafe(ref rn, (nuint)jj);
            var n1 = Vector256.LoadUnsafe(ref rn, (nuint)(jj + 4));
            Vector256<double> a00 = n0, a01 = n1, a10 = n0, a11 = n1, a20 = n0, a21 = n1, a30 = n0, a31 = n1;
            for (int f = 0; f < p; f++)
            {
                nuint off = (nuint)(f * kp + jj);
                var c0 = Vector256.LoadUnsafe(ref rct, off);
                var c1 = Vector256.LoadUnsafe(ref rct, off + 4);
                var b0 = Vector256.Create(System.Runtime.CompilerServices.Unsafe.Add(ref rm, f));
                var b1 = Vector256.Create(System.Runtime.CompilerServices.Unsafe.Add(ref rm, p + f));
                var b2 = Vector256.Create(System.Runtime.CompilerServices.Unsafe.Add(ref rm, 2 * p + f));
                var b3 = Vector256.Create(System.Runtime.CompilerServices.Unsafe.Add(ref rm, 3 * p + f));
                a00 = Vector256.FusedMultiplyAdd(b0, c0, a00);
                a01 = Vector256.FusedMultiplyAdd(b0, c1, a01);
                a10 = Vector256.FusedMultiplyAdd(b1, c0, a10);
                a11 = Vector256.FusedMultiplyAdd(b1, c1, a11);
                a20 = Vector256.FusedMultiplyAdd(b2, c0, a20);
                a21 = Vector256.FusedMultiplyAdd(b2, c1, a21);
                a30 = Vector256.FusedMultiplyAdd(b3, c0, a30);
                a31 = Vector256.FusedMultiplyAdd(b3, c1, a31);
            }
            a00.StoreUnsafe(ref ra, (nuint)jj);
            a01.StoreUnsafe(ref ra, (nuint)(jj + 4));
            a10.StoreUnsafe(ref ra, (nuint)(kp + jj));
            a11.StoreUnsafe(ref ra, (nuint)(kp + jj + 4));
            a20.StoreUnsafe(ref ra, (nuint)(2 * kp + jj));
            a21.StoreUnsafe(ref ra, (nuint)(2 * kp + jj + 4));
            a30.StoreUnsafe(ref ra, (nuint)(3 * kp + jj));
            a31.StoreUnsafe(ref ra, (nuint)(3 * kp + jj + 4));
        }
        for (; jj < kp; jj += 4)
        {
            var n0 = Vector256.LoadUnsafe(ref rn, (nuint)jj);
            Vector256<double> a0 = n0, a1 = n0, a2 = n0, a3 = n0;
            for (int f = 0; f < p; f++)
            {
                var c0 = Vector256.LoadUnsafe(ref rct, (nuint)(f * kp + jj));
                a0 = Vector256.FusedMultiplyAdd(Vector256.Create(m2x[f]), c0, a0);
                a1 = Vector256.FusedMultiplyAdd(Vector256.Create(m2x[p + f]), c0, a1);
                a2 = Vector256.FusedMultiplyAdd(Vector256.Create(m2x[2 * p + f]), c0, a2);
                a3 = Vector256.FusedMultiplyAdd(Vector256.Create(m2x[3 * p + f]), c0, a3);
            }
            a0.StoreUnsafe(ref ra, (nuint)jj);
            a1.StoreUnsafe(ref ra, (nuint)(kp + jj));
            a2.StoreUnsafe(ref ra, (nuint)(2 * kp + jj));
            a3.StoreUnsafe(ref ra, (nuint)(3 * kp + jj));
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
