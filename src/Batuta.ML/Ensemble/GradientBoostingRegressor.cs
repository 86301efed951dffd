using Batuta.ML.Internal;
using Batuta.ML.Randomness;
using Batuta.ML.Tree;
using Batuta.ML.Validation;
using Batuta.Tensors;

namespace Batuta.ML.Ensemble;

/// <summary>
/// <c>sklearn.ensemble.GradientBoostingRegressor(loss="squared_error", learning_rate=0.1, n_estimators=100,
/// subsample=1.0, criterion="friedman_mse", min_samples_split=2, min_samples_leaf=1,
/// min_weight_fraction_leaf=0.0, max_depth=3, min_impurity_decrease=0.0, init=None, random_state=None,
/// max_features=None, alpha=0.9, verbose=0, max_leaf_nodes=None, warm_start=False,
/// validation_fraction=0.1, n_iter_no_change=None, tol=1e-4, ccp_alpha=0.0)</c>.
/// The squared-error loss; the same stages as scikit-learn for the same random_state.
/// </summary>
public sealed class GradientBoostingRegressor(string loss = "squared_error", double learningRate = 0.1, int nEstimators = 100, double subsample = 1.0,
    string criterion = "friedman_mse", SplitSize? minSamplesSplit = null, SplitSize? minSamplesLeaf = null, double minWeightFractionLeaf = 0.0,
    int? maxDepth = 3, double minImpurityDecrease = 0.0, int? randomState = null, MaxFeatures? maxFeatures = null, double alpha = 0.9,
    int verbose = 0, int? maxLeafNodes = null, bool warmStart = false, double validationFraction = 0.1, int? nIterNoChange = null, double tol = 1e-4,
    double ccpAlpha = 0.0) : RegressorBase
{
    private BoostingCore? _core;

    [Hyperparameter("loss")] public string Loss { get; set; } = loss;

    [Hyperparameter("learning_rate")] public double LearningRate { get; set; } = learningRate;

    [Hyperparameter("n_estimators")] public int NEstimators { get; set; } = nEstimators;

    [Hyperparameter("subsample")] public double Subsample { get; set; } = subsample;

    [Hyperparameter("criterion")] public string Criterion { get; set; } = criterion;

    [Hyperparameter("min_samples_split")] public SplitSize MinSamplesSplit { get; set; } = minSamplesSplit ?? 2;

    [Hyperparameter("min_samples_leaf")] public SplitSize MinSamplesLeaf { get; set; } = minSamplesLeaf ?? 1;

    [Hyperparameter("min_weight_fraction_leaf")] public double MinWeightFractionLeaf { get; set; } = minWeightFractionLeaf;

    [Hyperparameter("max_depth")] public int? MaxDepth { get; set; } = maxDepth;

    [Hyperparameter("min_impurity_decrease")] public double MinImpurityDecrease { get; set; } = minImpurityDecrease;

    [Hyperparameter("random_state")] public int? RandomState { get; set; } = randomState;

    [Hyperparameter("max_features")] public MaxFeatures? MaxFeatures { get; set; } = maxFeatures;

    [Hyperparameter("alpha")] public double Alpha { get; set; } = alpha;

    [Hyperparameter("verbose")] public int Verbose { get; set; } = verbose;

    [Hyperparameter("max_leaf_nodes")] public int? MaxLeafNodes { get; set; } = maxLeafNodes;

    [Hyperparameter("warm_start")] public bool WarmStart { get; set; } = warmStart;

    [Hyperparameter("validation_fraction")] public double ValidationFraction { get; set; } = validationFraction;

    [Hyperparameter("n_iter_no_change")] public int? NIterNoChange { get; set; } = nIterNoChange;

    [Hyperparameter("tol")] public double Tol { get; set; } = tol;

    [Hyperparameter("ccp_alpha")] public double CcpAlpha { get; set; } = ccpAlpha;

    /// <summary><c>estimators_</c>: one tree per stage.</summary>
    public IReadOnlyList<DecisionTreeRegressor> Estimators
    {
        get
        {
            CheckFitted();
            return _core.OrThrow().Stages.Select(s => s[0]).ToList();
        }
    }

    /// <summary><c>n_estimators_</c>.</summary>
    public int NEstimatorsFitted => Estimators.Count;

    /// <summary><c>train_score_</c>: the loss on the (in-bag) training data after each stage.</summary>
    public Tensor<double> TrainScore
    {
        get
        {
            CheckFitted();
            return Tensor.FromArray((double[])_core.OrThrow().TrainScore.Clone(), _core.TrainScore.Length);
        }
    }

    /// <summary><c>init_.constant_</c>: the starting prediction (the weighted mean of y).</summary>
    public double InitPrediction
    {
        get
        {
            CheckFitted();
            return _core.OrThrow().Init[0];
        }
    }

    public Tensor<double> FeatureImportances => Tensor.FromArray(_core.OrThrow().FeatureImportances(NFeaturesIn), NFeaturesIn);

    public override GradientBoostingRegressor Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null)
    {
        BoostingParams.Check(Name, Loss, ["squared_error"], ["absolute_error", "huber", "quantile"], LearningRate, NEstimators, Subsample, NIterNoChange, WarmStart);
        var m = Check.Matrix(X, Name);
        var yv = Check.Vector(RequireY(y), Name, m.Rows);
        var sw = Check.SampleWeight(sampleWeight, m.Rows, Name) ?? Enumerable.Repeat(1.0, m.Rows).ToArray();
        _core = BoostingParams.Core(Loss, LearningRate, NEstimators, Subsample, Criterion, MinSamplesSplit, MinSamplesLeaf, MinWeightFractionLeaf, MaxDepth, MinImpurityDecrease, MaxFeatures, MaxLeafNodes, CcpAlpha);
        _core.Init = [sampleWeight is null ? NumpySum.Mean(yv) : NumpySum.Average(yv, sw)];
        _core.Fit(m, yv, sw, 1, RandomState is int s ? new RandomState(s) : null, Name);
        SetFitted(m.Cols);
        return this;
    }

    public override Tensor<double> Predict(Tensor<double> X)
    {
        var m = CheckPredictInput(X);
        return Tensor.FromArray(_core.OrThrow().RawPredict(TreeFitting.RowMajor32(m), m.Rows, m.Cols), m.Rows);
    }

    internal override void WriteState(Persistence.ModelWriter w) => _core.OrThrow().Write(w);

    internal override void ReadState(Persistence.ModelReader r)
    {
        _core = BoostingParams.Core(Loss, LearningRate, NEstimators, Subsample, Criterion, MinSamplesSplit, MinSamplesLeaf, MinWeightFractionLeaf, MaxDepth, MinImpurityDecrease, MaxFeatures, MaxLeafNodes, CcpAlpha);
        _core.Read(r);
        if (_core.K != 1) throw new InvalidOperationException("a regressor has one output");
        RestoreFitted(r.NFeaturesIn);
    }
}

