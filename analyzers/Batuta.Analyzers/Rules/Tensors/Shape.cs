namespace Batuta.Analyzers.Rules.Tensors;

/// <summary>numpy's shape rules for broadcasting and matmul, on shapes known at compile time.</summary>
internal static class Shape
{
    public static string Format(int[] shape) => "(" + string.Join(", ", shape) + (shape.Length == 1 ? ",)" : ")");

    /// <summary>Broadcast result, or null with the reason when the shapes do not broadcast.</summary>
    public static int[]? Broadcast(int[] a, int[] b, out string? reason)
    {
        reason = null;
        int rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (int i = 1; i <= rank; i++)
        {
            int da = i <= a.Length ? a[a.Length - i] : 1;
            int db = i <= b.Length ? b[b.Length - i] : 1;
            if (da != db && da != 1 && db != 1)
            {
                reason = "dimension " + (rank - i) + " is " + da + " vs " + db + ", and neither is 1";
                return null;
            }
            result[rank - i] = da == 1 ? db : da;
        }
        return result;
    }

    /// <summary>Matmul result by numpy's rules (1-D operands are promoted and the added axis dropped), or null with the reason.</summary>
    public static int[]? MatMul(int[] a, int[] b, out string? reason)
    {
        reason = null;
        if (a.Length == 0 || b.Length == 0)
        {
            reason = "matmul does not take 0-D operands";
            return null;
        }
        int k1 = a[a.Length - 1];
        int k2 = b.Length == 1 ? b[0] : b[b.Length - 2];
        if (k1 != k2)
        {
            reason = "inner dimensions differ (" + k1 + " vs " + k2 + ")";
            return null;
        }
        var batchA = a.Length > 2 ? a.Take(a.Length - 2).ToArray() : Array.Empty<int>();
        var batchB = b.Length > 2 ? b.Take(b.Length - 2).ToArray() : Array.Empty<int>();
        var batch = Broadcast(batchA, batchB, out var batchReason);
        if (batch is null)
        {
            reason = "batch dimensions do not broadcast: " + batchReason;
            return null;
        }
        var result = new List<int>(batch);
        if (a.Length >= 2) result.Add(a[a.Length - 2]);
        if (b.Length >= 2) result.Add(b[b.Length - 1]);
        return result.ToArray();
    }

    /// <summary>Reshape with at most one -1; null when the element counts differ.</summary>
    public static int[]? Reshape(int[] from, int[] to, out string? reason)
    {
        reason = null;
        long total = from.Aggregate(1L, (p, d) => p * d);
        int unknown = Array.IndexOf(to, -1);
        long known = to.Where(d => d != -1).Aggregate(1L, (p, d) => p * d);
        if (unknown >= 0 && to.Count(d => d == -1) == 1 && known > 0 && total % known == 0)
        {
            var result = (int[])to.Clone();
            result[unknown] = (int)(total / known);
            return result;
        }
        if (unknown < 0 && known == total) return to;
        reason = "cannot reshape " + total + " elements into " + Format(to);
        return null;
    }
}
