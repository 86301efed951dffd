using Batuta.ML.Validation;
using Batuta.Tensors;

namespace Batuta.ML.Neighbors;

/// <summary>The fitted sample set and k-nearest-neighbour queries shared by the neighbour estimators.</summary>
internal sealed class NeighborIndex
{
    private readonly KdTree _tree;

    public NeighborIndex(DenseMatrix m, double p, int leafSize)
    {
        X = m;
        P = p;
        _tree = new KdTree(m.Data, m.Rows, m.Cols, p, leafSize);
    }

    public DenseMatrix X { get; }

    public double P { get; }

    /// <summary>(distances, indices), nearest first, for every query row.</summary>
    public (double[] Dist, int[] Idx) Query(DenseMatrix q, int k)
    {
        var dist = new double[q.Rows * k];
        var idx = new int[q.Rows * k];
        Parallel.For(0, q.Rows, new ParallelOptions { MaxDegreeOfParallelism = Internal.RowBlocks.Threads }, i =>
        {
            var nn = _tree.Nearest(q.Row(i), k);
            for (int j = 0; j < k; j++)
            {
                dist[i * k + j] = _tree.ToDistance(nn[j].Reduced);
                idx[i * k + j] = nn[j].Row;
            }
        });
        return (dist, idx);
    }

    public static double Power(string metric, double p, string estimator) => metric switch
    {
        "minkowski" => p >= 1 ? p : throw new InvalidParameterException(estimator, "p", "a float in the range [1, inf)", p),
        "euclidean" or "l2" => 2,
        "manhattan" or "cityblock" or "l1" => 1,
        _ => throw new NotSupportedException($"metric='{metric}' is not implemented in Batuta.ML's neighbours; use minkowski (p), euclidean or manhattan."),
    };

    /// <summary>_get_weights: None for uniform, 1/distance otherwise (exact matches take all the weight).</summary>
    public static double[]? Weights(string weights, double[] dist, int rows, int k)
    {
        if (weights == "uniform") return null;
        var w = new double[dist.Length];
        for (int i = 0; i < rows; i++)
        {
            bool anyZero = false;
            for (int j = 0; j < k; j++) anyZero |= dist[i * k + j] == 0;
            for (int j = 0; j < k; j++)
                w[i * k + j] = anyZero ? (dist[i * k + j] == 0 ? 1 : 0) : 1.0 / dist[i * k + j];
        }
        return w;
    }
}
