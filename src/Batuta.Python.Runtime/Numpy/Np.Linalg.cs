using Batuta.Tensors;

namespace Batuta.Python.Runtime.Numpy;

/// <summary>Products (<c>dot</c>, <c>@</c>, <c>matmul</c>, <c>outer</c>) on Batuta.Tensor's GEMM.</summary>
public static partial class Np
{
    /// <summary><c>np.matmul(a, b)</c> / <c>a @ b</c>: a scalar for two vectors, an array otherwise.</summary>
    public static object MatMul(object? x, object? y)
    {
        var a = AsArray(x);
        var b = AsArray(y);
        if (a.Ndim == 0 || b.Ndim == 0) throw new ValueError("matmul: Input operand does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)");
        int ka = a.Dims[^1], kb = b.Ndim == 1 ? b.Dims[0] : b.Dims[^2];
        if (ka != kb)
            throw new ValueError($"matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size {kb} is different from {ka})");
        if (a.Ndim == 1 && b.Ndim == 1) return Dot(a, b);
        return MatMulArrays(a, b);
    }

    /// <summary><c>a @ b</c> where at least one operand is a matrix (the transpiler knows the result is an array).</summary>
    public static NdArray MatMulA(object? x, object? y) => MatMul(x, y) switch
    {
        NdArray r => r,
        var s => Array(s),
    };

    private static NdArray MatMulArrays(NdArray a, NdArray b)
    {
        var kind = NpDType.Promote(a.Kind, b.Kind);
        return kind switch
        {
            NpKind.Float64 => new NdArray(Tensor.MatMul(a.StorageAs<double>(), b.StorageAs<double>()), kind),
            NpKind.Float32 => new NdArray(Tensor.MatMul(a.StorageAs<float>(), b.StorageAs<float>()), kind),
            NpKind.Int32 => new NdArray(Tensor.MatMul(a.StorageAs<int>(), b.StorageAs<int>()), kind),
            NpKind.Bool => new NdArray(Tensor.MatMul(a.StorageAs<long>(), b.StorageAs<long>()), NpKind.Int64).AsType(NpDType.Bool),
            _ => new NdArray(Tensor.MatMul(a.StorageAs<long>(), b.StorageAs<long>()), kind),
        };
    }

    /// <summary><c>np.dot(a, b)</c>: inner product of vectors (a scalar), matrix products, or scaling by a scalar.</summary>
    public static object Dot(object? x, object? y)
    {
        if (x is not (NdArray or System.Collections.IList) || y is not (NdArray or System.Collections.IList)) return NdArray.Apply(NpBinary.Multiply, x, y);
        var a = AsArray(x);
        var b = AsArray(y);
        if (a.Ndim == 0 || b.Ndim == 0) return NdArray.Apply(NpBinary.Multiply, a, b);
        if (a.Ndim == 1 && b.Ndim == 1)
        {
            if (a.Size != b.Size) throw new ValueError($"shapes {NdArray.ShapeText(a.Dims)} and {NdArray.ShapeText(b.Dims)} not aligned: {a.Size} (dim 0) != {b.Size} (dim 0)");
            var kind = NpDType.Promote(a.Kind, b.Kind);
            if (kind is NpKind.Float32 or NpKind.Float64) return Tensor.Dot(a.StorageAs<double>(), b.StorageAs<double>());
            if (kind == NpKind.Bool) return Tensor.Dot(a.StorageAs<long>(), b.StorageAs<long>()) != 0;
            return new PyInt(Tensor.Dot(a.StorageAs<long>(), b.StorageAs<long>()));
        }
        int ka = a.Dims[^1], kb = b.Ndim == 1 ? b.Dims[0] : b.Dims[^2];
        if (ka != kb)
            throw new ValueError($"shapes {NdArray.ShapeText(a.Dims)} and {NdArray.ShapeText(b.Dims)} not aligned: {ka} (dim {a.Ndim - 1}) != {kb} (dim {(b.Ndim == 1 ? 0 : b.Ndim - 2)})");
        if (a.Ndim <= 2 && b.Ndim <= 2) return MatMulArrays(a, b);
        throw new NotImplementedError("Batuta: np.dot of arrays with more than 2 dimensions (use np.matmul)");
    }

    /// <summary><c>np.dot</c> where the transpiler knows the result is an array.</summary>
    public static NdArray DotA(object? x, object? y) => Dot(x, y) switch
    {
        NdArray r => r,
        var s => Array(s),
    };

    /// <summary><c>np.dot</c> of two vectors as a float.</summary>
    public static double DotF(object? x, object? y) => ToDouble(Dot(x, y));

    /// <summary><c>np.inner(a, b)</c> for vectors.</summary>
    public static object Inner(object? x, object? y) => Dot(x, y);

