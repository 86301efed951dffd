using Batuta.ML.Internal;
using Batuta.ML.Randomness;
using Batuta.ML.Tree;
using Batuta.ML.Validation;
using Batuta.Tensors;

namespace Batuta.ML.Ensemble;

/// <summary>
/// <c>sklearn.ensemble.IsolationForest(n_estimators=100, max_samples="auto", contamination="auto",
/// max_features=1.0, bootstrap=False, n_jobs=None, random_state=None, verbose=0, warm_start=False)</c>:
/// random-threshold trees on subsamples, scored by the average path length. Subsamples, feature subsets
/// and trees are drawn with scikit-learn's seeds and methods. <c>max_samples</c>: null = "auto";
/// <c>contamination</c>: null = "auto".
/// </summary>
public sealed class IsolationForest(int nEstimators = 100, SplitSize? maxSamples = null, double? contamination = null, double maxFeatures = 1.0,
    bool bootstrap = false, int? nJobs = null, int? randomState = null, int verbose = 0, bool warmStart = false) : Estimator
{
    private List<(ExtraTreeRegressor Tree, int[] Features)> _trees = [];
    private int _maxSamples;
    private double _offset;

    [Hyperparameter("n_estimators")] public int NEstimators { get; set; } = nEstimators;

    [Hyperparameter("max_samples")] public SplitSize? MaxSamples { get; set; } = maxSamples;

    [Hyperparameter("contamination")] public double? Contamination { get; set; } = contamination;

    [Hyperparameter("max_features")] public double MaxFeatures { get; set; } = maxFeatures;

    [Hyperparameter("bootstrap")] public bool Bootstrap { get; set; } = bootstrap;

    [Hyperparameter("n_jobs")] public int? NJobs { get; set; } = nJobs;

    [Hyperparameter("random_state")] public int? RandomState { get; set; } = randomState;

    [Hyperparameter("verbose")] public int Verbose { get; set; } = verbose;

    [Hyperparameter("warm_start")] public bool WarmStart { get; set; } = warmStart;

    /// <summary><c>offset_</c>: -0.5 for contamination "auto", else the contamination percentile of the training scores.</summary>
    public double Offset
    {
        get
        {
            CheckFitted();
            return _offset;
        }
    }

    /// <summary><c>max_samples_</c>.</summary>
    public int MaxSamplesUsed
    {
        get
        {
            CheckFitted();
            return _maxSamples;
        }
    }

    public IReadOnlyList<ExtraTreeRegressor> Estimators
    {
        get
        {
            CheckFitted();
            return _trees.Select(t => t.Tree).ToList();
        }
    }

    public override IsolationForest Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null)
    {
        Params.AtLeast(Name, "n_estimators", NEstimators, 1);
        if (Contamination is double c && !(c > 0 && c <= 0.5)) throw new InvalidParameterException(Name, "contamination", "a str among {'auto'} or a float in the range (0.0, 0.5]", c);
        if (!(MaxFeatures > 0 && MaxFeatures <= 1)) throw new InvalidParameterException(Name, "max_features", "an int in the range [1, inf) or a float in the range (0.0, 1.0]", MaxFeatures);
        if (WarmStart) throw new NotSupportedException("warm_start=True is not implemented for IsolationForest in Batuta.ML yet.");
        var m = Check.Matrix(X, Name);
        var sw = Check.SampleWeight(sampleWeight, m.Rows, Name);
        int n = m.Rows, p = m.Cols;
        var rnd = RandomState is int s ? new RandomState(s) : new Tensors.RandomState();
        var yr = rnd.Uniform(0, 1, n);
        int maxSamples;
        if (MaxSamples is not SplitSize ms) maxSamples = Math.Min(256, n);
        else if (ms.IsCount)
        {
            if (ms.Value > n)
            {
                MLWarnings.Warn(WarningCategory.User, $"max_samples ({(long)ms.Value}) is greater than the total number of samples ({n}). max_samples will be set to n_samples for estimation.");
                maxSamples = n;
            }
            else maxSamples = (int)ms.Value;
        }
        else maxSamples = (int)(ms.Value * n);
        _maxSamples = maxSamples;
        int maxDepth = (int)Math.Ceiling(Math.Log2(Math.Max(maxSamples, 2)));
        int maxFeatures = Math.Max(1, (int)(MaxFeatures * p));
        var rng = RandomState is int s2 ? new RandomState(s2) : new Tensors.RandomState();
        var seeds = ForestSampling.EstimatorSeeds(rng, NEstimators);
        var xAll = TreeFitting.FeatureMajor32(m);
        var result = new (ExtraTreeRegressor, int[])[NEstimators];
        Parallel.For(0, NEstimators, new ParallelOptions { MaxDegreeOfParallelism = ForestSampling.Threads(NJobs) }, t =>
        {
            int treeSeed = (int)new RandomState(seeds[t]).RandInt(ForestSampling.MaxInt);
            var bag = new RandomState(seeds[t]);
            var features = ForestSampling.WithoutReplacement(p, maxFeatures, bag);
            var indices = Bootstrap ? bag.RandInt(0, n, maxSamples).Select(v => (int)v).ToArray() : ForestSampling.WithoutReplacement(n, maxSamples, bag);
            var w = sw is null ? Enumerable.Repeat(1.0, n).ToArray() : (double[])sw.Clone();
            if (Bootstrap)
            {
                var counts = new double[n];
                foreach (var i in indices) counts[i]++;
                for (int i = 0; i < n; i++) w[i] *= counts[i];
            }
            else
            {
                var inBag = new bool[n];
                foreach (var i in indices) inBag[i] = true;
                for (int i = 0; i < n; i++) if (!inBag[i]) w[i] = 0;
            }
            float[] xT = xAll;
            if (maxFeatures != p)
            {
                xT = new float[n * maxFeatures];
                for (int f = 0; f < maxFeatures; f++) Array.Copy(xAll, features[f] * n, xT, f * n, n);
            }
            var tree = new ExtraTreeRegressor(maxDepth: maxDepth, maxFeatures: 1, randomState: treeSeed);
            tree.FitPrepared(xT, n, maxFeatures, yr, w, SklearnRandom.Seed(new RandomState(treeSeed)));
            result[t] = (tree, features);
        });
        _trees = [.. result];
        SetFitted(p);
        if (Contamination is not double cont)
        {
            _offset = -0.5;
        }
        else
        {
            var scores = ScoreRows(m);
            _offset = Percentile(scores, 100.0 * cont);
        }
        return this;
    }

    /// <summary><c>score_samples(X)</c>: the opposite of the anomaly score (lower is more abnormal), in [-1, 0].</summary>
    public Tensor<double> ScoreSamples(Tensor<double> X)
    {
        var m = CheckPredictInput(X);
        return Tensor.FromArray(ScoreRows(m), m.Rows);
    }

    /// <summary><c>decision_function(X)</c> = score_samples(X) - offset_: negative for outliers.</summary>
    public Tensor<double> DecisionFunction(Tensor<double> X)
    {
        var m = CheckPredictInput(X);
        return Tensor.FromArray(ScoreRows(m).Select(v => v - _offset).ToArray(), m.Rows);
    }

    /// <summary><c>predict(X)</c>: 1 for inliers, -1 for outliers.</summary>
    public Tensor<long> Predict(Tensor<double> X)
    {
        var m = CheckPredictInput(X);
        return Tensor.FromArray(ScoreRows(m).Select(v => v - _offset < 0 ? -1L : 1L).ToArray(), m.Rows);
    }

    /// <summary><c>fit_predict(X)</c>.</summary>
    public Tensor<long> FitPredict(Tensor<double> X) => Fit(X).Predict(X);

    private double[] ScoreRows(DenseMatrix m)
    {
        var x32 = TreeFitting.RowMajor32(m);
        int p = m.Cols;
        var depths = new double[m.Rows];
        double denominator = _trees.Count * AveragePathLength(_maxSamples);
        RowBlocks.Run(m.Rows, (long)_trees.Count * 16, (_, start, end) =>
        {
            var sub = new float[p];
            for (int i = start; i < end; i++)
            {
                var row = new ReadOnlySpan<float>(x32, i * p, p);
                double d = 0;
                foreach (var (tree, features) in _trees)
                {
                    var t = tree.TreeUnchecked;
                    ReadOnlySpan<float> input = row;
                    if (features.Length != p)
                    {
                        for (int f = 0; f < features.Length; f++) sub[f] = row[features[f]];
                        input = sub.AsSpan(0, features.Length);
                    }
                    int length = t.PathLength(input, out int leaf);
                    d += length + AveragePathLength(t.NNodeSamplesList[leaf]) - 1.0;
                }
                depths[i] = d;
            }
        });
        var scores = new double[m.Rows];
        for (int i = 0; i < m.Rows; i++) scores[i] = -Math.Pow(2, -(denominator != 0 ? depths[i] / denominator : 1.0));
        return scores;
    }

    /// <summary>_average_path_length: the expected depth of an unsuccessful search in a binary tree of n points.</summary>
    internal static double AveragePathLength(double n)
    {
        if (n <= 1) return 0.0;
        if (FloatExact.AreEqual(n, 2)) return 1.0;
        return 2.0 * (Math.Log(n - 1.0) + 0.5772156649015329) - 2.0 * (n - 1.0) / n;
    }

    /// <summary>np.percentile with linear interpolation, as numpy 1.24 computes it.</summary>
    internal static double Percentile(double[] values, double q)
    {
        var sorted = values.Order().ToArray();
        double vi = q / 100 * (sorted.Length - 1);
        int lo = (int)Math.Floor(vi);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        double gamma = vi - lo;
        double a = sorted[lo], b = sorted[hi], diff = b - a;
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }

    internal override void WriteState(Persistence.ModelWriter w)
    {
        w.Write("offset_", _offset);
        w.Write("max_samples_", (long)_maxSamples);
        w.Write("estimators_features_", _trees.SelectMany(t => t.Features).ToArray(), _trees.Count, _trees[0].Features.Length);
        w.WriteChildren("estimators_", _trees.Select(t => t.Tree));
    }

    internal override void ReadState(Persistence.ModelReader r)
    {
        _offset = r.ReadDouble("offset_");
        _maxSamples = r.ReadInt("max_samples_");
        var trees = r.ReadChildren("estimators_").Select(e => e as ExtraTreeRegressor ?? throw new InvalidOperationException("estimators_ must be ExtraTreeRegressor")).ToList();
        var features = r.ReadInts("estimators_features_");
        var shape = r.Shape("estimators_features_");
        if (trees.Count == 0 || shape.Length != 2 || shape[0] != trees.Count || features.Any(f => f < 0 || f >= r.NFeaturesIn)) throw new InvalidOperationException("estimators_features_ does not match the trees");
        _trees = trees.Select((t, i) => (t, features[(i * shape[1])..((i + 1) * shape[1])])).ToList();
        if (_trees.Any(t => t.Tree.NFeaturesIn != t.Features.Length)) throw new InvalidOperationException("tree feature counts disagree");
        RestoreFitted(r.NFeaturesIn);
    }
}
