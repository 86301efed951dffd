using Batuta.Tensors.Engine;
using Batuta.Tensors.Storage;

namespace Batuta.Tensors.Gemm;

/// <summary>
/// Cache-blocked, packed GEMM for float and double (GotoBLAS/BLIS loop order):
/// <c>for jc (NC columns) → for pc (KC depth): pack B → for ic (MC rows): pack A → for jr (NR) → for ir (MR): micro-kernel</c>.
/// The packed B micro-panel (KC×NR) stays in L1 across the MR-row slices of the packed A block
/// (MC×KC, in L2); the B panel (KC×NC) sits in L2/L3. A and B may have any strides (transposed views
/// pack for free); C is row-major with leading dimension <c>ldc</c>.
/// Multithreaded only above <see cref="ParallelFlops"/>: each worker takes a band of rows (or columns)
/// and packs its own panels, so there is no synchronisation inside the loops.
/// </summary>
internal static unsafe class PackedGemm
{
    /// <summary>Below this many flops (2·m·n·k) one thread is faster (measured: docs/benchmarks/tensor.md).</summary>
    public const double ParallelFlops = 2.0 * 128 * 128 * 128;

    public static int KC = 256;
    public static int MCPanels = 20;
    public static int NC = 2048;

    public static bool Supports<T>(int bits) where T : unmanaged =>
        (typeof(T) == typeof(float) || typeof(T) == typeof(double)) &&
        ((bits >= 512 && Vector512.IsHardwareAccelerated) || (bits >= 256 && Vector256.IsHardwareAccelerated && Fma256Supported));

    private static bool Fma256Supported => System.Runtime.Intrinsics.X86.Fma.IsSupported || System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported;

    /// <summary>C = A·B (accumulate = false) or C += A·B.</summary>
    public static void Multiply<T>(int m, int n, int k, T* a, nint rsA, nint csA, T* b, nint rsB, nint csB, T* c, nint ldc, int bits, bool allowParallel, bool accumulate = false)
        where T : unmanaged, INumber<T>
    {
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            if (!accumulate) for (int i = 0; i < m; i++) new Span<T>(c + i * ldc, n).Clear();
            return;
        }
        bool wide = bits >= 512 && Vector512.IsHardwareAccelerated;
        int mr = wide ? MicroKernel512.MR : MicroKernel256.MR;
        int nr = 2 * (wide ? Vector512<T>.Count : Vector256<T>.Count);
        int workers = allowParallel && 2.0 * m * n * k >= ParallelFlops ? Parallelism.Workers : 1;

        if (workers <= 1)
        {
            Serial(m, n, k, a, rsA, csA, b, rsB, csB, c, ldc, wide, mr, nr, accumulate);
            return;
        }

        // Bands along the longer side, in whole micro-tiles, one per worker.
        bool splitRows = m >= n;
        int units = splitRows ? (m + mr - 1) / mr : (n + nr - 1) / nr;
        workers = Math.Min(workers, units);
        nint pa = (nint)a, pb = (nint)b, pc = (nint)c;
        Parallelism.For(workers, w =>
        {
            int u0 = units * w / workers, u1 = units * (w + 1) / workers;
            if (splitRows)
            {
                int r0 = u0 * mr, r1 = Math.Min(m, u1 * mr);
                if (r1 > r0) Serial(r1 - r0, n, k, (T*)pa + r0 * rsA, rsA, csA, (T*)pb, rsB, csB, (T*)pc + r0 * ldc, ldc, wide, mr, nr, accumulate);
            }
            else
            {
                int q0 = u0 * nr, q1 = Math.Min(n, u1 * nr);
                if (q1 > q0) Serial(m, q1 - q0, k, (T*)pa, rsA, csA, (T*)pb + q0 * csB, rsB, csB, (T*)pc + q0, ldc, wide, mr, nr, accumulate);
            }
        });
    }

    private static void Serial<T>(int m, int n, int k, T* a, nint rsA, nint csA, T* b, nint rsB, nint csB, T* c, nint ldc, bool wide, int mr, int nr, bool accumulate)
        where T : unmanaged, INumber<T>
    {
        int kcMax = Math.Min(KC, k);
        int mcMax = Math.Min(MCPanels * mr, (m + mr - 1) / mr * mr);
        int ncMax = Math.Min(NC, (n + nr - 1) / nr * nr);
        var aBuf = TensorMemoryPool.Rent((long)mcMax * kcMax * sizeof(T), clear: false);
        var bBuf = TensorMemoryPool.Rent((long)ncMax * kcMax * sizeof(T), clear: false);
        T* packA = (T*)aBuf.Address;
        T* packB = (T*)bBuf.Address;
        T* edge = stackalloc T[MicroKernel512.MR * 32 + 16];
        T* tile = (T*)(((nint)edge + 63) & ~(nint)63);
        try
        {
            for (int jc = 0; jc < n; jc += ncMax)
            {
                int nc = Math.Min(ncMax, n - jc);
                for (int pc = 0; pc < k; pc += kcMax)
                {
                    int kc = Math.Min(kcMax, k - pc);
                    bool acc = accumulate || pc > 0;
                    GemmPacking.PackB(kc, nc, b + pc * rsB + jc * csB, rsB, csB, packB, nr);
                    for (int ic = 0; ic < m; ic += mcMax)
                    {
                        int mc = Math.Min(mcMax, m - ic);
                        GemmPacking.PackA(mc, kc, a + ic * rsA + pc * csA, rsA, csA, packA, mr);
                        for (int jr = 0; jr < nc; jr += nr)
                        {
                            int nrEff = Math.Min(nr, nc - jr);
                            T* bp = packB + (nint)jr * kc;
                            for (int ir = 0; ir < mc; ir += mr)
                            {
                                int mrEff = Math.Min(mr, mc - ir);
                                T* ap = packA + (nint)ir * kc;
                                T* cp = c + (ic + ir) * ldc + jc + jr;
                                if (mrEff == mr && nrEff == nr)
                                {
                                    if (wide) MicroKernel512.Tile(kc, ap, bp, cp, ldc, acc);
                                    else MicroKernel256.Tile(kc, ap, bp, cp, ldc, acc);
                                }
                                else
                                {
                                    if (wide) MicroKernel512.Tile(kc, ap, bp, tile, nr, false);
                                    else MicroKernel256.Tile(kc, ap, bp, tile, nr, false);
                                    for (int i = 0; i < mrEff; i++)
                                    {
                                        T* crow = cp + i * ldc;
                                        T* trow = tile + i * nr;
                                        if (acc) for (int j = 0; j < nrEff; j++) crow[j] += trow[j];
                                        else for (int j = 0; j < nrEff; j++) crow[j] = trow[j];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            aBuf.Release();
            bBuf.Release();
        }
    }
}