/// <summary>Hyperparameter checks and core construction shared by both boosting estimators.</summary>
internal static class BoostingParams
{
    public static void Check(string est, string loss, string[] supported, string[] known, double learningRate, int nEstimators, double subsample, int? nIterNoChange, bool warmStart)
    {
        if (!supported.Contains(loss))
        {
            if (known.Contains(loss)) throw new NotSupportedException($"loss='{loss}' is not implemented in Batuta.ML yet; supported: {string.Join(", ", supported)}.");
            Params.OneOf(est, "loss", loss, [.. supported, .. known]);
        }
        Params.Positive(est, "learning_rate", learningRate, allowZero: true);
        Params.AtLeast(est, "n_estimators", nEstimators, 1);
        Params.Range(est, "subsample", subsample, 0, 1, loClosed: false);
        if (nIterNoChange is not null) throw new NotSupportedException("Early stopping (n_iter_no_change) is not implemented in Batuta.ML yet.");
        if (warmStart) throw new NotSupportedException("warm_start=True is not implemented for gradient boosting in Batuta.ML yet.");
    }

    public static BoostingCore Core(string loss, double learningRate, int nEstimators, double subsample, string criterion, SplitSize minSamplesSplit, SplitSize minSamplesLeaf,
        double minWeightFractionLeaf, int? maxDepth, double minImpurityDecrease, MaxFeatures? maxFeatures, int? maxLeafNodes, double ccpAlpha) => new()
    {
        Loss = loss,
        LearningRate = learningRate,
        NEstimators = nEstimators,
        Subsample = subsample,
        Criterion = criterion,
        MinSamplesSplit = minSamplesSplit,
        MinSamplesLeaf = minSamplesLeaf,
        MinWeightFractionLeaf = minWeightFractionLeaf,
        MaxDepth = maxDepth,
        MinImpurityDecrease = minImpurityDecrease,
        MaxFeatures = maxFeatures,
        MaxLeafNodes = maxLeafNodes,
        CcpAlpha = ccpAlpha,
    };
}
