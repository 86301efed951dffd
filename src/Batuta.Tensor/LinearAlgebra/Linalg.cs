using Batuta.Tensors.LinearAlgebra;

namespace Batuta.Tensors;

/// <summary>
/// numpy.linalg for 2-D float and double tensors: solve, inv, det, cholesky, qr, lstsq, eigh, norm.
/// Factorisations run in double precision (float inputs come back as float), which is at least as
/// accurate as numpy's float32 LAPACK calls. Errors are <see cref="LinAlgException"/> (numpy's LinAlgError).
/// </summary>
public static class Linalg
{
    /// <summary>Solves a·x = b for square a; b is (n,) or (n, k). LU with partial pivoting.</summary>
    public static Tensor<T> Solve<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = Square("solve", a);
        ArgumentNullException.ThrowIfNull(b);
        if (b.Rank is not (1 or 2) || b.ShapeArray[0] != n)
            throw new TensorShapeException("solve", a.Shape, b.Shape, $"do not fit: b must be ({n},) or ({n}, k) for a {a.Shape} matrix.");
        int nrhs = b.Rank == 1 ? 1 : b.ShapeArray[1];
        var lu = ToDouble(a);
        var piv = new int[n];
        if (!Lu.Factor(lu, n, piv, out _)) throw new LinAlgException("Singular matrix");
        var x = ToDouble(b);
        Lu.Solve(lu, n, piv, x, nrhs);
        return FromDouble<T>(x, b.ShapeArray);
    }

    /// <summary>Inverse of a square matrix (LU). Throws for a singular matrix.</summary>
    public static Tensor<T> Inv<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = Square("inv", a);
        var lu = ToDouble(a);
        var piv = new int[n];
        if (!Lu.Factor(lu, n, piv, out _)) throw new LinAlgException("Singular matrix");
        var x = new double[n * n];
        for (int i = 0; i < n; i++) x[i * n + i] = 1;
        Lu.Solve(lu, n, piv, x, n);
        return FromDouble<T>(x, [n, n]);
    }

    /// <summary>Determinant (LU); 0 for a singular matrix, as numpy returns.</summary>
    public static T Det<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = Square("det", a);
        if (n == 0) return T.One;
        var lu = ToDouble(a);
        var piv = new int[n];
        Lu.Factor(lu, n, piv, out int swaps);
        double det = swaps % 2 == 0 ? 1 : -1;
        for (int i = 0; i < n; i++) det *= lu[i * n + i];
        return T.CreateTruncating(det);
    }

    /// <summary>Lower-triangular L with a = L·Lᵀ. Throws if a is not (numerically) positive definite.</summary>
    public static Tensor<T> Cholesky<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = Square("cholesky", a);
        var m = ToDouble(a);
        var l = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            double s = m[j * n + j];
            for (int k = 0; k < j; k++) s -= l[j * n + k] * l[j * n + k];
            if (!(s > 0)) throw new LinAlgException("Matrix is not positive definite");
            double d = Math.Sqrt(s);
            l[j * n + j] = d;
            for (int i = j + 1; i < n; i++)
            {
                double t = m[i * n + j];
                for (int k = 0; k < j; k++) t -= l[i * n + k] * l[j * n + k];
                l[i * n + j] = t / d;
            }
        }
        return FromDouble<T>(l, [n, n]);
    }

    /// <summary>Reduced QR (numpy's default mode): Q is (m, K), R is (K, n), K = min(m, n).</summary>
    public static (Tensor<T> Q, Tensor<T> R) Qr<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (m, n) = Matrix("qr", a);
        int kk = Math.Min(m, n);
        var qr = ToDouble(a);
        var tau = Householder.Factor(qr, m, n);
        var q = Householder.FormQ(qr, m, n, tau, kk);
        var r = new double[kk * n];
        for (int i = 0; i < kk; i++)
            for (int j = i; j < n; j++) r[i * n + j] = qr[i * n + j];
        return (FromDouble<T>(q, [m, kk]), FromDouble<T>(r, [kk, n]));
    }

    /// <summary>
    /// Least squares: minimises ‖a·x - b‖₂ (m ≥ n), or the minimum-norm solution (m &lt; n), by QR.
    /// a must have full rank (numpy's SVD-based lstsq also handles rank-deficient a; this throws instead).
    /// </summary>
    public static LeastSquaresResult<T> Lstsq<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (m, n) = Matrix("lstsq", a);
        ArgumentNullException.ThrowIfNull(b);
        if (b.Rank is not (1 or 2) || b.ShapeArray[0] != m)
            throw new TensorShapeException("lstsq", a.Shape, b.Shape, $"do not fit: b must be ({m},) or ({m}, k).");
        int nrhs = b.Rank == 1 ? 1 : b.ShapeArray[1];
        var bd = ToDouble(b);
        double[] x;
        if (m >= n)
        {
            var qr = ToDouble(a);
            var tau = Householder.Factor(qr, m, n);
            CheckRank(qr, n, n, "lstsq");
            Householder.ApplyQTranspose(qr, m, n, tau, bd, nrhs);
            x = new double[n * nrhs];
            for (int c = 0; c < nrhs; c++)
            {
                for (int i = n - 1; i >= 0; i--)
                {
                    double s = bd[i * nrhs + c];
                    for (int k = i + 1; k < n; k++) s -= qr[i * n + k] * x[k * nrhs + c];
                    x[i * nrhs + c] = s / qr[i * n + i];
                }
            }
        }
        else
        {
            // Minimum norm: aᵀ = Q R, then x = Q · R⁻ᵀ · b.
            var at = new double[n * m];
            var ad = ToDouble(a);
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) at[j * m + i] = ad[i * n + j];
            var tau = Householder.Factor(at, n, m);
            CheckRank(at, m, m, "lstsq");
            var y = new double[n * nrhs];
            for (int c = 0; c < nrhs; c++)
            {
                for (int i = 0; i < m; i++)
                {
                    double s = bd[i * nrhs + c];
                    for (int k = 0; k < i; k++) s -= at[k * m + i] * y[k * nrhs + c];
                    y[i * nrhs + c] = s / at[i * m + i];
                }
            }
            var q = Householder.FormQ(at, n, m, tau, m);
            x = new double[n * nrhs];
            for (int i = 0; i < n; i++)
                for (int c = 0; c < nrhs; c++)
                {
                    double s = 0;
                    for (int k = 0; k < m; k++) s += q[i * m + k] * y[k * nrhs + c];
                    x[i * nrhs + c] = s;
                }
        }

        // Residuals as numpy reports them: squared norms per column, only when m > n.
        var residuals = new double[m > n ? nrhs : 0];
        if (m > n)
        {
            var ad = ToDouble(a);
            var b0 = ToDouble(b);
            for (int c = 0; c < nrhs; c++)
            {
                double s = 0;
                for (int i = 0; i < m; i++)
                {
                    double r = b0[i * nrhs + c];
                    for (int k = 0; k < n; k++) r -= ad[i * n + k] * x[k * nrhs + c];
                    s += r * r;
                }
                residuals[c] = s;
            }
        }
        int[] xShape = b.Rank == 1 ? [n] : [n, nrhs];
        return new LeastSquaresResult<T>(FromDouble<T>(x, xShape), FromDouble<T>(residuals, [residuals.Length]), Math.Min(m, n));
    }

    /// <summary>
    /// Eigenvalues (ascending) and eigenvectors (columns) of a symmetric matrix, from its lower
    /// triangle as numpy's default <c>UPLO='L'</c>. Eigenvector signs are arbitrary, as in LAPACK.
    /// </summary>
    public static (Tensor<T> Eigenvalues, Tensor<T> Eigenvectors) Eigh<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = Square("eigh", a);
        var m = ToDouble(a);
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) m[i * n + j] = m[j * n + i];
        var w = SymmetricEigen.Decompose(m, n);
        return (FromDouble<T>(w, [n]), FromDouble<T>(m, [n, n]));
    }

    /// <summary>The Frobenius norm (2-norm for vectors): sqrt(Σ x²), scaled to avoid overflow.</summary>
    public static T Norm<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Length == 0) return T.Zero;
        using var abs = x.Abs();
        T scale = abs.Max();
        if (scale == T.Zero || T.IsInfinity(scale) || T.IsNaN(scale)) return scale;
        using var scaled = abs.Divide(scale);
        using var c = scaled.Contiguous();
        return scale * T.Sqrt(Primitives.SimdLoops.Dot<T>(c.AsReadOnlySpan(), c.AsReadOnlySpan()));
    }

    private static void CheckRank(double[] r, int stride, int k, string op)
    {
        double max = 0;
        for (int i = 0; i < k; i++) max = Math.Max(max, Math.Abs(r[i * stride + i]));
        for (int i = 0; i < k; i++)
        {
            if (Math.Abs(r[i * stride + i]) <= max * k * 2.220446049250313e-16)
                throw new LinAlgException($"{op}: the matrix is rank deficient; this lstsq needs full rank (use a regularised solve, or numpy's SVD-based lstsq).");
        }
    }

    private static int Square<T>(string op, Tensor<T> a) where T : unmanaged, INumber<T>
    {
        var (m, n) = Matrix(op, a);
        if (m != n) throw new TensorShapeException(op, a.Shape, $"is not square: Last 2 dimensions of the array must be square ({m} != {n}).");
        return n;
    }

    private static (int M, int N) Matrix<T>(string op, Tensor<T> a) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        a.ThrowIfDisposed();
        if (a.Rank != 2) throw new TensorShapeException(op, a.Shape, $"is {a.Rank}-dimensional: {op} takes a 2-D matrix.");
        return (a.ShapeArray[0], a.ShapeArray[1]);
    }

    private static double[] ToDouble<T>(Tensor<T> t) where T : unmanaged, INumber<T>
    {
        var src = t.ToArray();
        var d = new double[src.Length];
        for (int i = 0; i < src.Length; i++) d[i] = double.CreateTruncating(src[i]);
        return d;
    }

    private static Tensor<T> FromDouble<T>(double[] values, int[] shape) where T : unmanaged, INumber<T>
    {
        var t = Tensor<T>.Allocate(shape, clear: false);
        var s = t.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = T.CreateTruncating(values[i]);
        return t;
    }
}

/// <summary>numpy's lstsq result: the solution, squared residual norms (empty unless m &gt; n) and the rank.</summary>
public sealed record LeastSquaresResult<T>(Tensor<T> Solution, Tensor<T> Residuals, int Rank) : IDisposable where T : unmanaged, INumber<T>
{
    public void Dispose()
    {
        Solution.Dispose();
        Residuals.Dispose();
    }
}
