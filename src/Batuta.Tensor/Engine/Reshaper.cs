namespace Batuta.Tensors.Engine;

/// <summary>numpy's no-copy reshape test (<c>_attempt_nocopy_reshape</c>): strides for the new shape, or null when a copy is needed.</summary>
internal static class Reshaper
{
    public static int[]? TryViewStrides(int[] oldShape, int[] oldStrides, int[] newShape)
    {
        if (TensorShape.ElementCount(oldShape) == 0) return Layout.ContiguousStrides(newShape);
        var od = new List<int>();
        var os = new List<int>();
        for (int i = 0; i < oldShape.Length; i++)
        {
            if (oldShape[i] == 1) continue;
            od.Add(oldShape[i]);
            os.Add(oldStrides[i]);
        }
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
            for (int ok = oi; ok < oj - 1; ok++)
            {
                if (os[ok] != od[ok + 1] * os[ok + 1]) return null;
            }
            ns[nj - 1] = os[oj - 1];
            for (int nk = nj - 1; nk > ni; nk--) ns[nk - 1] = ns[nk] * newShape[nk];
            ni = nj++;
            oi = oj++;
        }
        int last = ni >= 1 ? ns[ni - 1] : 1;
        for (int nk = ni; nk < newNd; nk++) ns[nk] = last;
        return ns;
    }
}
