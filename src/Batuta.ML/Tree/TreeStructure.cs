namespace Batuta.ML.Tree;

/// <summary>
/// scikit-learn's <c>tree_</c> object: parallel node arrays (children, split feature and threshold,
/// impurity, sample counts) and per-node values (weighted class counts for classifiers, the mean for
/// regressors). Leaves have children -1 and feature/threshold -2, as in scikit-learn.
/// </summary>
public sealed class TreeStructure
{
    public const int Leaf = -1, Undefined = -2;

    internal TreeStructure(int valueSize) => ValueSize = valueSize;

    internal List<int> Left { get; } = [];
    internal List<int> Right { get; } = [];
    internal List<int> FeatureList { get; } = [];
    internal List<double> ThresholdList { get; } = [];
    internal List<double> ImpurityList { get; } = [];
    internal List<int> NNodeSamplesList { get; } = [];
    internal List<double> WeightedList { get; } = [];
    internal List<double> ValueList { get; } = [];

    /// <summary>Values per node: the number of classes for a classifier, 1 for a regressor.</summary>
    public int ValueSize { get; }

    public int NodeCount => Left.Count;

    /// <summary><c>max_depth</c>: depth of the deepest leaf (the root is depth 0).</summary>
    public int MaxDepth { get; internal set; }

    public int[] ChildrenLeft => [.. Left];

    public int[] ChildrenRight => [.. Right];

    public int[] Feature => [.. FeatureList];

    public double[] Threshold => [.. ThresholdList];

    public double[] Impurity => [.. ImpurityList];

    public int[] NNodeSamples => [.. NNodeSamplesList];

    public double[] WeightedNNodeSamples => [.. WeightedList];

    /// <summary><c>value</c> flattened: node i's values are [i·ValueSize, (i+1)·ValueSize).</summary>
    public double[] Value => [.. ValueList];

    /// <summary>Number of leaves.</summary>
    public int NLeaves => Left.Count(l => l == Leaf);

    // Flat copies for fast traversal, built once the tree is complete.
    private int[] _left = [], _right = [], _feature = [];
    private double[] _threshold = [], _value = [];

    internal int AddNode(int parent, bool isLeft, bool isLeaf, int feature, double threshold, double impurity, int nNodeSamples, double weighted)
    {
        int id = Left.Count;
        Left.Add(Leaf);
        Right.Add(Leaf);
        FeatureList.Add(isLeaf ? Undefined : feature);
        ThresholdList.Add(isLeaf ? Undefined : threshold);
        ImpurityList.Add(impurity);
        NNodeSamplesList.Add(nNodeSamples);
        WeightedList.Add(weighted);
        for (int k = 0; k < ValueSize; k++) ValueList.Add(0);
        if (parent >= 0)
        {
            if (isLeft) Left[parent] = id;
            else Right[parent] = id;
        }
        return id;
    }

    internal void MakeLeaf(int node)
    {
        Left[node] = Leaf;
        Right[node] = Leaf;
        FeatureList[node] = Undefined;
        ThresholdList[node] = Undefined;
    }