    /// <summary><c>np.outer(a, b)</c></summary>
    public static NdArray Outer(object? x, object? y)
    {
        var a = AsArray(x).Ravel();
        var b = AsArray(y).Ravel();
        return NdArray.Binary(NpBinary.Multiply, a.Reshape(a.Size, 1), b.Reshape(1, b.Size));
    }

    /// <summary><c>np.trace(a)</c></summary>
    public static object Trace(NdArray a) => Diag(a).Sum();

    /// <summary>
    /// <c>np.polyfit(x, y, deg)</c>: numpy's recipe (Vandermonde columns by repeated multiplication, scaled to unit
    /// norm, least squares, unscaled), the least squares by QR rather than LAPACK's SVD: the last bits may differ.
    /// </summary>
    public static NdArray Polyfit(NdArray x, NdArray y, long deg)
    {
        if (deg < 0) throw new ValueError("expected deg >= 0");
        if (x.Ndim != 1) throw new TypeError("expected 1D vector for x");
        if (x.Size == 0) throw new TypeError("expected non-empty vector for x");
        if (y.Ndim is < 1 or > 2) throw new TypeError("expected 1D or 2D array for y");
        if (x.Size != y.Dims[0]) throw new TypeError("expected x and y to have same length");
        int order = (int)deg + 1, n = x.Size;
        var xs = x.ToDoubles();
        var lhs = new double[n * order];
        for (int i = 0; i < n; i++)
        {
            double p = 1.0;
            lhs[i * order + order - 1] = 1.0;
            for (int k = order - 2; k >= 0; k--) lhs[i * order + k] = p *= xs[i];
        }
        var scale = new double[order];
        for (int j = 0; j < order; j++)
        {
            double s = 0.0;
            for (int i = 0; i < n; i++) s += lhs[i * order + j] * lhs[i * order + j];
            scale[j] = Math.Sqrt(s);
        }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < order; j++) lhs[i * order + j] /= scale[j];
        var c = NpLinalg.Lstsq(NdArray.FromDoubles(lhs, [n, order]), y.AsType(NpDType.Float64)).Item1;
        var cv = c.ToDoubles();
        int cols = c.Ndim == 1 ? 1 : c.Dims[1];
        for (int j = 0; j < order; j++)
            for (int k = 0; k < cols; k++) cv[j * cols + k] /= scale[j];
        return NdArray.FromDoubles(cv, c.Dims);
    }

    /// <summary><c>np.polyval(p, x)</c> by Horner's rule, as numpy: y = zeros_like(x), then y = y * x + p[i] (numpy's promotion).</summary>
    public static NdArray PolyvalA(NdArray p, object? x)
    {
        var xa = AsArray(x);
        bool isFloat = xa.Kind is NpKind.Float32 or NpKind.Float64;
        var y = isFloat ? NdArray.FromDoubles(new double[xa.Size], xa.Dims, xa.Kind) : NdArray.FromLongs(new long[xa.Size], xa.Dims);
        bool pFloat = p.Kind is NpKind.Float32 or NpKind.Float64;
        var pd = p.ToDoubles();
        var pl = pFloat ? null : p.ToLongs();
        for (int i = 0; i < pd.Length; i++)
        {
            var c = pFloat ? NdArray.FromDoubles([pd[i]], [], p.Kind) : NdArray.FromLongs([pl.OrThrow()[i]], []);
            y = NdArray.Binary(NpBinary.Add, NdArray.Binary(NpBinary.Multiply, y, xa), c);
        }
        return y;
    }

    /// <summary><c>np.polyval(p, x)</c> for a number x: a number.</summary>
    public static object? Polyval(NdArray p, object? x) => x is NdArray or System.Collections.IEnumerable and not string ? PolyvalA(p, x) : PolyvalA(p, x).Item();
}

/// <summary><c>numpy.linalg</c> on Batuta.Tensor's LU, QR, Cholesky and symmetric eigensolver.</summary>
public static class NpLinalg
{
    private static Tensor<double> Matrix(NdArray a, string name)
    {
        if (a.Ndim != 2) throw new LinAlgError($"{a.Ndim}-dimensional array given. Array must be two-dimensional");
        if (name != "lstsq" && a.Dims[0] != a.Dims[1]) throw new LinAlgError("Last 2 dimensions of the array must be square");
        return a.AsFloat64Tensor();
    }

    private static T Guard<T>(Func<T> f)
    {
        try { return f(); }
        catch (LinAlgException e) { throw new LinAlgError(e.Message); }
    }

    public static NdArray Inv(NdArray a) => Guard(() => NdArray.From(Linalg.Inv(Matrix(a, "inv"))));

