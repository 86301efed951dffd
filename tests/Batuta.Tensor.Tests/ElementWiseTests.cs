using Batuta.Tensors.Tests.Support;

namespace Batuta.Tensors.Tests;

/// <summary>
/// Every element-wise operation against the scalar reference, on every backend, over shapes that hit
/// each loop path and over non-contiguous layouts and broadcasting.
/// </summary>
public class ElementWiseTests
{
    public static IEnumerable<object[]> Backends => Backend.CpuData;

    [Theory]
    [MemberData(nameof(Backends))]
    public void Binary_arithmetic_matches_reference_float(string backend) => BinarySuite<float>(Backend.Named(backend));

    [Theory]
    [MemberData(nameof(Backends))]
    public void Binary_arithmetic_matches_reference_double(string backend) => BinarySuite<double>(Backend.Named(backend));

    [Theory]
    [MemberData(nameof(Backends))]
    public void Binary_arithmetic_matches_reference_int(string backend) => BinarySuite<int>(Backend.Named(backend));

    [Theory]
    [MemberData(nameof(Backends))]
    public void Binary_arithmetic_matches_reference_long(string backend) => BinarySuite<long>(Backend.Named(backend));

    [Theory]
    [MemberData(nameof(Backends))]
    public void Unary_math_matches_reference_float(string backend) => UnarySuite<float>(Backend.Named(backend));

    [Theory]
    [MemberData(nameof(Backends))]
    public void Unary_math_matches_reference_double(string backend) => UnarySuite<double>(Backend.Named(backend));

    [Theory]
    [MemberData(nameof(Backends))]
    public void Integer_unary_ops_are_exact(string backend)
    {
        var be = Backend.Named(backend);
        using var _ = be.Activate();
        UnaryExact<int>(be, "negate", x => x.Negate(), v => -v);
        UnaryExact<int>(be, "abs", x => x.Abs(), v => Math.Abs(v));
        UnaryExact<long>(be, "square", x => x.Square(), v => v * v);
        UnaryExact<long>(be, "relu", x => x.Relu(), v => Math.Max(v, 0));
    }

    private static void BinarySuite<T>(Backend be) where T : unmanaged, INumber<T>
    {
        using var _ = be.Activate();
        bool integral = !TensorElement<T>.IsFloatingPoint;
        BinaryExact<T>(be, "add", (x, y) => x + y, (a, b) => a + b);
        BinaryExact<T>(be, "subtract", (x, y) => x - y, (a, b) => a - b);
        BinaryExact<T>(be, "multiply", (x, y) => x * y, (a, b) => a * b);
        BinaryExact<T>(be, "divide", (x, y) => x / y, (a, b) => a / b, nonZeroRight: true);
        BinaryExact<T>(be, "maximum", (x, y) => x.Maximum(y), T.Max);
        BinaryExact<T>(be, "minimum", (x, y) => x.Minimum(y), T.Min);
        BinaryExact<T>(be, "equal", (x, y) => x.Equal(y), (a, b) => a == b ? T.One : T.Zero, coarse: true);
        BinaryExact<T>(be, "not_equal", (x, y) => x.NotEqual(y), (a, b) => a != b ? T.One : T.Zero, coarse: true);
        BinaryExact<T>(be, "less", (x, y) => x.Less(y), (a, b) => a < b ? T.One : T.Zero, coarse: true);
        BinaryExact<T>(be, "less_equal", (x, y) => x.LessEqual(y), (a, b) => a <= b ? T.One : T.Zero, coarse: true);
        BinaryExact<T>(be, "greater", (x, y) => x.Greater(y), (a, b) => a > b ? T.One : T.Zero, coarse: true);
        BinaryExact<T>(be, "greater_equal", (x, y) => x.GreaterEqual(y), (a, b) => a >= b ? T.One : T.Zero, coarse: true);
        if (!integral)
        {
            BinaryApprox<T>(be, "power", (x, y) => x.Power(y), Math.Pow, ToleranceClass.Transcendental, 0.1, 3);
        }
    }

