namespace Batuta.ML.Tree;

/// <summary>Growth limits resolved from the estimator's hyperparameters (as scikit-learn resolves them in fit).</summary>
internal sealed record TreeGrowth(int MaxDepth, int MinSamplesSplit, int MinSamplesLeaf, double MinWeightFractionLeaf, int MaxFeatures, int? MaxLeafNodes, double MinImpurityDecrease, bool RandomSplits);

/// <summary>
/// scikit-learn's <c>DepthFirstTreeBuilder</c> (a stack: right child pushed first, so the left subtree is
/// grown first and node ids come out in the same order) and <c>BestFirstTreeBuilder</c> (a max-heap on
/// improvement with libstdc++'s push_heap/pop_heap order) when <c>max_leaf_nodes</c> is set.
/// </summary>
internal static class TreeBuilder
{
    private const double Epsilon = 2.220446049250313e-16;

    public static TreeStructure Build(string criterion, float[] xT, int nRows, int nFeatures, double[] y, double[]? sampleWeight, int classes, uint seed, TreeGrowth g) => criterion switch
    {
        "gini" => Build<GiniCriterion>(xT, nRows, nFeatures, y, sampleWeight, classes, seed, g),
        "entropy" or "log_loss" => Build<EntropyCriterion>(xT, nRows, nFeatures, y, sampleWeight, classes, seed, g),
        "squared_error" => Build<MseCriterion>(xT, nRows, nFeatures, y, sampleWeight, 1, seed, g),
        "friedman_mse" => Build<FriedmanMseCriterion>(xT, nRows, nFeatures, y, sampleWeight, 1, seed, g),
        _ => throw new NotSupportedException($"criterion='{criterion}' is not implemented in Batuta.ML (gini, entropy, log_loss, squared_error and friedman_mse are)."),
    };

    private static TreeStructure Build<TCrit>(float[] xT, int nRows, int nFeatures, double[] y, double[]? sampleWeight, int classes, uint seed, TreeGrowth g)
        where TCrit : struct, ICriterion
    {
        var splitter = new Splitter<TCrit>(xT, nRows, nFeatures, y, sampleWeight, classes, seed, g.MaxFeatures, g.MinSamplesLeaf,
            g.MinWeightFractionLeaf * (sampleWeight is null ? nRows : sampleWeight.Sum()), g.RandomSplits);
        double minWeightLeaf = g.MinWeightFractionLeaf * (sampleWeight is null ? nRows : sampleWeight.Sum());
        var tree = new TreeStructure(classes);
        if (g.MaxLeafNodes is int maxLeaves) BestFirst(splitter, tree, g, minWeightLeaf, maxLeaves);
        else DepthFirst(splitter, tree, g, minWeightLeaf);
        tree.Freeze();
        return tree;
    }

    private readonly record struct StackRecord(int Start, int End, int Depth, int Parent, bool IsLeft, double Impurity, int NConstantFeatures);

    private static void DepthFirst<TCrit>(Splitter<TCrit> splitter, TreeStructure tree, TreeGrowth g, double minWeightLeaf) where TCrit : struct, ICriterion
    {
        var stack = new Stack<StackRecord>();
        stack.Push(new StackRecord(0, splitter.NSamples, 0, -2, false, double.PositiveInfinity, 0));
        bool first = true;
        int maxDepthSeen = -1;
        while (stack.Count > 0)
        {
            var rec = stack.Pop();
            int start = rec.Start, end = rec.End, depth = rec.Depth;
            double impurity = rec.Impurity;
            int nConstant = rec.NConstantFeatures;
            int nNodeSamples = end - start;
            splitter.NodeReset(start, end, out double weightedNNodeSamples);
            bool isLeaf = depth >= g.MaxDepth || nNodeSamples < g.MinSamplesSplit || nNodeSamples < 2 * g.MinSamplesLeaf || weightedNNodeSamples < 2 * minWeightLeaf;
            if (first)
            {
                impurity = splitter.NodeImpurity();
                first = false;
            }
            isLeaf = isLeaf || impurity <= Epsilon;
            var split = SplitRecord.Init(end);
            if (!isLeaf)
            {
                split = splitter.NodeSplit(start, end, impurity, ref nConstant);
                isLeaf = split.Pos >= end || split.Improvement + Epsilon < g.MinImpurityDecrease;
            }
            int nodeId = tree.AddNode(rec.Parent, rec.IsLeft, isLeaf, split.Feature, split.Threshold, impurity, nNodeSamples, weightedNNodeSamples);
            splitter.NodeValue(tree.NodeValueSpan(nodeId));
            if (!isLeaf)
            {
                stack.Push(new StackRecord(split.Pos, end, depth + 1, nodeId, false, split.ImpurityRight, nConstant));
                stack.Push(new StackRecord(start, split.Pos, depth + 1, nodeId, true, split.ImpurityLeft, nConstant));
            }
            if (depth > maxDepthSeen) maxDepthSeen = depth;
        }
        tree.MaxDepth = maxDepthSeen;
    }

