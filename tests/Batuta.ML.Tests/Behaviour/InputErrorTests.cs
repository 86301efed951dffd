using Batuta.ML.Cluster;
using Batuta.ML.Ensemble;
using Batuta.ML.LinearModel;
using Batuta.ML.Neighbors;
using Batuta.ML.Pipelines;
using Batuta.ML.Preprocessing;
using Batuta.ML.Tree;

namespace Batuta.ML.Tests.Behaviour;

/// <summary>Bad input gets scikit-learn's error, with where it is and how to fix it.</summary>
public class InputErrorTests
{
    private static Tensor<double> X(int n = 20, int p = 3) => Tensor.FromArray(Enumerable.Range(0, n * p).Select(i => Math.Sin(i * 1.7)).ToArray(), n, p);

    private static Tensor<double> Y(int n = 20) => Tensor.FromArray(Enumerable.Range(0, n).Select(i => (double)(i % 2)).ToArray(), n);

    public static TheoryData<string> All => new()
    {
        "LinearRegression", "Ridge", "Lasso", "LogisticRegression", "DecisionTreeClassifier", "DecisionTreeRegressor", "RandomForestClassifier",
        "RandomForestRegressor", "GradientBoostingClassifier", "GradientBoostingRegressor", "KNeighborsClassifier", "KNeighborsRegressor",
        "KMeans", "StandardScaler", "MinMaxScaler", "IsolationForest", "DBSCAN",
    };

    private static Estimator Make(string name) => name switch
    {
        "LinearRegression" => new LinearRegression(),
        "Ridge" => new Ridge(),
        "Lasso" => new Lasso(alpha: 0.01),
        "LogisticRegression" => new LogisticRegression(),
        "DecisionTreeClassifier" => new DecisionTreeClassifier(),
        "DecisionTreeRegressor" => new DecisionTreeRegressor(),
        "RandomForestClassifier" => new RandomForestClassifier(nEstimators: 3),
        "RandomForestRegressor" => new RandomForestRegressor(nEstimators: 3),
        "GradientBoostingClassifier" => new GradientBoostingClassifier(nEstimators: 3),
        "GradientBoostingRegressor" => new GradientBoostingRegressor(nEstimators: 3),
        "KNeighborsClassifier" => new KNeighborsClassifier(nNeighbors: 3),
        "KNeighborsRegressor" => new KNeighborsRegressor(nNeighbors: 3),
        "KMeans" => new KMeans(nClusters: 2, nInit: 1),
        "StandardScaler" => new StandardScaler(),
        "MinMaxScaler" => new MinMaxScaler(),
        "IsolationForest" => new IsolationForest(nEstimators: 3),
        _ => new DBSCAN(),
    };

