using System.Globalization;
using System.Text;
using Batuta.ML.LinearModel;
using Batuta.ML.Pipelines;
using Batuta.ML.Preprocessing;
using Batuta.ML.Randomness;
using Batuta.ML.Tests.Support;

namespace Batuta.ML.Tests.Acceptance;

/// <summary>
/// Issue 10's acceptance target: samples/PythonMl/legacy/main.py. Its scikit-learn part (the manual
/// k-fold with StandardScaler + LogisticRegression(C=1.0, max_iter=500), the stratified hold-out split,
/// the metrics, the five riskiest rows and the ridge coefficients) is re-done with Batuta.ML and every
/// printed line is compared with the same script run by CPython + scikit-learn 1.2.1.
/// </summary>
public class LegacySampleTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [Fact]
    public void ReproducesTheLegacyScriptsPrintedResults()
    {
        var dir = Repo.Path_("samples", "PythonMl", "legacy");
        var psi = Python.Run($"import os, sys; os.chdir({Py(dir)}); sys.path.insert(0, {Py(dir)}); sys.argv=['main.py']; exec(open('main.py').read())");
        var expected = psi.Split('\n').Select(l => l.TrimEnd()).ToList();
        var actual = Run(Path.Combine(dir, "data", "maintenance.csv")).Split('\n').Select(l => l.TrimEnd()).ToList();
        int start = expected.FindIndex(l => l.StartsWith("fold 1", StringComparison.Ordinal));
        var exp = expected.Skip(start).Where(l => l.Length > 0 && !l.StartsWith('=') && !l.Contains("hold-out", StringComparison.Ordinal) && !l.StartsWith("Repair", StringComparison.Ordinal)).ToList();
        Assert.Equal(exp, actual.Where(l => l.Length > 0).ToList());
    }

    private static string Py(string s) => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal) + "'";

    private static string Run(string csv)
    {
        var rows = File.ReadAllLines(csv).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',').Select(v => double.Parse(v, Inv)).ToArray()).ToArray();
        int n = rows.Length;
        var X = new double[n, 8];
        for (int i = 0; i < n; i++)
        {
            double age = rows[i][0], load = rows[i][1], temp = rows[i][2], vib = rows[i][3], hours = rows[i][4];
            int site = (int)rows[i][5];
            double[] f = [age, load, temp, vib, LogP1(hours), load / 100.0 * Math.Sqrt(vib + 1.0), site == 1 ? 1 : 0, site == 2 ? 1 : 0];
            for (int j = 0; j < 8; j++) X[i, j] = f[j];
        }
        var failed = rows.Select(r => (long)r[7]).ToArray();
        var cost = rows.Select(r => r[6]).ToArray();
        using var x = Tensor.FromArray(X);
        using var y = Tensor.FromArray(failed, n);
        var sb = new StringBuilder();

        // cross_validate
        var order = new RandomState(42).Permutation(n);
        var scores = new List<double>();
        int k = 5, fold = 0, start = 0;
        foreach (int size in Enumerable.Range(0, k).Select(i => n / k + (i < n % k ? 1 : 0)))
        {
            var test = order[start..(start + size)].Select(v => (int)v).ToArray();
            start += size;
            var trainMask = Enumerable.Repeat(true, n).ToArray();
            foreach (var t in test) trainMask[t] = false;
            var train = Enumerable.Range(0, n).Where(i => trainMask[i]).ToArray();
            var model = PipelineFactory.MakePipeline(new StandardScaler(), new LogisticRegression(c: 1.0, maxIter: 500));
            using var xTrain = Rows(x, train);
            using var yTrain = Rows(y, train);
            model.Fit(xTrain, yTrain);
            using var xTest = Rows(x, test);
            using var yTest = Rows(y, test);
            using var pred = model.Predict<long>(xTest);
            double acc = Metrics.AccuracyScore(yTest, pred);
            scores.Add(acc);
            sb.Append(Inv, $"fold {++fold}: {test.Length} rows, accuracy {acc:F4}\n");
        }
        double mean = scores.Average();
        double std = Math.Sqrt(scores.Select(s => (s - mean) * (s - mean)).Average());
        sb.Append(Inv, $"mean accuracy {mean:F4} (std {std:F4})\n");

        // train_failure_model
        var (xTr, xTe, yTr, yTe) = ModelSelection.TrainTestSplit(x, y, testSize: 0.25, randomState: 42, stratify: y);
        var clf = PipelineFactory.MakePipeline(new StandardScaler(), new LogisticRegression(c: 1.0, maxIter: 500));
        clf.Fit(xTr, yTr);
        using var predicted = clf.Predict<long>(xTe);
        Metric(sb, "accuracy", Metrics.AccuracyScore(yTe, predicted));
        Metric(sb, "precision", Metrics.PrecisionScore(yTe, predicted));
        Metric(sb, "recall", Metrics.RecallScore(yTe, predicted));
        Metric(sb, "f1", Metrics.F1Score(yTe, predicted));
        sb.Append("confusion matrix:\n");
        using var cm = Metrics.ConfusionMatrix(yTe, predicted);
        sb.Append(NumpyStr(cm)).Append('\n');
        using var proba = clf.PredictProba(xTe);
        var risk = Enumerable.Range(0, proba.Shape[0]).Select(i => proba[i, 1]).ToArray();
        var worst = Enumerable.Range(0, risk.Length).OrderBy(i => -risk[i]).Take(5);
        sb.Append("highest risk (test row, probability):\n");
        foreach (var r in worst) sb.Append(Inv, $"  {r,4}  {risk[r]:F3}\n");

        // train_cost_model
        using var c = Tensor.FromArray(cost, n);
        var (cxTr, cxTe, cTr, cTe) = ModelSelection.TrainTestSplit(x, c, testSize: 0.25, randomState: 42);
        var reg = PipelineFactory.MakePipeline(new StandardScaler(), new Ridge(alpha: 1.0));
        reg.Fit(cxTr, cTr);
        using var pc = reg.Predict(cxTe);
        Metric(sb, "r2", Metrics.R2Score(cTe, pc));
        Metric(sb, "mean abs error", Metrics.MeanAbsoluteError(cTe, pc));
        using var coef = ((Ridge)reg.Steps[^1].Estimator!).Coef;
        sb.Append("ridge coefficients: [").Append(string.Join(" ", coef.ToArray().Select(v => FormatRounded(v)))).Append("]\n");
        return sb.ToString();
    }

    // numpy prints np.round(coef, 2) right-aligned to a common width; rebuild that here from the values.
    private static string FormatRounded(double v) => Math.Round(v, 2, MidpointRounding.ToEven).ToString("F2", Inv).PadLeft(6);

    // numpy's str() of a 2-D int array (print(arr)): no commas, columns right-aligned to the widest value.
    private static string NumpyStr(Tensor<long> m)
    {
        int w = m.ToArray().Max(v => v.ToString(Inv).Length);
        var lines = Enumerable.Range(0, m.Shape[0]).Select(i => "[" + string.Join(" ", Enumerable.Range(0, m.Shape[1]).Select(j => m[i, j].ToString(Inv).PadLeft(w))) + "]");
        return "[" + string.Join("\n ", lines) + "]";
    }

    private static double LogP1(double v) => Math.Log(1 + v); // np.log1p; run_hours >= 505, where log(1 + v) is exact enough

    private static void Metric(StringBuilder sb, string name, double v) => sb.Append(Inv, $"{name,-22}{v,10:F4}\n");

    private static Tensor<T> Rows<T>(Tensor<T> t, int[] idx) where T : unmanaged, System.Numerics.INumber<T>
    {
        var shape = t.Shape.ToArray();
        int w = t.Rank == 1 ? 1 : shape[1];
        var src = t.ToArray();
        var dst = new T[idx.Length * w];
        for (int i = 0; i < idx.Length; i++) Array.Copy(src, idx[i] * w, dst, i * w, w);
        shape[0] = idx.Length;
        return Tensor.FromArray(dst, shape);
    }
}
