using Batuta.Tensors.Tests.Support;

namespace Batuta.Tensors.Tests;

/// <summary>dot, matmul (2-D, batched, 1-D promotion, transposed operands) and outer against a double-precision reference.</summary>
public class MatMulTests
{
    public static IEnumerable<object[]> Backends => Backend.CpuData;

    private static readonly (int M, int N, int K)[] Sizes =
    [
        (1, 1, 1), (0, 3, 4), (3, 0, 4), (3, 4, 0), (2, 3, 4), (5, 7, 3), (13, 33, 17), (12, 32, 256), (25, 65, 31), (37, 100, 300), (130, 70, 513), (20, 700, 300),
    ];

    [Theory]
    [MemberData(nameof(Backends))]
    public void Matmul_matches_reference_for_every_layout_float(string backend) => Suite<float>(Backend.Named(backend));

    [Theory]
    [MemberData(nameof(Backends))]
    public void Matmul_matches_reference_for_every_layout_double(string backend) => Suite<double>(Backend.Named(backend));

    [Theory]
    [MemberData(nameof(Backends))]
    public void Integer_matmul_is_exact(string backend)
    {
        using var _ = Backend.Named(backend).Activate();
        var rng = new SimRng(4);
        foreach (var (m, n, k) in Sizes.Take(9))
        {
            using var a = rng.Integers<int>([m, k], -9, 10);
            using var b = rng.Integers<int>([k, n], -9, 10);
            using var c = a.MatMul(b);
            var ad = a.ToArray();
            var bd = b.ToArray();
            var expected = new int[m * n];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                    for (int p = 0; p < k; p++) expected[i * n + j] += ad[i * k + p] * bd[p * n + j];
            Check.Exact(expected, c, $"int matmul {m}x{n}x{k}");
        }
    }

    private static void Suite<T>(Backend be) where T : unmanaged, INumber<T>
    {
        using var _ = be.Activate();
        var rng = new SimRng(8);
        foreach (var (m, n, k) in Sizes)
        {
            using var a = rng.Uniform<T>([m, k], -1, 1);
            using var b = rng.Uniform<T>([k, n], -1, 1);
            var expected = Reference(Ref.ToDouble(a), Ref.ToDouble(b), m, n, k);
            var tol = BackendTolerance.For<T>(ToleranceClass.MatMul, k).Scaled(Math.Sqrt(Math.Max(k, 1)));
            string label = $"[{be}] {m}x{n}x{k}";

            using (var c = a.MatMul(b)) Check.Close(expected, c, tol, $"matmul {label}");

            // Transposed operands: the packing reads either stride pattern.
            using var at = a.Transpose().Contiguous();
            using var bt = b.Transpose().Contiguous();
            using var atv = at.Transpose();
            using var btv = bt.Transpose();
            using (var c = atv.MatMul(btv)) Check.Close(expected, c, tol, $"matmul transposed {label}");

            // Stepped rows: a view with a row stride larger than its width.
            using var wide = Tensor.Zeros<T>(m, 2 * k + 1);
            using var slot = wide.Slice(1, 0, 2 * k, 2);
            slot.CopyFrom(a);
            using (var c = slot.MatMul(b)) Check.Close(expected, c, tol, $"matmul stepped {label}");

            // Into a destination that is itself a strided view.
            using var bigOut = Tensor.Zeros<T>(n, m);
            using var outView = bigOut.Transpose();
            Tensor.MatMul(a, b, outView);
            Check.Close(expected, outView, tol, $"matmul into transposed destination {label}");
        }
    }

