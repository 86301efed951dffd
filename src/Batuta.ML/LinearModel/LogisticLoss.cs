using Batuta.ML.Internal;

namespace Batuta.ML.LinearModel;

/// <summary>
/// scikit-learn's <c>LinearModelLoss</c> with <c>HalfBinomialLoss</c> / <c>HalfMultinomialLoss</c>:
/// Σᵢ sᵢ·loss(yᵢ, Xᵢw + b) + ½·l2·‖w‖² and its gradient, in one fused pass over X (scikit-learn makes
/// three: X@w, the pointwise loss, Xᵀ@g). Multinomial coefficients are laid out as scikit-learn's
/// optimiser sees them: the classes of one feature are contiguous (order="F").
/// </summary>
internal sealed class LogisticLoss
{
    private readonly ReadOnlyMemory<double> _x;
    private readonly double[] _y;
    private readonly double[]? _sw;
    private readonly int _n, _p, _k;
    private readonly bool _intercept;
    private readonly double _l2;
    private readonly double _penalizedInterceptScale;
    private readonly double[] _lossParts;
    private readonly double[][] _gradParts;

    /// <param name="classes">1 for the binary loss (y in {0, 1}); K ≥ 3 (or 2 for multinomial on two classes) for the multinomial loss (y = class index).</param>
    /// <param name="penalizedInterceptScale">0: the intercept is not penalised (lbfgs); s &gt; 0: liblinear's objective, an extra feature s whose weight is penalised.</param>
    public LogisticLoss(ReadOnlyMemory<double> x, int n, int p, double[] y, double[]? sampleWeight, int classes, bool fitIntercept, double l2, double penalizedInterceptScale = 0)
    {
        _x = x;
        _n = n;
        _p = p;
        _y = y;
        _sw = sampleWeight;
        _k = classes;
        _intercept = fitIntercept;
        _l2 = l2;
        _penalizedInterceptScale = penalizedInterceptScale;
        int blocks = RowBlocks.Count(n);
        // Padded to whole eight-row panels: the vector pass stores eight losses at a time (only n are summed).
        _lossParts = new double[(n + 7) / 8 * 8];
        _gradParts = new double[blocks][];
        for (int b = 0; b < blocks; b++) _gradParts[b] = new double[_k * (_p + 1)];
    }

    public int Dimension => _k * (_p + (_intercept ? 1 : 0));

    public double Evaluate(double[] w, double[] grad) => _k == 1 ? Binary(w, grad) : Multinomial(w, grad);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private double Binary(double[] w, double[] grad)
    {
        int p = _p;
        double b0 = _intercept ? w[p] * (_penalizedInterceptScale > 0 ? _penalizedInterceptScale : 1) : 0;
        if (BinaryPanels.Supported(_n, p)) (_binaryPanels ??= new BinaryPanels(_x.Span, _n, p, _y, _sw)).Evaluate(w, b0, _lossParts, _gradParts);
        else BinaryRows(w, b0);
        return BinaryTotal(w, grad);
    }

    private BinaryPanels? _binaryPanels;

    /// <summary>The row-by-row pass (machines without 512-bit vectors).</summary>
    private void BinaryRows(double[] w, double b0)
    {
        int p = _p;
        RowBlocks.Run(_n, p * 2, [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] (block, start, end) =>
        {
            var gw = _gradParts[block];
            Array.Clear(gw);
            var wv = new ReadOnlySpan<double>(w, 0, p);
            double gsum = 0;
            for (int i = start; i < end; i++)
            {
                var row = _x.Span.Slice(i * p, p);
                double raw = Blas.Dot(row, wv) + b0;
                var (loss, g) = HalfBinomial(_y[i], raw);
                if (_sw is not null)
                {
                    loss *= _sw[i];
                    g *= _sw[i];
                }
                _lossParts[i] = loss;
                gsum += g;
                Blas.Axpy(g, row, gw.AsSpan(0, p));
            }
            gw[p] = gsum;
        });
    }

