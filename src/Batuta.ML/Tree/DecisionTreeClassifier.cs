using Batuta.ML.Internal;
using Batuta.ML.Validation;
using Batuta.Tensors;

namespace Batuta.ML.Tree;

/// <summary>
/// <c>sklearn.tree.DecisionTreeClassifier(criterion="gini", splitter="best", max_depth=None,
/// min_samples_split=2, min_samples_leaf=1, min_weight_fraction_leaf=0.0, max_features=None,
/// random_state=None, max_leaf_nodes=None, min_impurity_decrease=0.0, class_weight=None, ccp_alpha=0.0)</c>.
/// CART as scikit-learn builds it, including its random feature order (seeded from random_state), so the
/// same random_state grows the same tree.
/// </summary>
public sealed class DecisionTreeClassifier(string criterion = "gini", string splitter = "best", int? maxDepth = null, SplitSize? minSamplesSplit = null,
    SplitSize? minSamplesLeaf = null, double minWeightFractionLeaf = 0.0, MaxFeatures? maxFeatures = null, int? randomState = null,
    int? maxLeafNodes = null, double minImpurityDecrease = 0.0, object? classWeight = null, double ccpAlpha = 0.0) : ClassifierBase
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

    [Hyperparameter("class_weight")] public object? ClassWeight { get; set; } = classWeight;

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

    /// <summary><c>max_features_</c>: the resolved number of features tried per split.</summary>
    public int MaxFeaturesUsed
    {
        get
        {
            CheckFitted();
            return _maxFeatures;
        }
    }

    /// <summary><c>feature_importances_</c>: normalised total impurity decrease per feature.</summary>
    public Tensor<double> FeatureImportances => Tensor.FromArray(Tree.FeatureImportances(NFeaturesIn), NFeaturesIn);

    /// <summary><c>get_depth()</c>.</summary>
    public int GetDepth() => Tree.MaxDepth;

    /// <summary><c>get_n_leaves()</c>.</summary>
    public int GetNLeaves() => Tree.NLeaves;

    public override DecisionTreeClassifier Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null)
    {
        var m = Check.Matrix(X, Name);
        var yv = Check.Vector(RequireY(y), Name, m.Rows);
        var sw = Check.SampleWeight(sampleWeight, m.Rows, Name);
        var (classes, encoded) = Labels.Encode(yv, Name);
        FitEncoded(TreeFitting.FeatureMajor32(m), m.Rows, m.Cols, classes, encoded, sw, TreeFitting.SplitterSeed(RandomState));
        return this;
    }

    /// <summary>Fits on prepared data; forests call this with shared float32 X and their own seeds.</summary>
    internal void FitEncoded(float[] xT, int rows, int cols, double[] classes, int[] encoded, double[]? sampleWeight, uint seed)
    {
        Params.OneOf(Name, "criterion", Criterion, "gini", "entropy", "log_loss");
        Params.OneOf(Name, "splitter", Splitter, "best", "random");
        var growth = TreeFitting.Growth(Name, rows, cols, true, MaxDepth, MinSamplesSplit, MinSamplesLeaf, MinWeightFractionLeaf, MaxFeatures, MaxLeafNodes, MinImpurityDecrease, Splitter == "random", CcpAlpha);
        var cw = TreeFitting.ClassSampleWeights(ClassWeight, encoded, classes, Name);
        double[]? w = sampleWeight;
        if (cw is not null) w = w is null ? cw : w.Select((v, i) => v * cw[i]).ToArray();
        var y = encoded.Select(e => (double)e).ToArray();
        _tree = TreeBuilder.Build(Criterion, xT, rows, cols, y, w, classes.Length, seed, growth);
        _maxFeatures = growth.MaxFeatures;
        ClassValues = classes;
        SetFitted(cols);
    }

    /// <summary><c>apply(X)</c>: the leaf index of each sample.</summary>
    public Tensor<long> Apply(Tensor<double> X)
    {
        var m = CheckPredictInput(X);
        var leaves = TreeFitting.Apply(_tree.OrThrow(), TreeFitting.RowMajor32(m), m.Rows, m.Cols);
        return Tensor.FromArray(leaves.Select(l => (long)l).ToArray(), m.Rows);
    }

    public override Tensor<double> PredictProba(Tensor<double> X)
    {
        var m = CheckPredictInput(X);
        int k = ClassValues.Length;
        var proba = new double[m.Rows * k];
        ProbaInto(TreeFitting.RowMajor32(m), m.Rows, m.Cols, proba, 1.0);
        return Tensor.FromArray(proba, m.Rows, k);
    }

    /// <summary>Writes scale × the normalised leaf class counts per row into <paramref name="dest"/>.</summary>
    internal void ProbaInto(float[] x32, int rows, int cols, double[] dest, double scale)
    {
        int k = ClassValues.Length;
        for (int i = 0; i < rows; i++)
        {
            var d = dest.AsSpan(i * k, k);
            RowProba(new ReadOnlySpan<float>(x32, i * cols, cols), d);
            if (!FloatExact.AreEqual(scale, 1.0)) for (int c = 0; c < k; c++) d[c] *= scale;
        }
    }

    /// <summary>predict_proba for one float32 row: the leaf's class counts divided by their sum.</summary>
    internal void RowProba(ReadOnlySpan<float> row, Span<double> dest)
    {
        var tree = _tree.OrThrow();
        var v = tree.LeafValue(tree.ApplyRow(row));
        double norm = 0;
        for (int c = 0; c < v.Length; c++) norm += v[c];
        if (norm == 0) norm = 1;
        for (int c = 0; c < v.Length; c++) dest[c] = v[c] / norm;
    }

    internal override void WriteState(Persistence.ModelWriter w)
    {
        w.Write("classes_", ClassValues);
        w.Write("max_features_", (long)_maxFeatures);
        _tree.OrThrow().Write(w, "tree_.");
    }

    internal override void ReadState(Persistence.ModelReader r)
    {
        ClassValues = r.ReadDoubles("classes_");
        _maxFeatures = r.ReadInt("max_features_");
        _tree = TreeStructure.Read(r, "tree_.", r.NFeaturesIn);
        if (_tree.ValueSize != ClassValues.Length) throw new InvalidOperationException("tree values and classes_ disagree");
        RestoreFitted(r.NFeaturesIn);
    }
}
