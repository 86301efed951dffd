using Batuta.Tensors.Engine;
using Batuta.Tensors.Storage;

namespace Batuta.Tensors.Gemm;

/// <summary>
/// Cache-blocked, packed GEMM for float and double (GotoBLAS/BLIS loop order):
/// <c>for jc (NC columns) → for pc (KC depth): pack B → for ic (MC rows): pack A → for jr (NR) → for ir (MR): micro-kernel</c>.
/// The packed B micro-panel (KC×NR) stays in L1 across the MR-row slices of the packed A block
/// (MC×KC, in L2); the B panel (KC×NC) sits in L2/L3. A and B may have any strides (transposed views
/// pack for free); C is row-major with leading dimension <c>ldc</c>.
/// Multithreaded only above <see cref="ParallelFlops"/>: B panels are packed once and shared, and the
/// workers take row chunks dynamically (see <see cref="SharedB"/>).
/// </summary>
internal static unsafe class PackedGemm
{
    /// <summary>
    /// Below this many flops (2·m·n·k, i.e. 384³ multiply-adds, about 0.7 ms on one core) one thread is
    /// used: on the shared 2-vCPU machine two threads lost at 256³ and 512³ (docs/benchmarks/tensor.md).
    /// </summary>
    public const double ParallelFlops = 2.0 * 384 * 384 * 384;

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

        if (m >= 4 * workers * mr)
        {
            SharedB(m, n, k, a, rsA, csA, b, rsB, csB, c, ldc, wide, mr, nr, accumulate, workers);
            return;
        }

        // Few rows, many columns: one band of columns per worker, each packing its own panels.
        int units = (n + nr - 1) / nr;
        workers = Math.Min(workers, units);
        nint pa = (nint)a, pb = (nint)b, pcc = (nint)c;
        Parallelism.For(workers, w =>
        {
            int u0 = units * w / workers, u1 = units * (w + 1) / workers;
            int q0 = u0 * nr, q1 = Math.Min(n, u1 * nr);
            if (q1 > q0) Serial(m, q1 - q0, k, (T*)pa, rsA, csA, (T*)pb + q0 * csB, rsB, csB, (T*)pcc + q0, ldc, wide, mr, nr, accumulate);
        });
    }

    /// <summary>
    /// The multithreaded form: B is packed once per (jc, pc) block and shared; the rows are cut into
    /// chunks of whole micro-panels that the workers take dynamically, each packing its own slice of A.
    /// Dynamic chunks keep both cores busy even when the machine is shared.
    /// </summary>
    private static void SharedB<T>(int m, int n, int k, T* a, nint rsA, nint csA, T* b, nint rsB, nint csB, T* c, nint ldc, bool wide, int mr, int nr, bool accumulate, int workers)
        where T : unmanaged, INumber<T>
    {
        int kcMax = Math.Min(KC, k);
        int ncMax = Math.Min(NC, (n + nr - 1) / nr * nr);
        int panels = (m + mr - 1) / mr;
        int chunkPanels = Math.Clamp(panels / (workers * 4), 1, MCPanels);
        int chunks = (panels + chunkPanels - 1) / chunkPanels;
        var bBuf = TensorMemoryPool.Rent((long)ncMax * kcMax * sizeof(T), clear: false);
        nint pa = (nint)a, pcc = (nint)c, packB = bBuf.Address;
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers };
        try
        {
            for (int jc = 0; jc < n; jc += ncMax)
            {
                int nc = Math.Min(ncMax, n - jc);
                for (int pc = 0; pc < k; pc += kcMax)
                {
                    int kc = Math.Min(kcMax, k - pc);
                    bool acc = accumulate || pc > 0;
                    // Pack B cooperatively: panels are independent.
                    int bPanels = (nc + nr - 1) / nr;
                    nint bSrc = (nint)(b + pc * rsB + jc * csB);
                    Parallel.For(0, workers, options, w =>
                    {
                        int p0 = bPanels * w / workers, p1 = bPanels * (w + 1) / workers;
                        if (p1 > p0)
                            GemmPacking.PackB(kc, Math.Min(nc, p1 * nr) - p0 * nr, (T*)bSrc + p0 * nr * csB, rsB, csB, (T*)packB + (nint)p0 * nr * kc, nr);
                    });
                    int jcc = jc, pcc2 = pc;
                    Parallel.For(0, chunks, options, () => TensorMemoryPool.Rent((long)chunkPanels * mr * kcMax * sizeof(T), clear: false), (chunk, _, aBuf) =>
                    {
                        int r0 = chunk * chunkPanels * mr;
                        int rows = Math.Min(chunkPanels * mr, m - r0);
                        T* packA = (T*)aBuf.Address;
                        GemmPacking.PackA(rows, kc, (T*)pa + r0 * rsA + pcc2 * csA, rsA, csA, packA, mr);
                        Block((T*)packA, (T*)packB, rows, nc, kc, (T*)pcc + r0 * ldc + jcc, ldc, wide, mr, nr, acc);
                        return aBuf;
                    }, aBuf => aBuf.Release());
                }
            }
        }
        finally
        {
            bBuf.Release();
        }
    }

    /// <summary>The jr/ir loops over one packed A block and one packed B panel.</summary>
    private static void Block<T>(T* packA, T* packB, int mc, int nc, int kc, T* c, nint ldc, bool wide, int mr, int nr, bool acc) where T : unmanaged, INumber<T>
    {
        T* edge = stackalloc T[MicroKernel512.MR * 32 + 16];
        T* tile = (T*)(((nint)edge + 63) & ~(nint)63);
        for (int jr = 0; jr < nc; jr += nr)
        {
            int nrEff = Math.Min(nr, nc - jr);
            T* bp = packB + (nint)jr * kc;
            for (int ir = 0; ir < mc; ir += mr)
            {
                int mrEff = Math.Min(mr, mc - ir);
                T* ap = packA + (nint)ir * kc;
                T* cp = c + ir * ldc + jr;
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
                        Block(packA, packB, mc, nc, kc, c + ic * ldc + jc, ldc, wide, mr, nr, acc);
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
