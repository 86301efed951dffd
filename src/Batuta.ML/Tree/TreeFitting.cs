using Batuta.ML.Randomness;
using Batuta.ML.Validation;

namespace Batuta.ML.Tree;

/// <summary>What every tree-based estimator needs: float32 feature-major X, resolved limits, class weights.</summary>
internal static class TreeFitting
{
    public const int MaxInt = int.MaxValue;

    /// <summary>X as scikit-learn's trees see it (float32), stored feature by feature for the splitter's gathers.</summary>
    public static float[] FeatureMajor32(DenseMatrix m)
    {
        int n = m.Rows, p = m.Cols;
        var xt = new float[n * p];
        var d = m.Data;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++) xt[j * n + i] = (float)d[i * p + j];
        return xt;
    }

    /// <summary>X as float32 rows, for prediction.</summary>
    public static float[] RowMajor32(DenseMatrix m)
    {
        var d = m.Data;
        var x = new float[d.Length];
        for (int i = 0; i < d.Length; i++) x[i] = (float)d[i];
        return x;
    }

    public static TreeGrowth Growth(string estimator, int nSamples, int nFeatures, bool classification, int? maxDepth, SplitSize minSamplesSplit, SplitSize minSamplesLeaf,
        double minWeightFractionLeaf, MaxFeatures? maxFeatures, int? maxLeafNodes, double minImpurityDecrease, bool randomSplits, double ccpAlpha)
    {
        if (maxDepth is int md && md < 1) throw new InvalidParameterException(estimator, "max_depth", "an int in the range [1, inf) or None", md);
        if (minSamplesSplit.IsCount ? minSamplesSplit.Value < 2 : !(minSamplesSplit.Value > 0 && minSamplesSplit.Value <= 1))
            throw new InvalidParameterException(estimator, "min_samples_split", "an int in the range [2, inf) or a float in the range (0.0, 1.0]", minSamplesSplit);
        if (minSamplesLeaf.IsCount ? minSamplesLeaf.Value < 1 : !(minSamplesLeaf.Value > 0 && minSamplesLeaf.Value < 1))
            throw new InvalidParameterException(estimator, "min_samples_leaf", "an int in the range [1, inf) or a float in the range (0.0, 1.0)", minSamplesLeaf);
        Params.Range(estimator, "min_weight_fraction_leaf", minWeightFractionLeaf, 0, 0.5);
        Params.Positive(estimator, "min_impurity_decrease", minImpurityDecrease, allowZero: true);
        if (maxLeafNodes is int ml && ml < 2) throw new InvalidParameterException(estimator, "max_leaf_nodes", "an int in the range [2, inf) or None", ml);
        Params.Positive(estimator, "ccp_alpha", ccpAlpha, allowZero: true);
        if (ccpAlpha > 0) throw new NotSupportedException("Minimal cost-complexity pruning (ccp_alpha > 0) is not implemented in Batuta.ML yet; use max_depth, min_samples_leaf or max_leaf_nodes.");
        int leaf = minSamplesLeaf.IsCount ? (int)minSamplesLeaf.Value : (int)Math.Ceiling(minSamplesLeaf.Value * nSamples);
        int split = minSamplesSplit.IsCount ? (int)minSamplesSplit.Value : Math.Max(2, (int)Math.Ceiling(minSamplesSplit.Value * nSamples));
        split = Math.Max(split, 2 * leaf);
        int mf = MaxFeatures.Resolve(maxFeatures, nFeatures, classification, estimator);
        return new TreeGrowth(maxDepth ?? MaxInt, split, leaf, minWeightFractionLeaf, mf, maxLeafNodes, minImpurityDecrease, randomSplits);
    }

    /// <summary>compute_sample_weight(class_weight, y): null, "balanced" or a label → weight dictionary.</summary>
    public static double[]? ClassSampleWeights(object? classWeight, int[] encoded, double[] classes, string estimator)
    {
        switch (classWeight)
        {
            case null:
                return null;
            case "balanced":
            {
                var counts = new double[classes.Length];
                foreach (var e in encoded) counts[e]++;
                var cw = counts.Select(c => encoded.Length / (classes.Length * c)).ToArray();
                return encoded.Select(e => cw[e]).ToArray();
            }
            case IReadOnlyDictionary<double, double> dict:
                return encoded.Select(e => dict.TryGetValue(classes[e], out var v) ? v : 1.0).ToArray();
            default:
                throw new InvalidParameterException(estimator, "class_weight", "a dict, a str among {'balanced', 'balanced_subsample'} or None", classWeight);
        }
    }

    public static uint SplitterSeed(int? randomState) => SklearnRandom.Seed(randomState is int s ? new RandomState(s) : new RandomState());

    /// <summary>Leaf index per row of float32 X.</summary>
    public static int[] Apply(TreeStructure tree, float[] x32, int rows, int cols)
    {
        var leaves = new int[rows];
        for (int i = 0; i < rows; i++) leaves[i] = tree.ApplyRow(new ReadOnlySpan<float>(x32, i * cols, cols));
        return leaves;
    }
}
