using System.Globalization;
using System.Text.Json;
using Batuta.ML.LinearModel;
using Batuta.ML.Pipelines;
using Batuta.ML.Preprocessing;
using Batuta.ML.Tests.Support;

namespace Batuta.ML.Tests.Parity;

/// <summary>Scalers, encoders, splitters and metrics: bit-for-bit (or to the last digit) against scikit-learn.</summary>
public class PreprocessingSplitMetricsParityTests
{
    [Fact]
    public void StandardAndMinMaxScalersAreExact()
    {
        using var X = Oracle.X("diabetes");
        using var head = Oracle.Rows(X, 0, 10);
        var s = new StandardScaler().Fit(X);
        using (var mean = s.Mean!) Assert.Equal(Oracle.Array("scaler/standard", "mean"), mean.ToArray());
        using (var v = s.Var!) Assert.Equal(Oracle.Array("scaler/standard", "var"), v.ToArray());
        using (var sc = s.Scale!) Assert.Equal(Oracle.Array("scaler/standard", "scale"), sc.ToArray());
        using (var t = s.Transform(head)) Assert.Equal(Oracle.Array("scaler/standard", "t"), t.ToArray());
        var mm = new MinMaxScaler(-1, 2).Fit(X);
        using (var t = mm.Transform(head)) Near.Equal(Oracle.Array("scaler/minmax", "t"), t.ToArray(), 1e-15, 1e-15, "minmax transform");
        using (var mn = mm.Min) Near.Equal(Oracle.Array("scaler/minmax", "min"), mn.ToArray(), 1e-15, 1e-15, "min_");
    }

    [Fact]
    public void OneHotEncoderMatchesScikitLearn()
    {
        double[,] cats = { { 0, 3.5 }, { 1, 1.0 }, { 2, 3.5 }, { 1, 3.5 }, { 0, 2.0 }, { 2, 1.0 }, { 2, 2.0 }, { 5, 1.0 } };
        using var X = Tensor.FromArray(cats);
        var enc = new OneHotEncoder().Fit(X);
        using (var t = enc.Transform(X)) Assert.Equal(Oracle.Array("onehot/basic", "t"), t.ToArray());
        Assert.Equal(JsonSerializer.Deserialize<string[]>(Oracle.Text("onehot/basic", "names")), enc.GetFeatureNamesOut());
        using (var t = new OneHotEncoder(drop: "first").Fit(X).Transform(X)) Assert.Equal(Oracle.Array("onehot/drop_first", "t"), t.ToArray());
        using var unknown = Tensor.FromArray(new double[,] { { 9, 1.0 }, { 1, 7.0 } });
        using (var t = new OneHotEncoder(handleUnknown: "ignore").Fit(X).Transform(unknown)) Assert.Equal(Oracle.Array("onehot/ignore", "t"), t.ToArray());
        var e = Assert.Throws<InputValidationException>(() => enc.Transform(unknown));
        Assert.StartsWith("Found unknown categories [9.0] in column 0 during transform", e.Message);
    }

    [Theory]
    [InlineData(800, 42, "0.25", true)]
    [InlineData(800, 42, "0.25", false)]
    [InlineData(150, 0, "0.3", true)]
    [InlineData(101, 7, "0.2", true)]
    [InlineData(57, 123, "10", false)]
    [InlineData(1000, 3, "0.33", true)]
    public void TrainTestSplitSelectsTheSameRowsAsScikitLearn(int n, int seed, string testSize, bool stratify)
    {
        string c = $"split/{n}/{seed}/{testSize}/{(stratify ? "True" : "False")}";
        var labels = Oracle.Array(c, "labels").Select(v => (long)v).ToArray();
        using var X = Tensor.FromArray(Enumerable.Range(0, n).Select(i => (long)i).ToArray(), n);
        // Not a ?: expression: C# would unify int and double to double and the count would become a fraction.
        SplitSize size;
        if (testSize.Contains('.', StringComparison.Ordinal)) size = double.Parse(testSize, CultureInfo.InvariantCulture);
        else size = int.Parse(testSize, CultureInfo.InvariantCulture);
        var (train, test) = stratify
            ? ModelSelection.TrainTestSplit(X, testSize: size, randomState: seed, stratify: labels)
            : ModelSelection.TrainTestSplit(X, testSize: size, randomState: seed);
        Assert.Equal(Oracle.Array(c, "train"), train.ToArray().Select(v => (double)v));
        Assert.Equal(Oracle.Array(c, "test"), test.ToArray().Select(v => (double)v));
    }

    [Fact]
    public void FoldsAndCrossValScoreMatchScikitLearn()
    {
        using var X = Oracle.X("iris");
        using var y = Oracle.Y("iris");
        Assert.Equal(Oracle.Array("kfold", "kf"), Splitters.KFold(150, 5, shuffle: true, randomState: 4)[2].Test.Select(v => (double)v));
        Assert.Equal(Oracle.Array("kfold", "skf"), Splitters.StratifiedKFold(y, 5, shuffle: true, randomState: 4)[3].Test.Select(v => (double)v));
        Assert.Equal(Oracle.Array("kfold", "skf_plain"), Splitters.StratifiedKFold(y, 4)[1].Test.Select(v => (double)v));
        var model = PipelineFactory.MakePipeline(new StandardScaler(), new LogisticRegression());
        using var scores = ModelSelection.CrossValScore(model, X, y, cv: 5);
        Near.Equal(Oracle.Array("kfold", "cvs"), scores.ToArray(), 1e-12, 1e-12, "cross_val_score");
    }

