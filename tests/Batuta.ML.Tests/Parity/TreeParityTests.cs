using Batuta.ML.Tests.Support;
using Batuta.ML.Tree;

namespace Batuta.ML.Tests.Parity;

/// <summary>
/// CART grown as scikit-learn grows it: the same random feature order from the same random_state, the
/// same sort, thresholds and tie-breaking, so trees are identical node for node.
/// </summary>
public class TreeParityTests
{
    [Theory]
    [InlineData("gini")]
    [InlineData("entropy_depth4")]
    [InlineData("iris_sqrt")]
    [InlineData("leaf_nodes")]
    [InlineData("min_leaf")]
    public void ClassifierTreesAreIdenticalToScikitLearns(string name)
    {
        string c = "tree_clf/" + name;
        var model = name switch
        {
            "gini" => new DecisionTreeClassifier(randomState: 0),
            "entropy_depth4" => new DecisionTreeClassifier(criterion: "entropy", maxDepth: 4, randomState: 1),
            "iris_sqrt" => new DecisionTreeClassifier(maxFeatures: "sqrt", randomState: 5),
            "leaf_nodes" => new DecisionTreeClassifier(maxLeafNodes: 12, randomState: 2),
            "min_leaf" => new DecisionTreeClassifier(minSamplesLeaf: 5, minSamplesSplit: 0.05, randomState: 3, classWeight: "balanced"),
            _ => throw new ArgumentException(name),
        };
        string ds = Oracle.Text(c, "dataset");
        using var X = Oracle.X(ds);
        using var y = Oracle.Y(ds);
        model.Fit(X, y);
        var t = model.Tree;
        Assert.Equal(Oracle.Array(c, "left"), t.ChildrenLeft.Select(v => (double)v));
        Assert.Equal(Oracle.Array(c, "right"), t.ChildrenRight.Select(v => (double)v));
        Assert.Equal(Oracle.Array(c, "feature"), t.Feature.Select(v => (double)v));
        Assert.Equal(Oracle.Array(c, "threshold"), t.Threshold);
        Near.Equal(Oracle.Array(c, "value"), t.Value, 1e-12, 1e-12, "value");
        using var head = Oracle.Rows(X, 0, 30);
        using var proba = model.PredictProba(head);
        Near.Equal(Oracle.Array(c, "proba"), proba.ToArray(), 1e-12, 1e-12, "predict_proba");
        using var imp = model.FeatureImportances;
        Near.Equal(Oracle.Array(c, "importances"), imp.ToArray(), 1e-9, 1e-12, "feature_importances_");
    }

    [Theory]
    [InlineData("mse")]
    [InlineData("friedman_depth5")]
    [InlineData("random_splitter")]
    public void RegressorTreesAreIdenticalToScikitLearns(string name)
    {
        string c = "tree_reg/" + name;
        var model = name switch
        {
            "mse" => new DecisionTreeRegressor(randomState: 0),
            "friedman_depth5" => new DecisionTreeRegressor(criterion: "friedman_mse", maxDepth: 5, randomState: 1),
            _ => new DecisionTreeRegressor(splitter: "random", maxDepth: 6, randomState: 4),
        };
        string ds = Oracle.Text(c, "dataset");
        using var X = Oracle.X(ds);
        using var y = Oracle.Y(ds);
        model.Fit(X, y);
        var t = model.Tree;
        Assert.Equal(Oracle.Array(c, "left"), t.ChildrenLeft.Select(v => (double)v));
        Assert.Equal(Oracle.Array(c, "feature"), t.Feature.Select(v => (double)v));
        Assert.Equal(Oracle.Array(c, "threshold"), t.Threshold);
        Near.Equal(Oracle.Array(c, "value"), t.Value, 1e-10, 1e-9, "value");
        using var head = Oracle.Rows(X, 0, 30);
        using var pred = model.Predict(head);
        Near.Equal(Oracle.Array(c, "pred"), pred.ToArray(), 1e-10, 1e-9, "predict");
    }
}
