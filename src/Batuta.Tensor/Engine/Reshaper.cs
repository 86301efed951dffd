namespace Batuta.Tensors.Engine;

/// <summary>numpy's no-copy reshape test (<c>_attempt_nocopy_reshape</c>): strides for the new shape, or null when a copy is needed.</summary>
internal static class Reshaper
{
    public static int[]? TryViewStrides(int[] oldShape, int[] oldStrides, int[] newShape)
    {
        if (TensorShape.ElementCount(oldShape) == 0) return Layout.ContiguousStrides(newShape);
        var (od, os) = WithoutUnitAxes(oldShape, oldStrides);
        int oldNd = od.Count, newNd = newShape.Length;
        var ns = new int[newNd];
        int oi = 0, oj = 1, ni = 0, nj = 1;
        while (ni < newNd && oi < oldNd)
        {
            long np = newShape[ni], op = od[oi];
            while (np != op)
            {
                if (np < op) np *= newShape[nj++];
                else op *= od[oj++];
            }
            if (!IsContiguousRun(od, os, oi, oj - 1)) return null;
            ns[nj - 1] = os[oj - 1];
            for (int nk = nj - 1; nk > ni; nk--) ns[nk - 1] = ns[nk] * newShape[nk];
            ni = nj++;
            oi = oj++;
        }
        int last = ni >= 1 ? ns[ni - 1] : 1;
        for (int nk = ni; nk < newNd; nk++) ns[nk] = last;
        return ns;
    }

    /// <summary>The old shape and strides with the size-1 axes removed (they constrain nothing).</summary>
    private static (List<int> Dims, List<int> Strides) WithoutUnitAxes(int[] shape, int[] strides)
    {
        var od = new List<int>();
        var os = new List<int>();
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] == 1) continue;
            od.Add(shape[i]);
            os.Add(strides[i]);
        }
        return (od, os);
    }

    /// <summary>Whether old axes <paramref name="first"/>..<paramref name="last"/> (inclusive) are C-contiguous with each other, so they can be regrouped without a copy.</summary>
    private static bool IsContiguousRun(List<int> od, List<int> os, int first, int last)
    {
        for (int ok = first; ok < last; ok++)
        {
            if (os[ok] != od[ok + 1] * os[ok + 1]) return false;
        }
        return true;
    }
}
