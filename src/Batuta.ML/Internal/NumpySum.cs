namespace Batuta.ML.Internal;

/// <summary>
/// numpy's summation orders, so sums, means and metrics round exactly as numpy's do:
/// <c>np.sum</c> of a contiguous 1-D float64 array is a pairwise sum (blocks of 128, eight running
/// partial sums), and sums along axis 0 of a C-ordered matrix add whole rows in order.
/// </summary>
internal static class NumpySum
{
    private const int BlockSize = 128;

    /// <summary><c>np.sum(a)</c> for a contiguous float64 vector.</summary>
    public static double Sum(ReadOnlySpan<double> a)
    {
        if (a.Length == 0) return 0;
        return Pairwise(a);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static double Pairwise(ReadOnlySpan<double> a)
    {
        int n = a.Length;
        if (n < 8)
        {
            double res = 0;
            for (int i = 0; i < n; i++) res += a[i];
            return res;
        }
        if (n <= BlockSize)
        {
            double r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8)
            {
                r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3];
                r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += a[i];
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return Pairwise(a[..n2]) + Pairwise(a[n2..]);
    }

    /// <summary><c>np.mean(a)</c>.</summary>
    public static double Mean(ReadOnlySpan<double> a) => Sum(a) / a.Length;

    /// <summary><c>np.average(a, weights=w)</c>, or the mean when w is null.</summary>
    public static double Average(ReadOnlySpan<double> a, ReadOnlySpan<double> w)
    {
        if (w.IsEmpty) return Mean(a);
        var prod = new double[a.Length];
        for (int i = 0; i < a.Length; i++) prod[i] = a[i] * w[i];
        double scl = Sum(w);
        if (scl == 0) throw new DivideByZeroException("Weights sum to zero, can't be normalized");
        return Sum(prod) / scl;
    }

    /// <summary><c>X.sum(axis=0)</c> for a C-ordered (rows × cols) matrix: rows added in order.</summary>
    public static double[] ColumnSums(ReadOnlySpan<double> x, int rows, int cols)
    {
        var s = new double[cols];
        for (int i = 0; i < rows; i++)
        {
            var row = x.Slice(i * cols, cols);
            for (int j = 0; j < cols; j++) s[j] += row[j];
        }
        return s;
    }
}
