using System.Runtime.Intrinsics;
using Batuta.Tensors.Operators;
using Batuta.Tensors.Tests.Support;

namespace Batuta.Tensors.Tests;

/// <summary>
/// User-defined operator structs (what the [Kernel] generator emits) run through the same engine:
/// every SIMD width, broadcasting and views.
/// </summary>
public class CustomOperatorTests
{
    /// <summary>saxpy-like: 2·x + y, written the way the generator writes operators.</summary>
    private readonly struct TwoXPlusY : IBinaryOperator<float>
    {
        public static bool Vectorizable => true;
        public static float Invoke(float x, float y) => 2 * x + y;
        public static Vector128<float> Invoke(Vector128<float> x, Vector128<float> y) => Vector128.Create(2f) * x + y;
        public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => Vector256.Create(2f) * x + y;
        public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => Vector512.Create(2f) * x + y;
    }

    private readonly struct SquaredDifference : IBinaryOperator<double>
    {
        public static bool Vectorizable => true;
        public static double Invoke(double x, double y) => (x - y) * (x - y);
        public static Vector128<double> Invoke(Vector128<double> x, Vector128<double> y) => (x - y) * (x - y);
        public static Vector256<double> Invoke(Vector256<double> x, Vector256<double> y) => (x - y) * (x - y);
        public static Vector512<double> Invoke(Vector512<double> x, Vector512<double> y) => (x - y) * (x - y);
    }

    public static IEnumerable<object[]> Backends => Backend.CpuData;

    [Theory]
    [MemberData(nameof(Backends))]
    public void Custom_operators_run_on_every_width_with_broadcasting(string backend)
    {
        using var _ = Backend.Named(backend).Activate();
        var rng = new SimRng(300);
        using var x = rng.Uniform<float>([5, 67], -1, 1);
        using var y = rng.Uniform<float>([67], -1, 1);
        using var r = Tensor.Apply<float, TwoXPlusY>(x, y, name: "two_x_plus_y");
        var expected = Ref.Map(x.ToArray(), [5, 67], y.ToArray(), [67], [5, 67], (a, b) => 2 * a + b);
        Check.Exact(expected, r, $"custom binary [{backend}]");
        using var xt = x.Transpose();
        using var yc = rng.Uniform<float>([67, 1], -1, 1);
        using var rt = Tensor.Apply<float, TwoXPlusY>(xt, yc);
        Assert.Equal(new TensorShape(67, 5), rt.Shape);
        Assert.Equal(2 * x[3, 10] + yc[10, 0], rt[10, 3]);

        using var a = rng.Uniform<double>([1001], -1, 1);
        using var b = rng.Uniform<double>([1001], -1, 1);
        double ssd = Tensor.Aggregate<double, SquaredDifference, AddOperator<double>>(a, b);
        double reference = a.ToArray().Zip(b.ToArray(), (p, q) => (p - q) * (p - q)).Sum();
        Assert.True(BackendTolerance.For<double>(ToleranceClass.Reduction, 1001).IsClose(reference, ssd), $"{ssd} vs {reference}");
        Assert.Equal(a.ToArray().Max(), Tensor.Aggregate<double, IdentityOperator<double>, MaximumOperator<double>>(a));
    }
}