    public static NdArray Solve(NdArray a, NdArray b) => Guard(() => NdArray.From(Linalg.Solve(Matrix(a, "solve"), b.AsFloat64Tensor())));

    public static double Det(NdArray a) => Guard(() => Linalg.Det(Matrix(a, "det")));

    public static NdArray Cholesky(NdArray a) => Guard(() => NdArray.From(Linalg.Cholesky(Matrix(a, "cholesky"))));

    /// <summary><c>np.linalg.qr(a)</c>: (Q, R), reduced.</summary>
    public static (NdArray, NdArray) Qr(NdArray a) => Guard(() =>
    {
        var (q, r) = Linalg.Qr(Matrix(a, "lstsq"));
        return (NdArray.From(q), NdArray.From(r));
    });

    /// <summary><c>np.linalg.eigh(a)</c>: ascending eigenvalues and the eigenvectors (columns).</summary>
    public static (NdArray, NdArray) Eigh(NdArray a) => Guard(() =>
    {
        var (w, v) = Linalg.Eigh(Matrix(a, "eigh"));
        return (NdArray.From(w), NdArray.From(v));
    });

    public static NdArray Eigvalsh(NdArray a) => Eigh(a).Item1;

    /// <summary><c>np.linalg.lstsq(a, b, rcond=None)</c>: (solution, residuals, rank, singular values: not computed, an empty array).</summary>
    public static (NdArray, NdArray, PyInt, NdArray) Lstsq(NdArray a, NdArray b) => Guard(() =>
    {
        var r = Linalg.Lstsq(Matrix(a, "lstsq"), b.AsFloat64Tensor());
        return (NdArray.From(r.Solution), NdArray.From(r.Residuals), new PyInt(r.Rank), Np.Zeros(new PyInt(0)));
    });

    /// <summary><c>np.linalg.norm(x, ord=None, axis=None)</c>: the 2-norm (Frobenius for matrices), or along an axis.</summary>
    public static object Norm(NdArray x, object? ord, object? axis, bool keepdims)
    {
        var r = Norm(x, ord, axis);
        if (!keepdims) return r;
        var dims = x.Dims;
        if (axis is null) return Np.Array(r).Reshape(dims.Select(_ => 1).ToArray());
        dims[x.NormalizeAxis(Np.ToLong(axis))] = 1;
        return ((NdArray)r).Reshape(dims);
    }

    public static object Norm(NdArray x, object? ord = null, object? axis = null)
    {
        if (ord is not null && !(ord is PyInt p && (long)p == 2) && !(ord is double d && FloatExact.AreEqual(d, 2)) && !(ord is string s && s == "fro"))
        {
            double o = Np.ToDouble(ord);
            var v = x.ToDoubles();
            if (axis is not null) throw new NotImplementedError("Batuta: np.linalg.norm with both ord and axis");
            if (double.IsPositiveInfinity(o)) return v.Max(Math.Abs);
            if (FloatExact.AreEqual(o, 1) && x.Ndim == 1) return NdArray.FromDoubles(v.Select(Math.Abs).ToArray(), [v.Length]).SumF();
            return Math.Pow(NdArray.FromDoubles(v.Select(e => Math.Pow(Math.Abs(e), o)).ToArray(), [v.Length]).SumF(), 1 / o);
        }
        if (axis is null)
        {
            var flat = x.AsType(NpDType.Float64).Ravel();
            return Math.Sqrt(Tensor.Dot(flat.AsFloat64Tensor(), flat.AsFloat64Tensor()));
        }
        var sq = NdArray.Binary(NpBinary.Multiply, x.AsType(NpDType.Float64), x.AsType(NpDType.Float64));
        var s2 = sq.Sum(Np.ToLong(axis));
        return Np.Sqrt(s2);
    }

    /// <summary><c>np.linalg.matrix_rank(a)</c> from the eigenvalues of aᵀa.</summary>
    public static PyInt MatrixRank(NdArray a)
    {
        var m = a.Ndim == 1 ? a.Reshape(1, a.Size) : a;
        var ata = (NdArray)Np.MatMul(m.T, m);
        var w = Eigh(ata).Item1.ToDoubles().Select(v => Math.Sqrt(Math.Max(v, 0))).ToArray();
        double tol = w.Max() * Math.Max(m.Dims[0], m.Dims[1]) * 2.220446049250313e-16;
        return new PyInt(w.Count(v => v > tol));
    }
}

/// <summary>numpy's <c>LinAlgError</c> (shown as <c>numpy.linalg.LinAlgError</c> in tracebacks).</summary>
public sealed class LinAlgError(string message) : ValueError(message)
{
    public override string PyModule => "numpy.linalg";
}
