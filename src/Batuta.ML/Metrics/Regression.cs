using System.Numerics;
using Batuta.ML.Internal;
using Batuta.Tensors;

namespace Batuta.ML;

public static partial class Metrics
{
    /// <summary><c>r2_score(y_true, y_pred, sample_weight=None, force_finite=True)</c>; 1-D targets, or 2-D with the outputs averaged uniformly.</summary>
    public static double R2Score<T1, T2>(Tensor<T1> yTrue, Tensor<T2> yPred, Tensor<double>? sampleWeight = null, bool forceFinite = true)
        where T1 : unmanaged, INumber<T1>
        where T2 : unmanaged, INumber<T2>
    {
        var (t, p, n, k) = RegressionTargets(yTrue, yPred);
        var w = MetricInputs.Weights(sampleWeight, n);
        if (n < 2)
        {
            MLWarnings.Warn(WarningCategory.UndefinedMetric, "R^2 score is not well-defined with less than two samples.");
            return double.NaN;
        }
        double total = 0;
        for (int c = 0; c < k; c++)
        {
            var yt = Column(t, n, k, c);
            var yp = Column(p, n, k, c);
            var num = new double[n];
            for (int i = 0; i < n; i++) { double d = yt[i] - yp[i]; num[i] = (w?[i] ?? 1.0) * (d * d); }
            double mean = NumpySum.Average(yt, w);
            var den = new double[n];
            for (int i = 0; i < n; i++) { double d = yt[i] - mean; den[i] = (w?[i] ?? 1.0) * (d * d); }
            double numerator = NumpySum.Sum(num), denominator = NumpySum.Sum(den);
            double score;
            if (!forceFinite) score = 1 - numerator / denominator;
            else if (denominator != 0 && numerator != 0) score = 1 - numerator / denominator;
            else if (numerator != 0) score = 0.0;
            else score = 1.0;
            total += score;
        }
        return k == 1 ? total : total / k;
    }

    /// <summary><c>mean_squared_error(y_true, y_pred, sample_weight=None, squared=True)</c>.</summary>
    public static double MeanSquaredError<T1, T2>(Tensor<T1> yTrue, Tensor<T2> yPred, Tensor<double>? sampleWeight = null, bool squared = true)
        where T1 : unmanaged, INumber<T1>
        where T2 : unmanaged, INumber<T2>
    {
        double mse = PerOutputAverage(yTrue, yPred, sampleWeight, static d => d * d);
        return squared ? mse : Math.Sqrt(mse);
    }

    /// <summary><c>mean_absolute_error(y_true, y_pred, sample_weight=None)</c>.</summary>
    public static double MeanAbsoluteError<T1, T2>(Tensor<T1> yTrue, Tensor<T2> yPred, Tensor<double>? sampleWeight = null)
        where T1 : unmanaged, INumber<T1>
        where T2 : unmanaged, INumber<T2>
        => PerOutputAverage(yTrue, yPred, sampleWeight, Math.Abs);

    private static double PerOutputAverage<T1, T2>(Tensor<T1> yTrue, Tensor<T2> yPred, Tensor<double>? sampleWeight, Func<double, double> f)
        where T1 : unmanaged, INumber<T1>
        where T2 : unmanaged, INumber<T2>
    {
        var (t, p, n, k) = RegressionTargets(yTrue, yPred);
        var w = MetricInputs.Weights(sampleWeight, n);
        var errors = new double[k];
        for (int c = 0; c < k; c++)
        {
            var e = new double[n];
            for (int i = 0; i < n; i++) e[i] = f(t[i * k + c] - p[i * k + c]);
            errors[c] = NumpySum.Average(e, w);
        }
        return NumpySum.Mean(errors);
    }

    private static double[] Column(double[] m, int n, int k, int c)
    {
        if (k == 1) return m;
        var col = new double[n];
        for (int i = 0; i < n; i++) col[i] = m[i * k + c];
        return col;
    }

    private static (double[] True, double[] Pred, int N, int K) RegressionTargets<T1, T2>(Tensor<T1> yTrue, Tensor<T2> yPred)
        where T1 : unmanaged, INumber<T1>
        where T2 : unmanaged, INumber<T2>
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        if (yTrue.Rank is not (1 or 2) || yPred.Rank is not (1 or 2))
            throw new InputValidationException($"y_true and y_pred must be 1-D or 2-D; got shapes {yTrue.Shape} and {yPred.Shape}.");
        int n = yTrue.Shape[0], k = yTrue.Rank == 2 ? yTrue.Shape[1] : 1;
        int n2 = yPred.Shape[0], k2 = yPred.Rank == 2 ? yPred.Shape[1] : 1;
        MetricInputs.SameLength(n, n2);
        if (k != k2) throw new InputValidationException($"y_true and y_pred have different number of output ({k}!={k2})");
        var t = yTrue.ToArray().Select(double.CreateTruncating).ToArray();
        var p = yPred.ToArray().Select(double.CreateTruncating).ToArray();
        foreach (var v in t) if (!double.IsFinite(v)) throw new InputValidationException("Input y_true contains NaN or infinity.", "y_true");
        foreach (var v in p) if (!double.IsFinite(v)) throw new InputValidationException("Input y_pred contains NaN or infinity.", "y_pred");
        return (t, p, n, k);
    }
}
