using System.Text.Json;
using Batuta.ML.LinearModel;
using Batuta.ML.Tests.Support;

namespace Batuta.ML.Tests.Parity;

/// <summary>
/// Linear models against scikit-learn. Tolerances (documented in docs/ml.md): direct solvers 1e-9
/// relative; coordinate descent 1e-7 (same iterates, different BLAS rounding); lbfgs 1e-6 on
/// coefficients and 1e-7 on probabilities with n_iter_ equal (SciPy's L-BFGS-B replayed); a run cut off
/// at max_iter is compared at 1e-3, since rounding decides where an unconverged run stops.
/// </summary>
public class LinearParityTests
{
    [Theory]
    [InlineData("regression")]
    [InlineData("diabetes")]
    [InlineData("rankdef")]
    public void LinearRegressionMatchesScikitLearn(string dataset)
    {
        string c = "linreg/" + dataset;
        using var X = Oracle.X(dataset);
        using var y = Oracle.Y(dataset);
        var m = new LinearRegression().Fit(X, y);
        using var coef = m.Coef;
        Near.Equal(Oracle.Array(c, "coef"), coef.ToArray(), 1e-9, 1e-9, "coef_");
        Near.Equal(Oracle.Scalar(c, "intercept"), m.Intercept, 1e-9, 1e-9, "intercept_");
        Assert.Equal((int)Oracle.Scalar(c, "rank"), m.Rank);
        using var sv = m.Singular;
        Near.Equal(Oracle.Array(c, "singular"), sv.ToArray(), 1e-9, 1e-9, "singular_");
        using var head = Oracle.Rows(X, 0, 20);
        using var pred = m.Predict(head);
        Near.Equal(Oracle.Array(c, "pred"), pred.ToArray(), 1e-9, 1e-9, "predict");
    }

    [Fact]
    public void LinearRegressionWeightsAndNoIntercept()
    {
        using var X = Oracle.X("diabetes");
        using var y = Oracle.Y("diabetes");
        using var w = Oracle.Tensor("linreg/weighted", "weights");
        var m = new LinearRegression().Fit(X, y, w);
        using (var coef = m.Coef) Near.Equal(Oracle.Array("linreg/weighted", "coef"), coef.ToArray(), 1e-9, 1e-9, "weighted coef_");
        Near.Equal(Oracle.Scalar("linreg/weighted", "intercept"), m.Intercept, 1e-9, 1e-9, "weighted intercept_");
        var n = new LinearRegression(fitIntercept: false).Fit(X, y);
        using (var coef = n.Coef) Near.Equal(Oracle.Array("linreg/nointercept", "coef"), coef.ToArray(), 1e-9, 1e-9, "coef_ without intercept");
        Assert.Equal(0.0, n.Intercept);
    }

    [Theory]
    [InlineData("diabetes", 1.0, "1.0")]
    [InlineData("diabetes", 0.01, "0.01")]
    [InlineData("regression", 10.0, "10.0")]
    public void RidgeMatchesScikitLearn(string dataset, double alpha, string key)
    {
        string c = $"ridge/{dataset}/{key}";
        using var X = Oracle.X(dataset);
        using var y = Oracle.Y(dataset);
        var m = new Ridge(alpha: alpha).Fit(X, y);
        using var coef = m.Coef;
        Near.Equal(Oracle.Array(c, "coef"), coef.ToArray(), 1e-9, 1e-9, "coef_");
        Near.Equal(Oracle.Scalar(c, "intercept"), m.Intercept, 1e-9, 1e-9, "intercept_");
        using var head = Oracle.Rows(X, 0, 20);
        using var pred = m.Predict(head);
        Near.Equal(Oracle.Array(c, "pred"), pred.ToArray(), 1e-9, 1e-9, "predict");
        using var w = Oracle.Tensor("linreg/weighted", "weights");
        var mw = new Ridge(alpha: 0.5).Fit(Oracle.X("diabetes"), Oracle.Y("diabetes"), w);
        using var cw = mw.Coef;
        Near.Equal(Oracle.Array("ridge/weighted", "coef"), cw.ToArray(), 1e-9, 1e-9, "weighted coef_");
    }

    [Theory]
    [InlineData("lasso", "diabetes")]
    [InlineData("lasso", "regression")]
    [InlineData("lasso1", "diabetes")]
    [InlineData("enet", "diabetes")]
    [InlineData("enet", "regression")]
    [InlineData("enet_random", "diabetes")]
    [InlineData("enet_random", "regression")]
    public void CoordinateDescentMatchesScikitLearn(string model, string dataset)
    {
        string c = $"{model}/{dataset}";
        using var X = Oracle.X(dataset);
        using var y = Oracle.Y(dataset);
        ElasticNet m = model switch
        {
            "lasso" => new Lasso(alpha: 0.1),
            "lasso1" => new Lasso(alpha: 1.0),
            "enet" => new ElasticNet(alpha: 0.1, l1Ratio: 0.7),
            _ => new ElasticNet(alpha: 0.5, l1Ratio: 0.3, selection: "random", randomState: 3),
        };
        m.Fit(X, y);
        using var coef = m.Coef;
        Near.Equal(Oracle.Array(c, "coef"), coef.ToArray(), 1e-7, 1e-7, "coef_");
        Near.Equal(Oracle.Scalar(c, "intercept"), m.Intercept, 1e-7, 1e-7, "intercept_");
        Assert.Equal((int)Oracle.Scalar(c, "n_iter"), m.NIter);
        Near.Equal(Oracle.Scalar(c, "dual_gap"), m.DualGap, 1e-3, 1e-9, "dual_gap_");
    }

