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
            if (cs == 1 && rows == 12 && mr == 12)
            {
                // Row-major A, full AVX-512 panel: twelve sequential read streams, one contiguous write stream.
                T* r0 = a + i0 * rs;
                T* d = panel;
                for (int p = 0; p < kc; p++, d += 12)
                {
                    T* q = r0 + p;
                    d[0] = q[0];
                    d[1] = q[rs];
                    d[2] = q[2 * rs];
                    d[3] = q[3 * rs];
                    d[4] = q[4 * rs];
                    d[5] = q[5 * rs];
                    d[6] = q[6 * rs];
                    d[7] = q[7 * rs];
                    d[8] = q[8 * rs];
                    d[9] = q[9 * rs];
                    d[10] = q[10 * rs];
                    d[11] = q[11 * rs];
                }
            }
            else if (cs == 1)
            {
                for (int p = 0; p < kc; p++)
                {
                    T* src = a + i0 * rs + p;
                    T* d = panel + p * mr;
                    for (int r = 0; r < rows; r++) d[r] = src[r * rs];
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
            if (cs == 1 && cols == nr && nr == 2 * Vector512<T>.Count && Vector512.IsHardwareAccelerated)
            {
                // A full panel row is exactly two vectors: copy them inline (the panel is 64-byte aligned).
                T* src = b + j0;
                T* d = panel;
                nint w = Vector512<T>.Count;
                for (int p = 0; p < kc; p++, src += rs, d += nr)
                {
                    Vector512.Load(src).StoreAligned(d);
                    Vector512.Load(src + w).StoreAligned(d + w);
                }
            }
            else if (cs == 1 && cols == nr)
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
