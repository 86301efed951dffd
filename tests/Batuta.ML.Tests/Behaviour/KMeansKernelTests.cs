using Batuta.ML.Cluster;
using Batuta.ML.Internal;

namespace Batuta.ML.Tests.Behaviour;

/// <summary>
/// The panel kernels behind KMeans against plain row-by-row loops, on row and center counts that are not
/// multiples of the eight-row panel, so padding lanes and partial panels are exercised.
/// </summary>
public class KMeansKernelTests
{
    private static double[] Random(int count, int seed)
    {
        var rng = new Random(seed);
        var a = new double[count];
        for (int i = 0; i < a.Length; i++) a[i] = rng.NextDouble() * 4 - 2;
        return a;
    }

    [Theory]
    [InlineData(1, 3, 1)]
    [InlineData(7, 5, 3)]
    [InlineData(9, 20, 8)]
    [InlineData(2049, 20, 9)]
    [InlineData(4100, 3, 17)]
    public void EStepLabelsAreTheFirstNearestCenter(int n, int p, int k)
    {
        var x = Random(n * p, n + p);
        var centers = Random(k * p, k);
        var labels = new int[n];
        var w = Enumerable.Repeat(1.0, n).ToArray();
        Lloyd.Iterate(RowPanels.Pack(x, n, p), x, w, centers, centers, new double[k], labels, new double[k], k, updateCenters: false);
        for (int r = 0; r < n; r++)
        {
            int expected = 0;
            double best = double.PositiveInfinity;
            for (int j = 0; j < k; j++)
            {
                double d = Lloyd.SquaredDistance(x.AsSpan(r * p, p), centers.AsSpan(j * p, p));
                if (d < best - 1e-9)
                {
                    best = d;
                    expected = j;
                }
            }
            Assert.True(expected == labels[r], $"row {r}: label {labels[r]}, nearest {expected}");
        }
    }

    [Theory]
    [InlineData(5, 4, 1)]
    [InlineData(17, 20, 4)]
    [InlineData(3001, 7, 6)]
    public void CandidateDistancesAreClippedSquaredDistancesLoweredToClosest(int n, int p, int trials)
    {
        var x = Random(n * p, 7 * n + p);
        var panels = RowPanels.Pack(x, n, p);
        var norms = new double[n];
        for (int i = 0; i < n; i++) norms[i] = Blas.Dot(x.AsSpan(i * p, p), x.AsSpan(i * p, p));
        var candidates = Enumerable.Range(0, trials).Select(t => (t * 7919) % n).ToArray();
        var closest = panels.Padded(Random(n, 3).Select(v => Math.Abs(v) * p).ToArray(), 0);
        var d = new double[trials * panels.PaddedRows];
        CandidateDistances.Compute(panels, x, panels.Padded(norms, 0), candidates, closest, d);
        for (int t = 0; t < trials; t++)
            for (int i = 0; i < n; i++)
            {
                double exact = Lloyd.SquaredDistance(x.AsSpan(i * p, p), x.AsSpan(candidates[t] * p, p));
                double expected = Math.Min(closest[i], exact);
                double got = d[t * panels.PaddedRows + i];
                Assert.True(got >= 0 && Math.Abs(got - expected) <= 1e-9 * (1 + norms[i]), $"candidate {t}, row {i}: {got} vs {expected}");
            }
    }

    [Fact]
    public void PanelsHoldEveryRowAndZeroPadding()
    {
        const int n = 11, p = 3;
        var x = Random(n * p, 5);
        var panels = RowPanels.Pack(x, n, p);
        Assert.Equal(16, panels.PaddedRows);
        for (int r = 0; r < 16; r++)
            for (int f = 0; f < p; f++)
                Assert.Equal(r < n ? x[r * p + f] : 0.0, panels.Data[r / 8 * 8 * p + f * 8 + r % 8]);
    }
}