    [Fact]
    public void CrossValScoreTakesTheFoldsOfASplitter()
    {
        using var X = Oracle.X("iris");
        using var y = Oracle.Y("iris");
        var model = PipelineFactory.MakePipeline(new StandardScaler(), new LogisticRegression());
        // cv=5 for a classifier is StratifiedKFold(5): the same folds given explicitly give the same scores
        using var byCount = ModelSelection.CrossValScore(model, X, y, cv: 5);
        using var byFolds = ModelSelection.CrossValScore(model, X, y, Splitters.StratifiedKFold(y, 5));
        Assert.Equal(byCount.ToArray(), byFolds.ToArray());
        using var shuffled = ModelSelection.CrossValScore(model, X, y, Splitters.KFold(150, 3, shuffle: true, randomState: 0), "accuracy");
        Assert.Equal(3, shuffled.Length);
        Assert.All(shuffled.ToArray(), s => Assert.InRange(s, 0.8, 1.0));
    }

    [Fact]
    public void ClassificationAndRegressionMetricsAreExact()
    {
        const string c = "metrics/values";
        using var yt = Oracle.Tensor(c, "yt");
        using var yp = Oracle.Tensor(c, "yp");
        using var bt = Tensor.FromArray(yt.ToArray().Select(v => v == 1 ? 1L : 0L).ToArray(), yt.Length);
        using var bp = Tensor.FromArray(yp.ToArray().Select(v => v == 1 ? 1L : 0L).ToArray(), yp.Length);
        Assert.Equal(Oracle.Scalar(c, "accuracy"), Metrics.AccuracyScore(yt, yp));
        Assert.Equal(Oracle.Scalar(c, "binary_precision"), Metrics.PrecisionScore(bt, bp));
        Assert.Equal(Oracle.Scalar(c, "binary_recall"), Metrics.RecallScore(bt, bp));
        Assert.Equal(Oracle.Scalar(c, "binary_f1"), Metrics.F1Score(bt, bp));
        foreach (var avg in new[] { "micro", "macro", "weighted" })
        {
            Assert.Equal(Oracle.Scalar(c, "precision_" + avg), Metrics.PrecisionScore(yt, yp, average: avg));
            Assert.Equal(Oracle.Scalar(c, "recall_" + avg), Metrics.RecallScore(yt, yp, average: avg));
            Assert.Equal(Oracle.Scalar(c, "f1_" + avg), Metrics.F1Score(yt, yp, average: avg));
        }
        using var cm = Metrics.ConfusionMatrix(yt, yp);
        Assert.Equal(Oracle.Array(c, "cm"), cm.ToArray().Select(v => (double)v));
        Assert.Equal(Oracle.Text(c, "report"), Metrics.ClassificationReport(yt, yp));
        Assert.Equal(Oracle.Text(c, "report4"), Metrics.ClassificationReport(bt, bp, digits: 4));
        using var rt = Oracle.Tensor(c, "rt");
        using var rp = Oracle.Tensor(c, "rp");
        Assert.Equal(Oracle.Scalar(c, "r2"), Metrics.R2Score(rt, rp));
        Assert.Equal(Oracle.Scalar(c, "mse"), Metrics.MeanSquaredError(rt, rp));
        Assert.Equal(Oracle.Scalar(c, "mae"), Metrics.MeanAbsoluteError(rt, rp));
    }

    [Fact]
    public void RocAucAndLogLossMatchScikitLearn()
    {
        const string c = "metrics/proba";
        using var bt = Oracle.Tensor(c, "bt");
        using var scores = Oracle.Tensor(c, "scores");
        using var probs = Oracle.Tensor(c, "probs3");
        using var yt = Oracle.Tensor("metrics/values", "yt");
        Near.Equal(Oracle.Scalar(c, "auc"), Metrics.RocAucScore(bt, scores), 1e-15, 0, "roc_auc_score");
        Near.Equal(Oracle.Scalar(c, "logloss_bin"), Metrics.LogLoss(bt, scores), 1e-14, 0, "log_loss (binary)");
        Near.Equal(Oracle.Scalar(c, "logloss_multi"), Metrics.LogLoss(yt, probs), 1e-14, 0, "log_loss (multiclass)");
    }

    [Fact]
    public void SilhouetteMatchesScikitLearn()
    {
        using var X = Oracle.X("blobs");
        using var y = Oracle.Y("blobs");
        Near.Equal(Oracle.Scalar("metrics/silhouette", "score"), Metrics.SilhouetteScore(X, y), 1e-12, 0, "silhouette_score");
    }
}
