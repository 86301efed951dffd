using Batuta.Tensors.Tests.Support;

namespace Batuta.Tensors.Tests;

/// <summary>softmax and log_softmax: stability, every axis, every backend.</summary>
public class ActivationTests
{
    public static IEnumerable<object[]> Backends => Backend.CpuData;

    [Theory]
    [MemberData(nameof(Backends))]
    public void Softmax_matches_reference_on_every_axis(string backend)
    {
        var be = Backend.Named(backend);
        using var _ = be.Activate();
        var rng = new SimRng(31);
        var owners = new List<IDisposable>();
        try
        {
            foreach (var shape in new[] { new[] { 1 }, [7], [67], [1000], [3, 17], [4, 1, 33], [2, 65, 3] })
                foreach (var layout in Cases.Layouts)
                {
                    var x = Cases.WithLayout<float>(rng, shape, layout, owners, -30, 30);
                    var data = Ref.ToDouble(x);
                    var tol = BackendTolerance.For<float>(ToleranceClass.Transcendental);
                    for (int axis = 0; axis < shape.Length; axis++)
                    {
                        using var s = x.Softmax(axis);
                        using var ls = x.LogSoftmax(axis);
                        Check.Close(SoftmaxRef(data, shape, axis, log: false), s, tol, $"softmax axis {axis} [{be}] {TensorShape.Format(shape)} {layout}");
                        Check.Close(SoftmaxRef(data, shape, axis, log: true), ls, tol.Scaled(40), $"log_softmax axis {axis} [{be}] {TensorShape.Format(shape)} {layout}");
                    }
                }
        }
        finally
        {
            Check.Dispose(owners);
        }
    }

    private static double[] SoftmaxRef(double[] x, int[] shape, int axis, bool log)
    {
        int outer = shape.Take(axis).Aggregate(1, (a, d) => a * d), len = shape[axis], inner = shape.Skip(axis + 1).Aggregate(1, (a, d) => a * d);
        var o = new double[x.Length];
        for (int p = 0; p < outer; p++)
            for (int q = 0; q < inner; q++)
            {
                double m = double.NegativeInfinity;
                for (int a = 0; a < len; a++) m = Math.Max(m, x[(p * len + a) * inner + q]);
                double s = 0;
                for (int a = 0; a < len; a++) s += Math.Exp(x[(p * len + a) * inner + q] - m);
                for (int a = 0; a < len; a++)
                {
                    double v = x[(p * len + a) * inner + q] - m;
                    o[(p * len + a) * inner + q] = log ? v - Math.Log(s) : Math.Exp(v) / s;
                }
            }
        return o;
    }

    [Fact]
    public void Softmax_is_stable_for_huge_logits_and_sums_to_one()
    {
        using var x = Tensor.Create(new[] { 1000f, 1001f, 1002f, -1000f });
        using var s = x.Softmax();
        Assert.All(s.ToArray(), v => Assert.True(float.IsFinite(v)));
        Assert.Equal(1.0, s.ToArray().Sum(v => (double)v), 6);
        using var ls = x.LogSoftmax();
        Assert.Equal(-0.40760596, ls[2], 5);
        Assert.True(ls[3] < -2000);
    }

    [Fact]
    public void Very_long_rows_split_across_cores_give_the_same_softmax()
    {
        var rng = new SimRng(77);
        using var x = rng.Uniform<float>([1 << 19], -5, 5);
        using var parallel = x.Softmax();
        float[] serial;
        var saved = Engine.Parallelism.Workers;
        try
        {
            Engine.Parallelism.Workers = 1;
            using var s = x.Softmax();
            serial = s.ToArray();
        }
        finally
        {
            Engine.Parallelism.Workers = saved;
        }
        var tol = BackendTolerance.For<float>(ToleranceClass.Transcendental);
        Check.Close(serial.Select(v => (double)v).ToArray(), parallel, tol.Scaled(1e-6), "parallel softmax");
        using var lsp = x.LogSoftmax();
        Assert.True(Math.Abs(Math.Log(parallel[5]) - lsp[5]) < 1e-4);
    }

    [Fact]
    public void Swish_with_beta_and_relu_on_integers()
    {
        using var x = Tensor.Create(new[] { -2.0, -0.5, 0, 0.5, 2 });
        using var sw = x.Swish(beta: 2);
        for (int i = 0; i < 5; i++)
        {
            double v = x[i];
            Assert.Equal(v / (1 + Math.Exp(-2 * v)), sw[i], 12);
        }
        using var xi = Tensor.Create(new[] { -3, 0, 4 });
        using var r = xi.Relu();
        Assert.Equal(new[] { 0, 0, 4 }, r.ToArray());
    }
}
