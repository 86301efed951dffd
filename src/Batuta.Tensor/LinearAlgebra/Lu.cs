using Batuta.Tensors.Gemm;

namespace Batuta.Tensors.LinearAlgebra;

/// <summary>
/// LU factorisation with partial pivoting (PA = LU, L unit lower), in place on a row-major n×n array
/// of doubles, blocked the LAPACK way (getrf): factor a panel of <see cref="Block"/> columns with row
/// axpys, solve for the block row of U, then update the trailing matrix with one GEMM, so almost all
/// of the n³/3 multiply-adds run in the packed FMA kernel. The triangular solves are blocked the same
/// way (small triangles with axpys, the rest as GEMM updates).
/// </summary>
internal static unsafe class Lu
{
    public const int Block = 64;

    /// <summary>Factors <paramref name="a"/> in place; returns false if a pivot is exactly zero (singular).</summary>
    public static bool Factor(double[] a, int n, int[] pivots, out int swaps)
    {
        swaps = 0;
        bool singular = false;
        fixed (double* pa = a)
        {
            for (int k0 = 0; k0 < n; k0 += Block)
            {
                int kb = Math.Min(Block, n - k0);
                int panelEnd = k0 + kb;

                // Panel: unblocked LU of columns k0..panelEnd-1; swaps move whole rows.
                for (int k = k0; k < panelEnd; k++)
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
                    int rest = panelEnd - k - 1;
                    double* pivotRow = pa + k * n + k + 1;
                    for (int i = k + 1; i < n; i++)
                    {
                        double l = pa[i * n + k] / pivot;
                        pa[i * n + k] = l;
                        if (l != 0 && rest > 0) RowOps.AxpyShort(-l, pivotRow, pa + i * n + k + 1, rest);
                    }
                }

                int right = n - panelEnd;
                if (right == 0) continue;

                // U12 = L11⁻¹·A12 (unit lower triangle, row axpys).
                for (int i = k0 + 1; i < panelEnd; i++)
                    for (int j = k0; j < i; j++)
                    {
                        double l = pa[i * n + j];
                        if (l != 0) RowOps.Axpy(-l, pa + j * n + panelEnd, pa + i * n + panelEnd, right);
                    }

                // A22 -= L21·U12: the O(n³) part, in the GEMM.
                SubtractProduct(pa + panelEnd * n + k0, n, pa + k0 * n + panelEnd, n, pa + panelEnd * n + panelEnd, n, right, right, kb);
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

            if (nrhs == 1)
            {
                // One right-hand side: substitution by SIMD dot products along the rows of L and U.
                for (int i = 1; i < n; i++) pb[i] -= RowOps.Dot(pl + i * n, pb, i);
                for (int i = n - 1; i >= 0; i--) pb[i] = (pb[i] - RowOps.Dot(pl + i * n + i + 1, pb + i + 1, n - i - 1)) / pl[i * n + i];
                return;
            }

            // Forward: L·y = Pb, block by block; each solved block updates the rows below with one GEMM.
            for (int i0 = 0; i0 < n; i0 += Block)
            {
                int i1 = Math.Min(n, i0 + Block);
                for (int i = i0; i < i1; i++)
                    for (int k = i0; k < i; k++)
                    {
                        double l = pl[i * n + k];
                        if (l != 0) RowOps.Axpy(-l, pb + k * nrhs, pb + i * nrhs, nrhs);
                    }
                if (i1 < n) SubtractProduct(pl + i1 * n + i0, n, pb + i0 * nrhs, nrhs, pb + i1 * nrhs, nrhs, n - i1, nrhs, i1 - i0);
            }

            // Backward: U·x = y, from the last block up.
            for (int i1 = n; i1 > 0; i1 -= Block)
            {
                int i0 = Math.Max(0, i1 - Block);
                for (int i = i1 - 1; i >= i0; i--)
                {
                    for (int k = i + 1; k < i1; k++)
                    {
                        double u = pl[i * n + k];
                        if (u != 0) RowOps.Axpy(-u, pb + k * nrhs, pb + i * nrhs, nrhs);
                    }
                    double inv = 1.0 / pl[i * n + i];
                    for (int j = 0; j < nrhs; j++) pb[i * nrhs + j] *= inv;
                }
                if (i0 > 0) SubtractProduct(pl + i0, n, pb + i0 * nrhs, nrhs, pb, nrhs, i0, nrhs, i1 - i0);
            }
        }
    }

    /// <summary>C (m×n, leading dimension ldc) -= A (m×k) · B (k×n), all row-major with the given row strides.</summary>
    private static void SubtractProduct(double* a, int lda, double* b, int ldb, double* c, int ldc, int m, int n, int k)
    {
        if (m == 0 || n == 0 || k == 0) return;
        // The GEMM only adds: negate a copy of A (m×k, the smaller operand here) once.
        var neg = new double[m * k];
        fixed (double* pn = neg)
        {
            for (int i = 0; i < m; i++)
                for (int p = 0; p < k; p++) pn[i * k + p] = -a[i * lda + p];
            int bits = Backends.SimdWidth.ActiveBits;
            if (PackedGemm.Supports<double>(bits) && (long)m * n * k >= 24L * 24 * 24 && m >= 4 && n >= 8)
                PackedGemm.Multiply(m, n, k, pn, k, 1, b, ldb, 1, c, ldc, bits, allowParallel: true, accumulate: true);
            else
                SimpleGemm.Multiply(m, n, k, pn, k, 1, b, ldb, 1, c, ldc, bits, accumulate: true);
        }
    }

    private static void SwapRows(double* a, double* b, int n)
    {
        for (int i = 0; i < n; i++) (a[i], b[i]) = (b[i], a[i]);
    }
}
