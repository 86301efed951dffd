namespace Batuta.Tensors.Gemm;

/// <summary>
/// Copies blocks of A and B into the layouts the micro-kernel streams: A as MR-row panels
/// ([panel][k][MR]), B as NR-column panels ([panel][k][NR]), zero-padded at the edges so the kernel
/// never branches. Both read any strides, so a transposed operand costs nothing extra.
/// </summary>
internal static unsafe class GemmPacking
{
    public static void PackA<T>(int mc, int kc, T* a, nint rs, nint cs, T* dst, int mr) where T : unmanaged, INumber<T>
    {
        for (int i0 = 0; i0 < mc; i0 += mr)
        {
            int rows = Math.Min(mr, mc - i0);
            T* panel = dst + (nint)i0 * kc;
            if (cs == 1)
            {
                // Row-major A: read each row contiguously, write with stride MR.
                for (int r = 0; r < rows; r++)
                {
                    T* src = a + (i0 + r) * rs;
                    T* d = panel + r;
                    for (int p = 0; p < kc; p++) d[p * mr] = src[p];
                }
            }
            else
            {
                for (int p = 0; p < kc; p++)
                {
                    T* src = a + i0 * rs + p * cs;
                    T* d = panel + p * mr;
                    for (int r = 0; r < rows; r++) d[r] = src[r * rs];
                }
            }
            if (rows < mr)
            {
                for (int p = 0; p < kc; p++)
                    for (int r = rows; r < mr; r++) panel[p * mr + r] = T.Zero;
            }
        }
    }

    public static void PackB<T>(int kc, int nc, T* b, nint rs, nint cs, T* dst, int nr) where T : unmanaged, INumber<T>
    {
        for (int j0 = 0; j0 < nc; j0 += nr)
        {
            int cols = Math.Min(nr, nc - j0);
            T* panel = dst + (nint)j0 * kc;
            if (cs == 1 && cols == nr)
            {
                int bytes = nr * sizeof(T);
                for (int p = 0; p < kc; p++) Buffer.MemoryCopy(b + p * rs + j0, panel + p * nr, bytes, bytes);
            }
            else if (cs == 1)
            {
                for (int p = 0; p < kc; p++)
                {
                    T* src = b + p * rs + j0;
                    T* d = panel + p * nr;
                    int j = 0;
                    for (; j < cols; j++) d[j] = src[j];
                    for (; j < nr; j++) d[j] = T.Zero;
                }
            }
            else
            {
                // Column-major (transposed) B: read each column contiguously along k.
                for (int j = 0; j < nr; j++)
                {
                    T* d = panel + j;
                    if (j < cols)
                    {
                        T* src = b + (j0 + j) * cs;
                        for (int p = 0; p < kc; p++) d[p * nr] = src[p * rs];
                    }
                    else
                    {
                        for (int p = 0; p < kc; p++) d[p * nr] = T.Zero;
                    }
                }
            }
        }
    }
}
