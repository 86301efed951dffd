using Batuta.ML.Neighbors;
using Batuta.ML.Validation;
using Batuta.Tensors;

namespace Batuta.ML.Cluster;

/// <summary>
/// <c>sklearn.cluster.DBSCAN(eps=0.5, min_samples=5, metric="euclidean", metric_params=None,
/// algorithm="auto", leaf_size=30, p=None, n_jobs=None)</c>: core samples have at least min_samples
/// (weighted) neighbours within eps, themselves included; clusters grow depth-first from the core
/// samples in index order, so labels, core samples and noise (-1) match scikit-learn's.
/// Metrics: "euclidean", "manhattan", "minkowski" (with p).
/// </summary>
public sealed class DBSCAN(double eps = 0.5, int minSamples = 5, string metric = "euclidean", string algorithm = "auto", int leafSize = 30, double? p = null, int? nJobs = null) : Estimator
{
    private int[] _labels = [];
    private int[] _core = [];
    private double[] _components = [];

    [Hyperparameter("eps")] public double Eps { get; set; } = eps;

    [Hyperparameter("min_samples")] public int MinSamples { get; set; } = minSamples;

    [Hyperparameter("metric")] public string Metric { get; set; } = metric;

    [Hyperparameter("algorithm")] public string Algorithm { get; set; } = algorithm;

    [Hyperparameter("leaf_size")] public int LeafSize { get; set; } = leafSize;

    [Hyperparameter("p")] public double? P { get; set; } = p;

    [Hyperparameter("n_jobs")] public int? NJobs { get; set; } = nJobs;

    /// <summary><c>labels_</c>: cluster per sample, -1 for noise.</summary>
    public Tensor<long> Labels
    {
        get
        {
            CheckFitted();
            return Tensor.FromArray(_labels.Select(l => (long)l).ToArray(), _labels.Length);
        }
    }

    /// <summary><c>core_sample_indices_</c>.</summary>
    public Tensor<long> CoreSampleIndices
    {
        get
        {
            CheckFitted();
            return Tensor.FromArray(_core.Select(l => (long)l).ToArray(), _core.Length);
        }
    }

    /// <summary><c>components_</c>: the core samples.</summary>
    public Tensor<double> Components
    {
        get
        {
            CheckFitted();
            return Tensor.FromArray((double[])_components.Clone(), _core.Length, NFeaturesIn);
        }
    }

    public override DBSCAN Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null)
    {
        Params.Positive(Name, "eps", Eps);
        Params.AtLeast(Name, "min_samples", MinSamples, 1);
        Params.OneOf(Name, "algorithm", Algorithm, "auto", "ball_tree", "kd_tree", "brute");
        double power = Metric switch
        {
            "euclidean" or "l2" => 2,
            "manhattan" or "cityblock" or "l1" => 1,
            "minkowski" => P ?? 2,
            _ => throw new NotSupportedException($"metric='{Metric}' is not implemented in Batuta.ML's DBSCAN; use euclidean, manhattan or minkowski."),
        };
        if (power < 1) throw new InvalidParameterException(Name, "p", "a float in the range [1, inf) or None", power);
        var m = Check.Matrix(X, Name);
        var w = Check.SampleWeight(sampleWeight, m.Rows, Name);
        int n = m.Rows;
        var tree = new KdTree(m.Data, n, m.Cols, power, LeafSize);
        var neighborhoods = new int[n][];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Ensemble.ForestSampling.Threads(NJobs) }, i =>
            neighborhoods[i] = tree.Radius(m.Row(i), Eps).ToArray());
        var isCore = new bool[n];
        for (int i = 0; i < n; i++)
        {
            double count = w is null ? neighborhoods[i].Length : neighborhoods[i].Sum(j => w[j]);
            isCore[i] = count >= MinSamples;
        }
        var labels = new int[n];
        Array.Fill(labels, -1);
        int label = 0;
        var stack = new Stack<int>();
        for (int i = 0; i < n; i++)
        {
            if (labels[i] != -1 || !isCore[i]) continue;
            int cur = i;
            while (true)
            {
                if (labels[cur] == -1)
                {
                    labels[cur] = label;
                    if (isCore[cur])
                        foreach (var v in neighborhoods[cur])
                            if (labels[v] == -1) stack.Push(v);
                }
                if (stack.Count == 0) break;
                cur = stack.Pop();
            }
            label++;
        }
        _labels = labels;
        _core = Enumerable.Range(0, n).Where(i => isCore[i]).ToArray();
        _components = _core.SelectMany(i => m.Row(i).ToArray()).ToArray();
        SetFitted(m.Cols);
        return this;
    }

    /// <summary><c>fit_predict(X)</c>: <c>labels_</c>.</summary>
    public Tensor<long> FitPredict(Tensor<double> X, Tensor<double>? sampleWeight = null) => Fit(X, null, sampleWeight).Labels;

    internal override void WriteState(Persistence.ModelWriter w)
    {
        w.Write("labels_", _labels);
        w.Write("core_sample_indices_", _core);
        w.Write("components_", _components, _core.Length, _core.Length == 0 ? 0 : _components.Length / _core.Length);
    }

    internal override void ReadState(Persistence.ModelReader r)
    {
        _labels = r.ReadInts("labels_");
        _core = r.ReadInts("core_sample_indices_");
        _components = r.ReadDoubles("components_");
        if (_components.Length != _core.Length * r.NFeaturesIn || _core.Any(i => i < 0 || i >= _labels.Length)) throw new InvalidOperationException("core samples and labels disagree");
        RestoreFitted(r.NFeaturesIn);
    }
}
