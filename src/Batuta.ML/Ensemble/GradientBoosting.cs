using Batuta.ML.Internal;
using Batuta.ML.Randomness;
using Batuta.ML.Tree;
using Batuta.ML.Validation;
using Batuta.Tensors;

namespace Batuta.ML.Ensemble;

/// <summary>
/// The boosting loop of scikit-learn's <c>BaseGradientBoosting</c>: an init estimator (mean, or log-odds of
/// the class priors), then per stage and class a <c>friedman_mse</c> regression tree on the negative
/// gradient, seeded from one shared RandomState (as scikit-learn passes its <c>_rng</c> to every tree),
/// with optional row subsampling (<c>_random_sample_mask</c>) and Newton leaf updates for log-loss.
/// </summary>
internal sealed class BoostingCore
{
    public required string Loss { get; init; }
    public required double LearningRate { get; init; }
    public required int NEstimators { get; init; }
    public required double Subsample { get; init; }
    public required string Criterion { get; init; }
    public required SplitSize MinSamplesSplit { get; init; }
    public required SplitSize MinSamplesLeaf { get; init; }
    public required double MinWeightFractionLeaf { get; init; }
    public required int? MaxDepth { get; init; }
    public required double MinImpurityDecrease { get; init; }
    public required MaxFeatures? MaxFeatures { get; init; }
    public required int? MaxLeafNodes { get; init; }
    public required double CcpAlpha { get; init; }

    public List<DecisionTreeRegressor[]> Stages { get; private set; } = [];
    public double[] Init { get; set; } = [];
    public double[] TrainScore { get; private set; } = [];
    public int K { get; set; }

    /// <summary>Fits; y is the target (regression) or the class index (classification, K = 1 for binary).</summary>
    public void Fit(DenseMatrix m, double[] y, double[] sw, int k, RandomState? seedState, string estimator)
    {
        K = k;
        int n = m.Rows;
        var xT = TreeFitting.FeatureMajor32(m);
        var x32 = TreeFitting.RowMajor32(m);
        var raw = new double[n * k];
        for (int i = 0; i < n; i++)
            for (int c = 0; c < k; c++) raw[i * k + c] = Init[c];
        var rng = seedState ?? new RandomState();
        bool doOob = Subsample < 1.0;
        int nInbag = Math.Max(1, (int)(Subsample * n));
        var mask = Enumerable.Repeat(true, n).ToArray();
        Stages = [];
        TrainScore = new double[NEstimators];
        for (int stage = 0; stage < NEstimators; stage++)
        {
            if (doOob) mask = RandomSampleMask(n, nInbag, rng);
            var rawCopy = (double[])raw.Clone();
            var trees = new DecisionTreeRegressor[k];
            for (int c = 0; c < k; c++)
            {
                var target = Loss == "log_loss" && k > 1 ? y.Select(v => FloatExact.AreEqual(v, c) ? 1.0 : 0.0).ToArray() : y;
                var residual = NegativeGradient(target, rawCopy, c, k, n);
                var tree = new DecisionTreeRegressor(Criterion, "best", MaxDepth, MinSamplesSplit, MinSamplesLeaf, MinWeightFractionLeaf, MaxFeatures, null, MaxLeafNodes, MinImpurityDecrease, CcpAlpha);
                var w = doOob ? sw.Select((v, i) => v * (mask[i] ? 1.0 : 0.0)).ToArray() : sw;
                tree.FitPrepared(xT, n, m.Cols, residual, w, SklearnRandom.Seed(rng));
                UpdateTerminalRegions(tree.TreeUnchecked, x32, m.Cols, target, residual, raw, sw, mask, c, k, n);
                trees[c] = tree;
            }
            Stages.Add(trees);
            TrainScore[stage] = LossValue(y, raw, sw, mask, k, n, inBag: true);
        }
    }

    /// <summary>_random_sample_mask: uniform draws, accepted while the remaining quota allows.</summary>
    private static bool[] RandomSampleMask(int n, int nInbag, RandomState rng)
    {
        var rand = rng.Uniform(0, 1, n);
        var mask = new bool[n];
        int bagged = 0;
        for (int i = 0; i < n; i++)
        {
            if (rand[i] * (n - i) < nInbag - bagged)
            {
                mask[i] = true;
                bagged++;
            }
        }
        return mask;
    }

    private double[] NegativeGradient(double[] y, double[] raw, int c, int k, int n)
    {
        var g = new double[n];
        switch (Loss)
        {
            case "squared_error":
                for (int i = 0; i < n; i++) g[i] = y[i] - raw[i];
                break;
            case "log_loss" when k == 1:
                for (int i = 0; i < n; i++) g[i] = y[i] - Expit(raw[i]);
                break;
            case "log_loss":
                for (int i = 0; i < n; i++)
                {
                    double p = Math.Exp(raw[i * k + c] - LogSumExp(raw.AsSpan(i * k, k)));
                    g[i] = y[i] - (double.IsNaN(p) ? 0 : p);
                }
                break;
        }
        return g;
    }