    private struct FrontierRecord
    {
        public int NodeId, Start, End, Pos, Depth;
        public bool IsLeaf;
        public double Impurity, ImpurityLeft, ImpurityRight, Improvement;
    }

    private static void BestFirst<TCrit>(Splitter<TCrit> splitter, TreeStructure tree, TreeGrowth g, double minWeightLeaf, int maxLeafNodes) where TCrit : struct, ICriterion
    {
        var frontier = new List<FrontierRecord>();
        int maxSplitNodes = maxLeafNodes - 1;
        int maxDepthSeen = -1;
        FrontierRecord AddSplitNode(int start, int end, double impurity, bool isFirst, bool isLeft, int parent, int depth)
        {
            splitter.NodeReset(start, end, out double weighted);
            if (isFirst) impurity = splitter.NodeImpurity();
            int nNodeSamples = end - start;
            bool isLeaf = depth >= g.MaxDepth || nNodeSamples < g.MinSamplesSplit || nNodeSamples < 2 * g.MinSamplesLeaf || weighted < 2 * minWeightLeaf || impurity <= Epsilon;
            var split = SplitRecord.Init(end);
            int nConstant = 0;
            if (!isLeaf)
            {
                split = splitter.NodeSplit(start, end, impurity, ref nConstant);
                isLeaf = split.Pos >= end || split.Improvement + Epsilon < g.MinImpurityDecrease;
            }
            int nodeId = tree.AddNode(parent, isLeft, isLeaf, split.Feature, split.Threshold, impurity, nNodeSamples, weighted);
            splitter.NodeValue(tree.NodeValueSpan(nodeId));
            var res = new FrontierRecord { NodeId = nodeId, Start = start, End = end, Depth = depth, Impurity = impurity };
            if (!isLeaf)
            {
                res.Pos = split.Pos;
                res.IsLeaf = false;
                res.Improvement = split.Improvement;
                res.ImpurityLeft = split.ImpurityLeft;
                res.ImpurityRight = split.ImpurityRight;
            }
            else
            {
                res.Pos = end;
                res.IsLeaf = true;
                res.Improvement = 0;
                res.ImpurityLeft = impurity;
                res.ImpurityRight = impurity;
            }
            return res;
        }

        Push(frontier, AddSplitNode(0, splitter.NSamples, double.PositiveInfinity, true, true, -2, 0));
        while (frontier.Count > 0)
        {
            var rec = Pop(frontier);
            bool isLeaf = rec.IsLeaf || maxSplitNodes <= 0;
            if (isLeaf)
            {
                tree.MakeLeaf(rec.NodeId);
            }
            else
            {
                maxSplitNodes--;
                var left = AddSplitNode(rec.Start, rec.Pos, rec.ImpurityLeft, false, true, rec.NodeId, rec.Depth + 1);
                var right = AddSplitNode(rec.Pos, rec.End, rec.ImpurityRight, false, false, rec.NodeId, rec.Depth + 1);
                Push(frontier, left);
                Push(frontier, right);
            }
            if (rec.Depth > maxDepthSeen) maxDepthSeen = rec.Depth;
        }
        tree.MaxDepth = maxDepthSeen;
    }

    // libstdc++'s std::push_heap / std::pop_heap with comp(a, b) = a.Improvement < b.Improvement, so ties pop in the same order.
    private static bool Less(in FrontierRecord a, in FrontierRecord b) => a.Improvement < b.Improvement;

    private static void Push(List<FrontierRecord> heap, FrontierRecord value)
    {
        heap.Add(value);
        PushHeap(heap, heap.Count - 1, 0, value);
    }

    private static void PushHeap(List<FrontierRecord> heap, int hole, int top, FrontierRecord value)
    {
        int parent = (hole - 1) / 2;
        while (hole > top && Less(heap[parent], value))
        {
            heap[hole] = heap[parent];
            hole = parent;
            parent = (hole - 1) / 2;
        }
        heap[hole] = value;
    }

    private static FrontierRecord Pop(List<FrontierRecord> heap)
    {
        int len = heap.Count;
        var first = heap[0];
        if (len > 1)
        {
            var value = heap[len - 1];
            heap[len - 1] = first;
            AdjustHeap(heap, 0, len - 1, value);
        }
        heap.RemoveAt(len - 1);
        return first;
    }

    private static void AdjustHeap(List<FrontierRecord> heap, int hole, int len, FrontierRecord value)
    {
        int top = hole, child = hole;
        while (child < (len - 1) / 2)
        {
            child = 2 * (child + 1);
            if (Less(heap[child], heap[child - 1])) child--;
            heap[hole] = heap[child];
            hole = child;
        }
        if ((len & 1) == 0 && child == (len - 2) / 2)
        {
            child = 2 * (child + 1);
            heap[hole] = heap[child - 1];
            hole = child - 1;
        }
        PushHeap(heap, hole, top, value);
    }
}
