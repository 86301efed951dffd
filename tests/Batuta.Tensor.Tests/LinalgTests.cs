using Batuta.Tensors.Tests.Support;

namespace Batuta.Tensors.Tests;

/// <summary>solve, inv, det, cholesky, qr, lstsq, eigh: checked by their defining identities.</summary>
public class LinalgTests
{
    private static Tensor<double> WellConditioned(SimRng rng, int n)
    {
        using var a = rng.Uniform<double>([n, n], -1, 1);
        using var eye = Tensor.Eye(n);
        using var shift = eye * (double)n;
        return a + shift;
    }

    private static Tensor<double> Spd(SimRng rng, int n)
    {
        using var a = rng.Uniform<double>([n, n], -1, 1);
        using var at = a.Transpose();
        using var g = a.MatMul(at);
        using var eye = Tensor.Eye(n);
        return g + eye;
    }

    private static void Close(Tensor<double> expected, Tensor<double> actual, double tol, string what)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        Check.Close(expected.ToArray(), actual, new Tolerance(tol, tol), what);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(33)]
    [InlineData(120)]
    [InlineData(203)]
    public void Solve_inv_and_det_satisfy_their_identities(int n)
    {
        var rng = new SimRng((ulong)n);
        using var a = WellConditioned(rng, n);
        using var b = rng.Uniform<double>([n, 3]);
        using var x = Linalg.Solve(a, b);
        using var ax = a.MatMul(x);
        Close(b, ax, 1e-10, "a·solve(a, b)");
        using var bv = rng.Uniform<double>([n]);
        using var xv = Linalg.Solve(a, bv);
        Assert.Equal(new TensorShape(n), xv.Shape);
        using var inv = Linalg.Inv(a);
        using var id = a.MatMul(inv);
        using var eye = Tensor.Eye(n);
        Close(eye, id, 1e-10, "a·inv(a)");
        // det(A/n)·det(n·A⁻¹) = 1, scaled so large n does not overflow the determinant.
        using var aScaled = a / (double)n;
        using var invScaled = inv * (double)n;
        double detA = Linalg.Det(aScaled);
        double detInv = Linalg.Det(invScaled);
        Assert.True(double.IsFinite(detA) && detA != 0, $"det {detA}");
        Assert.Equal(1.0, detA * detInv, 8);
        using var af = a.Cast<float>();
        using var invf = Linalg.Inv(af);
        Assert.Equal(inv.ToArray()[0], invf.ToArray()[0], 4);
    }

    [Fact]
    public void Singular_matrices_raise_linalg_errors_and_det_is_zero()
    {
        using var s = Tensor.Create(new[] { 1.0, 2, 2, 4 }, 2, 2);
        Assert.Throws<LinAlgException>(() => Linalg.Inv(s));
        using var b = Tensor.Ones<double>(2);
        Assert.Throws<LinAlgException>(() => Linalg.Solve(s, b));
        Assert.Equal(0.0, Linalg.Det(s));
        var ex = Assert.Throws<TensorShapeException>(() => Linalg.Inv(Tensor.Zeros(2, 3)));
        Assert.Contains("square", ex.Message);
        using var notPd = Tensor.Create(new[] { 1.0, 2, 2, 1 }, 2, 2);
        Assert.Throws<LinAlgException>(() => Linalg.Cholesky(notPd));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(50)]
    public void Cholesky_reconstructs_the_matrix(int n)
    {
        var rng = new SimRng(100 + (ulong)n);
        using var a = Spd(rng, n);
        using var l = Linalg.Cholesky(a);
        using var lt = l.Transpose();
        using var llt = l.MatMul(lt);
        Close(a, llt, 1e-10, "L·Lᵀ");
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) Assert.Equal(0.0, l[i, j]);
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(9, 4)]
    [InlineData(4, 9)]
    [InlineData(40, 25)]
    public void Qr_is_orthogonal_times_upper_triangular(int m, int n)
    {
        var rng = new SimRng((ulong)(m * 100 + n));
        using var a = rng.Uniform<double>([m, n], -1, 1);
        var (q, r) = Linalg.Qr(a);
        using (q)
        using (r)
        {
            int k = Math.Min(m, n);
            Assert.Equal(new TensorShape(m, k), q.Shape);
            Assert.Equal(new TensorShape(k, n), r.Shape);
            using var qr = q.MatMul(r);
            Close(a, qr, 1e-12, "Q·R");
            using var qt = q.Transpose();
            using var qtq = qt.MatMul(q);
            using var eye = Tensor.Eye(k);
            Close(eye, qtq, 1e-12, "Qᵀ·Q");
            for (int i = 0; i < k; i++)
                for (int j = 0; j < i; j++) Assert.Equal(0.0, r[i, j]);
        }
    }

    [Fact]
    public void Lstsq_solves_over_and_underdetermined_systems()
    {
        var rng = new SimRng(55);
        using var a = rng.Uniform<double>([30, 4], -1, 1);
        using var xTrue = Tensor.Create(new[] { 1.0, -2, 0.5, 3 });
        using var b = a.MatMul(xTrue);
        using var fit = Linalg.Lstsq(a, b);
        Close(xTrue, fit.Solution, 1e-10, "lstsq exact fit");
        Assert.True(fit.Residuals[0] < 1e-20);
        Assert.Equal(4, fit.Rank);

        using var noise = rng.Normal<double>([30], 0, 0.1);
        using var bn = b + noise;
        using var fitN = Linalg.Lstsq(a, bn);
        // Normal equations: Aᵀ(Ax - b) = 0 at the least-squares solution.
        using var r = a.MatMul(fitN.Solution) - bn;
        using var at = a.Transpose();
        using var g = at.MatMul(r);
        Assert.All(g.ToArray(), v => Assert.True(Math.Abs(v) < 1e-10));

        using var wide = rng.Uniform<double>([3, 6], -1, 1);
        using var bw = rng.Uniform<double>([3]);
        using var under = Linalg.Lstsq(wide, bw);
        using var back = wide.MatMul(under.Solution);
        Close(bw, back, 1e-10, "minimum-norm solution solves the system");
        Assert.Throws<LinAlgException>(() => Linalg.Lstsq(Tensor.Zeros(5, 2), Tensor.Zeros(5)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(60)]
    public void Eigh_diagonalises_symmetric_matrices(int n)
    {
        var rng = new SimRng(200 + (ulong)n);
        using var a = Spd(rng, n);
        var (w, v) = Linalg.Eigh(a);
        using (w)
        using (v)
        {
            var wv = w.ToArray();
            for (int i = 1; i < n; i++) Assert.True(wv[i - 1] <= wv[i], "eigenvalues ascending");
            using var av = a.MatMul(v);
            using var vw = v * w;
            Close(av, vw, 1e-9 * n, "A·V = V·Λ");
            using var vt = v.Transpose();
            using var vtv = vt.MatMul(v);
            using var eye = Tensor.Eye(n);
            Close(eye, vtv, 1e-10, "Vᵀ·V = I");
        }
        using var diag = Tensor.Create(new[] { 3.0, 0, 0, 0, 1, 0, 0, 0, 2 }, 3, 3);
        var (d, _) = Linalg.Eigh(diag);
        Assert.Equal(new[] { 1.0, 2, 3 }, d.ToArray());
    }

    [Fact]
    public void Norm_is_overflow_safe()
    {
        using var x = Tensor.Create(new[] { 3e200, 4e200 });
        Assert.Equal(1.0, Linalg.Norm(x) / 5e200, 12);
        using var f = Tensor.Create(new[] { 3f, 4f });
        Assert.Equal(5f, Linalg.Norm(f));
    }
}
