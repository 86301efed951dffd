using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Batuta.ML.Internal;

namespace Batuta.ML.Cluster;

/// <summary>
/// k-means++ candidate distances: for every candidate row c and every row x, max(0, -2x·c + ‖c‖² + ‖x‖²)
/// (scikit-learn's <c>_euclidean_distances</c>, squared), optionally lowered to the current closest
/// distance. One pass over the row panels serves four candidates: eight rows per vector, one FMA chain
/// per candidate, no horizontal sums.
/// </summary>
internal static class CandidateDistances
{
    /// <summary>
    /// Writes candidate t's distances to <paramref name="d"/>[t·stride ..] (stride = panels.PaddedRows), each
    /// lowered to <paramref name="closest"/>[i] when it is given; norms and closest are panel-padded.
    /// </summary>
    public static void Compute(RowPanels panels, double[] x, double[] norms, int[] candidates, double[]? closest, double[] d)
    {
        int p = panels.Features;
        int groups = (candidates.Length + 3) / 4;
        // Candidates in groups of four, padded with zero rows (their results are never stored).
        var c = new double[groups * 4 * p];
        var cn = new double[groups * 4];
        for (int t = 0; t < candidates.Length; t++)
        {
            Array.Copy(x, candidates[t] * p, c, t * p, p);
            cn[t] = norms[candidates[t]];
        }
        var job = new Job(panels, norms, c, cn, candidates.Length, closest, d);
        RowBlocks.Run(panels.Rows, (long)p * candidates.Length, job.Rows);
    }

    private sealed class Job(RowPanels panels, double[] norms, double[] c, double[] cn, int count, double[]? closest, double[] d)
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Rows(int block, int start, int end)
        {
            var (first, last) = RowPanels.Range(start, end);
            int p = panels.Features, stride = panels.PaddedRows;
            for (int t0 = 0; t0 < count; t0 += 4)
            {
                ref double c0 = ref c[t0 * p];
                int g = first;
                // Two panels at a time: eight independent FMA chains keep both FMA ports busy.
                for (; g + 1 < last; g += 2)
                {
                    var (a0, a1, a2, a3, b0, b1, b2, b3) = Dots2(ref panels.Panel(g), ref c0, p);
                    StoreGroup(t0, g, a0, a1, a2, a3, stride);
                    StoreGroup(t0, g + 1, b0, b1, b2, b3, stride);
                }
                if (g < last)
                {
                    var (a0, a1, a2, a3) = Dots(ref panels.Panel(g), ref c0, p);
                    StoreGroup(t0, g, a0, a1, a2, a3, stride);
                }
            }
        }

        private void StoreGroup(int t0, int g, Vector512<double> a0, Vector512<double> a1, Vector512<double> a2, Vector512<double> a3, int stride)
        {
            var xn = RowPanels.Lanes(norms, g);
            int group = Math.Min(4, count - t0);
            Store(a0, t0, g, xn, stride);
            if (group > 1) Store(a1, t0 + 1, g, xn, stride);
            if (group > 2) Store(a2, t0 + 2, g, xn, stride);
            if (group > 3) Store(a3, t0 + 3, g, xn, stride);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Store(Vector512<double> dot, int t, int g, Vector512<double> xn, int stride)
        {
            var v = Vector512.Create(-2.0) * dot + Vector512.Create(cn[t]) + xn;
            v = Vector512.ConditionalSelect(Vector512.GreaterThan(v, Vector512<double>.Zero), v, Vector512<double>.Zero);
            if (closest is not null) v = Vector512.Min(RowPanels.Lanes(closest, g), v);
            v.StoreUnsafe(ref d[0], (nuint)((long)t * stride + (long)g * RowPanels.Width));
        }
    }

    /// <summary>Dot products of two consecutive panels (sixteen rows) with four candidate rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<double>, Vector512<double>, Vector512<double>, Vector512<double>, Vector512<double>, Vector512<double>, Vector512<double>, Vector512<double>) Dots2(ref double panel, ref double c0, int p)
    {
        ref double next = ref Unsafe.Add(ref panel, p * RowPanels.Width);
        ref double c1 = ref Unsafe.Add(ref c0, p);
        ref double c2 = ref Unsafe.Add(ref c0, 2 * p);
        ref double c3 = ref Unsafe.Add(ref c0, 3 * p);
        Vector512<double> a0 = default, a1 = default, a2 = default, a3 = default;
        Vector512<double> b0 = default, b1 = default, b2 = default, b3 = default;
        for (int f = 0; f < p; f++)
        {
            var xf = Vector512.LoadUnsafe(ref panel, (nuint)(f * RowPanels.Width));
            var yf = Vector512.LoadUnsafe(ref next, (nuint)(f * RowPanels.Width));
            var k0 = Vector512.Create(Unsafe.Add(ref c0, f));
            var k1 = Vector512.Create(Unsafe.Add(ref c1, f));
            var k2 = Vector512.Create(Unsafe.Add(ref c2, f));
            var k3 = Vector512.Create(Unsafe.Add(ref c3, f));
            a0 = Vector512.FusedMultiplyAdd(xf, k0, a0);
            a1 = Vector512.FusedMultiplyAdd(xf, k1, a1);
            a2 = Vector512.FusedMultiplyAdd(xf, k2, a2);
            a3 = Vector512.FusedMultiplyAdd(xf, k3, a3);
            b0 = Vector512.FusedMultiplyAdd(yf, k0, b0);
            b1 = Vector512.FusedMultiplyAdd(yf, k1, b1);
            b2 = Vector512.FusedMultiplyAdd(yf, k2, b2);
            b3 = Vector512.FusedMultiplyAdd(yf, k3, b3);
        }
        return (a0, a1, a2, a3, b0, b1, b2, b3);
    }

    /// <summary>Eight rows' dot products with four candidate rows (c0, c0+p, c0+2p, c0+3p).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<double>, Vector512<double>, Vector512<double>, Vector512<double>) Dots(ref double panel, ref double c0, int p)
    {
        ref double c1 = ref Unsafe.Add(ref c0, p);
        ref double c2 = ref Unsafe.Add(ref c0, 2 * p);
        ref double c3 = ref Unsafe.Add(ref c0, 3 * p);
        Vector512<double> a0 = default, a1 = default, a2 = default, a3 = default;
        for (int f = 0; f < p; f++)
        {
            var xf = Vector512.LoadUnsafe(ref panel, (nuint)(f * RowPanels.Width));
            a0 = Vector512.FusedMultiplyAdd(xf, Vector512.Create(Unsafe.Add(ref c0, f)), a0);
            a1 = Vector512.FusedMultiplyAdd(xf, Vector512.Create(Unsafe.Add(ref c1, f)), a1);
            a2 = Vector512.FusedMultiplyAdd(xf, Vector512.Create(Unsafe.Add(ref c2, f)), a2);
            a3 = Vector512.FusedMultiplyAdd(xf, Vector512.Create(Unsafe.Add(ref c3, f)), a3);
        }
        return (a0, a1, a2, a3);
    }
}
