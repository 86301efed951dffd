using Batuta.ML.Internal;
using Batuta.ML.LinearModel;
using Batuta.ML.Tests.Support;

namespace Batuta.ML.Tests.Behaviour;

/// <summary>
/// The eight-row vector pass of the binary logistic loss against scikit-learn's scalar formula row by row
/// (LogisticLoss.HalfBinomial), on a row count that leaves a partial panel and raw scores in every branch
/// (below -37, negative, positive, above 18).
/// </summary>
public class LogisticPanelTests
{
    [Theory]
    [InlineData(1003, 7, false)]
    [InlineData(4099, 3, true)]
    public void VectorPassMatchesTheScalarFormula(int n, int p, bool weighted)
    {
        var rng = new Random(n);
        var x = new double[n * p];
        for (int i = 0; i < x.Length; i++) x[i] = (rng.NextDouble() - 0.5) * 30;
        var y = Enumerable.Range(0, n).Select(_ => (double)rng.Next(2)).ToArray();
        double[]? sw = weighted ? Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2).ToArray() : null;
        var w = Enumerable.Range(0, p).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        const double b0 = 0.25;
        var losses = new double[(n + 7) / 8 * 8];
        var parts = Enumerable.Range(0, RowBlocks.Count(n)).Select(_ => new double[p + 1]).ToArray();
        new BinaryPanels(x, n, p, y, sw).Evaluate(w, b0, losses, parts);

        var grad = new double[p + 1];
        for (int i = 0; i < n; i++)
        {
            double raw = Blas.Dot(x.AsSpan(i * p, p), w) + b0;
            var (loss, g) = LogisticLoss.HalfBinomial(y[i], raw);
            double s = sw?[i] ?? 1;
            Near.Equal(loss * s, losses[i], 1e-12, 1e-12, $"loss of row {i} (raw {raw})");
            for (int f = 0; f < p; f++) grad[f] += g * s * x[i * p + f];
            grad[p] += g * s;
        }
        var got = new double[p + 1];
        foreach (var part in parts)
            for (int f = 0; f <= p; f++) got[f] += part[f];
        Near.Equal(grad, got, 1e-10, 1e-9, "gradient");
    }
}
