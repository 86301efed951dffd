using Batuta.Tensors.Tests.Support;

namespace Batuta.Tensors.Tests;

/// <summary>Reductions over all elements and along each axis, on every backend, against the scalar reference.</summary>
public class ReductionTests
{
    public static IEnumerable<object[]> Backends => Backend.CpuData;

    private static readonly int[][] Shapes = [[0], [1], [7], [67], [1000], [3, 0], [4, 33], [2, 3, 17], [5, 1, 7], [6, 129]];

    [Theory]
    [MemberData(nameof(Backends))]
    public void Reductions_match_reference_float(string backend) => Suite<float>(Backend.Named(backend));

    [Theory]
    [MemberData(nameof(Backends))]
    public void Reductions_match_reference_double(string backend) => Suite<double>(Backend.Named(backend));

    [Theory]
    [MemberData(nameof(Backends))]
    public void Integer_reductions_are_exact(string backend)
    {
        using var _ = Backend.Named(backend).Activate();
        var rng = new SimRng(21);
        var owners = new List<IDisposable>();
        try
        {
            foreach (var shape in Shapes)
                foreach (var layout in Cases.Layouts)
                {
                    var x = Cases.WithLayout<long>(rng, shape, layout, owners);
                    var data = Ref.ByIndexer(x);
                    Assert.Equal(data.Sum(), x.Sum());
                    if (data.Length > 0)
                    {
                        Assert.Equal(data.Max(), x.Max());
                        Assert.Equal(data.Min(), x.Min());
                        Assert.Equal(Array.IndexOf(data, data.Max()), x.ArgMax());
                    }
                    for (int axis = 0; axis < shape.Length; axis++)
                    {
                        using var s = x.Sum(axis);
                        var expected = Ref.ReduceAxis(data.Select(v => (double)v).ToArray(), shape, axis, l => l.Sum());
                        Check.Exact(expected.Select(v => (long)v).ToArray(), s, $"int sum axis {axis} {TensorShape.Format(shape)} {layout}");
                    }
                }
        }
        finally
        {
            Check.Dispose(owners);
        }
    }