    private static double[] Reference(double[] a, double[] b, int m, int n, int k)
    {
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
                c[i * n + j] = s;
            }
        return c;
    }

    [Fact]
    public void Large_matmul_uses_every_blocking_level_and_both_cores()
    {
        // 300 x 2100 x 600 crosses KC (256), MC (240) and NC (2048) boundaries and runs multithreaded.
        var rng = new SimRng(5);
        int m = 300, n = 2100, k = 600;
        using var a = rng.Uniform<float>([m, k], -1, 1);
        using var b = rng.Uniform<float>([k, n], -1, 1);
        using var c = a.MatMul(b);
        var ad = Ref.ToDouble(a);
        var bd = Ref.ToDouble(b);
        var tol = BackendTolerance.For<float>(ToleranceClass.MatMul, k).Scaled(Math.Sqrt(k));
        var probe = new SimRng(6);
        for (int t = 0; t < 400; t++)
        {
            int i = probe.NextInt(m), j = probe.NextInt(n);
            double s = 0;
            for (int p = 0; p < k; p++) s += ad[i * k + p] * bd[p * n + j];
            Assert.True(tol.IsClose(s, c[i, j]), $"c[{i},{j}] = {c[i, j]}, expected {s}");
        }
    }

    [Fact]
    public void Batched_and_vector_matmul_follow_numpy_broadcasting()
    {
        var rng = new SimRng(3);
        using var a = rng.Uniform<double>([2, 1, 4, 3]);
        using var b = rng.Uniform<double>([5, 3, 6]);
        using var c = a.MatMul(b);
        Assert.Equal(new TensorShape(2, 5, 4, 6), c.Shape);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 5; j++)
            {
                using var ai = a.View(i, 0);
                using var bj = b.View(j);
                using var cij = c.View(i, j);
                using var expected = ai.MatMul(bj);
                Assert.Equal(expected.ToArray(), cij.ToArray());
            }

        using var v = rng.Uniform<double>([3]);
        using var b0 = b.View(0);
        using var b0t = b0.Transpose();
        using var mv1 = b0t.MatMul(v);
        Assert.Equal(new TensorShape(6), mv1.Shape);
        using var vm = v.MatMul(b);
        Assert.Equal(new TensorShape(5, 6), vm.Shape);
        using var vv = v.MatMul(v);
        Assert.Equal(0, vv.Rank);
        Assert.Equal(v.Dot(v), vv.ToScalar(), 12);
    }

    [Fact]
    public void Dot_and_outer()
    {
        var rng = new SimRng(12);
        foreach (int n in new[] { 0, 1, 7, 16, 67, 1000, 4099 })
        {
            using var x = rng.Uniform<float>([n], -1, 1);
            using var y = rng.Uniform<float>([n], -1, 1);
            double expected = Ref.ToDouble(x).Zip(Ref.ToDouble(y), (p, q) => p * q).Sum();
            var tol = BackendTolerance.For<float>(ToleranceClass.Reduction, n).Scaled(Math.Sqrt(Math.Max(n, 1)));
            foreach (var be in Backend.Cpu)
            {
                using var _ = be.Activate();
                Assert.True(tol.IsClose(expected, x.Dot(y)), $"dot n={n} [{be}]: {x.Dot(y)} vs {expected}");
                using var xs = x.Slice(0, null, null, -1);
                using var ys = y.Slice(0, null, null, -1);
                Assert.True(tol.IsClose(expected, xs.Dot(ys)), $"dot reversed n={n} [{be}]");
            }
        }
        using var a = Tensor.Create(new[] { 1.0, 2, 3 });
        using var b = Tensor.Create(new[] { 4.0, 5 });
        using var o = a.Outer(b);
        Assert.Equal(new[] { 4.0, 5, 8, 10, 12, 15 }, o.ToArray());
    }

    [Fact]
    public void Shape_mismatches_name_both_shapes_and_the_operation()
    {
        var ex = Assert.Throws<TensorShapeException>(() => Tensor.Zeros(3, 4).MatMul(Tensor.Zeros(5, 6)));
        Assert.Equal("matmul", ex.Operation);
        Assert.Contains("(3, 4)", ex.Message);
        Assert.Contains("(5, 6)", ex.Message);
        Assert.Equal(new TensorShape(3, 4), ex.Left);
        Assert.Equal(new TensorShape(5, 6), ex.Right);
        var ex2 = Assert.Throws<TensorShapeException>(() => Tensor.Zeros(3).Dot(Tensor.Zeros(4)));
        Assert.Contains("dot", ex2.Message);
        var ex3 = Assert.Throws<TensorShapeException>(() => Tensor.Zeros(2, 3, 4).MatMul(Tensor.Zeros(3, 4, 5)));
        Assert.Contains("broadcast", ex3.Message);
    }
}
