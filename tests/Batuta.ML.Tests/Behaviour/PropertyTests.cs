using Batuta.ML.Cluster;
using Batuta.ML.Ensemble;
using Batuta.ML.LinearModel;
using Batuta.ML.Neighbors;
using Batuta.ML.Pipelines;
using Batuta.ML.Preprocessing;
using Batuta.ML.Randomness;
using Batuta.ML.Tests.Support;
using Batuta.ML.Tree;

namespace Batuta.ML.Tests.Behaviour;

/// <summary>Properties that must hold for any data: invariance to row order, one-sample and constant-feature edge cases, API shape.</summary>
public class PropertyTests
{
    private static (Tensor<double> X, Tensor<double> Y, Tensor<double> Labels) Data(int n, int p, int seed)
    {
        var rng = new RandomState(seed);
        var x = rng.Randn(n, p);
        var xs = x.ToArray();
        var y = new double[n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++) y[i] += (j + 1) * xs[i * p + j] * (j % 2 == 0 ? 1 : -0.5);
        var labels = y.Select(v => v > 0.5 ? 1.0 : 0.0).ToArray();
        for (int i = 0; i < n; i++) y[i] += 0.1 * rng.StandardNormal();
        return (x, Tensor.FromArray(y, n), Tensor.FromArray(labels, n));
    }

    private static Tensor<double> Permute(Tensor<double> t, int[] perm) => ModelSelection.TakeRows(t, perm);

    [Fact]
    public void FitsDoNotDependOnRowOrder()
    {
        var (X, y, labels) = Data(150, 4, 1);
        var perm = new RandomState(9).Permutation(150).Select(v => (int)v).ToArray();
        using var Xp = Permute(X, perm);
        using var yp = Permute(y, perm);
        using var lp = Permute(labels, perm);
        Near.Equal(new LinearRegression().Fit(X, y).Coef.ToArray(), new LinearRegression().Fit(Xp, yp).Coef.ToArray(), 1e-12, 1e-12, "LinearRegression");
        Near.Equal(new Ridge(alpha: 2).Fit(X, y).Coef.ToArray(), new Ridge(alpha: 2).Fit(Xp, yp).Coef.ToArray(), 1e-12, 1e-12, "Ridge");
        Near.Equal(new Lasso(alpha: 0.05, tol: 1e-10).Fit(X, y).Coef.ToArray(), new Lasso(alpha: 0.05, tol: 1e-10).Fit(Xp, yp).Coef.ToArray(), 1e-8, 1e-8, "Lasso");
        Near.Equal(new LogisticRegression(tol: 1e-10, maxIter: 1000).Fit(X, labels).Coef.ToArray(), new LogisticRegression(tol: 1e-10, maxIter: 1000).Fit(Xp, lp).Coef.ToArray(), 1e-6, 1e-6, "LogisticRegression");
        Near.Equal(new StandardScaler().Fit(X).Scale!.ToArray(), new StandardScaler().Fit(Xp).Scale!.ToArray(), 1e-13, 0, "StandardScaler");
        using var q = Data(20, 4, 2).X;
        Assert.Equal(new KNeighborsRegressor(nNeighbors: 3).Fit(X, y).Predict(q).ToArray(), new KNeighborsRegressor(nNeighbors: 3).Fit(Xp, yp).Predict(q).ToArray());
        Assert.Equal(new DecisionTreeClassifier(randomState: 0).Fit(X, labels).Predict(X).ToArray(), new DecisionTreeClassifier(randomState: 0).Fit(Xp, lp).Predict(X).ToArray());
        // k-means from the same explicit centers reaches the same partition whatever the row order.
        var init = ModelSelection.TakeRows(X, [0, 1, 2]);
        var a = new KMeans(nClusters: 3, nInit: 1) { InitCenters = init }.Fit(X);
        var b = new KMeans(nClusters: 3, nInit: 1) { InitCenters = init }.Fit(Xp);
        Near.Equal(a.Inertia, b.Inertia, 1e-10, 0, "KMeans inertia");
        var dba = new DBSCAN(eps: 0.9, minSamples: 4).Fit(X).Labels.ToArray();
        var dbb = new DBSCAN(eps: 0.9, minSamples: 4).Fit(Xp).Labels.ToArray();
        Assert.Equal(dba.Count(l => l == -1), dbb.Count(l => l == -1));
    }

    [Fact]
    public void OneSampleFitsWhereScikitLearnFits()
    {
        using var x1 = Tensor.FromArray(new double[] { 1, 2, 3 }, 1, 3);
        using var y1 = Tensor.FromArray(new double[] { 5 }, 1);
        var s = new StandardScaler().Fit(x1);
        Assert.Equal(new[] { 1.0, 1.0, 1.0 }, s.Scale!.ToArray());
        Assert.Equal(new[] { 0.0, 0.0, 0.0 }, s.Transform(x1).ToArray());
        var lr = new LinearRegression().Fit(x1, y1);
        Assert.Equal(5.0, lr.Intercept);
        Assert.Equal(new[] { 0.0, 0.0, 0.0 }, lr.Coef.ToArray());
        Assert.Equal(new[] { 5.0 }, new DecisionTreeRegressor().Fit(x1, y1).Predict(x1).ToArray());
        Assert.Equal(new[] { 5.0 }, new KNeighborsRegressor(nNeighbors: 1).Fit(x1, y1).Predict(x1).ToArray());
        Assert.Equal(new[] { 0 }, new KMeans(nClusters: 1, nInit: 1).Fit(x1).Labels.ToArray());
        using var twoCol = Tensor.FromArray(new double[] { 7 }, 1);
        Assert.Equal(new[] { 7.0 }, new DecisionTreeClassifier().Fit(x1, twoCol).Predict(x1).ToArray());
    }