    internal Span<double> NodeValueSpan(int node) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ValueList).Slice(node * ValueSize, ValueSize);

    internal void Freeze()
    {
        _left = [.. Left];
        _right = [.. Right];
        _feature = [.. FeatureList];
        _threshold = [.. ThresholdList];
        _value = [.. ValueList];
    }

    internal static TreeStructure FromArrays(int valueSize, int maxDepth, int[] left, int[] right, int[] feature, double[] threshold, double[] impurity, int[] nNodeSamples, double[] weighted, double[] value, int nFeatures)
    {
        int n = left.Length;
        if (right.Length != n || feature.Length != n || threshold.Length != n || impurity.Length != n || nNodeSamples.Length != n || weighted.Length != n || value.Length != n * valueSize || n == 0)
            throw new InvalidOperationException("tree arrays have different lengths");
        for (int i = 0; i < n; i++)
        {
            bool leaf = left[i] == Leaf;
            if (leaf != (right[i] == Leaf)) throw new InvalidOperationException($"node {i} has one child");
            if (!leaf && (left[i] <= i || right[i] <= i || left[i] >= n || right[i] >= n || feature[i] < 0 || feature[i] >= nFeatures))
                throw new InvalidOperationException($"node {i} has invalid children or feature");
        }
        var t = new TreeStructure(valueSize) { MaxDepth = maxDepth };
        t.Left.AddRange(left);
        t.Right.AddRange(right);
        t.FeatureList.AddRange(feature);
        t.ThresholdList.AddRange(threshold);
        t.ImpurityList.AddRange(impurity);
        t.NNodeSamplesList.AddRange(nNodeSamples);
        t.WeightedList.AddRange(weighted);
        t.ValueList.AddRange(value);
        t.Freeze();
        return t;
    }

    /// <summary><c>apply</c> for one row of float32 features: the leaf reached.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal int ApplyRow(ReadOnlySpan<float> row)
    {
        int node = 0;
        var left = _left;
        while (left[node] != Leaf)
            node = row[_feature[node]] <= _threshold[node] ? left[node] : _right[node];
        return node;
    }

    /// <summary>Number of nodes on the path from the root to the leaf (decision_path(...).sum(axis=1)).</summary>
    internal int PathLength(ReadOnlySpan<float> row, out int leaf)
    {
        int node = 0, length = 1;
        while (_left[node] != Leaf)
        {
            node = row[_feature[node]] <= _threshold[node] ? _left[node] : _right[node];
            length++;
        }
        leaf = node;
        return length;
    }

    internal ReadOnlySpan<double> LeafValue(int node) => new(_value, node * ValueSize, ValueSize);

    internal void SetValue(int node, int k, double v)
    {
        ValueList[node * ValueSize + k] = v;
        _value[node * ValueSize + k] = v;
    }

    /// <summary>compute_feature_importances(normalize=True): total weighted impurity decrease per feature.</summary>
    public double[] FeatureImportances(int nFeatures, bool normalize = true)
    {
        var imp = new double[nFeatures];
        for (int i = 0; i < NodeCount; i++)
        {
            if (Left[i] == Leaf) continue;
            int l = Left[i], r = Right[i];
            imp[FeatureList[i]] += WeightedList[i] * ImpurityList[i] - WeightedList[l] * ImpurityList[l] - WeightedList[r] * ImpurityList[r];
        }
        for (int f = 0; f < nFeatures; f++) imp[f] /= WeightedList[0];
        if (normalize)
        {
            double s = imp.Sum();
            if (s > 0) for (int f = 0; f < nFeatures; f++) imp[f] /= s;
        }
        return imp;
    }

    internal void Write(Persistence.ModelWriter w, string prefix)
    {
        w.Write(prefix + "children_left", ChildrenLeft);
        w.Write(prefix + "children_right", ChildrenRight);
        w.Write(prefix + "feature", Feature);
        w.Write(prefix + "threshold", Threshold);
        w.Write(prefix + "impurity", Impurity);
        w.Write(prefix + "n_node_samples", NNodeSamples);
        w.Write(prefix + "weighted_n_node_samples", WeightedNNodeSamples);
        w.Write(prefix + "value", Value, NodeCount, ValueSize);
        w.Write(prefix + "max_depth", (long)MaxDepth);
    }

    internal static TreeStructure Read(Persistence.ModelReader r, string prefix, int nFeatures)
    {
        var value = r.ReadDoubles(prefix + "value");
        var shape = r.Shape(prefix + "value");
        if (shape.Length != 2) throw new InvalidOperationException("tree value must be 2-D");
        return FromArrays(shape[1], r.ReadInt(prefix + "max_depth"), r.ReadInts(prefix + "children_left"), r.ReadInts(prefix + "children_right"),
            r.ReadInts(prefix + "feature"), r.ReadDoubles(prefix + "threshold"), r.ReadDoubles(prefix + "impurity"),
            r.ReadInts(prefix + "n_node_samples"), r.ReadDoubles(prefix + "weighted_n_node_samples"), value, nFeatures);
    }
}