    /// <summary>The per-row losses (summed as numpy sums), the penalty, and the block gradients added in block order.</summary>
    private double BinaryTotal(double[] w, double[] grad)
    {
        int p = _p;
        double total = NumpySum.Sum(_lossParts.AsSpan(0, _n));
        var wOnly = new ReadOnlySpan<double>(w, 0, p);
        double norm = Blas.Dot(wOnly, wOnly);
        if (_penalizedInterceptScale > 0 && _intercept) norm += w[p] * w[p];
        total += 0.5 * _l2 * norm;
        Array.Clear(grad);
        foreach (var part in _gradParts)
        {
            for (int j = 0; j < p; j++) grad[j] += part[j];
            if (_intercept) grad[p] += part[p];
        }
        for (int j = 0; j < p; j++) grad[j] += _l2 * w[j];
        if (_intercept && _penalizedInterceptScale > 0) grad[p] = grad[p] * _penalizedInterceptScale + _l2 * w[p];
        return total;
    }

    /// <summary>scikit-learn's <c>closs_grad_half_binomial</c>: log(1+e^raw) - y·raw and expit(raw) - y, stable for any raw.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static (double Loss, double Gradient) HalfBinomial(double y, double raw)
    {
        double loss, tmp;
        if (raw <= 0)
        {
            tmp = Math.Exp(raw);
            loss = raw <= -37 ? tmp - y * raw : LogOnePlus(tmp) - y * raw;
            return (loss, ((1 - y) * tmp - y) / (1 + tmp));
        }
        tmp = Math.Exp(-raw);
        loss = raw <= 18 ? LogOnePlus(tmp) + (1 - y) * raw : tmp + (1 - y) * raw;
        return (loss, ((1 - y) - y * tmp) / (1 + tmp));
    }

    /// <summary>log1p(x) accurate for small x (C's log1p).</summary>
    internal static double LogOnePlus(double x)
    {
        double u = 1.0 + x;
        return FloatExact.AreEqual(u, 1.0) ? x : Math.Log(u) * x / (u - 1.0);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private double Multinomial(double[] w, double[] grad)
    {
        int p = _p, k = _k;
        RowBlocks.Run(_n, (long)p * k * 2, [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] (block, start, end) =>
        {
            var gw = _gradParts[block];
            Array.Clear(gw);
            Span<double> raw = stackalloc double[k];
            Span<double> wk = stackalloc double[p];
            var rowsW = new double[k * p];
            for (int c = 0; c < k; c++)
                for (int j = 0; j < p; j++) rowsW[c * p + j] = w[j * k + c];
            for (int i = start; i < end; i++)
            {
                var row = _x.Span.Slice(i * p, p);
                double max = double.NegativeInfinity;
                for (int c = 0; c < k; c++)
                {
                    raw[c] = Blas.Dot(row, new ReadOnlySpan<double>(rowsW, c * p, p)) + (_intercept ? w[p * k + c] : 0);
                    if (raw[c] > max) max = raw[c];
                }
                double sumExp = 0;
                for (int c = 0; c < k; c++) sumExp += Math.Exp(raw[c] - max);
                int yi = (int)_y[i];
                double loss = Math.Log(sumExp) + max - raw[yi];
                double sw = _sw?[i] ?? 1.0;
                _lossParts[i] = loss * sw;
                for (int c = 0; c < k; c++)
                {
                    double prob = Math.Exp(raw[c] - max) / sumExp;
                    double g = (prob - (yi == c ? 1 : 0)) * sw;
                    Blas.Axpy(g, row, gw.AsSpan(c * (p + 1), p));
                    gw[c * (p + 1) + p] += g;
                }
            }
        });
        double total = NumpySum.Sum(_lossParts.AsSpan(0, _n));
        double norm = 0;
        for (int j = 0; j < p * k; j++) norm += w[j] * w[j];
        total += 0.5 * _l2 * norm;
        Array.Clear(grad);
        foreach (var part in _gradParts)
        {
            for (int c = 0; c < k; c++)
            {
                for (int j = 0; j < p; j++) grad[j * k + c] += part[c * (p + 1) + j];
                if (_intercept) grad[p * k + c] += part[c * (p + 1) + p];
            }
        }
        for (int j = 0; j < p * k; j++) grad[j] += _l2 * w[j];
        return total;
    }
}
