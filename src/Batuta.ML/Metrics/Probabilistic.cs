using System.Numerics;
using Batuta.ML.Internal;
using Batuta.Tensors;

namespace Batuta.ML;

public static partial class Metrics
{
    /// <summary>
    /// <c>roc_auc_score(y_true, y_score)</c> for binary targets: the area under scikit-learn's ROC curve
    /// (distinct thresholds, collinear points dropped, trapezoidal rule). <paramref name="yScore"/> is the score
    /// of the greater label, e.g. <c>predict_proba(X)[:, 1]</c>.
    /// </summary>
    public static double RocAucScore<T1, T2>(Tensor<T1> yTrue, Tensor<T2> yScore)
        where T1 : unmanaged, INumber<T1>
        where T2 : unmanaged, INumber<T2>
    {
        var t = MetricInputs.Vector(yTrue, "y_true");
        var s = MetricInputs.Vector(yScore, "y_score");
        MetricInputs.SameLength(t.Length, s.Length);
        var classes = Validation.Labels.Unique(t);
        if (classes.Length > 2)
            throw new InputValidationException("multi_class must be in ('ovo', 'ovr'): multiclass ROC AUC is not implemented in Batuta.ML yet; binarize y_true or compute one-vs-rest AUCs.", "y_true");
        if (classes.Length != 2)
            throw new InputValidationException("Only one class present in y_true. ROC AUC score is not defined in that case.", "y_true");
        double pos = classes[1];
        // np.argsort(y_score, kind="mergesort")[::-1]: stable ascending, then reversed.
        var order = Enumerable.Range(0, s.Length).OrderBy(i => s[i]).ToArray();
        Array.Reverse(order);
        int n = order.Length;
        var thresholds = new List<int>();
        for (int i = 0; i < n - 1; i++)
            if (!FloatExact.AreEqual(s[order[i + 1]], s[order[i]])) thresholds.Add(i);
        thresholds.Add(n - 1);
        var cum = new double[n];
        double run = 0;
        for (int i = 0; i < n; i++) { run += FloatExact.AreEqual(t[order[i]], pos) ? 1 : 0; cum[i] = run; }
        var tps = thresholds.Select(i => cum[i]).ToArray();
        var fps = thresholds.Select((i, k) => 1 + i - tps[k]).ToArray();
        // drop_intermediate: keep the ends and the points where the second difference is non-zero.
        var keep = new List<int> { 0 };
        for (int k = 1; k < tps.Length - 1; k++)
        {
            double d2f = fps[k + 1] - 2 * fps[k] + fps[k - 1], d2t = tps[k + 1] - 2 * tps[k] + tps[k - 1];
            if (d2f != 0 || d2t != 0) keep.Add(k);
        }
        if (tps.Length > 1) keep.Add(tps.Length - 1);
        var tp = new[] { 0.0 }.Concat(keep.Select(k => tps[k])).ToArray();
        var fp = new[] { 0.0 }.Concat(keep.Select(k => fps[k])).ToArray();
        if (fp[^1] <= 0) MLWarnings.Warn(WarningCategory.UndefinedMetric, "No negative samples in y_true, false positive value should be meaningless");
        if (tp[^1] <= 0) MLWarnings.Warn(WarningCategory.UndefinedMetric, "No positive samples in y_true, true positive value should be meaningless");
        var fpr = fp.Select(v => v / fp[^1]).ToArray();
        var tpr = tp.Select(v => v / tp[^1]).ToArray();
        var terms = new double[fpr.Length - 1];
        for (int i = 0; i < terms.Length; i++) terms[i] = (fpr[i + 1] - fpr[i]) * (tpr[i + 1] + tpr[i]) / 2.0;
        return NumpySum.Sum(terms);
    }

    /// <summary>
    /// <c>log_loss(y_true, y_pred, eps="auto", normalize=True)</c>: <paramref name="yPred"/> is (n, n_classes)
    /// probabilities in sorted-label order, or (n,) probabilities of the greater label for binary targets.
    /// Clipped to [eps, 1-eps] (eps of float64) and renormalised per row, as scikit-learn 1.2.
    /// </summary>
    public static double LogLoss<T1>(Tensor<T1> yTrue, Tensor<double> yPred, bool normalize = true, Tensor<double>? sampleWeight = null, double[]? labels = null)
        where T1 : unmanaged, INumber<T1>
    {
        var t = MetricInputs.Vector(yTrue, "y_true");
        ArgumentNullException.ThrowIfNull(yPred);
        int n = t.Length;
        var lab = labels ?? Validation.Labels.Unique(t);
        if (lab.Length == 1)
            throw new InputValidationException($"y_true contains only one label ({PyRepr.Float(lab[0])}). Please provide the true labels explicitly through the labels argument.", "y_true");
        var p = yPred.ToArray();
        int k = yPred.Rank == 1 ? 1 : yPred.Shape[1];
        MetricInputs.SameLength(n, yPred.Shape[0]);
        const double eps = 2.220446049250313e-16;
        int kk = k == 1 ? 2 : k;
        if (kk != lab.Length)
            throw new InputValidationException($"y_true and y_pred contain different number of classes {lab.Length}, {kk}. Please provide the true labels explicitly through the labels argument. Classes found in y_true: [{string.Join(", ", lab.Select(PyRepr.Float))}]", "y_pred");
        var w = MetricInputs.Weights(sampleWeight, n);
        var loss = new double[n];
        var row = new double[kk];
        for (int i = 0; i < n; i++)
        {
            if (k == 1)
            {
                double q = Math.Clamp(p[i], eps, 1 - eps);
                row[0] = 1 - q;
                row[1] = q;
            }
            else
            {
                for (int c = 0; c < k; c++) row[c] = Math.Clamp(p[i * k + c], eps, 1 - eps);
            }
            double sum = 0;
            for (int c = 0; c < kk; c++) sum += row[c];
            int yi = Array.IndexOf(lab, t[i]);
            if (yi < 0) throw new InputValidationException($"y_true contains label {PyRepr.Float(t[i])} not in labels.", "y_true");
            loss[i] = -Math.Log(row[yi] / sum);
        }
        if (!normalize) return w is null ? NumpySum.Sum(loss) : loss.Select((v, i) => v * w[i]).Sum();
        return NumpySum.Average(loss, w);
    }
}