    private static void Suite<T>(Backend be) where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var _ = be.Activate();
        var rng = new SimRng(17);
        var owners = new List<IDisposable>();
        try
        {
            foreach (var shape in Shapes)
                foreach (var layout in Cases.Layouts)
                {
                    var x = Cases.WithLayout<T>(rng, shape, layout, owners, -1, 2);
                    var data = Ref.ToDouble(x);
                    int n = data.Length;
                    string label = $"[{be}] {TensorShape.Format(shape)} {layout}";
                    var tol = BackendTolerance.For<T>(ToleranceClass.Reduction, n).Scaled(data.Select(Math.Abs).DefaultIfEmpty(1).Max() * 4);
                    Assert.True(tol.IsClose(data.Sum(), double.CreateTruncating(x.Sum())), $"sum {label}");
                    if (n > 0)
                    {
                        Assert.Equal(data.Max(), double.CreateTruncating(x.Max()));
                        Assert.Equal(data.Min(), double.CreateTruncating(x.Min()));
                        Assert.Equal(Array.IndexOf(data, data.Max()), x.ArgMax());
                        Assert.Equal(Array.IndexOf(data, data.Min()), x.ArgMin());
                        Assert.True(tol.IsClose(data.Average(), double.CreateTruncating(x.Mean())), $"mean {label}");
                        double mean = data.Average();
                        double ss = data.Sum(v => (v - mean) * (v - mean));
                        Assert.True(tol.IsClose(ss / n, double.CreateTruncating(x.Var())), $"var {label}");
                        if (n > 1) Assert.True(tol.IsClose(Math.Sqrt(ss / (n - 1)), double.CreateTruncating(x.Std(ddof: 1))), $"std ddof=1 {label}");
                        var prodTol = BackendTolerance.For<T>(ToleranceClass.Reduction, n * n);
                        var small = data.Take(20).ToArray();
                        using var head = Tensor.Create(small.Select(T.CreateTruncating).ToArray());
                        Assert.True(prodTol.IsClose(small.Aggregate(1.0, (a, b) => a * b), double.CreateTruncating(head.Prod())), $"prod {label}");
                    }
                    else
                    {
                        Assert.Throws<ArgumentException>(() => x.Max());
                        Assert.True(T.IsNaN(x.Mean()));
                    }

                    for (int axis = -shape.Length; axis < shape.Length; axis++)
                    {
                        int a = axis < 0 ? axis + shape.Length : axis;
                        int len = shape[a];
                        var axTol = BackendTolerance.For<T>(ToleranceClass.Reduction, len).Scaled(8);
                        using var s = x.Sum(axis);
                        Check.Close(Ref.ReduceAxis(data, shape, a, l => l.Sum()), s, axTol, $"sum axis {axis} {label}");
                        using var kd = x.Sum(axis, keepDims: true);
                        Assert.Equal(1, kd.Shape[a]);
                        using var mean = x.Mean(axis);
                        Check.Close(Ref.ReduceAxis(data, shape, a, l => l.Count == 0 ? double.NaN : l.Average()), mean, axTol, $"mean axis {axis} {label}");
                        using var var1 = x.Var(axis, ddof: 1);
                        Check.Close(Ref.ReduceAxis(data, shape, a, l => Variance(l, 1)), var1, axTol, $"var ddof=1 axis {axis} {label}");
                        using var std0 = x.Std(axis);
                        Check.Close(Ref.ReduceAxis(data, shape, a, l => Math.Sqrt(Variance(l, 0))), std0, axTol, $"std axis {axis} {label}");
                        if (len > 0)
                        {
                            using var mx = x.Max(axis);
                            Check.Close(Ref.ReduceAxis(data, shape, a, l => l.Max()), mx, new Tolerance(0, 0), $"max axis {axis} {label}");
                            using var mn = x.Min(axis);
                            Check.Close(Ref.ReduceAxis(data, shape, a, l => l.Min()), mn, new Tolerance(0, 0), $"min axis {axis} {label}");
                            using var am = x.ArgMax(axis);
                            Check.Close(Ref.ReduceAxis(data, shape, a, l => l.ToList().IndexOf(l.Max())), am, new Tolerance(0, 0), $"argmax axis {axis} {label}");
                            using var an = x.ArgMin(axis);
                            Check.Close(Ref.ReduceAxis(data, shape, a, l => l.ToList().IndexOf(l.Min())), an, new Tolerance(0, 0), $"argmin axis {axis} {label}");
                        }
                        else if (x.Length > 0 || shape.Where((_, i) => i != a).All(d => d > 0))
                        {
                            if (shape.Where((_, i) => i != a).Aggregate(1, (p, d) => p * d) > 0) Assert.Throws<ArgumentException>(() => x.Max(axis));
                        }
                    }
                }
        }
        finally
        {
            Check.Dispose(owners);
        }
    }

    private static double Variance(IReadOnlyList<double> l, double ddof)
    {
        if (l.Count == 0) return double.NaN;
        double m = l.Average();
        return l.Sum(v => (v - m) * (v - m)) / (l.Count - ddof);
    }

    [Fact]
    public void Large_sums_split_across_cores_stay_accurate()
    {
        var rng = new SimRng(2);
        using var x = rng.Uniform<float>([3_000_001]);
        double expected = Ref.ToDouble(x).Sum();
        var tol = BackendTolerance.For<float>(ToleranceClass.Reduction, x.Length).Scaled(1);
        Assert.True(tol.IsClose(expected, x.Sum()), $"sum {x.Sum()} vs {expected}");
        using var d = x.Cast<double>();
        Assert.Equal(expected, d.Sum(), 1e-6);
    }

    [Fact]
    public void Argmax_returns_the_first_NaN_like_numpy()
    {
        using var x = Tensor.Create(new[] { 1.0, double.NaN, 5.0, double.NaN });
        Assert.Equal(1, x.ArgMax());
        Assert.Equal(1, x.ArgMin());
    }
}
