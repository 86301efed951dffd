namespace Batuta.Tensors.LinearAlgebra;

/// <summary>
/// LU factorisation with partial pivoting (PA = LU, L unit lower), in place on a row-major n×n
/// array of doubles. Row updates are SIMD axpys through the shared ternary loop.
/// </summary>
internal static unsafe class Lu
{
    /// <summary>Factors <paramref name="a"/> in place; returns false if a pivot is exactly zero (singular).</summary>
    public static bool Factor(double[] a, int n, int[] pivots, out int swaps)
    {
        swaps = 0;
        bool singular = false;
        fixed (double* pa = a)
        {
            for (int k = 0; k < n; k++)
            {
                int p = k;
                double best = Math.Abs(pa[k * n + k]);
                for (int i = k + 1; i < n; i++)
                {
                    double v = Math.Abs(pa[i * n + k]);
                    if (v > best)
                    {
                        best = v;
                        p = i;
                    }
                }
                pivots[k] = p;
                if (p != k)
                {
                    swaps++;
                    SwapRows(pa + k * n, pa + p * n, n);
                }
                double pivot = pa[k * n + k];
                if (pivot == 0)
                {
                    singular = true;
                    continue;
                }
                int rest = n - k - 1;
                for (int i = k + 1; i < n; i++)
                {
                    double l = pa[i * n + k] / pivot;
                    pa[i * n + k] = l;
                    if (l != 0 && rest > 0) RowOps.Axpy(-l, pa + k * n + k + 1, pa + i * n + k + 1, rest);
                }
            }
        }
        return !singular;
    }

    /// <summary>Solves LU x = P b in place for <paramref name="nrhs"/> right-hand sides (b row-major n×nrhs).</summary>
    public static void Solve(double[] lu, int n, int[] pivots, double[] b, int nrhs)
    {
        fixed (double* pl = lu, pb = b)
        {
            for (int k = 0; k < n; k++)
            {
                if (pivots[k] != k) SwapRows(pb + k * nrhs, pb + pivots[k] * nrhs, nrhs);
            }
            for (int i = 0; i < n; i++)
            {
                for (int k = 0; k < i; k++)
                {
                    double l = pl[i * n + k];
                    if (l != 0) RowOps.Axpy(-l, pb + k * nrhs, pb + i * nrhs, nrhs);
                }
            }
            for (int i = n - 1; i >= 0; i--)
            {
                for (int k = i + 1; k < n; k++)
                {
                    double u = pl[i * n + k];
                    if (u != 0) RowOps.Axpy(-u, pb + k * nrhs, pb + i * nrhs, nrhs);
                }
                double inv = 1.0 / pl[i * n + i];
                for (int j = 0; j < nrhs; j++) pb[i * nrhs + j] *= inv;
            }
        }
    }

    private static void SwapRows(double* a, double* b, int n)
    {
        for (int i = 0; i < n; i++) (a[i], b[i]) = (b[i], a[i]);
    }
}
