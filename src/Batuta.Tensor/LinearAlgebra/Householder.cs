namespace Batuta.Tensors.LinearAlgebra;

/// <summary>
/// Householder QR with LAPACK's conventions (dgeqrf/dlarfg/dorgqr): R's diagonal takes the sign
/// opposite to the column's leading entry, so Q and R match numpy's up to rounding.
/// </summary>
internal static class Householder
{
    /// <summary>Factors the row-major m×n <paramref name="a"/>: R in the upper triangle, reflectors below; returns tau.</summary>
    public static unsafe double[] Factor(double[] a, int m, int n)
    {
        int kmax = Math.Min(m, n);
        var tau = new double[kmax];
        var w = new double[n];
        fixed (double* pa = a, pw = w)
        {
            for (int k = 0; k < kmax; k++)
            {
                double alpha = pa[k * n + k];
                double xnorm = 0;
                for (int i = k + 1; i < m; i++) xnorm = Hypot(xnorm, pa[i * n + k]);
                if (xnorm == 0)
                {
                    tau[k] = 0;
                    continue;
                }
                double beta = -Math.CopySign(Hypot(alpha, xnorm), alpha);
                tau[k] = (beta - alpha) / beta;
                double scale = 1.0 / (alpha - beta);
                for (int i = k + 1; i < m; i++) pa[i * n + k] *= scale;
                pa[k * n + k] = beta;
                // H = I - tau·v·vᵀ with v = [1, a[k+1.., k]] applied to the trailing columns, row by row:
                // w = vᵀ·A (a sum of scaled rows), then A -= tau·v·w (one scaled row per row).
                int cols = n - k - 1;
                if (cols <= 0) continue;
                double* wk = pw;
                new Span<double>(wk, cols).Clear();
                RowOps.Axpy(1.0, pa + k * n + k + 1, wk, cols);
                for (int i = k + 1; i < m; i++) RowOps.Axpy(pa[i * n + k], pa + i * n + k + 1, wk, cols);
                RowOps.Axpy(-tau[k], wk, pa + k * n + k + 1, cols);
                for (int i = k + 1; i < m; i++) RowOps.Axpy(-tau[k] * pa[i * n + k], wk, pa + i * n + k + 1, cols);
            }
        }
        return tau;
    }

    /// <summary>Forms the first <paramref name="cols"/> columns of Q (m×cols, row-major) from the reflectors.</summary>
    public static double[] FormQ(double[] qr, int m, int n, double[] tau, int cols)
    {
        var q = new double[m * cols];
        for (int i = 0; i < Math.Min(m, cols); i++) q[i * cols + i] = 1;
        for (int k = tau.Length - 1; k >= 0; k--) Apply(qr, m, n, tau[k], k, q, cols);
        return q;
    }

    /// <summary>Computes Qᵀ b in place for b (m×nrhs, row-major) using the stored reflectors.</summary>
    public static void ApplyQTranspose(double[] qr, int m, int n, double[] tau, double[] b, int nrhs)
    {
        for (int k = 0; k < tau.Length; k++) Apply(qr, m, n, tau[k], k, b, nrhs);
    }

    /// <summary>B ← (I - tau·v·vᵀ)·B for reflector k (v stored below the diagonal of column k of qr), row-wise.</summary>
    private static unsafe void Apply(double[] qr, int m, int n, double tau, int k, double[] b, int cols)
    {
        if (tau == 0 || cols == 0) return;
        var w = new double[cols];
        fixed (double* pq = qr, pb = b, pw = w)
        {
            RowOps.Axpy(1.0, pb + k * cols, pw, cols);
            for (int i = k + 1; i < m; i++) RowOps.Axpy(pq[i * n + k], pb + i * cols, pw, cols);
            RowOps.Axpy(-tau, pw, pb + k * cols, cols);
            for (int i = k + 1; i < m; i++) RowOps.Axpy(-tau * pq[i * n + k], pw, pb + i * cols, cols);
        }
    }

    private static double Hypot(double x, double y)
    {
        x = Math.Abs(x);
        y = Math.Abs(y);
        if (x < y) (x, y) = (y, x);
        if (x == 0) return 0;
        double r = y / x;
        return x * Math.Sqrt(1 + r * r);
    }
}
