using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Batuta.ML.Internal;

namespace Batuta.ML.Cluster;

/// <summary>
/// k-means++ candidate distances: for every candidate row c and every row x, max(0, -2x·c + ‖c‖² + ‖x‖²),
/// optionally lowered to the current closest distance. One pass over the data serves every candidate
/// (each row is loaded once for four candidates), and each dot product adds its terms in exactly the
/// order <see cref="Blas.Dot"/> does, so the seeding picks the same candidates as a row-by-row loop.
/// </summary>
internal static class CandidateDistances
{
    /// <summary>
    /// Writes candidate t's distances to <paramref name="d"/>[t·n .. t·n+n), each lowered to
    /// <paramref name="closest"/>[i] when it is given.
    /// </summary>
    public static void Compute(double[] x, int n, int p, double[] norms, int[] candidates, double[]? closest, double[] d)
    {
        int count = candidates.Length;
        var c = new double[count * p];
        var cn = new double[count];
        for (int t = 0; t < count; t++)
        {
            Array.Copy(x, candidates[t] * p, c, t * p, p);
            cn[t] = norms[candidates[t]];
        }
        var job = new Job(x, n, p, norms, c, cn, count, closest, d);
        RowBlocks.Run(n, (long)p * count, job.Rows);
    }

    private sealed class Job(double[] x, int n, int p, double[] norms, double[] c, double[] cn, int count, double[]? closest, double[] d)
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Rows(int block, int start, int end)
        {
            Span<double> dots = stackalloc double[4];
            for (int t0 = 0; t0 < count; t0 += 4)
            {
                int group = Math.Min(4, count - t0);
                for (int i = start; i < end; i++)
                {
                    var row = new ReadOnlySpan<double>(x, i * p, p);
                    Dots(row, c.AsSpan(t0 * p, group * p), group, dots);
                    for (int g = 0; g < group; g++) Store(i, t0 + g, dots[g]);
                }
            }
        }

        private void Store(int i, int t, double dot)
        {
            double v = -2 * dot + cn[t] + norms[i];
            v = v > 0 ? v : 0;
            if (closest is not null) v = Math.Min(closest[i], v);
            d[(long)t * n + i] = v;
        }
    }

    /// <summary>The dot products of <paramref name="row"/> with up to four candidate rows.</summary>
    private static void Dots(ReadOnlySpan<double> row, ReadOnlySpan<double> cands, int group, Span<double> result)
    {
        int p = row.Length;
        if (group == 4 && p >= 16 && Vector256.IsHardwareAccelerated)
        {
            Dot4(row, cands, result);
            return;
        }
        for (int g = 0; g < group; g++) result[g] = Blas.Dot(row, cands.Slice(g * p, p));
    }

    /// <summary><see cref="Blas.Dot"/> against four rows at once: the same four accumulators per row, the same tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dot4(ReadOnlySpan<double> row, ReadOnlySpan<double> cands, Span<double> result)
    {
        int p = row.Length;
        ref double ra = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(row);
        ref double r0 = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(cands);
        ref double r1 = ref Unsafe.Add(ref r0, p);
        ref double r2 = ref Unsafe.Add(ref r0, 2 * p);
        ref double r3 = ref Unsafe.Add(ref r0, 3 * p);
        var q0 = new Quad();
        var q1 = new Quad();
        var q2 = new Quad();
        var q3 = new Quad();
        int i = 0;
        for (; i <= p - 16; i += 16)
        {
            var x0 = Vector256.LoadUnsafe(ref ra, (nuint)i);
            var x1 = Vector256.LoadUnsafe(ref ra, (nuint)(i + 4));
            var x2 = Vector256.LoadUnsafe(ref ra, (nuint)(i + 8));
            var x3 = Vector256.LoadUnsafe(ref ra, (nuint)(i + 12));
            q0.Add16(x0, x1, x2, x3, ref r0, i);
            q1.Add16(x0, x1, x2, x3, ref r1, i);
            q2.Add16(x0, x1, x2, x3, ref r2, i);
            q3.Add16(x0, x1, x2, x3, ref r3, i);
        }
        for (; i <= p - 4; i += 4)
        {
            var x0 = Vector256.LoadUnsafe(ref ra, (nuint)i);
            q0.Add4(x0, ref r0, i);
            q1.Add4(x0, ref r1, i);
            q2.Add4(x0, ref r2, i);
            q3.Add4(x0, ref r3, i);
        }
        result[0] = q0.Finish(ref ra, ref r0, i, p);
        result[1] = q1.Finish(ref ra, ref r1, i, p);
        result[2] = q2.Finish(ref ra, ref r2, i, p);
        result[3] = q3.Finish(ref ra, ref r3, i, p);
    }

    /// <summary>One candidate's four running sums, in <see cref="Blas.Dot"/>'s arrangement.</summary>
    private struct Quad
    {
        private Vector256<double> _s0, _s1, _s2, _s3;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add16(Vector256<double> x0, Vector256<double> x1, Vector256<double> x2, Vector256<double> x3, ref double c, int i)
        {
            _s0 = Vector256.FusedMultiplyAdd(x0, Vector256.LoadUnsafe(ref c, (nuint)i), _s0);
            _s1 = Vector256.FusedMultiplyAdd(x1, Vector256.LoadUnsafe(ref c, (nuint)(i + 4)), _s1);
            _s2 = Vector256.FusedMultiplyAdd(x2, Vector256.LoadUnsafe(ref c, (nuint)(i + 8)), _s2);
            _s3 = Vector256.FusedMultiplyAdd(x3, Vector256.LoadUnsafe(ref c, (nuint)(i + 12)), _s3);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add4(Vector256<double> x0, ref double c, int i) =>
            _s0 = Vector256.FusedMultiplyAdd(x0, Vector256.LoadUnsafe(ref c, (nuint)i), _s0);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly double Finish(ref double a, ref double c, int i, int p)
        {
            double s = Vector256.Sum((_s0 + _s1) + (_s2 + _s3));
            for (; i < p; i++) s += Unsafe.Add(ref a, i) * Unsafe.Add(ref c, i);
            return s;
        }
    }
}
