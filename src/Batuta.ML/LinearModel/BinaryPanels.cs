using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Batuta.ML.Internal;

namespace Batuta.ML.LinearModel;

/// <summary>
/// The binary logistic loss pass eight rows at a time: X packed once per fit in eight-row panels (one 512-bit
/// vector = one feature of eight rows), so Xw, the half-binomial loss and gradient (scikit-learn's
/// <c>closs_grad_half_binomial</c>, branch for branch, with vector exp and log) and Xᵀg need no horizontal sums
/// until the end of a row block. The results differ from the row-by-row pass only in the last bits.
/// </summary>
internal sealed class BinaryPanels
{
    private readonly RowPanels _panels;
    private readonly double[] _y;
    private readonly double[]? _sw;
    private readonly int _n, _p;

    public BinaryPanels(ReadOnlySpan<double> x, int n, int p, double[] y, double[]? sampleWeight)
    {
        (_n, _p) = (n, p);
        _panels = RowPanels.Pack(x, n, p, GC.AllocateUninitializedArray<double>(RowPanels.Length(n, p)));
        _y = _panels.Padded(y, 0);
        _sw = sampleWeight is null ? null : _panels.Padded(sampleWeight, 0);
    }

    /// <summary>
    /// The packed copy doubles X's memory, so very large inputs (over 2^26 values, 512 MB) keep the row-by-row
    /// pass; so do machines without 512-bit vectors.
    /// </summary>
    public static bool Supported(int n, int p) => Vector512.IsHardwareAccelerated && (long)n * p <= 1L << 26;

    /// <summary>Writes each row's loss to <paramref name="losses"/> and each row block's gradient (features, then the intercept) to <paramref name="gradParts"/>.</summary>
    public void Evaluate(double[] w, double b0, double[] losses, double[][] gradParts)
    {
        RowBlocks.Run(_n, _p * 2, (block, start, end) => Block(w, b0, losses, gradParts[block], start, end));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Block(double[] w, double b0, double[] losses, double[] gw, int start, int end)
    {
        int p = _p;
        Span<Vector512<double>> acc = stackalloc Vector512<double>[p + 1];
        acc.Clear();
        var (first, last) = RowPanels.Range(start, end);
        for (int g = first; g < last; g++)
        {
            ref double panel = ref _panels.Panel(g);
            var raw = Vector512.Create(b0);
            for (int f = 0; f < p; f++)
                raw = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref panel, (nuint)(f * RowPanels.Width)), Vector512.Create(w[f]), raw);
            var (loss, grad) = HalfBinomial(RowPanels.Lanes(_y, g), raw);
            if (_sw is not null)
            {
                var sw = RowPanels.Lanes(_sw, g);
                loss *= sw;
                grad *= sw;
            }
            int rows = Math.Min(RowPanels.Width, end - g * RowPanels.Width);
            if (rows < RowPanels.Width) grad = Vector512.ConditionalSelect(Vector512.LessThan(Vector512<double>.Indices, Vector512.Create((double)rows)), grad, Vector512<double>.Zero);
            loss.StoreUnsafe(ref losses[0], (nuint)g * RowPanels.Width);
            for (int f = 0; f < p; f++)
                acc[f] = Vector512.FusedMultiplyAdd(grad, Vector512.LoadUnsafe(ref panel, (nuint)(f * RowPanels.Width)), acc[f]);
            acc[p] += grad;
        }
        for (int f = 0; f <= p; f++) gw[f] = Vector512.Sum(acc[f]);
    }

    /// <summary>
    /// scikit-learn's <c>closs_grad_half_binomial</c> per lane: with t = e^-|raw|, for raw ≤ 0 the loss is
    /// log1p(t) - y·raw (t - y·raw below -37) and the gradient ((1-y)·t - y)/(1+t); for raw &gt; 0 the loss is
    /// log1p(t) + (1-y)·raw (t + (1-y)·raw above 18) and the gradient ((1-y) - y·t)/(1+t).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<double> Loss, Vector512<double> Gradient) HalfBinomial(Vector512<double> y, Vector512<double> raw)
    {
        var one = Vector512<double>.One;
        var negative = Vector512.LessThanOrEqual(raw, Vector512<double>.Zero);
        var t = Vector512.Exp(-Vector512.Abs(raw));
        var log1p = LogOnePlus(t);
        var lossNegative = Vector512.ConditionalSelect(Vector512.LessThanOrEqual(raw, Vector512.Create(-37.0)), t, log1p) - y * raw;
        var lossPositive = Vector512.ConditionalSelect(Vector512.LessThanOrEqual(raw, Vector512.Create(18.0)), log1p, t) + (one - y) * raw;
        var gradNegative = ((one - y) * t - y) / (one + t);
        var gradPositive = ((one - y) - y * t) / (one + t);
        return (Vector512.ConditionalSelect(negative, lossNegative, lossPositive), Vector512.ConditionalSelect(negative, gradNegative, gradPositive));
    }

    /// <summary>log1p(x) by the same correction as <see cref="LogisticLoss.LogOnePlus"/>: log(u)·x/(u-1), or x where 1+x rounds to 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> LogOnePlus(Vector512<double> x)
    {
        var u = Vector512<double>.One + x;
        var exact = Vector512.Equals(u, Vector512<double>.One);
        return Vector512.ConditionalSelect(exact, x, Vector512.Log(u) * x / (u - Vector512<double>.One));
    }
}
