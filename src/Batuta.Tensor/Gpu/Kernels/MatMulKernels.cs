using ILGPU;

namespace Batuta.Tensors.Gpu.Kernels;

/// <summary>
/// Tiled shared-memory matmul, C = A·B, all row-major. A group of 16×16 threads computes a 128×128
/// tile of C; each thread holds an 8×8 block of accumulators in registers. Per step of 8 along k the
/// group stages a 128×8 slice of A (transposed) and an 8×128 slice of B in shared memory with
/// coalesced loads, so each loaded value feeds 8 multiply-adds from registers.
/// </summary>
internal static class MatMulKernels
{
    public const int Tile = 128;
    public const int Depth = 8;
    public const int ThreadsPerSide = 16;
    public const int Threads = ThreadsPerSide * ThreadsPerSide;
    public const int PerThread = Tile / ThreadsPerSide;
    private const int LoadsPerThread = Tile * Depth / Threads;

    public static void MatMulFloat(ArrayView<float> a, ArrayView<float> b, ArrayView<float> c, int m, int n, int k)
    {
        var tileA = SharedMemory.Allocate<float>(Depth * Tile);
        var tileB = SharedMemory.Allocate<float>(Depth * Tile);
        int tx = Group.IdxX, ty = Group.IdxY;
        int tid = ty * ThreadsPerSide + tx;
        int rowBase = Grid.IdxY * Tile, colBase = Grid.IdxX * Tile;
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c04 = 0, c05 = 0, c06 = 0, c07 = 0;
        float c10 = 0, c11 = 0, c12 = 0, c13 = 0, c14 = 0, c15 = 0, c16 = 0, c17 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c24 = 0, c25 = 0, c26 = 0, c27 = 0;
        float c30 = 0, c31 = 0, c32 = 0, c33 = 0, c34 = 0, c35 = 0, c36 = 0, c37 = 0;
        float c40 = 0, c41 = 0, c42 = 0, c43 = 0, c44 = 0, c45 = 0, c46 = 0, c47 = 0;
        float c50 = 0, c51 = 0, c52 = 0, c53 = 0, c54 = 0, c55 = 0, c56 = 0, c57 = 0;
        float c60 = 0, c61 = 0, c62 = 0, c63 = 0, c64 = 0, c65 = 0, c66 = 0, c67 = 0;
        float c70 = 0, c71 = 0, c72 = 0, c73 = 0, c74 = 0, c75 = 0, c76 = 0, c77 = 0;
        for (int k0 = 0; k0 < k; k0 += Depth)
        {
            for (int r = 0; r < LoadsPerThread; r++)
            {
                int idx = tid + r * Threads;
                int row = idx / Depth, kk = idx % Depth;
                int gr = rowBase + row, gk = k0 + kk;
                tileA[kk * Tile + row] = gr < m && gk < k ? a[(long)gr * k + gk] : (float)0;
                int kb = idx / Tile, col = idx % Tile;
                int gkb = k0 + kb, gc = colBase + col;
                tileB[kb * Tile + col] = gkb < k && gc < n ? b[(long)gkb * n + gc] : (float)0;
            }
            Group.Barrier();
            for (int kk = 0; kk < Depth; kk++)
            {
                int ao = kk * Tile + ty * PerThread, bo = kk * Tile + tx * PerThread;
                float a0 = tileA[ao + 0];
                float a1 = tileA[ao + 1];
                float a2 = tileA[ao + 2];
                float a3 = tileA[ao + 3];
                float a4 = tileA[ao + 4];
                float a5 = tileA[ao + 5];
                float a6 = tileA[ao + 6];
                float a7 = tileA[ao + 7];
                float b0 = tileB[bo + 0];
                float b1 = tileB[bo + 1];
                float b2 = tileB[bo + 2];
                float b3 = tileB[bo + 3];
                float b4 = tileB[bo + 4];
                float b5 = tileB[bo + 5];
                float b6 = tileB[bo + 6];
                float b7 = tileB[bo + 7];
                c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3; c04 += a0 * b4; c05 += a0 * b5; c06 += a0 * b6; c07 += a0 * b7;
                c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3; c14 += a1 * b4; c15 += a1 * b5; c16 += a1 * b6; c17 += a1 * b7;
                c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3; c24 += a2 * b4; c25 += a2 * b5; c26 += a2 * b6; c27 += a2 * b7;
                c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3; c34 += a3 * b4; c35 += a3 * b5; c36 += a3 * b6; c37 += a3 * b7;
                c40 += a4 * b0; c41 += a4 * b1; c42 += a4 * b2; c43 += a4 * b3; c44 += a4 * b4; c45 += a4 * b5; c46 += a4 * b6; c47 += a4 * b7;
                c50 += a5 * b0; c51 += a5 * b1; c52 += a5 * b2; c53 += a5 * b3; c54 += a5 * b4; c55 += a5 * b5; c56 += a5 * b6; c57 += a5 * b7;
                c60 += a6 * b0; c61 += a6 * b1; c62 += a6 * b2; c63 += a6 * b3; c64 += a6 * b4; c65 += a6 * b5; c66 += a6 * b6; c67 += a6 * b7;
                c70 += a7 * b0; c71 += a7 * b1; c72 += a7 * b2; c73 += a7 * b3; c74 += a7 * b4; c75 += a7 * b5; c76 += a7 * b6; c77 += a7 * b7;
            }
            Group.Barrier();
        }
        int r0 = rowBase + ty * PerThread, q0 = colBase + tx * PerThread;
        if (r0 + 0 < m)
        {
            long o = (long)(r0 + 0) * n + q0;
            if (q0 + 0 < n) c[o + 0] = c00;
            if (q0 + 1 < n) c[o + 1] = c01;
            if (q0 + 2 < n) c[o + 2] = c02;
            if (q0 + 3 < n) c[o + 3] = c03;
            if (q0 + 4 < n) c[o + 4] = c04;
            if (q0 + 5 < n) c[o + 5] = c05;
            if (q0 + 6 < n) c[o + 6] = c06;
            if (q0 + 7 < n) c[o + 7] = c07;
        }
        if (r0 + 1 < m)
        {
            long o = (long)(r0 + 1) * n + q0;
            if (q0 + 0 < n) c[o + 0] = c10;
            if (q0 + 1 < n) c[o + 1] = c11;
            if (q0 + 2 < n) c[o + 2] = c12;
            if (q0 + 3 < n) c[o + 3] = c13;
            if (q0 + 4 < n) c[o + 4] = c14;
            if (q0 + 5 < n) c[o + 5] = c15;
            if (q0 + 6 < n) c[o + 6] = c16;
            if (q0 + 7 < n) c[o + 7] = c17;
        }
        if (r0 + 2 < m)
        {
            long o = (long)(r0 + 2) * n + q0;
            if (q0 + 0 < n) c[o + 0] = c20;
            if (q0 + 1 < n) c[o + 1] = c21;
            if (q0 + 2 < n) c[o + 2] = c22;
            if (q0 + 3 < n) c[o + 3] = c23;
            if (q0 + 4 < n) c[o + 4] = c24;
            if (q0 + 5 < n) c[o + 5] = c25;
            if (q0 + 6 < n) c[o + 6] = c26;
            if (q0 + 7 < n) c[o + 7] = c27;
        }
        if (r0 + 3 < m)
        {
            long o = (long)(r0 + 3) * n + q0;
            if (q0 + 0 < n) c[o + 0] = c30;
            if (q0 + 1 < n) c[o + 1] = c31;
            if (q0 + 2 < n) c[o + 2] = c32;
            if (q0 + 3 < n) c[o + 3] = c33;
            if (q0 + 4 < n) c[o + 4] = c34;
            if (q0 + 5 < n) c[o + 5] = c35;
            if (q0 + 6 < n) c[o + 6] = c36;
            if (q0 + 7 < n) c[o + 7] = c37;
        }
        if (r0 + 4 < m)
        {
            long o = (long)(r0 + 4) * n + q0;
            if (q0 + 0 < n) c[o + 0] = c40;
            if (q0 + 1 < n) c[o + 1] = c41;
            if (q0 + 2 < n) c[o + 2] = c42;
            if (q0 + 3 < n) c[o + 3] = c43;
            if (q0 + 4 < n) c[o + 4] = c44;
            if (q0 + 5 < n) c[o + 5] = c45;
            if (q0 + 6 < n) c[o + 6] = c46;
            if (q0 + 7 < n) c[o + 7] = c47;
        }
        if (r0 + 5 < m)
        {
            long o = (long)(r0 + 5) * n + q0;
            if (q0 + 0 < n) c[o + 0] = c50;
            if (q0 + 1 < n) c[o + 1] = c51;
            if (q0 + 2 < n) c[o + 2] = c52;
            if (q0 + 3 < n) c[o + 3] = c53;
            if (q0 + 4 < n) c[o + 4] = c54;
            if (q0 + 5 < n) c[o + 5] = c55;
            if (q0 + 6 < n) c[o + 6] = c56;
            if (q0 + 7 < n) c[o + 7] = c57;
        }
        if (r0 + 6 < m)
        {
            long o = (long)(r0 + 6) * n + q0;
            if (q0 + 0 < n) c[o + 0] = c60;
            if (q0 + 1 < n) c[o + 1] = c61;
            if (q0 + 2 < n) c[o + 2] = c62;
            if (q0 + 3 < n) c[o + 3] = c63;
            if (q0 + 4 < n) c[o + 4] = c64;
            if (q0 + 5 < n) c[o + 5] = c65;
            if (q0 + 6 < n) c[o + 6] = c66;
            if (q0 + 7 < n) c[o + 7] = c67;
        }
        if (r0 + 7 < m)
        {
            long o = (long)(r0 + 7) * n + q0;
            if (q0 + 0 < n) c[o + 0] = c70;
            if (q0 + 1 < n) c[o + 1] = c71;
            if (q0 + 2 < n) c[o + 2] = c72;
            if (q0 + 3 < n) c[o + 3] = c73;
            if (q0 + 4 < n) c[o + 4] = c74;
            if (q0 + 5 < n) c[o + 5] = c75;
            if (q0 + 6 < n) c[o + 6] = c76;
            if (q0 + 7 < n) c[o + 7] = c77;
        }
    }

