namespace Batuta.ML.Internal;

/// <summary>
/// Least squares through a tall-skinny QR (TSQR): row blocks of [X | Y] (centred and weighted on the fly)
/// are reduced by Householder QR in cache, in parallel, and their R factors are reduced again. Only the
/// small triangular factor survives; Qᵀy rides along as extra columns. Solutions come from the SVD of R
/// (one-sided Jacobi), which gives LAPACK gelsd's minimum-norm answer, rank and singular values, or from
/// R augmented with √α·I for ridge.
/// </summary>
internal static class LeastSquares
{
    /// <summary>The upper-trapezoidal factor R (rows × cols, column-major) of [X | Y].</summary>
    internal sealed record Factor(double[] R, int Rows, int Cols, int Features, int Targets);

    public static Factor Decompose(ReadOnlyMemory<double> xm, int n, int p, double[] y, int k, double[]? xOffset, double[]? yOffset, double[]? rowScale)
    {
        int cols = p + k;
        int blockRows = Math.Max(2 * cols, 65536 / cols);
        int blocks = Math.Max(1, (n + blockRows - 1) / blockRows);
        var partial = new (double[] R, int Rows)[blocks];
        void Body(int b)
        {
            int start = b * blockRows, end = Math.Min(n, start + blockRows), m = end - start;
            var a = new double[m * cols];
            var x = xm.Span;
            for (int i = 0; i < m; i++)
            {
                int row = start + i;
                double s = rowScale?[row] ?? 1.0;
                for (int j = 0; j < p; j++) a[j * m + i] = (x[row * p + j] - (xOffset?[j] ?? 0)) * s;
                for (int t = 0; t < k; t++) a[(p + t) * m + i] = (y[row * k + t] - (yOffset?[t] ?? 0)) * s;
            }
            partial[b] = (Householder(a, m, cols), Math.Min(m, cols));
        }
        if (blocks > 1 && (long)n * cols * cols > 2_000_000) Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = RowBlocks.Threads }, Body);
        else for (int b = 0; b < blocks; b++) Body(b);
        return Reduce(partial, cols, p, k);
    }

    private static Factor Reduce((double[] R, int Rows)[] parts, int cols, int p, int k)
    {
        while (parts.Length > 1)
        {
            // Stack up to 32 factors at a time and factor again.
            var next = new List<(double[], int)>();
            for (int s = 0; s < parts.Length; s += 32)
            {
                var group = parts.Skip(s).Take(32).ToArray();
                int m = group.Sum(g => g.Rows);
                var a = new double[m * cols];
                int offset = 0;
                foreach (var (r, rows) in group)
                {
                    for (int j = 0; j < cols; j++)
                        for (int i = 0; i < rows; i++) a[j * m + offset + i] = r[j * rows + i];
                    offset += rows;
                }
                next.Add((Householder(a, m, cols), Math.Min(m, cols)));
            }
            parts = next.ToArray();
        }
        return new Factor(parts[0].R, parts[0].Rows, cols, p, k);
    }

    /// <summary>Householder QR in place on a column-major m × n matrix; returns R (min(m, n) × n, column-major).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static double[] Householder(double[] a, int m, int n)
    {
        int steps = Math.Min(m, n);
        for (int c = 0; c < steps; c++)
        {
            var col = a.AsSpan(c * m + c, m - c);
            double norm = Norm(col);
            if (norm == 0) continue;
            double alpha = col[0];
            double beta = alpha >= 0 ? -norm : norm;
            double tau = (beta - alpha) / beta;
            double scale = 1.0 / (alpha - beta);
            for (int i = 1; i < col.Length; i++) col[i] *= scale;
            col[0] = 1.0;
            for (int j = c + 1; j < n; j++)
            {
                var target = a.AsSpan(j * m + c, m - c);
                double w = tau * Blas.Dot(col, target);
                Blas.Axpy(-w, col, target);
            }
            col[0] = beta;
        }
        int rows = steps;
        var r = new double[rows * n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i <= Math.Min(j, rows - 1); i++) r[j * rows + i] = a[j * m + i];
        return r;
    }

    private static double Norm(ReadOnlySpan<double> v)
    {
        double scale = 0;
        foreach (var x in v) scale = Math.Max(scale, Math.Abs(x));
        if (scale == 0) return 0;
        double s = 0;
        foreach (var x in v)
        {
            double t = x / scale;
            s += t * t;
        }
        return scale * Math.Sqrt(s);
    }

    /// <summary>
    /// gelsd semantics from R: minimum-norm coefficients (p × k, row-major), the rank (singular values above
    /// <paramref name="cond"/>·σmax) and the singular values in descending order.
    /// </summary>
    public static (double[] Coef, int Rank, double[] Singular) MinimumNorm(Factor f, double cond = 2.220446049250313e-16)
    {
        int p = f.Features, k = f.Targets, rows = f.Rows;
        // A = R[:, :p] (rows × p), B = R[:, p:] (rows × k), both column-major.
        var a = new double[rows * p];
        Array.Copy(f.R, a, rows * p);
        var v = new double[p * p];
        for (int j = 0; j < p; j++) v[j * p + j] = 1;
        Jacobi(a, rows, p, v);
        var sigma = new double[p];
        for (int j = 0; j < p; j++) sigma[j] = Math.Sqrt(Blas.Dot(a.AsSpan(j * rows, rows), a.AsSpan(j * rows, rows)));
        double smax = sigma.Length == 0 ? 0 : sigma.Max();
        double cut = cond * smax;
        int rank = sigma.Count(s => s > cut);
        var coef = new double[p * k];
        for (int t = 0; t < k; t++)
        {
            var b = f.R.AsSpan((p + t) * rows, rows);
            for (int j = 0; j < p; j++)
            {
                if (!(sigma[j] > cut)) continue;
                double proj = Blas.Dot(a.AsSpan(j * rows, rows), b) / (sigma[j] * sigma[j]);
                for (int i = 0; i < p; i++) coef[i * k + t] += v[j * p + i] * proj;
            }
        }
        var singular = sigma.OrderDescending().ToArray();
        return (coef, rank, singular);
    }

    /// <summary>Ridge: argmin ‖Xw - y‖² + α‖w‖² from R, via the QR of [R; √α·I] (p × k, row-major).</summary>
    public static double[] Ridge(Factor f, double alpha)
    {
        int p = f.Features, k = f.Targets, rows = f.Rows, cols = f.Cols;
        int m = rows + p;
        var a = new double[m * cols];
        for (int j = 0; j < cols; j++)
            for (int i = 0; i < rows; i++) a[j * m + i] = f.R[j * rows + i];
        double s = Math.Sqrt(alpha);
        for (int j = 0; j < p; j++) a[j * m + rows + j] = s;
        var r = Householder(a, m, cols);
        int rr = Math.Min(m, cols);
        var coef = new double[p * k];
        for (int t = 0; t < k; t++)
        {
            for (int i = p - 1; i >= 0; i--)
            {
                double sum = r[(p + t) * rr + i];
                for (int j = i + 1; j < p; j++) sum -= r[j * rr + i] * coef[j * k + t];
                double d = r[i * rr + i];
                coef[i * k + t] = d == 0 ? 0 : sum / d;
            }
        }
        return coef;
    }

    /// <summary>One-sided Jacobi: rotates the columns of A (m × n, column-major) until orthogonal, accumulating V.</summary>
    private static void Jacobi(double[] a, int m, int n, double[] v)
    {
        const double tol = 1e-15;
        for (int sweep = 0; sweep < 80; sweep++)
        {
            bool rotated = false;
            for (int i = 0; i < n - 1; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    var ai = a.AsSpan(i * m, m);
                    var aj = a.AsSpan(j * m, m);
                    double alpha = Blas.Dot(ai, ai), beta = Blas.Dot(aj, aj), gamma = Blas.Dot(ai, aj);
                    if (gamma == 0 || Math.Abs(gamma) <= tol * Math.Sqrt(alpha * beta)) continue;
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.Sign(zeta) / (Math.Abs(zeta) + Math.Sqrt(1 + zeta * zeta));
                    if (zeta == 0) t = 1;
                    double c = 1 / Math.Sqrt(1 + t * t), s = c * t;
                    for (int r = 0; r < m; r++)
                    {
                        double x = ai[r], y = aj[r];
                        ai[r] = c * x - s * y;
                        aj[r] = s * x + c * y;
                    }
                    var vi = v.AsSpan(i * n, n);
                    var vj = v.AsSpan(j * n, n);
                    for (int r = 0; r < n; r++)
                    {
                        double x = vi[r], y = vj[r];
                        vi[r] = c * x - s * y;
                        vj[r] = s * x + c * y;
                    }
                }
            }
            if (!rotated) break;
        }
    }
}
