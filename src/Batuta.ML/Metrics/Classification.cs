using System.Globalization;
using System.Numerics;
using System.Text;
using Batuta.ML.Internal;
using Batuta.Tensors;

namespace Batuta.ML;

/// <summary>
/// sklearn.metrics: classification, regression and clustering scores with scikit-learn's definitions,
/// averaging rules, zero-division handling (and warnings) and summation order, so printed scores match.
/// </summary>
public static partial class Metrics
{
    /// <summary><c>accuracy_score(y_true, y_pred, normalize=True, sample_weight=None)</c>.</summary>
    public static double AccuracyScore<T1, T2>(Tensor<T1> yTrue, Tensor<T2> yPred, bool normalize = true, Tensor<double>? sampleWeight = null)
        where T1 : unmanaged, INumber<T1>
        where T2 : unmanaged, INumber<T2>
    {
        var t = MetricInputs.Vector(yTrue, "y_true");
        var p = MetricInputs.Vector(yPred, "y_pred");
        MetricInputs.SameLength(t.Length, p.Length);
        MetricInputs.ClassificationType(t, p);
        var w = MetricInputs.Weights(sampleWeight, t.Length);
        var score = new double[t.Length];
        for (int i = 0; i < t.Length; i++) score[i] = FloatExact.AreEqual(t[i], p[i]) ? 1 : 0;
        if (!normalize)
        {
            if (w is null) return NumpySum.Sum(score);
            double s = 0;
            for (int i = 0; i < score.Length; i++) s += score[i] * w[i];
            return s;
        }
        return NumpySum.Average(score, w);
    }

    /// <summary>
    /// <c>confusion_matrix(y_true, y_pred, labels=None)</c>: counts, rows = true label, columns = predicted,
    /// labels sorted unless given.
    /// </summary>
    public static Tensor<long> ConfusionMatrix<T1, T2>(Tensor<T1> yTrue, Tensor<T2> yPred, double[]? labels = null)
        where T1 : unmanaged, INumber<T1>
        where T2 : unmanaged, INumber<T2>
    {
        var (m, k) = ConfusionCore(yTrue, yPred, labels, null);
        var result = new long[m.Length];
        for (int i = 0; i < m.Length; i++) result[i] = (long)m[i];
        return Tensor.FromArray(result, k, k);
    }

    /// <summary>
    /// <c>confusion_matrix(..., sample_weight, normalize)</c> as float64: weighted counts, normalised over
    /// the true labels (<c>"true"</c>, rows), the predictions (<c>"pred"</c>, columns) or everything (<c>"all"</c>).
    /// </summary>
    public static Tensor<double> ConfusionMatrix<T1, T2>(Tensor<T1> yTrue, Tensor<T2> yPred, Tensor<double>? sampleWeight, string? normalize = null, double[]? labels = null)
        where T1 : unmanaged, INumber<T1>
        where T2 : unmanaged, INumber<T2>
    {
        if (normalize is not (null or "true" or "pred" or "all"))
            throw new InputValidationException("normalize must be one of {'true', 'pred', 'all', None}", nameof(normalize));
        var (m, k) = ConfusionCore(yTrue, yPred, labels, sampleWeight);
        if (normalize is not null)
        {
            if (normalize == "all")
            {
                double total = m.Sum();
                for (int i = 0; i < m.Length; i++) m[i] = total == 0 ? 0 : m[i] / total;
            }
            for (int i = 0; i < k && normalize != "all"; i++)
            {
                double s = 0;
                for (int j = 0; j < k; j++) s += normalize == "true" ? m[i * k + j] : m[j * k + i];
                for (int j = 0; j < k; j++)
                {
                    int idx = normalize == "true" ? i * k + j : j * k + i;
                    m[idx] = s == 0 ? 0 : m[idx] / s;
                }
            }
        }
        return Tensor.FromArray(m, k, k);
    }

    private static (double[] Matrix, int K) ConfusionCore<T1, T2>(Tensor<T1> yTrue, Tensor<T2> yPred, double[]? labels, Tensor<double>? sampleWeight)
        where T1 : unmanaged, INumber<T1>
        where T2 : unmanaged, INumber<T2>
    {
        var t = MetricInputs.Vector(yTrue, "y_true");
        var p = MetricInputs.Vector(yPred, "y_pred");
        MetricInputs.SameLength(t.Length, p.Length);
        MetricInputs.ClassificationType(t, p);
        var w = MetricInputs.Weights(sampleWeight, t.Length);
        var labs = labels ?? Validation.Labels.Unique(t.Concat(p));
        if (labs.Length == 0) throw new InputValidationException("'labels' should contains at least one label.", nameof(labels));
        if (labels is not null && !t.Any(v => Array.IndexOf(labels, v) >= 0))
            throw new InputValidationException("At least one label specified must be in y_true", nameof(labels));
        var index = new Dictionary<double, int>();
        for (int i = 0; i < labs.Length; i++) index.TryAdd(labs[i], i);
        int k = labs.Length;
        var m = new double[k * k];
        for (int i = 0; i < t.Length; i++)
        {
            if (index.TryGetValue(t[i], out int a) && index.TryGetValue(p[i], out int b)) m[a * k + b] += w?[i] ?? 1;
        }
        return (m, k);
    }