    private static void UnarySuite<T>(Backend be) where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var _ = be.Activate();
        UnaryExact<T>(be, "negate", x => x.Negate(), v => -v);
        UnaryExact<T>(be, "abs", x => x.Abs(), T.Abs);
        UnaryExact<T>(be, "relu", x => x.Relu(), v => T.Max(v, T.Zero));
        UnaryApprox<T>(be, "square", x => x.Square(), v => v * v, ToleranceClass.ElementWise);
        UnaryApprox<T>(be, "sqrt", x => x.Sqrt(), Math.Sqrt, ToleranceClass.ElementWise, 0, 4);
        UnaryApprox<T>(be, "exp", x => x.Exp(), Math.Exp, ToleranceClass.Transcendental, -80, 80);
        UnaryApprox<T>(be, "log", x => x.Log(), Math.Log, ToleranceClass.Transcendental, 1e-3, 1e3);
        UnaryApprox<T>(be, "sin", x => x.Sin(), Math.Sin, ToleranceClass.Transcendental, -10, 10);
        UnaryApprox<T>(be, "cos", x => x.Cos(), Math.Cos, ToleranceClass.Transcendental, -10, 10);
        UnaryApprox<T>(be, "tanh", x => x.Tanh(), Math.Tanh, ToleranceClass.Transcendental, -12, 12);
        UnaryApprox<T>(be, "tanh_small", x => x.Tanh(), Math.Tanh, ToleranceClass.Transcendental, -0.7, 0.7);
        UnaryApprox<T>(be, "sigmoid", x => x.Sigmoid(), v => 1 / (1 + Math.Exp(-v)), ToleranceClass.Transcendental, -30, 30);
        UnaryApprox<T>(be, "silu", x => x.Silu(), v => v / (1 + Math.Exp(-v)), ToleranceClass.Transcendental, -30, 30);
        UnaryApprox<T>(be, "gelu", x => x.Gelu(), v => 0.5 * v * (1 + Ref.Erf(v / Math.Sqrt(2))), ToleranceClass.Transcendental, -6, 6);
        UnaryApprox<T>(be, "gelu_tanh", x => x.Gelu(approximate: true),
            v => 0.5 * v * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v))), ToleranceClass.Transcendental, -6, 6);
    }

    private static IEnumerable<(string Case, Tensor<T> X, Tensor<T> Y)> BinaryCases<T>(SimRng rng, List<IDisposable> owners, double low, double high, bool nonZeroRight)
        where T : unmanaged, INumber<T>
    {
        Tensor<T> Right(int[] shape, Cases.Layout layout)
        {
            var y = Cases.WithLayout<T>(rng, shape, layout, owners, low, high);
            if (!nonZeroRight) return y;
            var fixedY = y.Clone();
            owners.Add(fixedY);
            var s = fixedY.AsSpan();
            for (int i = 0; i < s.Length; i++) if (s[i] == T.Zero) s[i] = T.One;
            return fixedY;
        }

        foreach (var (a, b) in Cases.BroadcastPairs)
        {
            yield return ($"{TensorShape.Format(a)} with {TensorShape.Format(b)}", Cases.WithLayout<T>(rng, a, Cases.Layout.Contiguous, owners, low, high), Right(b, Cases.Layout.Contiguous));
        }
        foreach (var shape in Cases.Shapes)
        {
            foreach (var layout in Cases.Layouts)
            {
                yield return ($"{TensorShape.Format(shape)} {layout} x", Cases.WithLayout<T>(rng, shape, layout, owners, low, high), Right(shape, Cases.Layout.Contiguous));
                yield return ($"{TensorShape.Format(shape)} {layout} y", Cases.WithLayout<T>(rng, shape, Cases.Layout.Contiguous, owners, low, high), Right(shape, layout));
            }
        }
    }

    private static void BinaryExact<T>(Backend be, string name, Func<Tensor<T>, Tensor<T>, Tensor<T>> op, Func<T, T, T> reference, bool nonZeroRight = false, bool coarse = false)
        where T : unmanaged, INumber<T>
    {
        var rng = new SimRng(42, (ulong)name.Length);
        var owners = new List<IDisposable>();
        try
        {
            // Comparisons need ties, so their operands are snapped to a coarse grid (Grid) first.
            foreach (var (label, x, y) in BinaryCases<T>(rng, owners, -2, 2, nonZeroRight))
            {
                var (gx, gy) = coarse ? Grid(x, y, owners) : (x, y);
                using var result = op(gx, gy);
                var outShape = Ref.Broadcast(gx.Shape.ToArray(), gy.Shape.ToArray());
                Assert.Equal(new TensorShape(outShape), result.Shape);
                var expected = Ref.Map(Ref.ByIndexer(gx), gx.Shape.ToArray(), Ref.ByIndexer(gy), gy.Shape.ToArray(), outShape, reference);
                Check.Exact(expected, result, $"{name} [{be}] {label}");
            }
        }
        finally
        {
            Check.Dispose(owners);
        }
    }

    /// <summary>Copies both operands onto a grid of 5 values, keeping their layouts' shapes, so == and &lt;= see ties.</summary>
    private static (Tensor<T>, Tensor<T>) Grid<T>(Tensor<T> x, Tensor<T> y, List<IDisposable> owners) where T : unmanaged, INumber<T>
    {
        Tensor<T> G(Tensor<T> t)
        {
            var c = t.Clone();
            owners.Add(c);
            var s = c.AsSpan();
            for (int i = 0; i < s.Length; i++) s[i] = T.CreateTruncating(Math.Round(double.CreateTruncating(s[i]) % 3));
            return c;
        }
        return (G(x), G(y));
    }

    private static void BinaryApprox<T>(Backend be, string name, Func<Tensor<T>, Tensor<T>, Tensor<T>> op, Func<double, double, double> reference, ToleranceClass cls, double low, double high)
        where T : unmanaged, INumber<T>
    {
        var rng = new SimRng(7, (ulong)name.Length);
        var owners = new List<IDisposable>();
        try
        {
            var tol = BackendTolerance.For<T>(cls, gpu: be.IsGpu);
            foreach (var (label, x, y) in BinaryCases<T>(rng, owners, low, high, false))
            {
                using var result = op(x, y);
                var outShape = Ref.Broadcast(x.Shape.ToArray(), y.Shape.ToArray());
                var expected = Ref.Map(Ref.ToDouble(x), x.Shape.ToArray(), Ref.ToDouble(y), y.Shape.ToArray(), outShape, reference);
                Check.Close(expected, result, tol, $"{name} [{be}] {label}");
            }
        }
        finally
        {
            Check.Dispose(owners);
        }
    }

    private static void UnaryExact<T>(Backend be, string name, Func<Tensor<T>, Tensor<T>> op, Func<T, T> reference) where T : unmanaged, INumber<T>
    {
        var rng = new SimRng(3, (ulong)name.Length);
        var owners = new List<IDisposable>();
        try
        {
            foreach (var shape in Cases.Shapes)
                foreach (var layout in Cases.Layouts)
                {
                    var x = Cases.WithLayout<T>(rng, shape, layout, owners);
                    using var result = op(x);
                    Assert.Equal(x.Shape, result.Shape);
                    Check.Exact(Ref.ByIndexer(x).Select(reference).ToArray(), result, $"{name} [{be}] {TensorShape.Format(shape)} {layout}");
                }
        }
        finally
        {
            Check.Dispose(owners);
        }
    }

    private static void UnaryApprox<T>(Backend be, string name, Func<Tensor<T>, Tensor<T>> op, Func<double, double> reference, ToleranceClass cls, double low = -2, double high = 2)
        where T : unmanaged, INumber<T>
    {
        var rng = new SimRng(5, (ulong)name.Length);
        var owners = new List<IDisposable>();
        var tol = BackendTolerance.For<T>(cls, gpu: be.IsGpu);
        try
        {
            foreach (var shape in Cases.Shapes)
                foreach (var layout in Cases.Layouts)
                {
                    var x = Cases.WithLayout<T>(rng, shape, layout, owners, low, high);
                    using var result = op(x);
                    Check.Close(Ref.ToDouble(x).Select(reference).ToArray(), result, tol, $"{name} [{be}] {TensorShape.Format(shape)} {layout}");
                }
        }
        finally
        {
            Check.Dispose(owners);
        }
    }

    [Fact]
    public void Scalar_operands_broadcast_on_either_side()
    {
        using var x = Tensor.Create(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 });
        using var a = x - 1.0;
        using var b = 1.0 - x;
        using var c = 2.0 / x;
        using var d = x.Power(2.0);
        using var e = 3.0 * x;
        Assert.Equal(x.ToArray().Select(v => v - 1), a.ToArray());
        Assert.Equal(x.ToArray().Select(v => 1 - v), b.ToArray());
        Assert.Equal(x.ToArray().Select(v => 2 / v), c.ToArray());
        Assert.Equal(x.ToArray().Select(v => v * v), d.ToArray());
        Assert.Equal(x.ToArray().Select(v => 3 * v), e.ToArray());
        using var t = x.Reshape(1, 17).BroadcastTo(3, 17).Transpose();
        using var f = 10.0 - t;
        Assert.Equal(new TensorShape(17, 3), f.Shape);
        Assert.Equal(10.0 - 5.0, f[4, 2]);
    }

    [Fact]
    public void Destination_and_in_place_forms_write_into_the_given_tensor()
    {
        var rng = new SimRng(11);
        using var x = rng.Uniform<float>([7, 9], -1, 1);
        using var y = rng.Uniform<float>([9], -1, 1);
        var expected = Ref.Map(x.ToArray(), [7, 9], y.ToArray(), [9], [7, 9], (a, b) => a + b);
        using var dest = Tensor.Zeros<float>(7, 9);
        var r = Tensor.Add(x, y, dest);
        Assert.Same(dest, r);
        Assert.Equal(expected, dest.ToArray());
        using var inPlace = x.Clone();
        Tensor.Add(inPlace, y, inPlace);
        Assert.Equal(expected, inPlace.ToArray());
        var ex = Assert.Throws<TensorShapeException>(() => Tensor.Add(x, y, Tensor.Zeros<float>(9, 7)));
        Assert.Contains("(7, 9)", ex.Message);
        Assert.Contains("(9, 7)", ex.Message);
    }

    [Fact]
    public void Overlapping_destination_view_gets_the_numpy_answer()
    {
        // x += x.T on a square matrix: numpy buffers overlapping operands, so must we.
        using var x = Tensor.Arange<double>(0, 16).Reshape(4, 4);
        var before = x.ToArray();
        using var t = x.Transpose();
        Tensor.Add(x, t, x);
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) Assert.Equal(before[i * 4 + j] + before[j * 4 + i], x[i, j]);
    }

    [Fact]
    public void NaN_propagates_through_maximum_minimum_and_relu_like_numpy()
    {
        using var x = Tensor.Create(new float[] { float.NaN, 1, -1, float.PositiveInfinity, 0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, float.NaN });
        using var y = Tensor.Full(0.5f, 19);
        using var mx = x.Maximum(y);
        using var mn = x.Minimum(y);
        using var r = x.Relu();
        Assert.True(float.IsNaN(mx[0]) && float.IsNaN(mx[18]));
        Assert.True(float.IsNaN(mn[0]) && float.IsNaN(r[0]));
        Assert.Equal(float.PositiveInfinity, mx[3]);
        Assert.Equal(0.5f, mn[3]);
        Assert.True(float.IsNaN(x.Max()));
        using var e = Tensor.Create(new float[] { float.NaN, float.NegativeInfinity, float.PositiveInfinity, 89f, -104f, 0f }).Exp();
        Assert.True(float.IsNaN(e[0]));
        Assert.Equal(0f, e[1]);
        Assert.Equal(float.PositiveInfinity, e[2]);
        Assert.Equal(float.PositiveInfinity, e[3]);
        Assert.Equal(0f, e[4]);
        Assert.Equal(1f, e[5]);
    }

    [Fact]
    public void Integer_division_truncates_and_division_by_zero_throws()
    {
        using var x = Tensor.Create(new[] { 7, -7, 9 });
        using var y = Tensor.Create(new[] { 2, 2, -4 });
        using var q = x / y;
        Assert.Equal(new[] { 3, -3, -2 }, q.ToArray());
        using var z = Tensor.Create(new[] { 1, 0, 1 });
        Assert.Throws<DivideByZeroException>(() => x / z);
    }

    [Fact]
    public void Large_outputs_take_the_streaming_store_path_and_stay_exact()
    {
        // 300_007 floats: past the non-temporal threshold, with an odd tail.
        var rng = new SimRng(13);
        const int n = 300_007;
        using var x = rng.Uniform<float>([n], -3, 3);
        using var y = rng.Uniform<float>([n], -3, 3);
        var xd = x.ToArray();
        var yd = y.ToArray();
        using (var r = x + y) Check.Exact(xd.Zip(yd, (a, b) => a + b).ToArray(), r, "large add");
        using (var r = x * 3f) Check.Exact(xd.Select(a => a * 3f).ToArray(), r, "large scalar multiply");
        using (var r = x.Negate()) Check.Exact(xd.Select(a => -a).ToArray(), r, "large negate");
        using (var r = x.Exp())
            Check.Close(xd.Select(a => Math.Exp(a)).ToArray(), r, BackendTolerance.For<float>(ToleranceClass.Transcendental), "large exp");

        // Destination one element into a bigger buffer: not 64-byte aligned.
        using var big = Tensor.Zeros<float>(n + 1);
        using var shifted = big[1..];
        Tensor.Add(x, y, shifted);
        Check.Exact(xd.Zip(yd, (a, b) => a + b).ToArray(), shifted, "large add into unaligned view");
        Assert.Equal(0f, big[0]);

        // In place: x += y.
        using var z = x.Clone();
        Tensor.Add(z, y, z);
        Check.Exact(xd.Zip(yd, (a, b) => a + b).ToArray(), z, "large in-place add");

        // Streaming softmax (row over 1 MiB) against a double reference.
        using var sm = x.Softmax();
        double max = xd.Max();
        double sum = xd.Sum(v => Math.Exp(v - max));
        Check.Close(xd.Select(v => Math.Exp(v - max) / sum).ToArray(), sm, BackendTolerance.For<float>(ToleranceClass.Transcendental).Scaled(1e-6), "streaming softmax");
    }
}
