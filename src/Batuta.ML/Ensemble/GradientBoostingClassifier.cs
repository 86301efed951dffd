using Batuta.ML.Internal;
using Batuta.ML.Randomness;
using Batuta.ML.Tree;
using Batuta.ML.Validation;
using Batuta.Tensors;

namespace Batuta.ML.Ensemble;

/// <summary>
/// <c>sklearn.ensemble.GradientBoostingClassifier(loss="log_loss", learning_rate=0.1, n_estimators=100,
/// subsample=1.0, criterion="friedman_mse", min_samples_split=2, min_samples_leaf=1,
/// min_weight_fraction_leaf=0.0, max_depth=3, min_impurity_decrease=0.0, init=None, random_state=None,
/// max_features=None, verbose=0, max_leaf_nodes=None, warm_start=False, validation_fraction=0.1,
/// n_iter_no_change=None, tol=1e-4, ccp_alpha=0.0)</c>: binomial deviance for two classes, one tree per
/// class and stage (multinomial deviance) otherwise.
/// </summary>
public sealed class GradientBoostingClassifier(string loss = "log_loss", double learningRate = 0.1, int nEstimators = 100, double subsample = 1.0,
    string criterion = "friedman_mse", SplitSize? minSamplesSplit = null, SplitSize? minSamplesLeaf = null, double minWeightFractionLeaf = 0.0,
    int? maxDepth = 3, double minImpurityDecrease = 0.0, int? randomState = null, MaxFeatures? maxFeatures = null,
    int verbose = 0, int? maxLeafNodes = null, bool warmStart = false, double validationFraction = 0.1, int? nIterNoChange = null, double tol = 1e-4,
    double ccpAlpha = 0.0) : ClassifierBase
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

    [Hyperparameter("verbose")] public int Verbose { get; set; } = verbose;

    [Hyperparameter("max_leaf_nodes")] public int? MaxLeafNodes { get; set; } = maxLeafNodes;

    [Hyperparameter("warm_start")] public bool WarmStart { get; set; } = warmStart;

    [Hyperparameter("validation_fraction")] public double ValidationFraction { get; set; } = validationFraction;

    [Hyperparameter("n_iter_no_change")] public int? NIterNoChange { get; set; } = nIterNoChange;

    [Hyperparameter("tol")] public double Tol { get; set; } = tol;

    [Hyperparameter("ccp_alpha")] public double CcpAlpha { get; set; } = ccpAlpha;

    /// <summary><c>estimators_</c>: stages × (1 or n_classes) trees.</summary>
    public IReadOnlyList<IReadOnlyList<DecisionTreeRegressor>> Estimators
    {
        get
        {
            CheckFitted();
            return _core.OrThrow().Stages;
        }
    }

    public Tensor<double> TrainScore
    {
        get
        {
            CheckFitted();
            return Tensor.FromArray((double[])_core.OrThrow().TrainScore.Clone(), _core.TrainScore.Length);
        }
    }

    public Tensor<double> FeatureImportances => Tensor.FromArray(_core.OrThrow().FeatureImportances(NFeaturesIn), NFeaturesIn);

    public override GradientBoostingClassifier Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null)
    {
        BoostingParams.Check(Name, Loss, ["log_loss", "deviance"], ["exponential"], LearningRate, NEstimators, Subsample, NIterNoChange, WarmStart);
        if (Loss == "deviance")
            MLWarnings.Warn(WarningCategory.User, "The loss parameter name 'deviance' was deprecated in v1.1 and will be removed in version 1.3. Use the new parameter name 'log_loss' which is equivalent.");
        var m = Check.Matrix(X, Name);
        var yv = Check.Vector(RequireY(y), Name, m.Rows);
        var sw = Check.SampleWeight(sampleWeight, m.Rows, Name) ?? Enumerable.Repeat(1.0, m.Rows).ToArray();
        var (classes, encoded) = Labels.Encode(yv, Name);
        var prior = new double[classes.Length];
        for (int i = 0; i < encoded.Length; i++) prior[encoded[i]] += sw[i];
        int trimmed = prior.Count(p => p != 0);
        if (trimmed < 2)
            throw new InputValidationException($"y contains {trimmed} class after sample_weight trimmed classes with zero weights, while a minimum of 2 classes are required.", "y");
        double total = prior.Sum();
        for (int c = 0; c < prior.Length; c++) prior[c] /= total;
        const double eps = 1.1920928955078125e-07; // np.finfo(np.float32).eps
        int k = classes.Length == 2 ? 1 : classes.Length;
        double[] init;
        if (k == 1)
        {
            double p1 = Math.Clamp(prior[1], eps, 1 - eps);
            init = [Math.Log(p1 / (1 - p1))];
        }
        else
        {
            init = prior.Select(p => Math.Log(Math.Clamp(p, eps, 1 - eps))).ToArray();
        }
        _core = BoostingParams.Core("log_loss", LearningRate, NEstimators, Subsample, Criterion, MinSamplesSplit, MinSamplesLeaf, MinWeightFractionLeaf, MaxDepth, MinImpurityDecrease, MaxFeatures, MaxLeafNodes, CcpAlpha);
        _core.Init = init;
        _core.Fit(m, encoded.Select(e => (double)e).ToArray(), sw, k, RandomState is int s ? new RandomState(s) : null, Name);
        ClassValues = classes;
        SetFitted(m.Cols);
        return this;
    }

    /// <summary><c>decision_function(X)</c>: (n_samples,) log-odds for two classes, (n_samples, n_classes) otherwise.</summary>
    public Tensor<double> DecisionFunction(Tensor<double> X)
    {
        var m = CheckPredictInput(X);
        var raw = _core.OrThrow().RawPredict(TreeFitting.RowMajor32(m), m.Rows, m.Cols);
        return _core.K == 1 ? Tensor.FromArray(raw, m.Rows) : Tensor.FromArray(raw, m.Rows, _core.K);
    }

    public override Tensor<double> PredictProba(Tensor<double> X)
    {
        var m = CheckPredictInput(X);
        var raw = _core.OrThrow().RawPredict(TreeFitting.RowMajor32(m), m.Rows, m.Cols);
        int nc = ClassValues.Length;
        var proba = new double[m.Rows * nc];
        for (int i = 0; i < m.Rows; i++)
        {
            if (_core.K == 1)
            {
                double p1 = BoostingCore.Expit(raw[i]);
                proba[i * 2 + 1] = p1;
                proba[i * 2] = 1 - p1;
                continue;
            }
            var row = raw.AsSpan(i * nc, nc);
            double lse = BoostingCore.LogSumExp(row);
            for (int c = 0; c < nc; c++)
            {
                double p = Math.Exp(row[c] - lse);
                proba[i * nc + c] = double.IsNaN(p) ? 0 : p;
            }
        }
        return Tensor.FromArray(proba, m.Rows, nc);
    }

    public override Tensor<double> Predict(Tensor<double> X)
    {
        var m = CheckPredictInput(X);
        var raw = _core.OrThrow().RawPredict(TreeFitting.RowMajor32(m), m.Rows, m.Cols);
        var result = new double[m.Rows];
        for (int i = 0; i < m.Rows; i++)
        {
            if (_core.K == 1)
            {
                double p1 = BoostingCore.Expit(raw[i]);
                result[i] = ClassValues[p1 > 1 - p1 ? 1 : 0];
                continue;
            }
            int best = 0;
            for (int c = 1; c < _core.K; c++)
                if (raw[i * _core.K + c] > raw[i * _core.K + best]) best = c;
            result[i] = ClassValues[best];
        }
        return Tensor.FromArray(result, m.Rows);
    }

    internal override void WriteState(Persistence.ModelWriter w)
    {
        w.Write("classes_", ClassValues);
        _core.OrThrow().Write(w);
    }

    internal override void ReadState(Persistence.ModelReader r)
    {
        ClassValues = r.ReadDoubles("classes_");
        _core = BoostingParams.Core("log_loss", LearningRate, NEstimators, Subsample, Criterion, MinSamplesSplit, MinSamplesLeaf, MinWeightFractionLeaf, MaxDepth, MinImpurityDecrease, MaxFeatures, MaxLeafNodes, CcpAlpha);
        _core.Read(r);
        if (_core.K != (ClassValues.Length == 2 ? 1 : ClassValues.Length)) throw new InvalidOperationException("stages do not match classes_");
        RestoreFitted(r.NFeaturesIn);
    }
}