    private void UpdateTerminalRegions(TreeStructure tree, float[] x32, int cols, double[] y, double[] residual, double[] raw, double[] sw, bool[] mask, int c, int k, int n)
    {
        var leaves = new int[n];
        for (int i = 0; i < n; i++) leaves[i] = tree.ApplyRow(new ReadOnlySpan<float>(x32, i * cols, cols));
        if (Loss == "log_loss")
        {
            var byLeaf = new Dictionary<int, List<int>>();
            for (int i = 0; i < n; i++)
            {
                if (!mask[i]) continue;
                if (!byLeaf.TryGetValue(leaves[i], out var list)) byLeaf[leaves[i]] = list = [];
                list.Add(i);
            }
            for (int node = 0; node < tree.NodeCount; node++)
            {
                if (tree.Left[node] != TreeStructure.Leaf) continue;
                var rows = byLeaf.TryGetValue(node, out var l) ? l : [];
                var num = rows.Select(i => sw[i] * residual[i]).ToArray();
                var den = rows.Select(i => sw[i] * (y[i] - residual[i]) * (1 - y[i] + residual[i])).ToArray();
                double numerator = NumpySum.Sum(num);
                if (k > 1) numerator *= (k - 1) / (double)k;
                double denominator = NumpySum.Sum(den);
                tree.SetValue(node, 0, Math.Abs(denominator) < 1e-150 ? 0.0 : numerator / denominator);
            }
        }
        for (int i = 0; i < n; i++) raw[i * k + c] += LearningRate * tree.LeafValue(leaves[i])[0];
    }

    private double LossValue(double[] y, double[] raw, double[] sw, bool[] mask, int k, int n, bool inBag)
    {
        var terms = new List<double>();
        var weights = new List<double>();
        for (int i = 0; i < n; i++)
        {
            if (mask[i] != inBag) continue;
            weights.Add(sw[i]);
            switch (Loss)
            {
                case "squared_error":
                {
                    double d = y[i] - raw[i];
                    terms.Add(sw[i] * (d * d));
                    break;
                }
                case "log_loss" when k == 1:
                    terms.Add(sw[i] * (y[i] * raw[i] - LogAddExp0(raw[i])));
                    break;
                default:
                {
                    var row = raw.AsSpan(i * k, k);
                    terms.Add(-row[(int)y[i]] + LogSumExp(row));
                    break;
                }
            }
        }
        double wsum = NumpySum.Sum(weights.ToArray());
        double tsum = NumpySum.Sum(terms.ToArray());
        return Loss switch
        {
            "squared_error" => 1 / wsum * tsum,
            "log_loss" when k == 1 => -2 / wsum * tsum,
            _ => NumpySum.Average(terms.ToArray(), weights.ToArray()),
        };
    }

    /// <summary>Raw predictions (n × K) for float32 rows: init plus learning_rate × the stages' leaf values.</summary>
    public double[] RawPredict(float[] x32, int rows, int cols)
    {
        var raw = new double[rows * K];
        RowBlocks.Run(rows, (long)Stages.Count * K * 16, (_, start, end) =>
        {
            for (int i = start; i < end; i++)
            {
                var row = new ReadOnlySpan<float>(x32, i * cols, cols);
                for (int c = 0; c < K; c++) raw[i * K + c] = Init[c];
                foreach (var stage in Stages)
                {
                    for (int c = 0; c < K; c++)
                    {
                        var t = stage[c].TreeUnchecked;
                        raw[i * K + c] += LearningRate * t.LeafValue(t.ApplyRow(row))[0];
                    }
                }
            }
        });
        return raw;
    }

    internal static double Expit(double x) => 1.0 / (1.0 + Math.Exp(-x));

    internal static double LogSumExp(ReadOnlySpan<double> a)
    {
        double max = double.NegativeInfinity;
        foreach (var v in a) max = Math.Max(max, v);
        if (!double.IsFinite(max)) max = 0;
        double s = 0;
        foreach (var v in a) s += Math.Exp(v - max);
        return Math.Log(s) + max;
    }

    private static double LogAddExp0(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));

    public double[] FeatureImportances(int nFeatures)
    {
        var relevant = Stages.SelectMany(s => s).Where(t => t.TreeUnchecked.NodeCount > 1).ToList();
        var mean = new double[nFeatures];
        if (relevant.Count == 0) return mean;
        foreach (var t in relevant)
        {
            var imp = t.TreeUnchecked.FeatureImportances(nFeatures, normalize: false);
            for (int f = 0; f < nFeatures; f++) mean[f] += imp[f];
        }
        for (int f = 0; f < nFeatures; f++) mean[f] /= relevant.Count;
        double s = mean.Sum();
        if (s > 0) for (int f = 0; f < nFeatures; f++) mean[f] /= s;
        return mean;
    }

    public void Write(Persistence.ModelWriter w)
    {
        w.Write("init_raw_", Init);
        w.Write("train_score_", TrainScore);
        w.Write("K", (long)K);
        w.WriteChildren("estimators_", Stages.SelectMany(s => s));
    }

    public void Read(Persistence.ModelReader r)
    {
        Init = r.ReadDoubles("init_raw_");
        TrainScore = r.ReadDoubles("train_score_");
        K = r.ReadInt("K");
        var trees = r.ReadChildren("estimators_").Select(e => e as DecisionTreeRegressor ?? throw new InvalidOperationException("estimators_ must be DecisionTreeRegressor")).ToList();
        if (K < 1 || Init.Length != K || trees.Count % K != 0 || trees.Count == 0) throw new InvalidOperationException("boosting stages are inconsistent");
        Stages = [];
        for (int s = 0; s < trees.Count / K; s++) Stages.Add(trees.Skip(s * K).Take(K).ToArray());
    }
}
