using Batuta.ML.Internal;
using Batuta.ML.Randomness;
using Batuta.ML.Tree;
using Batuta.ML.Validation;
using Batuta.Tensors;

namespace Batuta.ML.Ensemble;

/// <summary>
/// <c>sklearn.ensemble.RandomForestClassifier(n_estimators=100, criterion="gini", max_depth=None,
/// min_samples_split=2, min_samples_leaf=1, min_weight_fraction_leaf=0.0, max_features="sqrt",
/// max_leaf_nodes=None, min_impurity_decrease=0.0, bootstrap=True, oob_score=False, n_jobs=None,
/// random_state=None, verbose=0, warm_start=False, class_weight=None, ccp_alpha=0.0, max_samples=None)</c>.
/// Trees are drawn and grown exactly as scikit-learn does (same seeds, bootstraps and splits for the same
/// random_state) and in parallel across cores; the result does not depend on the number of threads.
/// </summary>
public sealed class RandomForestClassifier(int nEstimators = 100, string criterion = "gini", int? maxDepth = null, SplitSize? minSamplesSplit = null,
    SplitSize? minSamplesLeaf = null, double minWeightFractionLeaf = 0.0, MaxFeatures? maxFeatures = null, int? maxLeafNodes = null,
    double minImpurityDecrease = 0.0, bool bootstrap = true, bool oobScore = false, int? nJobs = null, int? randomState = null, int verbose = 0,
    bool warmStart = false, object? classWeight = null, double ccpAlpha = 0.0, SplitSize? maxSamples = null) : ClassifierBase
{
    private List<DecisionTreeClassifier> _trees = [];
    private double _oobScore = double.NaN;
    private double[]? _oobDecision;

    [Hyperparameter("n_estimators")] public int NEstimators { get; set; } = nEstimators;

    [Hyperparameter("criterion")] public string Criterion { get; set; } = criterion;

    [Hyperparameter("max_depth")] public int? MaxDepth { get; set; } = maxDepth;

    [Hyperparameter("min_samples_split")] public SplitSize MinSamplesSplit { get; set; } = minSamplesSplit ?? 2;

    [Hyperparameter("min_samples_leaf")] public SplitSize MinSamplesLeaf { get; set; } = minSamplesLeaf ?? 1;

    [Hyperparameter("min_weight_fraction_leaf")] public double MinWeightFractionLeaf { get; set; } = minWeightFractionLeaf;

    [Hyperparameter("max_features")] public MaxFeatures? MaxFeatures { get; set; } = maxFeatures ?? ML.MaxFeatures.Sqrt;

    [Hyperparameter("max_leaf_nodes")] public int? MaxLeafNodes { get; set; } = maxLeafNodes;

    [Hyperparameter("min_impurity_decrease")] public double MinImpurityDecrease { get; set; } = minImpurityDecrease;

    [Hyperparameter("bootstrap")] public bool Bootstrap { get; set; } = bootstrap;

    [Hyperparameter("oob_score")] public bool OobScoreEnabled { get; set; } = oobScore;

    [Hyperparameter("n_jobs")] public int? NJobs { get; set; } = nJobs;

    [Hyperparameter("random_state")] public int? RandomState { get; set; } = randomState;

    [Hyperparameter("verbose")] public int Verbose { get; set; } = verbose;

    [Hyperparameter("warm_start")] public bool WarmStart { get; set; } = warmStart;

    [Hyperparameter("class_weight")] public object? ClassWeight { get; set; } = classWeight;

    [Hyperparameter("ccp_alpha")] public double CcpAlpha { get; set; } = ccpAlpha;

    [Hyperparameter("max_samples")] public SplitSize? MaxSamples { get; set; } = maxSamples;

    /// <summary><c>estimators_</c>.</summary>
    public IReadOnlyList<DecisionTreeClassifier> Estimators
    {
        get
        {
            CheckFitted();
            return _trees;
        }
    }

    /// <summary><c>oob_score_</c> (requires oob_score=True).</summary>
    public double OobScore
    {
        get
        {
            CheckFitted();
            return OobScoreEnabled ? _oobScore : throw new InvalidOperationException("oob_score_ exists only when the forest is fitted with oob_score=True.");
        }
    }

    /// <summary><c>oob_decision_function_</c> (requires oob_score=True).</summary>
    public Tensor<double> OobDecisionFunction
    {
        get
        {
            CheckFitted();
            return _oobDecision is null ? throw new InvalidOperationException("oob_decision_function_ exists only when the forest is fitted with oob_score=True.") : Tensor.FromArray((double[])_oobDecision.Clone(), _oobDecision.Length / ClassValues.Length, ClassValues.Length);
        }
    }

    /// <summary><c>feature_importances_</c>: the mean of the trees' normalised importances, renormalised.</summary>
    public Tensor<double> FeatureImportances => Tensor.FromArray(ForestImportances.Mean(Estimators.Where(t => t.Tree.NodeCount > 1).Select(t => t.Tree), NFeaturesIn), NFeaturesIn);

    private DecisionTreeClassifier NewTree(int seed) => new(Criterion, "best", MaxDepth, MinSamplesSplit, MinSamplesLeaf, MinWeightFractionLeaf, MaxFeatures, seed, MaxLeafNodes, MinImpurityDecrease, null, CcpAlpha);

    public override RandomForestClassifier Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null)
    {
        Params.AtLeast(Name, "n_estimators", NEstimators, 1);
        var m = Check.Matrix(X, Name);
        var yv = Check.Vector(RequireY(y), Name, m.Rows);
        var sw = Check.SampleWeight(sampleWeight, m.Rows, Name);
        var (classes, encoded) = Labels.Encode(yv, Name);
        if (!Bootstrap && MaxSamples is not null)
            throw new InputValidationException("`max_sample` cannot be set if `bootstrap=False`. Either switch to `bootstrap=True` or set `max_sample=None`.", "max_samples");
        if (!Bootstrap && OobScoreEnabled) throw new InputValidationException("Out of bag estimation only available if bootstrap=True", "oob_score");
        if (ClassWeight is "balanced_subsample" && Bootstrap) { }
        else if (ClassWeight is not null)
        {
            var cw = TreeFitting.ClassSampleWeights(ClassWeight is "balanced_subsample" ? "balanced" : ClassWeight, encoded, classes, Name);
            if (cw is not null) sw = sw is null ? cw : sw.Select((v, i) => v * cw[i]).ToArray();
        }
        int nBoot = Bootstrap ? ForestSampling.BootstrapSize(m.Rows, MaxSamples, Name) : m.Rows;
        var rng = RandomState is int s ? new RandomState(s) : new Tensors.RandomState();
        bool keep = WarmStart && IsFitted && _trees.Count > 0;
        if (!keep) _trees = [];
        int more = NEstimators - _trees.Count;
        if (more < 0) throw new InputValidationException($"n_estimators={NEstimators} must be larger or equal to len(estimators_)={_trees.Count} when warm_start==True", "n_estimators");
        if (keep) ForestSampling.EstimatorSeeds(rng, _trees.Count);
        var seeds = ForestSampling.EstimatorSeeds(rng, more);
        var xT = TreeFitting.FeatureMajor32(m);
        var fresh = new DecisionTreeClassifier[more];
        Parallel.For(0, more, new ParallelOptions { MaxDegreeOfParallelism = ForestSampling.Threads(NJobs) }, t =>
        {
            var tree = NewTree(seeds[t]);
            double[]? w = sw;
            if (Bootstrap)
            {
                var counts = ForestSampling.BootstrapCounts(seeds[t], m.Rows, nBoot);
                w = sw is null ? counts : sw.Select((v, i) => v * counts[i]).ToArray();
                if (ClassWeight is "balanced_subsample") w = BalancedSubsample(w, counts, encoded, classes.Length);
            }
            tree.FitEncoded(xT, m.Rows, m.Cols, Enumerable.Range(0, classes.Length).Select(c => (double)c).ToArray(), encoded, w, SklearnRandom.Seed(new RandomState(seeds[t])));
            fresh[t] = tree;
        });
        _trees.AddRange(fresh);
        ClassValues = classes;
        SetFitted(m.Cols);
        if (OobScoreEnabled) ComputeOob(m, encoded, seeds, nBoot);
        return this;
    }

    private static double[] BalancedSubsample(double[] w, double[] counts, int[] encoded, int k)
    {
        // compute_sample_weight("balanced", y, indices=bootstrap): class weights from the bootstrap sample.
        var classCounts = new double[k];
        double total = 0;
        for (int i = 0; i < encoded.Length; i++)
        {
            classCounts[encoded[i]] += counts[i];
            total += counts[i];
        }
        int present = classCounts.Count(c => c > 0);
        return w.Select((v, i) => classCounts[encoded[i]] > 0 ? v * (total / (present * classCounts[encoded[i]])) : 0.0).ToArray();
    }

    private void ComputeOob(DenseMatrix m, int[] encoded, int[] seeds, int nBoot)
    {
        int k = ClassValues.Length;
        var sum = new double[m.Rows * k];
        var n = new int[m.Rows];
        var x32 = TreeFitting.RowMajor32(m);
        for (int t = 0; t < _trees.Count; t++)
        {
            var counts = ForestSampling.BootstrapCounts(seeds[t], m.Rows, nBoot);
            var rows = Enumerable.Range(0, m.Rows).Where(i => counts[i] == 0).ToArray();
            var tmp = new double[k];
            foreach (var i in rows)
            {
                _trees[t].RowProba(x32.AsSpan(i * m.Cols, m.Cols), tmp);
                for (int c = 0; c < k; c++) sum[i * k + c] += tmp[c];
                n[i]++;
            }
        }
        if (n.Any(v => v == 0))
            MLWarnings.Warn(WarningCategory.User, "Some inputs do not have OOB scores. This probably means too few trees were used to compute any reliable OOB estimates.");
        var decision = new double[m.Rows * k];
        int correct = 0;
        for (int i = 0; i < m.Rows; i++)
        {
            int denom = n[i] == 0 ? 1 : n[i];
            int best = 0;
            for (int c = 0; c < k; c++)
            {
                decision[i * k + c] = sum[i * k + c] / denom;
                if (decision[i * k + c] > decision[i * k + best]) best = c;
            }
            if (best == encoded[i]) correct++;
        }
        _oobDecision = decision;
        _oobScore = (double)correct / m.Rows;
    }

    public override Tensor<double> PredictProba(Tensor<double> X)
    {
        var m = CheckPredictInput(X);
        int k = ClassValues.Length;
        var x32 = TreeFitting.RowMajor32(m);
        var total = new double[m.Rows * k];
        // Rows in parallel, trees summed in order for each row: the same sums as scikit-learn's sequential loop.
        RowBlocks.Run(m.Rows, (long)_trees.Count * 32, (_, start, end) =>
        {
            var one = new double[k];
            for (int i = start; i < end; i++)
            {
                var row = new ReadOnlySpan<float>(x32, i * m.Cols, m.Cols);
                foreach (var tree in _trees)
                {
                    tree.RowProba(row, one);
                    for (int c = 0; c < k; c++) total[i * k + c] += one[c];
                }
            }
        });
        for (int i = 0; i < total.Length; i++) total[i] /= _trees.Count;
        return Tensor.FromArray(total, m.Rows, k);
    }

    internal override void WriteState(Persistence.ModelWriter w)
    {
        w.Write("classes_", ClassValues);
        w.WriteChildren("estimators_", _trees);
    }

    internal override void ReadState(Persistence.ModelReader r)
    {
        ClassValues = r.ReadDoubles("classes_");
        _trees = r.ReadChildren("estimators_").Select(e => e as DecisionTreeClassifier ?? throw new InvalidOperationException("estimators_ must be DecisionTreeClassifier")).ToList();
        if (_trees.Count == 0 || _trees.Any(t => t.NClasses != ClassValues.Length || t.NFeaturesIn != r.NFeaturesIn)) throw new InvalidOperationException("the trees do not match the forest");
        RestoreFitted(r.NFeaturesIn);
    }
}

/// <summary>Forest feature importances as scikit-learn averages them.</summary>
internal static class ForestImportances
{
    public static double[] Mean(IEnumerable<TreeStructure> trees, int nFeatures, bool normalizeTrees = true)
    {
        var list = trees.ToList();
        var mean = new double[nFeatures];
        if (list.Count == 0) return mean;
        foreach (var t in list)
        {
            var imp = t.FeatureImportances(nFeatures, normalizeTrees);
            for (int f = 0; f < nFeatures; f++) mean[f] += imp[f];
        }
        for (int f = 0; f < nFeatures; f++) mean[f] /= list.Count;
        double s = mean.Sum();
        if (s > 0) for (int f = 0; f < nFeatures; f++) mean[f] /= s;
        return mean;
    }
}
