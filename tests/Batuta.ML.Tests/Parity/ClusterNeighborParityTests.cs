using Batuta.ML.Cluster;
using Batuta.ML.Neighbors;
using Batuta.ML.Tests.Support;

namespace Batuta.ML.Tests.Parity;

/// <summary>k-means (seeding and Lloyd), DBSCAN and k-nearest neighbours against scikit-learn.</summary>
public class ClusterNeighborParityTests
{
    [Theory]
    [InlineData("kmeans/blobs", "blobs", 4, 10, 0)]
    [InlineData("kmeans/iris", "iris", 3, 5, 42)]
    public void KMeansMatchesScikitLearn(string c, string dataset, int k, int nInit, int seed)
    {
        using var X = Oracle.X(dataset);
        var km = new KMeans(nClusters: k, nInit: nInit, randomState: seed).Fit(X);
        // Inertia within 1e-6 relative (the documented margin for randomised estimators is far looser: 1%).
        Near.Equal(Oracle.Scalar(c, "inertia"), km.Inertia, 1e-6, 0, "inertia_");
        using var centers = km.ClusterCenters;
        Near.Equal(Oracle.Array(c, "centers"), centers.ToArray(), 1e-7, 1e-9, "cluster_centers_");
        using var labels = km.Labels;
        Assert.Equal(Oracle.Array(c, "labels"), labels.ToArray().Select(v => (double)v));
        Assert.Equal((int)Oracle.Scalar(c, "n_iter"), km.NIter);
    }

    [Theory]
    [InlineData("dbscan/blobs", "blobs", 1.5, 6)]
    [InlineData("dbscan/iris", "iris", 0.5, 5)]
    public void DbscanMatchesScikitLearn(string c, string dataset, double eps, int minSamples)
    {
        using var X = Oracle.X(dataset);
        var db = new DBSCAN(eps: eps, minSamples: minSamples).Fit(X);
        using var labels = db.Labels;
        Assert.Equal(Oracle.Array(c, "labels"), labels.ToArray().Select(v => (double)v));
        using var core = db.CoreSampleIndices;
        Assert.Equal(Oracle.Array(c, "core"), core.ToArray().Select(v => (double)v));
    }

    [Theory]
    [InlineData(5, "uniform")]
    [InlineData(7, "distance")]
    public void KNeighborsClassifierMatchesScikitLearn(int k, string weights)
    {
        using var X = Oracle.X("multi");
        using var y = Oracle.Y("multi");
        using var xTr = Oracle.Rows(X, 0, 300);
        using var yTr = Oracle.Rows(y, 0, 300);
        using var xTe = Oracle.Rows(X, 300, 450);
        var knn = new KNeighborsClassifier(nNeighbors: k, weights: weights).Fit(xTr, yTr);
        using var proba = knn.PredictProba(xTe);
        Near.Equal(Oracle.Array($"knn/clf/{k}", "proba"), proba.ToArray(), 1e-12, 1e-12, "predict_proba");
        using var pred = knn.Predict(xTe);
        Assert.Equal(Oracle.Array($"knn/clf/{k}", "pred"), pred.ToArray());
    }

    [Fact]
    public void KNeighborsRegressorMatchesScikitLearn()
    {
        using var X = Oracle.X("regression");
        using var y = Oracle.Y("regression");
        using var xTr = Oracle.Rows(X, 0, 200);
        using var yTr = Oracle.Rows(y, 0, 200);
        using var xTe = Oracle.Rows(X, 200, 300);
        var knr = new KNeighborsRegressor(nNeighbors: 4, weights: "distance").Fit(xTr, yTr);
        using var pred = knr.Predict(xTe);
        Near.Equal(Oracle.Array("knn/reg", "pred"), pred.ToArray(), 1e-12, 1e-12, "predict");
    }
}
