using System.Numerics;
using Batuta.ML.Randomness;
using Batuta.Tensors;

namespace Batuta.ML;

/// <summary>
/// sklearn.model_selection: <c>train_test_split</c> (the same rows as scikit-learn for the same
/// <c>random_state</c>, stratified or not), <c>cross_val_score</c> and the fold generators.
/// </summary>
public static class ModelSelection
{
    /// <summary>
    /// <c>train_test_split(X, y, test_size=None, train_size=None, random_state=None, shuffle=True, stratify=None)</c>.
    /// Returns (X_train, X_test, y_train, y_test).
    /// </summary>
    public static (Tensor<TX> XTrain, Tensor<TX> XTest, Tensor<TY> YTrain, Tensor<TY> YTest) TrainTestSplit<TX, TY>(
        Tensor<TX> X, Tensor<TY> y, SplitSize? testSize = null, SplitSize? trainSize = null, int? randomState = null, bool shuffle = true, LabelVector? stratify = null)
        where TX : unmanaged, INumber<TX>
        where TY : unmanaged, INumber<TY>
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(y);
        int n = Rows(X);
        if (Rows(y) != n) throw new InputValidationException($"Found input variables with inconsistent numbers of samples: [{n}, {Rows(y)}]");
        var (train, test) = TrainTestIndices(n, testSize, trainSize, randomState, shuffle, stratify);
        return (TakeRows(X, train), TakeRows(X, test), TakeRows(y, train), TakeRows(y, test));
    }

    /// <summary><c>train_test_split(X, ...)</c> for a single array: (train, test).</summary>
    public static (Tensor<T> Train, Tensor<T> Test) TrainTestSplit<T>(
        Tensor<T> X, SplitSize? testSize = null, SplitSize? trainSize = null, int? randomState = null, bool shuffle = true, LabelVector? stratify = null)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(X);
        var (train, test) = TrainTestIndices(Rows(X), testSize, trainSize, randomState, shuffle, stratify);
        return (TakeRows(X, train), TakeRows(X, test));
    }

    /// <summary>The row indices <c>train_test_split</c> selects, in the order it returns them.</summary>
    public static (int[] Train, int[] Test) TrainTestIndices(int nSamples, SplitSize? testSize = null, SplitSize? trainSize = null, int? randomState = null, bool shuffle = true, LabelVector? stratify = null)
    {
        if (nSamples == 0) throw new InputValidationException("At least one array required as input");
        var (nTrain, nTest) = Splitters.ValidateShuffleSplit(nSamples, testSize, trainSize, 0.25);
        if (!shuffle)
        {
            if (stratify is not null) throw new InputValidationException("Stratified train/test split is not implemented for shuffle=False", "stratify");
            return (Enumerable.Range(0, nTrain).ToArray(), Enumerable.Range(nTrain, nTest).ToArray());
        }
        var rng = randomState is int seed ? new RandomState(seed) : new RandomState();
        if (stratify is LabelVector labels)
        {
            if (labels.Length != nSamples) throw new InputValidationException($"Found input variables with inconsistent numbers of samples: [{nSamples}, {labels.Length}]", "stratify");
            return Splitters.StratifiedShuffleSplit(labels, nTrain, nTest, rng);
        }
        return Splitters.ShuffleSplit(nSamples, nTrain, nTest, rng);
    }

    /// <summary>
    /// <c>cross_val_score(estimator, X, y, scoring=None, cv=5)</c>: a clone fitted per fold; StratifiedKFold
    /// for classifiers with class labels, KFold otherwise; the estimator's own score unless
    /// <paramref name="scoring"/> names a scorer ("accuracy", "f1", "precision", "recall", "r2",
    /// "neg_mean_squared_error", "neg_mean_absolute_error", "neg_root_mean_squared_error").
    /// </summary>
    public static Tensor<double> CrossValScore(Estimator estimator, Tensor<double> X, Tensor<double>? y = null, string? scoring = null, int cv = 5)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(X);
        int n = Rows(X);
        // scikit-learn's is_classifier: a pipeline is a classifier when its last step is.
        bool classifier = (estimator is Pipelines.Pipeline pipe ? pipe.FinalEstimator : estimator) is ClassifierBase;
        IReadOnlyList<(int[] Train, int[] Test)> folds;
        if (classifier && y is not null && LabelVector.From(y).IsDiscrete) folds = Splitters.StratifiedKFold(LabelVector.From(y), cv);
        else folds = Splitters.KFold(n, cv);
        return CrossValScore(estimator, X, y, folds, scoring);
    }

    /// <summary>
    /// <c>cross_val_score(estimator, X, y, scoring=None, cv=splitter)</c>: the folds a splitter produced (for
    /// instance <c>KFold(5, shuffle=True, random_state=0)</c> as <see cref="Splitters.KFold"/>), a clone fitted per fold.
    /// </summary>
    public static Tensor<double> CrossValScore(Estimator estimator, Tensor<double> X, Tensor<double>? y, IReadOnlyList<(int[] Train, int[] Test)> folds, string? scoring = null)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(folds);
        var scores = new double[folds.Count];
        for (int f = 0; f < folds.Count; f++)
        {
            var (train, test) = folds[f];
            var model = estimator.Clone();
            using var xTrain = TakeRows(X, train);
            using var xTest = TakeRows(X, test);
            using var yTrain = y is null ? null : TakeRows(y, train);
            using var yTest = y is null ? null : TakeRows(y, test);
            model.Fit(xTrain, yTrain);
            scores[f] = Score(model, xTest, yTest, scoring);
        }
        return Tensor.FromArray(scores, scores.Length);
    }

    /// <summary><c>cross_val_score</c> with labels of any numeric element type.</summary>
    public static Tensor<double> CrossValScore<TY>(Estimator estimator, Tensor<double> X, Tensor<TY> y, string? scoring = null, int cv = 5)
        where TY : unmanaged, INumber<TY>
    {
        ArgumentNullException.ThrowIfNull(y);
        using var yd = y.Cast<double>();
        return CrossValScore(estimator, X, yd, scoring, cv);
    }

    private static double Score(Estimator model, Tensor<double> X, Tensor<double>? y, string? scoring)
    {
        if (scoring is null)
        {
            return model switch
            {
                IClassifier c => c.Score(X, y ?? throw new InputValidationException("scoring needs y")),
                IRegressor r => r.Score(X, y ?? throw new InputValidationException("scoring needs y")),
                _ => throw new InputValidationException($"If no scoring is specified, the estimator passed should have a 'score' method. The estimator {model} does not.", "scoring"),
            };
        }
        if (model is not IPredictor p) throw new InputValidationException($"scoring '{scoring}' needs an estimator with predict; {model.Name} has none.", "scoring");
        ArgumentNullException.ThrowIfNull(y);
        using var pred = p.Predict(X);
        return scoring switch
        {
            "accuracy" => Metrics.AccuracyScore(y, pred),
            "f1" => Metrics.F1Score(y, pred),
            "f1_macro" => Metrics.F1Score(y, pred, average: "macro"),
            "f1_micro" => Metrics.F1Score(y, pred, average: "micro"),
            "f1_weighted" => Metrics.F1Score(y, pred, average: "weighted"),
            "precision" => Metrics.PrecisionScore(y, pred),
            "recall" => Metrics.RecallScore(y, pred),
            "r2" => Metrics.R2Score(y, pred),
            "neg_mean_squared_error" => -Metrics.MeanSquaredError(y, pred),
            "neg_root_mean_squared_error" => -Metrics.MeanSquaredError(y, pred, squared: false),
            "neg_mean_absolute_error" => -Metrics.MeanAbsoluteError(y, pred),
            _ => throw new InputValidationException($"'{scoring}' is not a valid scoring value. Use one of: accuracy, f1, f1_macro, f1_micro, f1_weighted, precision, recall, r2, neg_mean_squared_error, neg_root_mean_squared_error, neg_mean_absolute_error.", nameof(scoring)),
        };
    }

    internal static int Rows<T>(Tensor<T> t) where T : unmanaged, INumber<T> =>
        t.Rank == 0 ? throw new InputValidationException("Singleton array cannot be considered a valid collection.") : t.Shape[0];

    /// <summary><c>_safe_indexing(a, indices)</c> along the first axis.</summary>
    internal static Tensor<T> TakeRows<T>(Tensor<T> t, int[] rows) where T : unmanaged, INumber<T>
    {
        var shape = t.Shape.ToArray();
        int rowLen = shape.Length == 1 ? 1 : t.Length / Math.Max(shape[0], 1);
        var src = t.ToArray();
        var dst = new T[rows.Length * rowLen];
        for (int r = 0; r < rows.Length; r++) Array.Copy(src, rows[r] * rowLen, dst, r * rowLen, rowLen);
        shape[0] = rows.Length;
        return Tensor.FromArray(dst, shape);
    }
}
