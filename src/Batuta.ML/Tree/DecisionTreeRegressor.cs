using Batuta.ML.Validation;
using Batuta.Tensors;

namespace Batuta.ML.Tree;

/// <summary>
/// <c>sklearn.tree.DecisionTreeRegressor(criterion="squared_error", splitter="best", max_depth=None,
/// min_samples_split=2, min_samples_leaf=1, min_weight_fraction_leaf=0.0, max_features=None,
/// random_state=None, max_leaf_nodes=None, min_impurity_decrease=0.0, ccp_alpha=0.0)</c>;
/// criteria "squared_error" and "friedman_mse".
/// </summary>
public class DecisionTreeRegressor(string criterion = "squared_error", string splitter = "best", int? maxDepth = null, SplitSize? minSamplesSplit = null,
    SplitSize? minSamplesLeaf = null, double minWeightFractionLeaf = 0.0, MaxFeatures? maxFeatures = null, int? randomState = null,
    int? maxLeafNodes = null, double minImpurityDecrease = 0.0, double ccpAlpha = 0.0) : RegressorBase
{
    private TreeStructure? _tree;
    private int _maxFeatures;

    [Hyperparameter("criterion")] public string Criterion { get; set; } = criterion;

    [Hyperparameter("splitter")] public string Splitter { get; set; } = splitter;

    [Hyperparameter("max_depth")] public int? MaxDepth { get; set; } = maxDepth;

    [Hyperparameter("min_samples_split")] public SplitSize MinSamplesSplit { get; set; } = minSamplesSplit ?? 2;

    [Hyperparameter("min_samples_leaf")] public SplitSize MinSamplesLeaf { get; set; } = minSamplesLeaf ?? 1;

    [Hyperparameter("min_weight_fraction_leaf")] public double MinWeightFractionLeaf { get; set; } = minWeightFractionLeaf;

    [Hyperparameter("max_features")] public MaxFeatures? MaxFeatures { get; set; } = maxFeatures;

    [Hyperparameter("random_state")] public int? RandomState { get; set; } = randomState;

    [Hyperparameter("max_leaf_nodes")] public int? MaxLeafNodes { get; set; } = maxLeafNodes;

    [Hyperparameter("min_impurity_decrease")] public double MinImpurityDecrease { get; set; } = minImpurityDecrease;

    [Hyperparameter("ccp_alpha")] public double CcpAlpha { get; set; } = ccpAlpha;

    /// <summary><c>tree_</c>.</summary>
    public TreeStructure Tree
    {
        get
        {
            CheckFitted();
            return _tree.OrThrow();
        }
    }

    public int MaxFeaturesUsed
    {
        get
        {
            CheckFitted();
            return _maxFeatures;
        }
    }

    public Tensor<double> FeatureImportances => Tensor.FromArray(Tree.FeatureImportances(NFeaturesIn), NFeaturesIn);

    public int GetDepth() => Tree.MaxDepth;

    public int GetNLeaves() => Tree.NLeaves;

    public override DecisionTreeRegressor Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null)
    {
        var m = Check.Matrix(X, Name);
        var yv = Check.Vector(RequireY(y), Name, m.Rows);
        var sw = Check.SampleWeight(sampleWeight, m.Rows, Name);
        FitPrepared(TreeFitting.FeatureMajor32(m), m.Rows, m.Cols, yv, sw, TreeFitting.SplitterSeed(RandomState));
        return this;
    }

    internal void FitPrepared(float[] xT, int rows, int cols, double[] y, double[]? sampleWeight, uint seed)
    {
        Params.OneOf(Name, "criterion", Criterion, "squared_error", "friedman_mse", "absolute_error", "poisson");
        Params.OneOf(Name, "splitter", Splitter, "best", "random");
        var growth = TreeFitting.Growth(Name, rows, cols, false, MaxDepth, MinSamplesSplit, MinSamplesLeaf, MinWeightFractionLeaf, MaxFeatures, MaxLeafNodes, MinImpurityDecrease, Splitter == "random", CcpAlpha);
        _tree = TreeBuilder.Build(Criterion, xT, rows, cols, y, sampleWeight, 1, seed, growth);
        _maxFeatures = growth.MaxFeatures;
        SetFitted(cols);
    }

    internal TreeStructure TreeUnchecked => _tree.OrThrow();

    /// <summary><c>apply(X)</c>.</summary>
    public Tensor<long> Apply(Tensor<double> X)
    {
        var m = CheckPredictInput(X);
        var leaves = TreeFitting.Apply(_tree.OrThrow(), TreeFitting.RowMajor32(m), m.Rows, m.Cols);
        return Tensor.FromArray(leaves.Select(l => (long)l).ToArray(), m.Rows);
    }

    public override Tensor<double> Predict(Tensor<double> X)
    {
        var m = CheckPredictInput(X);
        var x32 = TreeFitting.RowMajor32(m);
        var result = new double[m.Rows];
        for (int i = 0; i < m.Rows; i++) result[i] = _tree.OrThrow().LeafValue(_tree.ApplyRow(new ReadOnlySpan<float>(x32, i * m.Cols, m.Cols)))[0];
        return Tensor.FromArray(result, m.Rows);
    }

    internal override void WriteState(Persistence.ModelWriter w)
    {
        w.Write("max_features_", (long)_maxFeatures);
        _tree.OrThrow().Write(w, "tree_.");
    }

    internal override void ReadState(Persistence.ModelReader r)
    {
        _maxFeatures = r.ReadInt("max_features_");
        _tree = TreeStructure.Read(r, "tree_.", r.NFeaturesIn);
        if (_tree.ValueSize != 1) throw new InvalidOperationException("a regression tree has one value per node");
        RestoreFitted(r.NFeaturesIn);
    }
}

/// <summary>
/// <c>sklearn.tree.ExtraTreeRegressor(criterion="squared_error", splitter="random", max_features=1.0, ...)</c>:
/// a regression tree with random thresholds (the trees of an IsolationForest).
/// </summary>
public sealed class ExtraTreeRegressor(string criterion = "squared_error", string splitter = "random", int? maxDepth = null, SplitSize? minSamplesSplit = null,
    SplitSize? minSamplesLeaf = null, double minWeightFractionLeaf = 0.0, MaxFeatures? maxFeatures = null, int? randomState = null,
    int? maxLeafNodes = null, double minImpurityDecrease = 0.0, double ccpAlpha = 0.0)
    : DecisionTreeRegressor(criterion, splitter, maxDepth, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf, maxFeatures ?? 1.0, randomState, maxLeafNodes, minImpurityDecrease, ccpAlpha)
{
}