    /// <summary>Per-label precision, recall, F-beta and support (<c>precision_recall_fscore_support</c> with <c>average=None</c>).</summary>
    public sealed record PrecisionRecallFscoreSupport(double[] Precision, double[] Recall, double[] FScore, double[] Support, double[] Labels);

    /// <summary>
    /// <c>precision_recall_fscore_support(y_true, y_pred, beta=1.0, labels=None, pos_label=1, average=None,
    /// zero_division="warn")</c> per label. <paramref name="zeroDivision"/> null means "warn" (0.0 and an
    /// UndefinedMetricWarning), otherwise the value (0 or 1) used without a warning.
    /// </summary>
    public static PrecisionRecallFscoreSupport PrecisionRecallFscoreSupportPerLabel<T1, T2>(Tensor<T1> yTrue, Tensor<T2> yPred, double beta = 1.0, double[]? labels = null, Tensor<double>? sampleWeight = null, double? zeroDivision = null)
        where T1 : unmanaged, INumber<T1>
        where T2 : unmanaged, INumber<T2>
    {
        var r = Prf(yTrue, yPred, beta, labels, 1, null, sampleWeight, zeroDivision, ["precision", "recall", "f-score"]);
        return new PrecisionRecallFscoreSupport(r.Precision, r.Recall, r.F, r.Support, r.Labels);
    }

    /// <summary><c>precision_score(y_true, y_pred, labels=None, pos_label=1, average='binary', sample_weight=None, zero_division='warn')</c>.</summary>
    public static double PrecisionScore<T1, T2>(Tensor<T1> yTrue, Tensor<T2> yPred, double[]? labels = null, double posLabel = 1, string average = "binary", Tensor<double>? sampleWeight = null, double? zeroDivision = null)
        where T1 : unmanaged, INumber<T1>
        where T2 : unmanaged, INumber<T2>
        => Averaged(yTrue, yPred, 1.0, labels, posLabel, average, sampleWeight, zeroDivision, "precision").Precision;

    /// <summary><c>recall_score(...)</c>, same parameters as <see cref="PrecisionScore"/>.</summary>
    public static double RecallScore<T1, T2>(Tensor<T1> yTrue, Tensor<T2> yPred, double[]? labels = null, double posLabel = 1, string average = "binary", Tensor<double>? sampleWeight = null, double? zeroDivision = null)
        where T1 : unmanaged, INumber<T1>
        where T2 : unmanaged, INumber<T2>
        => Averaged(yTrue, yPred, 1.0, labels, posLabel, average, sampleWeight, zeroDivision, "recall").Recall;

    /// <summary><c>f1_score(...)</c>, same parameters as <see cref="PrecisionScore"/>.</summary>
    public static double F1Score<T1, T2>(Tensor<T1> yTrue, Tensor<T2> yPred, double[]? labels = null, double posLabel = 1, string average = "binary", Tensor<double>? sampleWeight = null, double? zeroDivision = null)
        where T1 : unmanaged, INumber<T1>
        where T2 : unmanaged, INumber<T2>
        => Averaged(yTrue, yPred, 1.0, labels, posLabel, average, sampleWeight, zeroDivision, "f-score").F;

    /// <summary><c>fbeta_score(y_true, y_pred, beta=...)</c>.</summary>
    public static double FBetaScore<T1, T2>(Tensor<T1> yTrue, Tensor<T2> yPred, double beta, double[]? labels = null, double posLabel = 1, string average = "binary", Tensor<double>? sampleWeight = null, double? zeroDivision = null)
        where T1 : unmanaged, INumber<T1>
        where T2 : unmanaged, INumber<T2>
        => Averaged(yTrue, yPred, beta, labels, posLabel, average, sampleWeight, zeroDivision, "f-score").F;

    private sealed record PrfResult(double[] Precision, double[] Recall, double[] F, double[] Support, double[] Labels, double[] PredSum);

