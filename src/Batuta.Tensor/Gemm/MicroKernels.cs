namespace Batuta.Tensors.Gemm;

/// <summary>
/// FMA micro-kernels of the packed GEMM (generated shape, written out so the JIT keeps every
/// accumulator in a register). Per step of k: two aligned vector loads of the packed B row, one
/// broadcast per row of the packed A column, and 2·MR independent FMAs, enough in flight to cover
/// the FMA latency on two ports. AVX-512: 12 rows × 32 floats (24 zmm accumulators of 32);
/// AVX2: 6 rows × 16 floats (12 ymm of 16).
/// </summary>
internal static unsafe class MicroKernel512
{
    public const int MR = 12;

    /// <summary>12×(2·Vector512&lt;T&gt;.Count) tile: C[0..12, 0..NR] (+)= Apanel · Bpanel over kc steps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile<T>(int kc, T* a, T* b, T* c, nint ldc, bool accumulate) where T : unmanaged
    {
        nint w = Vector512<T>.Count;
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
        {
            // Fetch the C tile while the FMAs run: it is read only after the k loop, and usually comes from L3 or memory.
            for (int r = 0; r < 12; r++)
            {
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(c + r * ldc);
                System.Runtime.Intrinsics.X86.Sse.Prefetch0((byte*)(c + r * ldc) + 2 * w * sizeof(T) - 1);
            }
        }
        Vector512<T> c00 = default, c01 = default;
        Vector512<T> c10 = default, c11 = default;
        Vector512<T> c20 = default, c21 = default;
        Vector512<T> c30 = default, c31 = default;
        Vector512<T> c40 = default, c41 = default;
        Vector512<T> c50 = default, c51 = default;
        Vector512<T> c60 = default, c61 = default;
        Vector512<T> c70 = default, c71 = default;
        Vector512<T> c80 = default, c81 = default;
        Vector512<T> c90 = default, c91 = default;
        Vector512<T> c100 = default, c101 = default;
        Vector512<T> c110 = default, c111 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.LoadAligned(b);
            var b1 = Vector512.LoadAligned(b + w);
            var a0 = Vector512.Create(a[0]);
            c00 = Fma(a0, b0, c00);
            c01 = Fma(a0, b1, c01);
            var a1 = Vector512.Create(a[1]);
            c10 = Fma(a1, b0, c10);
            c11 = Fma(a1, b1, c11);
            var a2 = Vector512.Create(a[2]);
            c20 = Fma(a2, b0, c20);
            c21 = Fma(a2, b1, c21);
            var a3 = Vector512.Create(a[3]);
            c30 = Fma(a3, b0, c30);
            c31 = Fma(a3, b1, c31);
            var a4 = Vector512.Create(a[4]);
            c40 = Fma(a4, b0, c40);
            c41 = Fma(a4, b1, c41);
            var a5 = Vector512.Create(a[5]);
            c50 = Fma(a5, b0, c50);
            c51 = Fma(a5, b1, c51);
            var a6 = Vector512.Create(a[6]);
            c60 = Fma(a6, b0, c60);
            c61 = Fma(a6, b1, c61);
            var a7 = Vector512.Create(a[7]);
            c70 = Fma(a7, b0, c70);
            c71 = Fma(a7, b1, c71);
            var a8 = Vector512.Create(a[8]);
            c80 = Fma(a8, b0, c80);
            c81 = Fma(a8, b1, c81);
            var a9 = Vector512.Create(a[9]);
            c90 = Fma(a9, b0, c90);
            c91 = Fma(a9, b1, c91);
            var a10 = Vector512.Create(a[10]);
            c100 = Fma(a10, b0, c100);
            c101 = Fma(a10, b1, c101);
            var a11 = Vector512.Create(a[11]);
            c110 = Fma(a11, b0, c110);
            c111 = Fma(a11, b1, c111);
            a += 12;
            b += 2 * w;
        }
        if (accumulate)
        {
            AddStore(c + 0 * ldc, c00, c01, w);
            AddStore(c + 1 * ldc, c10, c11, w);
            AddStore(c + 2 * ldc, c20, c21, w);
            AddStore(c + 3 * ldc, c30, c31, w);
            AddStore(c + 4 * ldc, c40, c41, w);
            AddStore(c + 5 * ldc, c50, c51, w);
            AddStore(c + 6 * ldc, c60, c61, w);
            AddStore(c + 7 * ldc, c70, c71, w);
            AddStore(c + 8 * ldc, c80, c81, w);
            AddStore(c + 9 * ldc, c90, c91, w);
            AddStore(c + 10 * ldc, c100, c101, w);
            AddStore(c + 11 * ldc, c110, c111, w);
        }
        else
        {
            c00.Store(c + 0 * ldc);
            c01.Store(c + 0 * ldc + w);
            c10.Store(c + 1 * ldc);
            c11.Store(c + 1 * ldc + w);
            c20.Store(c + 2 * ldc);
            c21.Store(c + 2 * ldc + w);
            c30.Store(c + 3 * ldc);
            c31.Store(c + 3 * ldc + w);
            c40.Store(c + 4 * ldc);
            c41.Store(c + 4 * ldc + w);
            c50.Store(c + 5 * ldc);
            c51.Store(c + 5 * ldc + w);
            c60.Store(c + 6 * ldc);
            c61.Store(c + 6 * ldc + w);
            c70.Store(c + 7 * ldc);
            c71.Store(c + 7 * ldc + w);
            c80.Store(c + 8 * ldc);
            c81.Store(c + 8 * ldc + w);
            c90.Store(c + 9 * ldc);
            c91.Store(c + 9 * ldc + w);
            c100.Store(c + 10 * ldc);
            c101.Store(c + 10 * ldc + w);
            c110.Store(c + 11 * ldc);
            c111.Store(c + 11 * ldc + w);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddStore<T>(T* c, Vector512<T> x, Vector512<T> y, nint w) where T : unmanaged
    {
        (Vector512.Load(c) + x).Store(c);
        (Vector512.Load(c + w) + y).Store(c + w);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma<T>(Vector512<T> a, Vector512<T> b, Vector512<T> c) where T : unmanaged
    {
        if (typeof(T) == typeof(float)) return Vector512.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector512.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        throw new NotSupportedException();
    }
}

/// <summary>The Vector256 (AVX2) micro-kernel: 6 rows × 2 vectors.</summary>
internal static unsafe class MicroKernel256
{
    public const int MR = 6;

    /// <summary>6×(2·Vector256&lt;T&gt;.Count) tile: C[0..6, 0..NR] (+)= Apanel · Bpanel over kc steps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile<T>(int kc, T* a, T* b, T* c, nint ldc, bool accumulate) where T : unmanaged
    {
        nint w = Vector256<T>.Count;
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
        {
            // Fetch the C tile while the FMAs run: it is read only after the k loop, and usually comes from L3 or memory.
            for (int r = 0; r < 6; r++)
            {
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(c + r * ldc);
                System.Runtime.Intrinsics.X86.Sse.Prefetch0((byte*)(c + r * ldc) + 2 * w * sizeof(T) - 1);
            }
        }
        Vector256<T> c00 = default, c01 = default;
        Vector256<T> c10 = default, c11 = default;
        Vector256<T> c20 = default, c21 = default;
        Vector256<T> c30 = default, c31 = default;
        Vector256<T> c40 = default, c41 = default;
        Vector256<T> c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.LoadAligned(b);
            var b1 = Vector256.LoadAligned(b + w);
            var a0 = Vector256.Create(a[0]);
            c00 = Fma(a0, b0, c00);
            c01 = Fma(a0, b1, c01);
            var a1 = Vector256.Create(a[1]);
            c10 = Fma(a1, b0, c10);
            c11 = Fma(a1, b1, c11);
            var a2 = Vector256.Create(a[2]);
            c20 = Fma(a2, b0, c20);
            c21 = Fma(a2, b1, c21);
            var a3 = Vector256.Create(a[3]);
            c30 = Fma(a3, b0, c30);
            c31 = Fma(a3, b1, c31);
            var a4 = Vector256.Create(a[4]);
            c40 = Fma(a4, b0, c40);
            c41 = Fma(a4, b1, c41);
            var a5 = Vector256.Create(a[5]);
            c50 = Fma(a5, b0, c50);
            c51 = Fma(a5, b1, c51);
            a += 6;
            b += 2 * w;
        }
        if (accumulate)
        {
            AddStore(c + 0 * ldc, c00, c01, w);
            AddStore(c + 1 * ldc, c10, c11, w);
            AddStore(c + 2 * ldc, c20, c21, w);
            AddStore(c + 3 * ldc, c30, c31, w);
            AddStore(c + 4 * ldc, c40, c41, w);
            AddStore(c + 5 * ldc, c50, c51, w);
        }
        else
        {
            c00.Store(c + 0 * ldc);
            c01.Store(c + 0 * ldc + w);
            c10.Store(c + 1 * ldc);
            c11.Store(c + 1 * ldc + w);
            c20.Store(c + 2 * ldc);
            c21.Store(c + 2 * ldc + w);
            c30.Store(c + 3 * ldc);
            c31.Store(c + 3 * ldc + w);
            c40.Store(c + 4 * ldc);
            c41.Store(c + 4 * ldc + w);
            c50.Store(c + 5 * ldc);
            c51.Store(c + 5 * ldc + w);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddStore<T>(T* c, Vector256<T> x, Vector256<T> y, nint w) where T : unmanaged
    {
        (Vector256.Load(c) + x).Store(c);
        (Vector256.Load(c + w) + y).Store(c + w);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c) where T : unmanaged
    {
        if (typeof(T) == typeof(float)) return Vector256.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector256.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        throw new NotSupportedException();
    }
}
