using Batuta.Tensors.Tests.Support;

namespace Batuta.Tensors.Tests;

/// <summary>
/// The remaining operations (where, clip, cumsum, sort, concatenate, copy) over every layout and shape
/// case on every CPU backend, against element-indexer reference loops.
/// </summary>
public class LayoutSweepTests
{
    public static IEnumerable<object[]> Backends => Backend.CpuData;

    [Theory]
    [MemberData(nameof(Backends))]
    public void Ternary_and_scan_operations_match_reference_on_every_layout(string backend)
    {
        var be = Backend.Named(backend);
        using var _ = be.Activate();
        var rng = new SimRng(90);
        var owners = new List<IDisposable>();
        try
        {
            foreach (var shape in Cases.Shapes)
                foreach (var layout in Cases.Layouts)
                {
                    string label = $"[{be}] {TensorShape.Format(shape)} {layout}";
                    var x = Cases.WithLayout<double>(rng, shape, layout, owners);
                    var y = Cases.WithLayout<double>(rng, shape, Cases.Layout.Contiguous, owners);
                    var xs = Ref.ByIndexer(x);
                    var ys = Ref.ByIndexer(y);

                    using (var c = x.Clip(-0.5, 0.5)) Check.Exact(xs.Select(v => Math.Min(Math.Max(v, -0.5), 0.5)).ToArray(), c, $"clip {label}");
                    using (var mask = x.Greater(0.0))
                    using (var w = Tensor.Where(mask, x, y))
                        Check.Exact(xs.Zip(ys, (a, b) => a > 0 ? a : b).ToArray(), w, $"where {label}");
                    using (var ma = Tensor.MultiplyAdd(x, y, x))
                        Check.Close(xs.Zip(ys, (a, b) => a * b + a).ToArray(), ma, BackendTolerance.For<double>(ToleranceClass.ElementWise), $"multiply-add {label}");
                    using (var copy = x.Clone()) Check.Exact(xs, copy, $"clone {label}");

                    if (shape.Length == 0) continue;
                    int axis = shape.Length - 1;
                    using (var cs = x.CumSum(axis))
                    {
                        var expected = new double[xs.Length];
                        int len = shape[axis];
                        for (int i = 0; i < xs.Length; i++) expected[i] = i % Math.Max(len, 1) == 0 ? xs[i] : expected[i - 1] + xs[i];
                        Check.Close(expected, cs, BackendTolerance.For<double>(ToleranceClass.Reduction, len).Scaled(4), $"cumsum {label}");
                    }
                    using (var sorted = x.Sort(axis))
                    {
                        int len = shape[axis];
                        var expected = xs.Chunk(Math.Max(len, 1)).SelectMany(row => row.Order()).ToArray();
                        Check.Exact(expected, sorted, $"sort {label}");
                    }
                    using (var cat = Tensor.Concatenate([x, y], 0))
                        Check.Exact(xs.Concat(ys).ToArray(), cat, $"concatenate {label}");
                }
        }
        finally
        {
            Check.Dispose(owners);
        }
    }
}