    private static (double Precision, double Recall, double F) Averaged<T1, T2>(Tensor<T1> yTrue, Tensor<T2> yPred, double beta, double[]? labels, double posLabel, string average, Tensor<double>? sampleWeight, double? zeroDivision, string warnFor)
        where T1 : unmanaged, INumber<T1>
        where T2 : unmanaged, INumber<T2>
    {
        if (average is not ("binary" or "micro" or "macro" or "weighted"))
            throw new InputValidationException($"average has to be one of (None, 'micro', 'macro', 'weighted', 'samples'); got '{average}'. For per-label scores (average=None) call PrecisionRecallFscoreSupportPerLabel.", nameof(average));
        var r = Prf(yTrue, yPred, beta, labels, posLabel, average, sampleWeight, zeroDivision, [warnFor]);
        if (average == "weighted")
        {
            double wsum = r.Support.Sum();
            if (wsum == 0)
            {
                double zdv = zeroDivision is null or 0 ? 0.0 : 1.0;
                return r.PredSum.Sum() == 0 ? (zdv, zdv, zdv) : (0.0, zdv, 0.0);
            }
            return (NumpySum.Average(r.Precision, r.Support), NumpySum.Average(r.Recall, r.Support), NumpySum.Average(r.F, r.Support));
        }
        return (NumpySum.Mean(r.Precision), NumpySum.Mean(r.Recall), NumpySum.Mean(r.F));
    }

    private static PrfResult Prf<T1, T2>(Tensor<T1> yTrue, Tensor<T2> yPred, double beta, double[]? labels, double posLabel, string? average, Tensor<double>? sampleWeight, double? zeroDivision, string[] warnFor)
        where T1 : unmanaged, INumber<T1>
        where T2 : unmanaged, INumber<T2>
    {
        if (beta < 0) throw new InputValidationException("beta should be >=0 in the F-beta score", nameof(beta));
        if (zeroDivision is not (null or 0 or 1)) throw new InputValidationException("zero_division must be \"warn\", 0 or 1", nameof(zeroDivision));
        var t = MetricInputs.Vector(yTrue, "y_true");
        var p = MetricInputs.Vector(yPred, "y_pred");
        MetricInputs.SameLength(t.Length, p.Length);
        var w = MetricInputs.Weights(sampleWeight, t.Length);
        string type = MetricInputs.ClassificationType(t, p);
        var present = Validation.Labels.Unique(t.Concat(p));
        if (average == "binary")
        {
            if (type != "binary")
                throw new InputValidationException($"Target is {type} but average='binary'. Please choose another average setting, one of [None, 'micro', 'macro', 'weighted'].", nameof(average));
            if (Array.IndexOf(present, posLabel) < 0 && present.Length >= 2)
                throw new InputValidationException($"pos_label={PyRepr.Float(posLabel).Replace(".0", "", StringComparison.Ordinal)} is not a valid label. It should be one of [{string.Join(", ", present.Select(v => v.ToString(CultureInfo.InvariantCulture)))}]", "pos_label");
            labels = [posLabel];
        }
        var labs = labels ?? present;
        int k = labs.Length;
        var tp = new double[k];
        var predSum = new double[k];
        var trueSum = new double[k];
        var index = new Dictionary<double, int>();
        for (int i = 0; i < k; i++) index.TryAdd(labs[i], i);
        for (int i = 0; i < t.Length; i++)
        {
            double wi = w?[i] ?? 1;
            bool hasT = index.TryGetValue(t[i], out int a);
            bool hasP = index.TryGetValue(p[i], out int b);
            if (hasT) trueSum[a] += wi;
            if (hasP) predSum[b] += wi;
            if (hasT && FloatExact.AreEqual(t[i], p[i])) tp[a] += wi;
        }
        if (average == "micro")
        {
            tp = [tp.Sum()];
            predSum = [predSum.Sum()];
            trueSum = [trueSum.Sum()];
        }
        var precision = PrfDivide(tp, predSum, "precision", "predicted", average, warnFor, zeroDivision);
        var recall = PrfDivide(tp, trueSum, "recall", "true", average, warnFor, zeroDivision);
        if (zeroDivision is null && warnFor is ["f-score"])
        {
            bool ill = false;
            for (int i = 0; i < trueSum.Length; i++) ill |= trueSum[i] == 0 && predSum[i] == 0;
            if (ill) WarnPrf(average, "true nor predicted", "F-score is", trueSum.Length);
        }
        var f = new double[precision.Length];
        double beta2 = beta * beta;
        for (int i = 0; i < f.Length; i++)
        {
            if (double.IsPositiveInfinity(beta)) { f[i] = recall[i]; continue; }
            double denom = beta2 * precision[i] + recall[i];
            if (denom == 0) denom = 1;
            f[i] = (1 + beta2) * precision[i] * recall[i] / denom;
        }
        return new PrfResult(precision, recall, f, trueSum, labs, predSum);
    }

