using Batuta.ML.Internal;
using Batuta.ML.Randomness;
using Batuta.ML.Tree;
using Batuta.ML.Validation;
using Batuta.Tensors;

namespace Batuta.ML.Ensemble;

/// <summary>
/// <c>sklearn.ensemble.RandomForestRegressor(n_estimators=100, criterion="squared_error", max_depth=None,
/// min_samples_split=2, min_samples_leaf=1, min_weight_fraction_leaf=0.0, max_features=1.0,
/// max_leaf_nodes=None, min_impurity_decrease=0.0, bootstrap=True, oob_score=False, n_jobs=None,
/// random_state=None, verbose=0, warm_start=False, ccp_alpha=0.0, max_samples=None)</c>, grown in parallel
/// with scikit-learn's seeds and bootstraps.
/// </summary>
public sealed class RandomForestRegressor(int nEstimators = 100, string criterion = "squared_error", int? maxDepth = null, SplitSize? minSamplesSplit = null,
    SplitSize? minSamplesLeaf = null, double minWeightFractionLeaf = 0.0, MaxFeatures? maxFeatures = null, int? maxLeafNodes = null,
    double minImpurityDecrease = 0.0, bool bootstrap = true, bool oobScore = false, int? nJobs = null, int? randomState = null, int verbose = 0,
    bool warmStart = false, double ccpAlpha = 0.0, SplitSize? maxSamples = null) : RegressorBase
{
    private List<DecisionTreeRegressor> _trees = [];
    private double _oobScore = double.NaN;
    private double[]? _oobPrediction;

    [Hyperparameter("n_estimators")] public int NEstimators { get; set; } = nEstimators;

    [Hyperparameter("criterion")] public string Criterion { get; set; } = criterion;

    [Hyperparameter("max_depth")] public int? MaxDepth { get; set; } = maxDepth;

    [Hyperparameter("min_samples_split")] public SplitSize MinSamplesSplit { get; set; } = minSamplesSplit ?? 2;

    [Hyperparameter("min_samples_leaf")] public SplitSize MinSamplesLeaf { get; set; } = minSamplesLeaf ?? 1;

    [Hyperparameter("min_weight_fraction_leaf")] public double MinWeightFractionLeaf { get; set; } = minWeightFractionLeaf;

    [Hyperparameter("max_features")] public MaxFeatures? MaxFeatures { get; set; } = maxFeatures ?? 1.0;

    [Hyperparameter("max_leaf_nodes")] public int? MaxLeafNodes { get; set; } = maxLeafNodes;

    [Hyperparameter("min_impurity_decrease")] public double MinImpurityDecrease { get; set; } = minImpurityDecrease;

    [Hyperparameter("bootstrap")] public bool Bootstrap { get; set; } = bootstrap;

    [Hyperparameter("oob_score")] public bool OobScoreEnabled { get; set; } = oobScore;

    [Hyperparameter("n_jobs")] public int? NJobs { get; set; } = nJobs;

    [Hyperparameter("random_state")] public int? RandomState { get; set; } = randomState;

    [Hyperparameter("verbose")] public int Verbose { get; set; } = verbose;

    [Hyperparameter("warm_start")] public bool WarmStart { get; set; } = warmStart;

    [Hyperparameter("ccp_alpha")] public double CcpAlpha { get; set; } = ccpAlpha;

    [Hyperparameter("max_samples")] public SplitSize? MaxSamples { get; set; } = maxSamples;

    public IReadOnlyList<DecisionTreeRegressor> Estimators
    {
        get
        {
            CheckFitted();
            return _trees;
        }
    }

    /// <summary><c>oob_score_</c>: R² of the out-of-bag predictions (requires oob_score=True).</summary>
    public double OobScore
    {
        get
        {
            CheckFitted();
            return OobScoreEnabled ? _oobScore : throw new InvalidOperationException("oob_score_ exists only when the forest is fitted with oob_score=True.");
        }
    }

    /// <summary><c>oob_prediction_</c>.</summary>
    public Tensor<double> OobPrediction
    {
        get
        {
            CheckFitted();
            return _oobPrediction is null ? throw new InvalidOperationException("oob_prediction_ exists only when the forest is fitted with oob_score=True.") : Tensor.FromArray((double[])_oobPrediction.Clone(), _oobPrediction.Length);
        }
    }

    public Tensor<double> FeatureImportances => Tensor.FromArray(ForestImportances.Mean(Estimators.Where(t => t.Tree.NodeCount > 1).Select(t => t.Tree), NFeaturesIn), NFeaturesIn);

    public override RandomForestRegressor Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null)
    {
        Params.AtLeast(Name, "n_estimators", NEstimators, 1);
        var m = Check.Matrix(X, Name);
        var yv = Check.Vector(RequireY(y), Name, m.Rows);
        var sw = Check.SampleWeight(sampleWeight, m.Rows, Name);
        if (!Bootstrap && MaxSamples is not null)
            throw new InputValidationException("`max_sample` cannot be set if `bootstrap=False`. Either switch to `bootstrap=True` or set `max_sample=None`.", "max_samples");
        if (!Bootstrap && OobScoreEnabled) throw new InputValidationException("Out of bag estimation only available if bootstrap=True", "oob_score");
        int nBoot = Bootstrap ? ForestSampling.BootstrapSize(m.Rows, MaxSamples, Name) : m.Rows;
        var rng = RandomState is int s ? new RandomState(s) : new Tensors.RandomState();
        bool keep = WarmStart && IsFitted && _trees.Count > 0;
        if (!keep) _trees = [];
        int more = NEstimators - _trees.Count;
        if (more < 0) throw new InputValidationException($"n_estimators={NEstimators} must be larger or equal to len(estimators_)={_trees.Count} when warm_start==True", "n_estimators");
        if (keep) ForestSampling.EstimatorSeeds(rng, _trees.Count);
        var seeds = ForestSampling.EstimatorSeeds(rng, more);
        var xT = TreeFitting.FeatureMajor32(m);
        var fresh = new DecisionTreeRegressor[more];
        Parallel.For(0, more, new ParallelOptions { MaxDegreeOfParallelism = ForestSampling.Threads(NJobs) }, t =>
        {
            var tree = new DecisionTreeRegressor(Criterion, "best", MaxDepth, MinSamplesSplit, MinSamplesLeaf, MinWeightFractionLeaf, MaxFeatures, seeds[t], MaxLeafNodes, MinImpurityDecrease, CcpAlpha);
            double[]? w = sw;
            if (Bootstrap)
            {
                var counts = ForestSampling.BootstrapCounts(seeds[t], m.Rows, nBoot);
                w = sw is null ? counts : sw.Select((v, i) => v * counts[i]).ToArray();
            }
            tree.FitPrepared(xT, m.Rows, m.Cols, yv, w, SklearnRandom.Seed(new RandomState(seeds[t])));
            fresh[t] = tree;
        });
        _trees.AddRange(fresh);
        SetFitted(m.Cols);
        if (OobScoreEnabled)
        {
            var x32 = TreeFitting.RowMajor32(m);
            var sum = new double[m.Rows];
            var n = new int[m.Rows];
            for (int t = 0; t < _trees.Count; t++)
            {
                var counts = ForestSampling.BootstrapCounts(seeds[t], m.Rows, nBoot);
                var tree = _trees[t].TreeUnchecked;
                for (int i = 0; i < m.Rows; i++)
                {
                    if (counts[i] != 0) continue;
                    sum[i] += tree.LeafValue(tree.ApplyRow(x32.AsSpan(i * m.Cols, m.Cols)))[0];
                    n[i]++;
                }
            }
            if (n.Any(v => v == 0))
                MLWarnings.Warn(WarningCategory.User, "Some inputs do not have OOB scores. This probably means too few trees were used to compute any reliable OOB estimates.");
            _oobPrediction = sum.Select((v, i) => v / (n[i] == 0 ? 1 : n[i])).ToArray();
            using var yt = Tensor.FromArray(yv, yv.Length);
            using var pt = Tensor.FromArray(_oobPrediction, _oobPrediction.Length);
            _oobScore = Metrics.R2Score(yt, pt);
        }
        return this;
    }

    public override Tensor<double> Predict(Tensor<double> X)
    {
        var m = CheckPredictInput(X);
        var x32 = TreeFitting.RowMajor32(m);
        var result = new double[m.Rows];
        RowBlocks.Run(m.Rows, (long)_trees.Count * 32, (_, start, end) =>
        {
            for (int i = start; i < end; i++)
            {
                var row = new ReadOnlySpan<float>(x32, i * m.Cols, m.Cols);
                double s = 0;
                foreach (var t in _trees)
                {
                    var tree = t.TreeUnchecked;
                    s += tree.LeafValue(tree.ApplyRow(row))[0];
                }
                result[i] = s / _trees.Count;
            }
        });
        return Tensor.FromArray(result, m.Rows);
    }

    internal override void WriteState(Persistence.ModelWriter w) => w.WriteChildren("estimators_", _trees);

    internal override void ReadState(Persistence.ModelReader r)
    {
        _trees = r.ReadChildren("estimators_").Select(e => e as DecisionTreeRegressor ?? throw new InvalidOperationException("estimators_ must be DecisionTreeRegressor")).ToList();
        if (_trees.Count == 0 || _trees.Any(t => t.NFeaturesIn != r.NFeaturesIn)) throw new InvalidOperationException("the trees do not match the forest");
        RestoreFitted(r.NFeaturesIn);
    }
}