    public static void MatMulDouble(ArrayView<double> a, ArrayView<double> b, ArrayView<double> c, int m, int n, int k)
    {
        var tileA = SharedMemory.Allocate<double>(Depth * Tile);
        var tileB = SharedMemory.Allocate<double>(Depth * Tile);
        int tx = Group.IdxX, ty = Group.IdxY;
        int tid = ty * ThreadsPerSide + tx;
        int rowBase = Grid.IdxY * Tile, colBase = Grid.IdxX * Tile;
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c04 = 0, c05 = 0, c06 = 0, c07 = 0;
        double c10 = 0, c11 = 0, c12 = 0, c13 = 0, c14 = 0, c15 = 0, c16 = 0, c17 = 0;
        double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c24 = 0, c25 = 0, c26 = 0, c27 = 0;
        double c30 = 0, c31 = 0, c32 = 0, c33 = 0, c34 = 0, c35 = 0, c36 = 0, c37 = 0;
        double c40 = 0, c41 = 0, c42 = 0, c43 = 0, c44 = 0, c45 = 0, c46 = 0, c47 = 0;
        double c50 = 0, c51 = 0, c52 = 0, c53 = 0, c54 = 0, c55 = 0, c56 = 0, c57 = 0;
        double c60 = 0, c61 = 0, c62 = 0, c63 = 0, c64 = 0, c65 = 0, c66 = 0, c67 = 0;
        double c70 = 0, c71 = 0, c72 = 0, c73 = 0, c74 = 0, c75 = 0, c76 = 0, c77 = 0;
        for (int k0 = 0; k0 < k; k0 += Depth)
        {
            for (int r = 0; r < LoadsPerThread; r++)
            {
                int idx = tid + r * Threads;
                int row = idx / Depth, kk = idx % Depth;
                int gr = rowBase + row, gk = k0 + kk;
                tileA[kk * Tile + row] = gr < m && gk < k ? a[(long)gr * k + gk] : (double)0;
                int kb = idx / Tile, col = idx % Tile;
                int gkb = k0 + kb, gc = colBase + col;
                tileB[kb * Tile + col] = gkb < k && gc < n ? b[(long)gkb * n + gc] : (double)0;
            }
            Group.Barrier();
            for (int kk = 0; kk < Depth; kk++)
            {
                int ao = kk * Tile + ty * PerThread, bo = kk * Tile + tx * PerThread;
                double a0 = tileA[ao + 0];
                double a1 = tileA[ao + 1];
                double a2 = tileA[ao + 2];
                double a3 = tileA[ao + 3];
                double a4 = tileA[ao + 4];
                double a5 = tileA[ao + 5];
                double a6 = tileA[ao + 6];
                double a7 = tileA[ao + 7];
                double b0 = tileB[bo + 0];
                double b1 = tileB[bo + 1];
                double b2 = tileB[bo + 2];
                double b3 = tileB[bo + 3];
                double b4 = tileB[bo + 4];
                double b5 = tileB[bo + 5];
                double b6 = tileB[bo + 6];
                double b7 = tileB[bo + 7];
                c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3; c04 += a0 * b4; c05 += a0 * b5; c06 += a0 * b6; c07 += a0 * b7;
                c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3; c14 += a1 * b4; c15 += a1 * b5; c16 += a1 * b6; c17 += a1 * b7;
                c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3; c24 += a2 * b4; c25 += a2 * b5; c26 += a2 * b6; c27 += a2 * b7;
                c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3; c34 += a3 * b4; c35 += a3 * b5; c36 += a3 * b6; c37 += a3 * b7;
                c40 += a4 * b0; c41 += a4 * b1; c42 += a4 * b2; c43 += a4 * b3; c44 += a4 * b4; c45 += a4 * b5; c46 += a4 * b6; c47 += a4 * b7;
                c50 += a5 * b0; c51 += a5 * b1; c52 += a5 * b2; c53 += a5 * b3; c54 += a5 * b4; c55 += a5 * b5; c56 += a5 * b6; c57 += a5 * b7;
                c60 += a6 * b0; c61 += a6 * b1; c62 += a6 * b2; c63 += a6 * b3; c64 += a6 * b4; c65 += a6 * b5; c66 += a6 * b6; c67 += a6 * b7;
                c70 += a7 * b0; c71 += a7 * b1; c72 += a7 * b2; c73 += a7 * b3; c74 += a7 * b4; c75 += a7 * b5; c76 += a7 * b6; c77 += a7 * b7;
            }
            Group.Barrier();
        }
        int r0 = rowBase + ty * PerThread, q0 = colBase + tx * PerThread;
        if (r0 + 0 < m)
        {
            long o = (long)(r0 + 0) * n + q0;
            if (q0 + 0 < n) c[o + 0] = c00;
            if (q0 + 1 < n) c[o + 1] = c01;
            if (q0 + 2 < n) c[o + 2] = c02;
            if (q0 + 3 < n) c[o + 3] = c03;
            if (q0 + 4 < n) c[o + 4] = c04;
            if (q0 + 5 < n) c[o + 5] = c05;
            if (q0 + 6 < n) c[o + 6] = c06;
            if (q0 + 7 < n) c[o + 7] = c07;
        }
        if (r0 + 1 < m)
        {
            long o = (long)(r0 + 1) * n + q0;
            if (q0 + 0 < n) c[o + 0] = c10;
            if (q0 + 1 < n) c[o + 1] = c11;
            if (q0 + 2 < n) c[o + 2] = c12;
            if (q0 + 3 < n) c[o + 3] = c13;
            if (q0 + 4 < n) c[o + 4] = c14;
            if (q0 + 5 < n) c[o + 5] = c15;
            if (q0 + 6 < n) c[o + 6] = c16;
            if (q0 + 7 < n) c[o + 7] = c17;
        }
        if (r0 + 2 < m)
        {
            long o = (long)(r0 + 2) * n + q0;
            if (q0 + 0 < n) c[o + 0] = c20;
            if (q0 + 1 < n) c[o + 1] = c21;
            if (q0 + 2 < n) c[o + 2] = c22;
            if (q0 + 3 < n) c[o + 3] = c23;
            if (q0 + 4 < n) c[o + 4] = c24;
            if (q0 + 5 < n) c[o + 5] = c25;
            if (q0 + 6 < n) c[o + 6] = c26;
            if (q0 + 7 < n) c[o + 7] = c27;
        }
        if (r0 + 3 < m)
        {
            long o = (long)(r0 + 3) * n + q0;
            if (q0 + 0 < n) c[o + 0] = c30;
            if (q0 + 1 < n) c[o + 1] = c31;
            if (q0 + 2 < n) c[o + 2] = c32;
            if (q0 + 3 < n) c[o + 3] = c33;
            if (q0 + 4 < n) c[o + 4] = c34;
            if (q0 + 5 < n) c[o + 5] = c35;
            if (q0 + 6 < n) c[o + 6] = c36;
            if (q0 + 7 < n) c[o + 7] = c37;
        }
        if (r0 + 4 < m)
        {
            long o = (long)(r0 + 4) * n + q0;
            if (q0 + 0 < n) c[o + 0] = c40;
            if (q0 + 1 < n) c[o + 1] = c41;
            if (q0 + 2 < n) c[o + 2] = c42;
            if (q0 + 3 < n) c[o + 3] = c43;
            if (q0 + 4 < n) c[o + 4] = c44;
            if (q0 + 5 < n) c[o + 5] = c45;
            if (q0 + 6 < n) c[o + 6] = c46;
            if (q0 + 7 < n) c[o + 7] = c47;
        }
        if (r0 + 5 < m)
        {
            long o = (long)(r0 + 5) * n + q0;
            if (q0 + 0 < n) c[o + 0] = c50;
            if (q0 + 1 < n) c[o + 1] = c51;
            if (q0 + 2 < n) c[o + 2] = c52;
            if (q0 + 3 < n) c[o + 3] = c53;
            if (q0 + 4 < n) c[o + 4] = c54;
            if (q0 + 5 < n) c[o + 5] = c55;
            if (q0 + 6 < n) c[o + 6] = c56;
            if (q0 + 7 < n) c[o + 7] = c57;
        }
        if (r0 + 6 < m)
        {
            long o = (long)(r0 + 6) * n + q0;
            if (q0 + 0 < n) c[o + 0] = c60;
            if (q0 + 1 < n) c[o + 1] = c61;
            if (q0 + 2 < n) c[o + 2] = c62;
            if (q0 + 3 < n) c[o + 3] = c63;
            if (q0 + 4 < n) c[o + 4] = c64;
            if (q0 + 5 < n) c[o + 5] = c65;
            if (q0 + 6 < n) c[o + 6] = c66;
            if (q0 + 7 < n) c[o + 7] = c67;
        }
        if (r0 + 7 < m)
        {
            long o = (long)(r0 + 7) * n + q0;
            if (q0 + 0 < n) c[o + 0] = c70;
            if (q0 + 1 < n) c[o + 1] = c71;
            if (q0 + 2 < n) c[o + 2] = c72;
            if (q0 + 3 < n) c[o + 3] = c73;
            if (q0 + 4 < n) c[o + 4] = c74;
            if (q0 + 5 < n) c[o + 5] = c75;
            if (q0 + 6 < n) c[o + 6] = c76;
            if (q0 + 7 < n) c[o + 7] = c77;
        }
    }
}