    private static double[] PrfDivide(double[] num, double[] den, string metric, string modifier, string? average, string[] warnFor, double? zeroDivision)
    {
        var result = new double[num.Length];
        bool any = false;
        for (int i = 0; i < num.Length; i++)
        {
            if (den[i] == 0)
            {
                any = true;
                result[i] = zeroDivision is null or 0 ? 0.0 : 1.0;
            }
            else
            {
                result[i] = num[i] / den[i];
            }
        }
        if (!any || zeroDivision is not null || !warnFor.Contains(metric)) return result;
        string start = warnFor.Contains("f-score") ? $"{char.ToUpperInvariant(metric[0])}{metric[1..]} and F-score are" : $"{char.ToUpperInvariant(metric[0])}{metric[1..]} is";
        WarnPrf(average, modifier, start, result.Length);
        return result;
    }

    private static void WarnPrf(string? average, string modifier, string msgStart, int resultSize)
    {
        string where = resultSize == 1 ? "due to" : "in labels with";
        MLWarnings.Warn(WarningCategory.UndefinedMetric, $"{msgStart} ill-defined and being set to 0.0 {where} no {modifier} samples. Use `zero_division` parameter to control this behavior.");
    }

    /// <summary>
    /// <c>classification_report(y_true, y_pred, digits=2)</c>: scikit-learn's text table (precision, recall,
    /// f1-score, support per label; accuracy, macro and weighted averages), character for character.
    /// </summary>
    public static string ClassificationReport<T1, T2>(Tensor<T1> yTrue, Tensor<T2> yPred, double[]? labels = null, string[]? targetNames = null, Tensor<double>? sampleWeight = null, int digits = 2, double? zeroDivision = null)
        where T1 : unmanaged, INumber<T1>
        where T2 : unmanaged, INumber<T2>
    {
        var t = MetricInputs.Vector(yTrue, "y_true");
        var p = MetricInputs.Vector(yPred, "y_pred");
        MetricInputs.SameLength(t.Length, p.Length);
        MetricInputs.ClassificationType(t, p);
        var present = Validation.Labels.Unique(t.Concat(p));
        var labs = labels ?? present;
        bool microIsAccuracy = labels is null || labs.ToHashSet().SetEquals(present);
        var names = targetNames ?? labs.Select(FormatLabel).ToArray();
        if (names.Length != labs.Length)
            throw new InputValidationException($"Number of classes, {labs.Length}, does not match size of target_names, {names.Length}. Try specifying the labels parameter", nameof(targetNames));
        var per = Prf(yTrue, yPred, 1.0, labs, 1, null, sampleWeight, zeroDivision, ["precision", "recall", "f-score"]);
        string[] headers = ["precision", "recall", "f1-score", "support"];
        int width = Math.Max(Math.Max(names.Max(n => n.Length), "weighted avg".Length), digits);
        var sb = new StringBuilder();
        string Num(double v) => v.ToString("F" + digits, CultureInfo.InvariantCulture);
        string Count(double v) => ((long)Math.Round(v)).ToString(CultureInfo.InvariantCulture);
        void Row(string name, string a, string b, string c, string d) =>
            sb.Append(name.PadLeft(width)).Append(' ')
              .Append(' ').Append(a.PadLeft(9)).Append(' ').Append(b.PadLeft(9))
              .Append(' ').Append(c.PadLeft(9)).Append(' ').Append(d.PadLeft(9)).Append('\n');
        sb.Append(new string(' ', width)).Append(' ');
        foreach (var h in headers) sb.Append(' ').Append(h.PadLeft(9));
        sb.Append("\n\n");
        for (int i = 0; i < labs.Length; i++)
            Row(names[i], Num(per.Precision[i]), Num(per.Recall[i]), Num(per.F[i]), Count(per.Support[i]));
        sb.Append('\n');
        string total = Count(per.Support.Sum());
        foreach (var avg in new[] { "micro", "macro", "weighted" })
        {
            var (pr, rc, f1) = AveragedFromLabels(yTrue, yPred, labs, avg, sampleWeight, zeroDivision);
            if (avg == "micro" && microIsAccuracy) Row("accuracy", "", "", Num(f1), total);
            else Row(avg + " avg", Num(pr), Num(rc), Num(f1), total);
        }
        return sb.ToString();
    }

    private static (double, double, double) AveragedFromLabels<T1, T2>(Tensor<T1> yTrue, Tensor<T2> yPred, double[] labels, string average, Tensor<double>? sampleWeight, double? zeroDivision)
        where T1 : unmanaged, INumber<T1>
        where T2 : unmanaged, INumber<T2>
        => Averaged(yTrue, yPred, 1.0, labels, 1, average, sampleWeight, zeroDivision, "none");

    private static string FormatLabel(double v) =>
        v == Math.Floor(v) && Math.Abs(v) < 1e15 ? ((long)v).ToString(CultureInfo.InvariantCulture) : PyRepr.Float(v);
}