    private static void Use(Estimator e, Tensor<double> x)
    {
        switch (e)
        {
            case IPredictor p: p.Predict(x).Dispose(); break;
            case ITransformer t: t.Transform(x).Dispose(); break;
            case IsolationForest f: f.ScoreSamples(x).Dispose(); break;
            default: throw new NotFittedException(e.Name);
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void UnfittedModelsRaiseNotFittedWithScikitLearnsMessage(string name)
    {
        var e = Make(name);
        if (e is DBSCAN) return; // DBSCAN has no predict/transform: only fit.
        var ex = Assert.Throws<NotFittedException>(() => Use(e, X()));
        Assert.Equal($"This {name} instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.", ex.Message);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void NaNAndInfinityAreRefusedWithTheirLocation(string name)
    {
        var data = X().ToArray();
        data[7] = double.NaN;
        using var bad = Tensor.FromArray(data, 20, 3);
        var e = Make(name);
        if (e is StandardScaler or MinMaxScaler) return; // scikit-learn's scalers accept NaN (ignored in fit).
        var ex = Assert.Throws<InputValidationException>(() => e.Fit(bad, Y()));
        Assert.StartsWith("Input X contains NaN (row 2, column 1).", ex.Message);
        data[7] = double.PositiveInfinity;
        using var inf = Tensor.FromArray(data, 20, 3);
        Assert.StartsWith("Input X contains infinity or a value too large for dtype('float64')", Assert.Throws<InputValidationException>(() => Make(name).Fit(inf, Y())).Message);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void FeatureCountMismatchSaysWhatWasExpected(string name)
    {
        var e = Make(name);
        if (e is DBSCAN) return;
        using (MLWarnings.Capture()) e.Fit(X(), Y());
        var ex = Assert.Throws<InputValidationException>(() => Use(e, X(5, 4)));
        Assert.Equal($"X has 4 features, but {name} is expecting 3 features as input. (Parameter 'X')", ex.Message);
    }

    [Fact]
    public void ShapeAndLabelErrorsFollowScikitLearn()
    {
        using var oneD = Tensor.FromArray(new double[] { 1, 2, 3 }, 3);
        Assert.StartsWith("Expected 2D array, got 1D array instead", Assert.Throws<InputValidationException>(() => new LinearRegression().Fit(oneD, oneD)).Message);
        Assert.StartsWith("Found input variables with inconsistent numbers of samples: [20, 19]", Assert.Throws<InputValidationException>(() => new Ridge().Fit(X(), Y(19))).Message);
        using var empty = Tensor.Zeros(0, 3);
        Assert.StartsWith("Found array with 0 sample(s) (shape=(0, 3)) while a minimum of 1 is required by Ridge.", Assert.Throws<InputValidationException>(() => new Ridge().Fit(empty, Tensor.Zeros(0))).Message);
        using var continuous = Tensor.FromArray(Enumerable.Range(0, 20).Select(i => i * 0.37).ToArray(), 20);
        Assert.StartsWith("Unknown label type: 'continuous'", Assert.Throws<InputValidationException>(() => new LogisticRegression().Fit(X(), continuous)).Message);
        using var single = Tensor.Zeros(20);
        Assert.StartsWith("This solver needs samples of at least 2 classes in the data, but the data contains only one class: 0", Assert.Throws<InputValidationException>(() => new LogisticRegression().Fit(X(), single)).Message);
        Assert.StartsWith("LinearRegression requires y to be passed, but the target y is None.", Assert.Throws<InputValidationException>(() => new LinearRegression().Fit(X())).Message);
        Assert.StartsWith("n_samples=20 should be >= n_clusters=30.", Assert.Throws<InputValidationException>(() => new KMeans(nClusters: 30, nInit: 1).Fit(X())).Message);
        Assert.StartsWith("Expected n_neighbors <= n_samples", Assert.Throws<InputValidationException>(() => new KNeighborsClassifier(nNeighbors: 50).Fit(X(), Y()).Predict(X())).Message);
    }

    [Fact]
    public void InvalidHyperparametersUseScikitLearnsConstraintMessages()
    {
        Assert.Equal("The 'C' parameter of LogisticRegression must be a float in the range (0, inf]. Got -1.0 instead. (Parameter 'C')",
            Assert.Throws<InvalidParameterException>(() => new LogisticRegression(c: -1).Fit(X(), Y())).Message);
        Assert.StartsWith("The 'solver' parameter of LogisticRegression must be a str among {'lbfgs', 'liblinear', 'newton-cg', 'newton-cholesky', 'sag', 'saga'}. Got 'adam' instead.",
            Assert.Throws<InvalidParameterException>(() => new LogisticRegression(solver: "adam").Fit(X(), Y())).Message);
        Assert.StartsWith("The 'max_depth' parameter of DecisionTreeClassifier must be an int in the range [1, inf) or None. Got 0 instead.",
            Assert.Throws<InvalidParameterException>(() => new DecisionTreeClassifier(maxDepth: 0).Fit(X(), Y())).Message);
        Assert.StartsWith("The 'min_samples_split' parameter of DecisionTreeRegressor must be an int in the range [2, inf) or a float in the range (0.0, 1.0]. Got 1 instead.",
            Assert.Throws<InvalidParameterException>(() => new DecisionTreeRegressor(minSamplesSplit: 1).Fit(X(), Y())).Message);
        Assert.StartsWith("Minimum of desired feature range must be smaller than maximum. Got (1.0, 0.0).",
            Assert.Throws<InputValidationException>(() => new MinMaxScaler(1, 0).Fit(X())).Message);
        Assert.Contains("not implemented", Assert.Throws<NotSupportedException>(() => new LogisticRegression(penalty: "l1", solver: "liblinear").Fit(X(), Y())).Message);
    }

    [Fact]
    public void ConvergenceProblemsAreWarningsNotErrors()
    {
        using var capture = MLWarnings.Capture();
        var m = new LogisticRegression(maxIter: 2).Fit(X(), Y());
        Assert.True(m.IsFitted);
        var w = Assert.Single(capture.Warnings, w => w.Category == WarningCategory.Convergence);
        Assert.StartsWith("lbfgs failed to converge (status=1):\nSTOP: TOTAL NO. of ITERATIONS REACHED LIMIT.", w.Message);
        using var yt = Tensor.FromArray(new[] { 0L, 0, 1, 1 }, 4);
        using var yp = Tensor.FromArray(new[] { 0L, 0, 0, 0 }, 4);
        Assert.Equal(0.0, Metrics.PrecisionScore(yt, yp));
        Assert.Contains(capture.Warnings, w => w.Message.StartsWith("Precision is ill-defined and being set to 0.0 due to no predicted samples.", StringComparison.Ordinal));
    }

    [Fact]
    public void PipelineStepsMustBeTransformers()
    {
        var e = Assert.Throws<InputValidationException>(() => new Pipeline([("clf", new LogisticRegression()), ("scale", new StandardScaler())]));
        Assert.StartsWith("All intermediate steps should be transformers", e.Message);
        Assert.StartsWith("Names provided are not unique", Assert.Throws<InputValidationException>(() => new Pipeline([("a", new StandardScaler()), ("a", new Ridge())])).Message);
    }
}