    public static TheoryData<string> LogitCases => new() { "cancer_scaled", "cancer_scaled_C01", "binary", "binary_balanced", "multi", "multi_ovr", "multi_nointercept" };

    [Theory]
    [MemberData(nameof(LogitCases))]
    public void LogisticRegressionMatchesScikitLearn(string name)
    {
        var (m, X, c) = FitLogit(name);
        using var coef = m.Coef;
        Near.Equal(Oracle.Array(c, "coef"), coef.ToArray(), 1e-6, 1e-6, "coef_");
        using var intercept = m.Intercept;
        Near.Equal(Oracle.Array(c, "intercept"), intercept.ToArray(), 1e-6, 1e-6, "intercept_");
        using var nIter = m.NIter;
        Assert.Equal(Oracle.Array(c, "n_iter"), nIter.ToArray().Select(v => (double)v));
        using var head = Oracle.Rows(X, 0, 25);
        using var proba = m.PredictProba(head);
        Near.Equal(Oracle.Array(c, "proba"), proba.ToArray(), 1e-7, 1e-7, "predict_proba");
        using var pred = m.Predict(X);
        Assert.Equal(Oracle.Array(c, "pred"), pred.ToArray());
    }

    /// <summary>
    /// Long or cut-off runs on unscaled features: rounding in the two BLAS libraries lets L-BFGS stop at a
    /// different point inside the tolerance (iris: ~120 iterations) or at max_iter on a different iterate
    /// (raw breast-cancer data). The cut-off run is chaotic in SciPy itself: perturbing scikit-learn's loss
    /// by a relative 1e-15 moves its 100th iterate by 0.1 and flips 5 of 569 predictions. Documented
    /// margins: coefficients 1e-2 relative (converged run); predictions identical on ≥ 99% (converged) or
    /// ≥ 97% (cut off) of the samples; probabilities within 0.02 (converged) or 0.2 (cut off).
    /// </summary>
    [Theory]
    [InlineData("iris")]
    [InlineData("cancer_raw_maxiter")]
    public void LogisticRegressionOnUnscaledDataAgreesWithinDocumentedMargins(string name)
    {
        var (m, X, c) = FitLogit(name);
        if (name == "iris")
        {
            using var coef = m.Coef;
            Near.Equal(Oracle.Array(c, "coef"), coef.ToArray(), 1e-2, 1e-2, "coef_");
        }
        else
        {
            using var nIter = m.NIter;
            Assert.Equal(Oracle.Array(c, "n_iter"), nIter.ToArray().Select(v => (double)v));
        }
        using var pred = m.Predict(X);
        var expected = Oracle.Array(c, "pred");
        double agree = expected.Zip(pred.ToArray()).Count(t => t.First == t.Second) / (double)expected.Length;
        bool cutOff = name == "cancer_raw_maxiter";
        Assert.True(agree >= (cutOff ? 0.97 : 0.99), $"predictions agree on {agree:P1}");
        using var head = Oracle.Rows(X, 0, 25);
        using var proba = m.PredictProba(head);
        Near.Equal(Oracle.Array(c, "proba"), proba.ToArray(), 0, cutOff ? 0.2 : 0.02, "predict_proba");
    }

    private static (LogisticRegression Model, Tensor<double> X, string Case) FitLogit(string name)
    {
        string c = "logit/" + name;
        var kw = JsonDocument.Parse(Oracle.Text(c, "kw")).RootElement;
        var m = new LogisticRegression(
            c: kw.TryGetProperty("C", out var cc) ? cc.GetDouble() : 1.0,
            maxIter: kw.TryGetProperty("max_iter", out var mi) ? mi.GetInt32() : 100,
            classWeight: kw.TryGetProperty("class_weight", out var cw) ? cw.GetString() : null,
            multiClass: kw.TryGetProperty("multi_class", out var mc) ? mc.GetString()! : "auto",
            fitIntercept: !kw.TryGetProperty("fit_intercept", out var fi) || fi.GetBoolean());
        string dataset = name.StartsWith("cancer", StringComparison.Ordinal) ? "cancer" : name.Split('_')[0];
        var X = Oracle.X(dataset);
        using var y = Oracle.Y(dataset);
        if (name.StartsWith("cancer_scaled", StringComparison.Ordinal)) X = new Preprocessing.StandardScaler().FitTransform(X);
        using (MLWarnings.Capture()) m.Fit(X, y);
        return (m, X, c);
    }
}
