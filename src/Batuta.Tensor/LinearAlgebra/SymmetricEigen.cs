namespace Batuta.Tensors.LinearAlgebra;

/// <summary>
/// Symmetric eigendecomposition: Householder reduction to tridiagonal form, then the implicit QL
/// algorithm (EISPACK tred2/tql2, as in JAMA). Eigenvalues ascending; eigenvectors in columns.
/// </summary>
internal static class SymmetricEigen
{
    /// <summary>V (n×n, row-major) holds the symmetric input on entry and the eigenvectors on exit.</summary>
    public static double[] Decompose(double[] v, int n)
    {
        var d = new double[n];
        var e = new double[n];
        if (n == 0) return d;
        // Both phases work on Vᵀ (row-major), so their O(n³) inner loops, which walk down columns of V,
        // run over contiguous rows. The input is symmetric, so it is its own transpose.
        Tred2(n, v, d, e);
        Tql2(n, v, d, e);
        RowOps.Transpose(v, n, n).CopyTo(v, 0);
        return d;
    }

    /// <summary>Householder tridiagonalisation (tred2) with V stored transposed: V[j * n + k] is JAMA's V[k][j].</summary>
    private static unsafe void Tred2(int n, double[] V, double[] d, double[] e)
    {
        for (int j = 0; j < n; j++) d[j] = V[j * n + n - 1];
        for (int i = n - 1; i > 0; i--)
        {
            double scale = 0.0, h = 0.0;
            for (int k = 0; k < i; k++) scale += Math.Abs(d[k]);
            if (scale == 0.0)
            {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++)
                {
                    d[j] = V[j * n + i - 1];
                    V[j * n + i] = 0.0;
                    V[i * n + j] = 0.0;
                }
            }
            else
            {
                for (int k = 0; k < i; k++)
                {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }
                double f = d[i - 1];
                double g = Math.Sqrt(h);
                if (f > 0) g = -g;
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                for (int j = 0; j < i; j++) e[j] = 0.0;
                fixed (double* pv = V, pd = d, pe = e)
                {
                    for (int j = 0; j < i; j++)
                    {
                        f = pd[j];
                        pv[i * n + j] = f;
                        double* row = pv + j * n;
                        int len = i - 1 - j;
                        g = pe[j] + row[j] * f + RowOps.Dot(row + j + 1, pd + j + 1, len);
                        if (len > 0) RowOps.Axpy(f, row + j + 1, pe + j + 1, len);
                        pe[j] = g;
                    }
                }
                f = 0.0;
                for (int j = 0; j < i; j++)
                {
                    e[j] /= h;
                    f += e[j] * d[j];
                }
                double hh = f / (h + h);
                for (int j = 0; j < i; j++) e[j] -= hh * d[j];
                fixed (double* pv = V, pd = d, pe = e)
                {
                    for (int j = 0; j < i; j++)
                    {
                        f = pd[j];
                        g = pe[j];
                        double* row = pv + j * n;
                        RowOps.Axpy(-f, pe + j, row + j, i - j);
                        RowOps.Axpy(-g, pd + j, row + j, i - j);
                        pd[j] = row[i - 1];
                        row[i] = 0.0;
                    }
                }
            }
            d[i] = h;
        }
        for (int i = 0; i < n - 1; i++)
        {
            V[i * n + n - 1] = V[i * n + i];
            V[i * n + i] = 1.0;
            double h = d[i + 1];
            if (h != 0.0)
            {
                for (int k = 0; k <= i; k++) d[k] = V[(i + 1) * n + k] / h;
                fixed (double* pv = V, pd = d)
                {
                    double* u = pv + (i + 1) * n;
                    for (int j = 0; j <= i; j++)
                    {
                        double* row = pv + j * n;
                        RowOps.Axpy(-RowOps.Dot(u, row, i + 1), pd, row, i + 1);
                    }
                }
            }
            for (int k = 0; k <= i; k++) V[(i + 1) * n + k] = 0.0;
        }
        for (int j = 0; j < n; j++)
        {
            d[j] = V[j * n + n - 1];
            V[j * n + n - 1] = 0.0;
        }
        V[(n - 1) * n + n - 1] = 1.0;
        e[0] = 0.0;
    }

    /// <summary>Implicit QL on the tridiagonal (d, e), accumulating rotations into Vᵀ (row-major, rows = eigenvectors).</summary>
    private static unsafe void Tql2(int n, double[] Vt, double[] d, double[] e)
    {
        for (int i = 1; i < n; i++) e[i - 1] = e[i];
        e[n - 1] = 0.0;
        double f = 0.0, tst1 = 0.0;
        double eps = Math.Pow(2.0, -52.0);
        for (int l = 0; l < n; l++)
        {
            tst1 = Math.Max(tst1, Math.Abs(d[l]) + Math.Abs(e[l]));
            int m = l;
            while (m < n)
            {
                if (Math.Abs(e[m]) <= eps * tst1) break;
                m++;
            }
            if (m == n) m = n - 1;
            if (m > l)
            {
                int iter = 0;
                do
                {
                    if (++iter > 60) throw new LinAlgException("eigh: the QL iteration did not converge.");
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2.0 * e[l]);
                    double r = Hypot(p, 1.0);
                    if (p < 0) r = -r;
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) d[i] -= h;
                    f += h;
                    p = d[m];
                    double c = 1.0, c2 = c, c3 = c;
                    double el1 = e[l + 1];
                    double s = 0.0, s2 = 0.0;
                    for (int i = m - 1; i >= l; i--)
                    {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        // Rows i and i+1 of Vᵀ: (row_i, row_i+1) ← (c·row_i - s·row_i+1, s·row_i + c·row_i+1).
                        fixed (double* vi = &Vt[i * n], vi1 = &Vt[(i + 1) * n]) RowOps.Rotate(vi, vi1, n, c, s);
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                }
                while (Math.Abs(e[l]) > eps * tst1);
            }
            d[l] += f;
            e[l] = 0.0;
        }
        for (int i = 0; i < n - 1; i++)
        {
            int k = i;
            double p = d[i];
            for (int j = i + 1; j < n; j++)
            {
                if (d[j] < p)
                {
                    k = j;
                    p = d[j];
                }
            }
            if (k != i)
            {
                d[k] = d[i];
                d[i] = p;
                for (int j = 0; j < n; j++) (Vt[i * n + j], Vt[k * n + j]) = (Vt[k * n + j], Vt[i * n + j]);
            }
        }
    }

    private static double Hypot(double a, double b)
    {
        a = Math.Abs(a);
        b = Math.Abs(b);
        if (a < b) (a, b) = (b, a);
        if (a == 0) return 0;
        double r = b / a;
        return a * Math.Sqrt(1 + r * r);
    }
}
