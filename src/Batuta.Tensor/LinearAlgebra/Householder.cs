namespace Batuta.Tensors.LinearAlgebra;

/// <summary>
/// Householder QR with LAPACK's conventions (dgeqrf/dlarfg/dorgqr): R's diagonal takes the sign
/// opposite to the column's leading entry, so Q and R match numpy's up to rounding.
/// </summary>
internal static class Householder
{
    /// <summary>Factors the row-major m×n <paramref name="a"/>: R in the upper triangle, reflectors below; returns tau.</summary>
    public static double[] Factor(double[] a, int m, int n)
    {
        int kmax = Math.Min(m, n);
        var tau = new double[kmax];
        for (int k = 0; k < kmax; k++)
        {
            double alpha = a[k * n + k];
            double xnorm = 0;
            for (int i = k + 1; i < m; i++) xnorm = Hypot(xnorm, a[i * n + k]);
            if (xnorm == 0)
            {
                tau[k] = 0;
                continue;
            }
            double beta = -Math.CopySign(Hypot(alpha, xnorm), alpha);
            tau[k] = (beta - alpha) / beta;
            double scale = 1.0 / (alpha - beta);
            for (int i = k + 1; i < m; i++) a[i * n + k] *= scale;
            a[k * n + k] = beta;
            // Apply H = I - tau v vᵀ (v = [1, a[k+1.., k]]) to the trailing columns.
            for (int j = k + 1; j < n; j++)
            {
                double s = a[k * n + j];
                for (int i = k + 1; i < m; i++) s += a[i * n + k] * a[i * n + j];
                s *= tau[k];
                a[k * n + j] -= s;
                for (int i = k + 1; i < m; i++) a[i * n + j] -= s * a[i * n + k];
            }
        }
        return tau;
    }

    /// <summary>Forms the first <paramref name="cols"/> columns of Q (m×cols, row-major) from the reflectors.</summary>
    public static double[] FormQ(double[] qr, int m, int n, double[] tau, int cols)
    {
        var q = new double[m * cols];
        for (int i = 0; i < Math.Min(m, cols); i++) q[i * cols + i] = 1;
        for (int k = tau.Length - 1; k >= 0; k--)
        {
            if (tau[k] == 0) continue;
            for (int j = 0; j < cols; j++)
            {
                double s = q[k * cols + j];
                for (int i = k + 1; i < m; i++) s += qr[i * n + k] * q[i * cols + j];
                s *= tau[k];
                q[k * cols + j] -= s;
                for (int i = k + 1; i < m; i++) q[i * cols + j] -= s * qr[i * n + k];
            }
        }
        return q;
    }

    /// <summary>Computes Qᵀ b in place for b (m×nrhs, row-major) using the stored reflectors.</summary>
    public static void ApplyQTranspose(double[] qr, int m, int n, double[] tau, double[] b, int nrhs)
    {
        for (int k = 0; k < tau.Length; k++)
        {
            if (tau[k] == 0) continue;
            for (int j = 0; j < nrhs; j++)
            {
                double s = b[k * nrhs + j];
                for (int i = k + 1; i < m; i++) s += qr[i * n + k] * b[i * nrhs + j];
                s *= tau[k];
                b[k * nrhs + j] -= s;
                for (int i = k + 1; i < m; i++) b[i * nrhs + j] -= s * qr[i * n + k];
            }
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
