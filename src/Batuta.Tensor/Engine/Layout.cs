namespace Batuta.Tensors.Engine;

/// <summary>Shape and stride arithmetic shared by every operation (strides are in elements).</summary>
internal static class Layout
{
    public static int[] ContiguousStrides(ReadOnlySpan<int> shape)
    {
        var strides = new int[shape.Length];
        int s = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= Math.Max(shape[i], 1);
        }
        return strides;
    }

    public static bool IsContiguous(ReadOnlySpan<int> shape, ReadOnlySpan<int> strides)
    {
        int expected = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            if (shape[i] == 1) continue;
            if (shape[i] == 0) return true;
            if (strides[i] != expected) return false;
            expected *= shape[i];
        }
        return true;
    }

    /// <summary>Maps a possibly negative axis (numpy style) into [0, rank).</summary>
    public static int NormalizeAxis(string operation, int axis, int rank, TensorShape shape)
    {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank)
            throw new TensorShapeException(operation, shape, $"has no axis {axis} (rank {rank}; valid axes are {-rank}..{rank - 1}).");
        return a;
    }

    /// <summary>Numpy's broadcasting rule: align on the right, dimensions must match or be 1.</summary>
    public static int[] BroadcastShapes(string operation, ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            int da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            int db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (da != db && da != 1 && db != 1)
                throw new TensorShapeException(operation, new TensorShape(a), new TensorShape(b),
                    $"cannot be broadcast together: dimension {i - rank} is {da} vs {db} (each must be equal, or one of them 1).");
            result[i] = da == 1 ? db : da;
        }
        return result;
    }

    /// <summary>Strides that read <paramref name="shape"/>/<paramref name="strides"/> as <paramref name="target"/>: 0 along broadcast axes.</summary>
    public static void BroadcastStrides(ReadOnlySpan<int> shape, ReadOnlySpan<int> strides, ReadOnlySpan<int> target, Span<int> result)
    {
        int lead = target.Length - shape.Length;
        for (int i = 0; i < target.Length; i++)
        {
            if (i < lead) { result[i] = 0; continue; }
            int d = shape[i - lead];
            result[i] = d == 1 && target[i] != 1 ? 0 : strides[i - lead];
        }
    }

    public static bool SameShape(ReadOnlySpan<int> a, ReadOnlySpan<int> b) => a.SequenceEqual(b);
}
