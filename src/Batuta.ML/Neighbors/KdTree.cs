namespace Batuta.ML.Neighbors;

/// <summary>
/// A k-d tree over the rows of a matrix for Minkowski distances (p ≥ 1): median splits on the widest
/// dimension, bounding boxes for pruning, leaves of at most <c>leafSize</c> points. Distances are compared
/// in "reduced" form (Σ|dᵢ|^p, summed in feature order, as scikit-learn's trees do), so a radius query
/// includes exactly the points with reduced distance ≤ r^p.
/// </summary>
internal sealed class KdTree
{
    private readonly double[] _x;
    private readonly int _n, _d;
    private readonly double _p;
    private readonly int[] _idx;
    private readonly List<Node> _nodes = [];

    private readonly record struct Node(int Start, int End, int Left, int Right, double[] Lo, double[] Hi);

    public KdTree(double[] x, int n, int d, double p = 2, int leafSize = 30)
    {
        _x = x;
        _n = n;
        _d = d;
        _p = p;
        _idx = Enumerable.Range(0, n).ToArray();
        if (n > 0) Build(0, n, Math.Max(1, leafSize));
    }

    private int Build(int start, int end, int leafSize)
    {
        var lo = new double[_d];
        var hi = new double[_d];
        Array.Fill(lo, double.PositiveInfinity);
        Array.Fill(hi, double.NegativeInfinity);
        for (int i = start; i < end; i++)
        {
            int r = _idx[i];
            for (int f = 0; f < _d; f++)
            {
                double v = _x[r * _d + f];
                if (v < lo[f]) lo[f] = v;
                if (v > hi[f]) hi[f] = v;
            }
        }
        int id = _nodes.Count;
        _nodes.Add(new Node(start, end, -1, -1, lo, hi));
        if (end - start <= leafSize) return id;
        int dim = 0;
        double spread = -1;
        for (int f = 0; f < _d; f++)
        {
            if (hi[f] - lo[f] > spread)
            {
                spread = hi[f] - lo[f];
                dim = f;
            }
        }
        if (spread <= 0) return id;
        int mid = (start + end) / 2;
        Array.Sort(_idx, start, end - start, Comparer<int>.Create((a, b) =>
        {
            int c = _x[a * _d + dim].CompareTo(_x[b * _d + dim]);
            return c != 0 ? c : a.CompareTo(b);
        }));
        int left = Build(start, mid, leafSize);
        int right = Build(mid, end, leafSize);
        _nodes[id] = _nodes[id] with { Left = left, Right = right };
        return id;
    }

    /// <summary>Σ|aᵢ - bᵢ|^p in feature order (the squared distance for p = 2).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public double Reduced(ReadOnlySpan<double> a, int row)
    {
        double s = 0;
        int off = row * _d;
        if (FloatExact.AreEqual(_p, 2))
        {
            for (int f = 0; f < _d; f++)
            {
                double t = a[f] - _x[off + f];
                s += t * t;
            }
        }
        else if (FloatExact.AreEqual(_p, 1))
        {
            for (int f = 0; f < _d; f++) s += Math.Abs(a[f] - _x[off + f]);
        }
        else
        {
            for (int f = 0; f < _d; f++) s += Math.Pow(Math.Abs(a[f] - _x[off + f]), _p);
        }
        return s;
    }

    public double ToDistance(double reduced) => FloatExact.AreEqual(_p, 2) ? Math.Sqrt(reduced) : FloatExact.AreEqual(_p, 1) ? reduced : Math.Pow(reduced, 1 / _p);

    public double ToReduced(double distance) => FloatExact.AreEqual(_p, 2) ? distance * distance : FloatExact.AreEqual(_p, 1) ? distance : Math.Pow(distance, _p);

    private double BoxReduced(ReadOnlySpan<double> q, in Node node)
    {
        double s = 0;
        for (int f = 0; f < _d; f++)
        {
            double t = q[f] < node.Lo[f] ? node.Lo[f] - q[f] : q[f] > node.Hi[f] ? q[f] - node.Hi[f] : 0;
            if (t == 0) continue;
            s += FloatExact.AreEqual(_p, 2) ? t * t : FloatExact.AreEqual(_p, 1) ? t : Math.Pow(t, _p);
        }
        return s;
    }

    /// <summary>Rows within <paramref name="radius"/> of q (inclusive), in ascending row order.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public List<int> Radius(ReadOnlySpan<double> q, double radius)
    {
        double r = ToReduced(radius);
        var result = new List<int>();
        if (_n == 0) return result;
        var stack = new Stack<int>();
        stack.Push(0);
        while (stack.Count > 0)
        {
            var node = _nodes[stack.Pop()];
            if (BoxReduced(q, node) > r) continue;
            if (node.Left < 0)
            {
                for (int i = node.Start; i < node.End; i++)
                    if (Reduced(q, _idx[i]) <= r) result.Add(_idx[i]);
                continue;
            }
            stack.Push(node.Right);
            stack.Push(node.Left);
        }
        result.Sort();
        return result;
    }

    /// <summary>The k nearest rows to q, nearest first (ties by row index), as (reduced distance, row).</summary>
    public (double Reduced, int Row)[] Nearest(ReadOnlySpan<double> q, int k)
    {
        var best = new List<(double D, int R)>(k + 1);
        double worst = double.PositiveInfinity;
        if (_n == 0) return [];
        Visit(0, q, k, best, ref worst);
        return [.. best];
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Visit(int id, ReadOnlySpan<double> q, int k, List<(double D, int R)> best, ref double worst)
    {
        var node = _nodes[id];
        if (best.Count == k && BoxReduced(q, node) > worst) return;
        if (node.Left < 0)
        {
            for (int i = node.Start; i < node.End; i++)
            {
                int row = _idx[i];
                double d = Reduced(q, row);
                if (best.Count == k && (d > worst || (FloatExact.AreEqual(d, worst) && row > best[^1].R))) continue;
                int pos = best.Count;
                while (pos > 0 && (best[pos - 1].D > d || (FloatExact.AreEqual(best[pos - 1].D, d) && best[pos - 1].R > row))) pos--;
                best.Insert(pos, (d, row));
                if (best.Count > k) best.RemoveAt(k);
                if (best.Count == k) worst = best[^1].D;
            }
            return;
        }
        double dl = BoxReduced(q, _nodes[node.Left]), dr = BoxReduced(q, _nodes[node.Right]);
        if (dl <= dr)
        {
            Visit(node.Left, q, k, best, ref worst);
            Visit(node.Right, q, k, best, ref worst);
        }
        else
        {
            Visit(node.Right, q, k, best, ref worst);
            Visit(node.Left, q, k, best, ref worst);
        }
    }
}
