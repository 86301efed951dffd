namespace Batuta.Tensors.LinearAlgebra;

/// <summary>Contiguous-row kernels the factorisations are built from, so their O(n³) parts run as SIMD over rows.</summary>
internal static unsafe class RowOps
{
    /// <summary>y += alpha · x.</summary>
    public static void Axpy(double alpha, double* x, double* y, int n) =>
        Primitives.SimdLoops.TernaryCore<double, Operators.MultiplyAddOperator<double>>(ref *x, 1, ref alpha, 0, ref *y, 1, ref *y, (nuint)n, Backends.SimdWidth.ActiveBits);

    /// <summary>y += alpha · x for short rows (a panel's width): inline vectors, none of the general loop's setup.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AxpyShort(double alpha, double* x, double* y, int n)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated && Backends.SimdWidth.ActiveBits >= 512)
        {
            var va = Vector512.Create(alpha);
            for (; i + 8 <= n; i += 8) Vector512.FusedMultiplyAdd(va, Vector512.Load(x + i), Vector512.Load(y + i)).Store(y + i);
        }
        for (; i < n; i++) y[i] = Math.FusedMultiplyAdd(alpha, x[i], y[i]);
    }

    /// <summary>Σ x[i]·y[i] over contiguous rows.</summary>
    public static double Dot(double* x, double* y, int n) =>
        n <= 0 ? 0 : Primitives.SimdLoops.DotCore(ref *x, ref *y, (nuint)n, Backends.SimdWidth.ActiveBits);

    /// <summary>Plane rotation of two rows: (x, y) ← (c·x - s·y, s·x + c·y).</summary>
    public static void Rotate(double* x, double* y, int n, double c, double s)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated && Backends.SimdWidth.ActiveBits >= 512)
        {
            var vc = Vector512.Create(c);
            var vs = Vector512.Create(s);
            for (; i + 8 <= n; i += 8)
            {
                var a = Vector512.Load(x + i);
                var b = Vector512.Load(y + i);
                (vc * a - vs * b).Store(x + i);
                (vs * a + vc * b).Store(y + i);
            }
        }
        else if (Vector256.IsHardwareAccelerated && Backends.SimdWidth.ActiveBits >= 256)
        {
            var vc = Vector256.Create(c);
            var vs = Vector256.Create(s);
            for (; i + 4 <= n; i += 4)
            {
                var a = Vector256.Load(x + i);
                var b = Vector256.Load(y + i);
                (vc * a - vs * b).Store(x + i);
                (vs * a + vc * b).Store(y + i);
            }
        }
        for (; i < n; i++)
        {
            double a = x[i], b = y[i];
            x[i] = c * a - s * b;
            y[i] = s * a + c * b;
        }
    }

    /// <summary>Transposes a row-major n×m array into m×n.</summary>
    public static double[] Transpose(double[] a, int n, int m)
    {
        var t = new double[a.Length];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) t[j * n + i] = a[i * m + j];
        return t;
    }
}