    [Fact]
    public void ConstantFeaturesAreHarmless()
    {
        var (X, y, labels) = Data(80, 3, 4);
        var data = X.ToArray();
        for (int i = 0; i < 80; i++) data[i * 3 + 1] = 4.2;
        using var Xc = Tensor.FromArray(data, 80, 3);
        Assert.Equal(1.0, new StandardScaler().Fit(Xc).Scale!.ToArray()[1]);
        Assert.Equal(0.0, new MinMaxScaler().Fit(Xc).Transform(Xc).ToArray()[1]);
        // Centring leaves rounding noise in a constant column (scikit-learn reports rank 3 here too); the
        // predictions must still equal those of the model without the column.
        var lr = new LinearRegression().Fit(Xc, y);
        using var without = ModelSelection.TakeRows(Xc.Transpose().Contiguous(), [0, 2]).Transpose().Contiguous();
        Near.Equal(new LinearRegression().Fit(without, y).Predict(without).ToArray(), lr.Predict(Xc).ToArray(), 1e-6, 1e-6, "predictions with a constant column");
        Assert.Equal(0.0, new Lasso(alpha: 0.01).Fit(Xc, y).Coef.ToArray()[1]);
        Assert.DoesNotContain(1, new DecisionTreeClassifier(randomState: 0).Fit(Xc, labels).Tree.Feature);
        Assert.DoesNotContain(1, new RandomForestRegressor(nEstimators: 5, randomState: 0).Fit(Xc, y).Estimators.SelectMany(t => t.Tree.Feature));
        Assert.Equal(0.0, new GradientBoostingRegressor(nEstimators: 5, randomState: 0).Fit(Xc, y).FeatureImportances.ToArray()[1]);
    }

    [Fact]
    public void RandomisedEstimatorsAreDeterministicGivenRandomState()
    {
        var (X, y, labels) = Data(200, 5, 3);
        Assert.Equal(new RandomForestClassifier(nEstimators: 10, randomState: 5).Fit(X, labels).PredictProba(X).ToArray(),
            new RandomForestClassifier(nEstimators: 10, randomState: 5, nJobs: 1).Fit(X, labels).PredictProba(X).ToArray());
        Assert.Equal(new KMeans(nClusters: 4, nInit: 3, randomState: 2).Fit(X).Labels.ToArray(), new KMeans(nClusters: 4, nInit: 3, randomState: 2).Fit(X).Labels.ToArray());
        Assert.Equal(new IsolationForest(nEstimators: 20, randomState: 1).Fit(X).ScoreSamples(X).ToArray(), new IsolationForest(nEstimators: 20, randomState: 1, nJobs: 1).Fit(X).ScoreSamples(X).ToArray());
    }

    [Fact]
    public void EstimatorApiFollowsScikitLearn()
    {
        var model = new LogisticRegression(c: 0.5, maxIter: 500);
        Assert.Equal("LogisticRegression(C=0.5, max_iter=500)", model.ToString());
        Assert.Equal(0.5, model.GetParams()["C"]);
        model.SetParams("max_iter", 50);
        Assert.Equal(50, model.MaxIter);
        var clone = (LogisticRegression)model.Clone();
        Assert.False(clone.IsFitted);
        Assert.Equal(model.ToString(), clone.ToString());
        var pipe = PipelineFactory.MakePipeline(new StandardScaler(), new StandardScaler(), new Ridge(alpha: 3));
        Assert.Equal(["standardscaler-1", "standardscaler-2", "ridge"], pipe.Steps.Select(s => s.Name));
        Assert.Equal(3.0, pipe.GetParams()["ridge__alpha"]);
        pipe.SetParams("ridge__alpha", 0.5);
        Assert.Equal(0.5, ((Ridge)pipe.NamedSteps["ridge"]!).Alpha);
        Assert.Equal("Pipeline(steps=[('standardscaler-1', StandardScaler()), ('standardscaler-2', StandardScaler()), ('ridge', Ridge(alpha=0.5))])", pipe.ToString());
        var (X, y, labels) = Data(60, 3, 8);
        using var yl = labels.Cast<long>();
        var fitted = new LogisticRegression().Fit(X, yl);
        using var pred = fitted.Predict<long>(X);
        Assert.Equal(fitted.Predict(X).ToArray(), pred.ToArray().Select(v => (double)v));
        Assert.Equal(fitted.Score(X, labels), fitted.Score(X, yl));
    }
}
